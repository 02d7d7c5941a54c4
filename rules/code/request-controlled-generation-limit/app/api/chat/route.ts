import OpenAI from 'openai';
import { openai } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import { z } from 'zod';

const client = new OpenAI();

export async function POST(req: Request) {
  const body = await req.json();
  const r = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: body.messages,
    // ruleid: request-controlled-generation-limit
    max_tokens: body.max_tokens,
  });
  return Response.json(r.choices[0].message);
}

export async function PUT(req: Request) {
  const { prompt, maxTokens } = await req.json();
  // ruleid: request-controlled-generation-limit
  const result = streamText({ model: openai('gpt-4o'), prompt, maxTokens });
  return result.toDataStreamResponse();
}

export async function PATCH(req: Request) {
  const { prompt, maxTokens } = await req.json();
  // ok: request-controlled-generation-limit
  const result = await generateText({ model: openai('gpt-4o'), prompt, maxTokens: Math.min(Number(maxTokens) || 512, 2048) });
  return Response.json({ text: result.text });
}

const Body = z.object({ prompt: z.string(), maxOutputTokens: z.number().int().min(1).max(2048) });

export async function DELETE(req: Request) {
  const { prompt, maxOutputTokens } = Body.parse(await req.json());
  // ok: request-controlled-generation-limit
  const result = await generateText({ model: openai('gpt-4o'), prompt, maxOutputTokens });
  return Response.json({ text: result.text });
}

export async function GET(req: Request) {
  const n = Number(new URL(req.url).searchParams.get('n') ?? '1');
  // ok: request-controlled-generation-limit
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Suggest a name' }], n: n > 4 ? 4 : n });
  return Response.json(r.choices.map((c) => c.message.content));
}
