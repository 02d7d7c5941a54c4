// @ts-nocheck
import OpenAI from 'openai';

const client = new OpenAI();

export async function planSteps(goal: string): Promise<string[]> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 256,
    messages: [{ role: 'user', content: `Return a JSON array of steps for: ${goal}` }],
  });
  const text = completion.choices[0].message.content ?? '[]';
  // ruleid: llm-output-code-execution
  return JSON.parse(text);
}

export function staticSteps(): string[] {
  // ok: llm-output-code-execution
  return eval('["a", "b"]');
}
