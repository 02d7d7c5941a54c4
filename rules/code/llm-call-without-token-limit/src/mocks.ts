// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Test doubles used outside a test folder (a storybook story, a dev server): mocks are not models.
import { generateText, streamText } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { openai } from '@ai-sdk/openai';

const mockModel = new MockLanguageModelV3({ doGenerate: async () => ({ text: 'hello' }) });
const canned = new MockLanguageModelV3({ doStream: async () => ({ stream: [] }) });

export async function preview(prompt: string) {
  // ok: llm-call-without-token-limit
  const a = await generateText({ model: new MockLanguageModelV3({ doGenerate: async () => ({ text: 'x' }) }), prompt });
  // ok: llm-call-without-token-limit
  const b = await generateText({ model: mockModel, prompt });
  // ok: llm-call-without-token-limit
  const c = streamText({ model: canned, prompt });
  // ruleid: llm-call-without-token-limit
  const d = await generateText({ model: openai('gpt-4o-mini'), prompt });
  return [a, b, c, d];
}
