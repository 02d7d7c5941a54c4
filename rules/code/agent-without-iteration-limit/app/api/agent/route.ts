import { openai } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText } from 'ai';
import { tools } from '@/lib/tools';

export async function POST(req: Request) {
  const { prompt, maxSteps } = await req.json();
  // ruleid: agent-without-iteration-limit
  const result = await generateText({ model: openai('gpt-4o'), tools, maxSteps, prompt });
  return Response.json({ text: result.text });
}

export async function PUT(req: Request) {
  const body = await req.json();
  // ruleid: agent-without-iteration-limit
  const result = streamText({ model: openai('gpt-4o'), tools, stopWhen: stepCountIs(body.steps), prompt: body.prompt });
  return result.toTextStreamResponse();
}

export async function PATCH(req: Request) {
  const body = await req.json();
  const steps = Math.min(Number(body.steps) || 5, 10);
  // ok: agent-without-iteration-limit
  const result = await generateText({ model: openai('gpt-4o'), tools, maxSteps: steps, prompt: body.prompt });
  return Response.json({ text: result.text });
}

export async function GET(req: Request) {
  const q = new URL(req.url).searchParams.get('q') ?? '';
  // ok: agent-without-iteration-limit
  const result = await generateText({ model: openai('gpt-4o'), tools, stopWhen: stepCountIs(8), prompt: q });
  return Response.json({ text: result.text });
}
