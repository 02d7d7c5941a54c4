import type { ChatMessage } from "./prompt";
import { getSettings } from "./storage";

export async function complete(messages: ChatMessage[]): Promise<string> {
  const { apiKey, model } = await getSettings();
  if (!apiKey) throw new Error("Add your OpenAI API key in the options page.");
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model, messages, max_tokens: 900, temperature: 0.3 }),
  });
  if (!res.ok) throw new Error(`OpenAI error ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const data = await res.json();
  return data.choices?.[0]?.message?.content ?? "";
}
