// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const client = new OpenAI();

const systemPrompt = [
  'You are the deployment assistant.',
  // ruleid: secret-in-system-prompt
  'To trigger a deploy, call the API with token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
].join('\n');

// ruleid: secret-in-system-prompt
const SYSTEM = 'You manage the S3 bucket. Credentials: AKIAIOSFODNN7EXAMPLE';
// ok: secret-in-system-prompt
const SAFE_SYSTEM = 'You manage the S3 bucket through the upload tool only.';

export async function chat(question: string) {
  const a = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: question },
    ],
  });
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 300,
    // ruleid: secret-in-system-prompt
    system: `You are a support bot. Internal api_key: ${'x'} sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345`,
    prompt: question,
  });
  // ok: secret-in-system-prompt
  const b = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 100, system: SAFE_SYSTEM, prompt: question });
  return [a, text, b, systemPrompt];
}
