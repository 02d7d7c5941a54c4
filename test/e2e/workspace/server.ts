// @ts-nocheck -- fixture for the real-editor tests; the openai package is not installed here
// Agent endpoint: asks the model for a shell command and runs it.
import OpenAI from 'openai';
import { exec } from 'node:child_process';

const openai = new OpenAI({ apiKey: 'sk-proj-Qm7vT2xLw9RkZp4HcN8yBd3FsJ6gUe1AoXi5WtYr0KbVn2MqLz' });

export async function runAgentStep(goal: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [
      { role: 'system', content: 'Reply with exactly one bash command.' },
      { role: 'user', content: goal },
    ],
  });
  const command = completion.choices[0].message.content ?? '';
  return new Promise((resolve, reject) => {
    exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

export async function calculate(question: string): Promise<unknown> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: `JavaScript expression for: ${question}` }],
  });
  const expression = completion.choices[0].message.content ?? '0';
  return eval(expression);
}
