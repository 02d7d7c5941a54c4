import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

export const openai = new OpenAI();
export const MODEL = process.env.OPENAI_MODEL ?? "gpt-4o-mini";

export const BASE_SYSTEM_PROMPT = `You are a helpful assistant in a Slack workspace.
Answer concisely. Use Slack mrkdwn (*bold*, _italic_, \`code\`), not Markdown headings.
If you are not sure, say so.`;

export function systemPrompt(persona?: string): string {
  if (!persona) return BASE_SYSTEM_PROMPT;
  return `${BASE_SYSTEM_PROMPT}\n\nPersona for this channel: ${persona}`;
}

export async function chat(messages: ChatCompletionMessageParam[], persona?: string): Promise<string> {
  const res = await openai.chat.completions.create({
    model: MODEL,
    max_tokens: 800,
    temperature: 0.4,
    messages: [{ role: "system", content: systemPrompt(persona) }, ...messages],
  });
  return res.choices[0]?.message?.content ?? "";
}

export async function summarize(text: string): Promise<string> {
  const res = await openai.chat.completions.create({
    model: MODEL,
    max_tokens: 400,
    messages: [
      { role: "system", content: "Summarise the page the user gives you in at most five bullet points (Slack mrkdwn)." },
      { role: "user", content: text },
    ],
  });
  return res.choices[0]?.message?.content ?? "";
}
