// @ts-nocheck: rule fixture, never compiled
// Tools over an emulated bash with an in-memory filesystem (just-bash): commands and writes change only process
// memory, nothing on the host.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Bash, InMemoryFs } from 'just-bash';
import { z } from 'zod';

const server = new McpServer({ name: 'sandbox', version: '1.0.0' });
const bash = new Bash({ fs: new InMemoryFs() });

server.registerTool(
  // ok: destructive-tool-without-annotations
  'bash_exec',
  {
    description: "Execute a bash command in a fresh sandboxed environment. In-memory filesystem writes don't persist across calls.",
    inputSchema: { command: z.string().describe('The bash command to execute') },
  },
  async ({ command }) => ({ content: [{ type: 'text', text: (await bash.exec(command)).stdout }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'bash_write_file',
  { description: 'Write content to a file in the persistent bash environment.', inputSchema: { path: z.string(), content: z.string() } },
  async ({ path, content }) => {
    await bash.fs.writeFile(path, content);
    return { content: [{ type: 'text', text: 'ok' }] };
  },
);

server.registerTool(
  // what leaves the sandbox is still reported: a message sent to the outside world
  // ruleid: destructive-tool-without-annotations
  'send_output',
  { description: 'Send the command output to a webhook', inputSchema: { url: z.string() } },
  async ({ url }) => ({ content: [{ type: 'text', text: url }] }),
);
