// Agent endpoint of the support bot: the model picks a tool and its arguments.
import OpenAI from 'openai';
import { readFile } from 'node:fs/promises';
import { exec } from 'node:child_process';

const openai = new OpenAI();

export const tools = [
  {
    type: 'function',
    function: {
      name: 'read_attachment',
      description: 'Read a file attached to the ticket.',
      parameters: { type: 'object', properties: { path: { type: 'string' } } },
    },
  },
];

export async function readAttachment(args: { path: string }): Promise<string> {
  return readFile(args.path, 'utf8');
}

export async function diagnose(ticket: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [
      { role: 'system', content: 'Reply with one shell command that collects diagnostics.' },
      { role: 'user', content: ticket },
    ],
  });
  const command = completion.choices[0].message.content ?? '';
  return new Promise((resolve, reject) => exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout))));
}
