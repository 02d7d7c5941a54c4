import type { WebClient } from "@slack/web-api";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

const MAX_MESSAGES = 30;

export interface SlackMessage {
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
}

export function stripMention(text: string, botUserId: string): string {
  return text.replaceAll(`<@${botUserId}>`, "").trim();
}

export function toChatMessages(messages: SlackMessage[], botUserId: string): ChatCompletionMessageParam[] {
  return messages
    .filter((m) => m.text)
    .slice(-MAX_MESSAGES)
    .map((m) =>
      m.bot_id || m.user === botUserId
        ? { role: "assistant" as const, content: m.text ?? "" }
        : { role: "user" as const, content: `<@${m.user}>: ${stripMention(m.text ?? "", botUserId)}` },
    );
}

export async function loadThread(client: WebClient, channel: string, ts: string): Promise<SlackMessage[]> {
  const res = await client.conversations.replies({ channel, ts, limit: MAX_MESSAGES });
  return (res.messages ?? []) as SlackMessage[];
}
