// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const NOTES_DIR = '/var/lib/notes';

server.tool('read_note', { title: z.string() }, async ({ title }) => {
  // ruleid: tool-argument-path-traversal
  const text = await readFile(path.join(NOTES_DIR, path.basename(title)), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.tool('delete_note', { title: z.string() }, async (args) => {
  // ruleid: tool-argument-path-traversal
  await unlink(path.join(NOTES_DIR, path.basename(args.title)));
  return { content: [{ type: 'text', text: 'deleted' }] };
});

server.tool('list_notes', {}, async () => {
  // ok: tool-argument-path-traversal
  const text = await readFile(path.join(NOTES_DIR, 'index.txt'), 'utf8');
  return { content: [{ type: 'text', text }] };
});
