// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { GoogleGenerativeAI } from '@google/generative-ai';

const client = new OpenAI();
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);

export async function POST(req: Request) {
  const { prompt } = await req.json();
  // ruleid: llm-call-without-token-limit
  const result = streamText({ model: openai('gpt-4o'), prompt });
  // ok: llm-call-without-token-limit
  const bounded = streamText({ model: openai('gpt-4o'), prompt, maxOutputTokens: 500 });
  // ruleid: llm-call-without-token-limit
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt });
  // ok: llm-call-without-token-limit
  const older = await generateText({ model: openai('gpt-4o-mini'), prompt, maxTokens: 300 });
  return [result, bounded, text, older];
}

export async function ask(question: string, options: object) {
  // ruleid: llm-call-without-token-limit
  const a = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  // ok: llm-call-without-token-limit
  const b = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], max_tokens: 256 });
  // ok: llm-call-without-token-limit
  const c = await client.chat.completions.create({ ...options, messages: [{ role: 'user', content: question }] });
  // ruleid: llm-call-without-token-limit
  const d = await client.responses.create({ model: 'gpt-4.1', input: question });
  const model = genAI.getGenerativeModel({ model: 'gemini-2.5-flash' });
  // ruleid: llm-call-without-token-limit
  const e = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: question }] }] });
  // ok: llm-call-without-token-limit
  const f = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: question }] }], generationConfig: { maxOutputTokens: 300 } });
  return [a, b, c, d, e, f];
}

// Wrappers with their own request shape carry limits in their model configs: not the SDK call.
export async function summarize(baseLlmClient: BaseLlmClient, geminiClient: GeminiClient, contents: Content[], signal: AbortSignal) {
  // ok: llm-call-without-token-limit
  const summary = await baseLlmClient.generateContent({ modelConfigKey: { model: 'chat-compression' }, contents, promptId: 'compress', role: 'utility', abortSignal: signal });
  // ok: llm-call-without-token-limit
  const search = await geminiClient.generateContent({ model: 'web-search' }, contents, signal, 'tool');
  // ruleid: llm-call-without-token-limit
  const verdict = await contentGenerator.generateContent({ model: 'gemini-2.5-flash', config: { temperature: 0 }, contents });
  // ok: llm-call-without-token-limit
  const bounded = await contentGenerator.generateContent({ model: 'gemini-2.5-flash', config: { temperature: 0, maxOutputTokens: 1024 }, contents });
  return [summary, search, verdict, bounded];
}

export async function followUp(previous: string, outputs: object[]) {
  // ruleid: llm-call-without-token-limit
  const next = await client.responses.create({ model: 'o4-mini', input: outputs, previous_response_id: previous });
  // ok: llm-call-without-token-limit
  const fake = await client.chat.completions.create({ id: 'chatcmpl-test', choices: [] });
  return [next, fake];
}
