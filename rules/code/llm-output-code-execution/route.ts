// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { exec, execSync, spawn } from 'node:child_process';
import * as cp from 'child_process';
import vm from 'node:vm';
import { promisify } from 'node:util';

const client = new OpenAI();
const anthropic = new Anthropic();
const execAsync = promisify(exec);

export async function runGenerated(task: string): Promise<unknown> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `Write JavaScript for ${task}` }],
  });
  const code = completion.choices[0].message.content ?? '';
  console.log('running');
  // ruleid: llm-output-code-execution
  return eval(code);
}

export async function shell(goal: string): Promise<void> {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: `One shell command to ${goal}` });
  const cmd = 'set -e; ' + text.trim();
  // ruleid: llm-output-code-execution
  execSync(cmd);
  // ruleid: llm-output-code-execution
  await execAsync(`${text}`);
  // ruleid: llm-output-code-execution
  cp.exec(text, () => undefined);
  // ruleid: llm-output-code-execution
  spawn(text, ['--version']);
  // ok: llm-output-code-execution
  spawn('git', ['status']);
  // ok: llm-output-code-execution
  execSync('ls -la');
}

async function askClaude(prompt: string): Promise<string> {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] });
  const block = msg.content[0];
  return block.type === 'text' ? block.text : '';
}

export async function sandboxed(prompt: string): Promise<unknown> {
  const body = await askClaude(prompt);
  // ruleid: llm-output-code-execution
  const fn = new Function('input', body);
  // ruleid: llm-output-code-execution
  vm.runInNewContext(body, {});
  // ok: llm-output-code-execution
  const parsed = JSON.parse(body);
  // ok: llm-output-code-execution
  eval(JSON.parse(body));
  return [fn, parsed];
}

export function regexUse(input: string): void {
  const re = /(\d+)/;
  // ok: llm-output-code-execution
  re.exec(input);
  // ok: llm-output-code-execution
  setTimeout(() => console.log(input), 10);
}
