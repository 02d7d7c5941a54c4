import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { chunk, toMrkdwn } from "../../lib/format.js";
import { chat } from "../../lib/openai.js";
import { getPersona } from "../../lib/personas.js";
import { loadThread, toChatMessages } from "../../lib/thread.js";

export async function appMention({ event, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_mention">) {
  const threadTs = event.thread_ts ?? event.ts;
  try {
    const thread = event.thread_ts ? await loadThread(client, event.channel, threadTs) : [event];
    const messages = toChatMessages(thread, context.botUserId ?? "");
    const answer = await chat(messages, getPersona(event.channel));
    for (const part of chunk(toMrkdwn(answer))) {
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: part, unfurl_links: false, unfurl_media: false });
    }
  } catch (error) {
    logger.error("app_mention failed", error);
    await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: "Sorry, something went wrong." });
  }
}
