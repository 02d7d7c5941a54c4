// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import OpenAI from 'openai';

const client = new OpenAI();

export async function POST(req: Request) {
  const { text } = await req.json();
  // ruleid: prompt-injection-untrusted-input
  const { text: summary } = await generateText({ model: openai('gpt-4o'), prompt: `Summarize this support ticket and suggest a reply: <user_input>${text}</user_input>` });
  // ok: prompt-injection-untrusted-input
  const { text: fenced } = await generateText({ model: openai('gpt-4o'), prompt: `Summarize the ticket inside the tags.\n<ticket>${text}</ticket>` });
  // ok: prompt-injection-untrusted-input
  const { text: plain } = await generateText({ model: openai('gpt-4o'), system: 'You summarize tickets.', prompt: text });
  return Response.json({ summary, fenced, plain });
}

export async function legacy(req) {
  // ruleid: prompt-injection-untrusted-input
  const question = `Answer the customer question briefly: <user_input>${req.body.question}</user_input>`;
  // ok: prompt-injection-untrusted-input
  const resp = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: question });
  return resp.choices[0].text;
}
