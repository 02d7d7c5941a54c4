// Agent tools that run the whole command the model writes. A person approving each call before it runs sees
// exactly what will run; without that step a prompt injection runs commands on the host.
import { execSync } from 'child_process';
import { tool } from 'ai';
import { Agent, tool as agentTool } from '@openai/agents';
import { z } from 'zod';

// AI SDK: the call waits for the user's approval in the chat UI
export const runInTerminal = tool({
  description: 'Run a shell command in the project folder and return its output.',
  inputSchema: z.object({ command: z.string() }),
  needsApproval: true,
  execute: async ({ command }) => {
    // ok: llm-output-code-execution
    return execSync(command, { encoding: 'utf-8', cwd: process.cwd() });
  },
});

// approval switched off: the model's command runs as soon as it asks
export const runUnattended = tool({
  description: 'Run a shell command.',
  inputSchema: z.object({ command: z.string() }),
  needsApproval: false,
  execute: async ({ command }) => {
    // ruleid: llm-output-code-execution
    return execSync(command, { encoding: 'utf-8' });
  },
});

// OpenAI Agents SDK: approval decided per call by a function
export const shellTool = agentTool({
  name: 'shell',
  description: 'Run a command on the build machine.',
  parameters: z.object({ command: z.string() }),
  needsApproval: async (_ctx, { command }) => !command.startsWith('ls '),
  execute: async ({ command }) => {
    // ok: llm-output-code-execution
    return execSync(command, { encoding: 'utf-8' });
  },
});

// approval only covers the whole command: a value formatted into a fixed command line is still an injection
export const grepTool = tool({
  description: 'Search the repository for a pattern.',
  inputSchema: z.object({ pattern: z.string() }),
  needsApproval: true,
  execute: async ({ pattern }) => {
    // ruleid: llm-output-code-execution
    return execSync(`git grep -n "${pattern}"`, { encoding: 'utf-8' });
  },
});

export const agent = new Agent({ name: 'ops', tools: [shellTool] });
