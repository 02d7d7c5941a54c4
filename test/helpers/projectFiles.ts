/** Workspace files shared by the cross-file and incremental-index tests. */

/** A TS helper whose exported function returns model output. */
export const TS_LLM_COMPLETE = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function complete(prompt: string): Promise<string> {',
  "  const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
  "  return r.choices[0].message.content ?? '';",
  '}',
  '',
].join('\n');
