import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { chunk, toMrkdwn } from "../../lib/format.js";
import { chat } from "../../lib/openai.js";
import { toChatMessages } from "../../lib/thread.js";

export async function directMessage({ message, client, context, say, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<"message">) {
  if (message.channel_type !== "im" || message.subtype) return;
  try {
    const history = await client.conversations.history({ channel: message.channel, limit: 20 });
    const messages = toChatMessages([...(history.messages ?? [])].reverse() as never, context.botUserId ?? "");
    const answer = await chat(messages);
    for (const part of chunk(toMrkdwn(answer))) await say({ text: part, unfurl_links: false });
  } catch (error) {
    logger.error("im failed", error);
  }
}
