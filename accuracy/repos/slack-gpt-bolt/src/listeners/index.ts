import type { App } from "@slack/bolt";
import { personaCommand } from "./commands/persona.js";
import { tldrCommand } from "./commands/tldr.js";
import { appMention } from "./events/app-mention.js";
import { directMessage } from "./events/message-im.js";

export function registerListeners(app: App): void {
  app.event("app_mention", appMention);
  app.message(directMessage);
  app.command("/tldr", tldrCommand);
  app.command("/gpt-persona", personaCommand);
}
