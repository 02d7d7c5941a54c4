/** Code snippets shared by the MCP server and agent hook tests: model output reaching exec/eval, and an unsafe loader. */

/** Model output reaching exec in Python. */
export const PY_EXEC = [
  'from openai import OpenAI',
  'client = OpenAI()',
  '',
  'def run(task: str) -> None:',
  '    r = client.chat.completions.create(model="gpt-4o", max_tokens=256, messages=[{"role": "user", "content": task}])',
  '    code = r.choices[0].message.content',
  '    exec(code)',
  '',
].join('\n');

/** Model output reaching eval in TypeScript: a finding with a fix (JSON.parse). */
export const TS_EVAL = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function planSteps(goal: string): Promise<string[]> {',
  "  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 256, messages: [{ role: 'user', content: goal }] });",
  "  const text = completion.choices[0].message.content ?? '[]';",
  '  return eval(text);',
  '}',
  '',
].join('\n');

export const LOADER = ['import torch', '', 'def load(path):', '    return torch.load(path)', ''].join('\n');
