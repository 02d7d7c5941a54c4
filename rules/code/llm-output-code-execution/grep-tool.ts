// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A coding agent's search tool that builds its shell command piece by piece with `+=`.
import { tool } from 'ai';
import { z } from 'zod';
import { execSync, execFileSync } from 'node:child_process';

export const grepTool = tool({
  description: 'Search the project for a pattern',
  inputSchema: z.object({ pattern: z.string(), dir: z.string().optional() }),
  execute: async ({ pattern, dir }) => {
    let cmd = 'grep -rn ';
    cmd += pattern;
    cmd += ` ${dir ?? '.'}`;
    // ruleid: llm-output-code-execution
    return execSync(cmd).toString();
  },
});

export const countTool = tool({
  description: 'Count the TypeScript files of the project',
  inputSchema: z.object({}),
  execute: async () => {
    let cmd = 'find . -name "*.ts"';
    cmd += ' | wc -l';
    // ok: llm-output-code-execution
    return execSync(cmd).toString();
  },
});

export const searchTool = tool({
  description: 'Search the project for a pattern, without a shell',
  inputSchema: z.object({ pattern: z.string() }),
  execute: async ({ pattern }) => {
    const args = ['-rn', '--', pattern, '.'];
    // ok: llm-output-code-execution
    return execFileSync('grep', args).toString();
  },
});
