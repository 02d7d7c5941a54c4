import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { setPersona } from "../../lib/personas.js";

export async function personaCommand({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) {
  await ack();
  const text = command.text.trim();
  if (!text || text === "reset") {
    setPersona(command.channel_id, undefined);
    await respond({ response_type: "ephemeral", text: "Persona cleared for this channel." });
    return;
  }
  setPersona(command.channel_id, text);
  await respond({ response_type: "in_channel", text: `<@${command.user_id}> set the bot persona for this channel.` });
}
