// Tools written as plain functions, described to the model with OpenAI function-calling schemas and dispatched by
// name from the model's tool calls.
import { execSync } from 'child_process';
import OpenAI from 'openai';

const client = new OpenAI();

export const tools: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'git_log',
      description: 'Show the history of a file.',
      parameters: { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'branch_list',
      description: 'List the branches.',
      parameters: { type: 'object', properties: {} },
    },
  },
  {
    type: 'function',
    function: {
      name: 'evaluate',
      description: 'Evaluate a JavaScript expression.',
      parameters: { type: 'object', properties: { expression: { type: 'string' } } },
    },
  },
];

export async function git_log({ file }: { file: string }): Promise<string> {
  // ruleid: llm-output-code-execution
  return execSync(`git log --oneline -- "${file}"`, { encoding: 'utf-8' });
}

export async function branch_list(): Promise<string> {
  // ok: llm-output-code-execution
  return execSync('git branch --list', { encoding: 'utf-8' });
}

const handlers: Record<string, (args: any) => Promise<string>> = {
  git_log,
  branch_list,
  evaluate: async ({ expression }: { expression: string }) => {
    // ruleid: llm-output-code-execution
    return String(eval(expression));
  },
};

// not a tool: no schema names it, the build script calls it with its own command
export function runStep(command: string): string {
  // ok: llm-output-code-execution
  return execSync(command, { encoding: 'utf-8' });
}

export async function chat(messages: OpenAI.ChatCompletionMessageParam[]) {
  const r = await client.chat.completions.create({ model: 'gpt-4o', messages, tools });
  for (const call of r.choices[0].message.tool_calls ?? []) {
    const out = await handlers[call.function.name](JSON.parse(call.function.arguments));
    messages.push({ role: 'tool', tool_call_id: call.id, content: out });
  }
}
