// @ts-nocheck: rule fixture, never compiled
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'shell', version: '1.0.0' });

server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'run_command',
  {
    title: 'Run command',
    description: 'Run a command in the project directory',
    inputSchema: { command: z.enum(['test', 'lint']) },
  },
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'remove_branch',
  {
    description: 'Remove a local git branch',
    inputSchema: { branch: z.string() },
    annotations: { destructiveHint: true, openWorldHint: false },
  },
  async ({ branch }) => ({ content: [{ type: 'text', text: branch }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'publish_package',
  'Publish the package to the registry',
  { tag: z.string() },
  { title: 'Publish' },
  async ({ tag }) => ({ content: [{ type: 'text', text: tag }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'push_branch',
  'Push the current branch to origin',
  { branch: z.string() },
  { destructiveHint: true },
  async ({ branch }) => ({ content: [{ type: 'text', text: branch }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'git_status',
  'Show the working tree status',
  async () => ({ content: [{ type: 'text', text: 'clean' }] }),
);
