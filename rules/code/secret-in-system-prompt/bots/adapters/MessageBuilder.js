"use strict";
// compiled shape of a bot framework's message builder (tsc CommonJS output)
Object.defineProperty(exports, "__esModule", { value: true });
const templates_1 = require("../templates");
// sentinels the model is asked to print: words, no digits, nothing random
const WRAP_UP_TOKEN = `WRAP_UP_NOW`;
const HANDOFF_TOKEN = '[HANDOFF]';
exports.ESCALATE_TOKEN = 'escalate-to-human';
// a credential named only by its _token ending: random-shaped, so still a credential
const RESUME_TOKEN = 'rt9fK2mQ7xLp4vZ8wB3nT6yH1c';
class MessageBuilder {
    static SESSION_TOKEN = 'sess_Q8z7Lk2Pw9Xv4Nm1Rt6Y';
    buildWeAreDoneWhenMessage(weAreDoneWhen) {
        return {
            role: 'system',
            // ok: secret-in-system-prompt
            content: `Our conversation is done when ${weAreDoneWhen}. Once you determine we are done, send me the following message so I know we're done: ${templates_1.DONE_TOKEN}`,
        };
    }
    buildWrapUpMessage() {
        return {
            role: 'system',
            // ok: secret-in-system-prompt
            content: `When the user has everything they need, reply with ${WRAP_UP_TOKEN} and nothing else. To hand off, reply ${HANDOFF_TOKEN} or ${exports.ESCALATE_TOKEN}.`,
        };
    }
    buildResumeMessage() {
        return {
            role: 'system',
            // ruleid: secret-in-system-prompt
            content: `To resume the user's session, call the API with ${RESUME_TOKEN}.`,
        };
    }
    buildSessionMessage() {
        return {
            role: 'system',
            // ruleid: secret-in-system-prompt
            content: `Session: ${MessageBuilder.SESSION_TOKEN}`,
        };
    }
    buildAdminMessage(config) {
        return {
            role: 'system',
            // ruleid: secret-in-system-prompt
            content: `Admin calls use ${config.BOT_TOKEN} and ${process.env.SLACK_BOT_TOKEN}.`,
        };
    }
}
exports.default = MessageBuilder;
