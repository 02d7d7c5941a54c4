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
