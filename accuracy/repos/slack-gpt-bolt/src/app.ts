import "dotenv/config";
import { App, LogLevel } from "@slack/bolt";
import { registerListeners } from "./listeners/index.js";

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  socketMode: true,
  logLevel: (process.env.LOG_LEVEL as LogLevel) ?? LogLevel.INFO,
});

registerListeners(app);

(async () => {
  await app.start();
  app.logger.info("⚡️ slack-gpt-bolt is running");
})();
