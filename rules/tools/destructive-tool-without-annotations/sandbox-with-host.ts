// @ts-nocheck: rule fixture, never compiled
// The same sandbox library, but the file also reaches the host (fs, child_process): the tools may write for real.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Bash } from 'just-bash';
import { execSync } from 'node:child_process';
import * as fs from 'fs';
import { z } from 'zod';

const server = new McpServer({ name: 'sandbox', version: '1.0.0' });
const bash = new Bash();

server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'bash_exec',
  { description: 'Execute a bash command', inputSchema: { command: z.string() } },
  async ({ command }) => ({ content: [{ type: 'text', text: execSync(command).toString() }] }),
);

server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'write_file',
  { description: 'Write content to a file', inputSchema: { path: z.string(), content: z.string() } },
  async ({ path, content }) => {
    fs.writeFileSync(path, content);
    return { content: [{ type: 'text', text: (await bash.exec('ls')).stdout }] };
  },
);
