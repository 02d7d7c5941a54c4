// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from 'ai';
import { z } from 'zod';
import { promises as fsp, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';

const server = new McpServer({ name: 'files', version: '1.0.0' });
const ROOT = path.resolve('/srv/workspace');

server.tool('read_file', 'Read a file', { file: z.string() }, async ({ file }) => {
  // ruleid: tool-argument-path-traversal
  const text = await fs.readFile(path.join(ROOT, file), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool(
  'delete_file',
  { description: 'Delete a file', inputSchema: { target: z.string() } },
  async ({ target }) => {
    // ruleid: tool-argument-path-traversal
    await fs.rm(target, { recursive: true });
    return { content: [{ type: 'text', text: 'deleted' }] };
  },
);

server.registerTool(
  'read_confined',
  { description: 'Read inside the workspace', inputSchema: { file: z.string() } },
  async ({ file }) => {
    const resolved = path.resolve(ROOT, file);
    if (!resolved.startsWith(ROOT + path.sep)) {
      throw new Error('path escapes the workspace');
    }
    // ok: tool-argument-path-traversal
    const text = await fs.readFile(resolved, 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);

server.tool('read_named', { name: z.string() }, async ({ name }) => {
  // ok: tool-argument-path-traversal
  const text = readFileSync(path.join(ROOT, path.basename(name)), 'utf8');
  return { content: [{ type: 'text', text }] };
});

export const writeTool = tool({
  description: 'Write a file in the project',
  parameters: z.object({ filePath: z.string(), content: z.string() }),
  execute: async ({ filePath, content }) => {
    // ruleid: tool-argument-path-traversal
    await fsp.writeFile(path.join(ROOT, filePath), content);
    return 'written';
  },
});

export async function onToolCall(toolCall: { function: { arguments: string } }) {
  const args = JSON.parse(toolCall.function.arguments);
  // ruleid: tool-argument-path-traversal
  return readFileSync(args.path, 'utf8');
}

export function readConfig(name: string) {
  // ok: tool-argument-path-traversal
  return readFileSync(path.join(ROOT, 'config', 'app.json'), 'utf8') + name;
}
