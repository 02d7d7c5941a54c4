// @ts-nocheck: rule fixture, never compiled
// A coding assistant's terminal tool: the user approves every command in the chat before it runs.
import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';

export const terminal = tool({
  description: 'Run a command in the project terminal.',
  inputSchema: z.object({
    // ok: tool-schema-free-form-dangerous-parameter
    command: z.string().describe('shell command to run'),
  }),
  needsApproval: true,
  execute: async ({ command }) => execSync(command, { encoding: 'utf-8' }),
});

// the same tool with approval left to a flag that is off
export const terminalAuto = tool({
  description: 'Run a command in the project terminal.',
  inputSchema: z.object({
    // ruleid: tool-schema-free-form-dangerous-parameter
    command: z.string().describe('shell command to run'),
  }),
  needsApproval: false,
  execute: async ({ command }) => execSync(command, { encoding: 'utf-8' }),
});
