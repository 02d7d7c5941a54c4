// Next.js route handler with the Vercel AI SDK. Deliberately vulnerable demo for AISec.
import { streamText, generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { execSync } from 'node:child_process';

export async function POST(req: Request) {
  const { messages, language } = await req.json();
  const result = streamText({
    model: openai('gpt-4o'),
    system: `You are ACME's assistant. Always answer in ${language}.`,
    messages,
  });
  return result.toTextStreamResponse();
}

export async function PUT(req: Request) {
  const { task } = await req.json();
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 200, prompt: `Shell command for: ${task}` });
  const output = execSync(text).toString();
  return Response.json({ output });
}
