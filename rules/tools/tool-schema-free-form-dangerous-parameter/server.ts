// @ts-nocheck: rule fixture, never compiled
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from 'ai';
import { z } from 'zod';

const server = new McpServer({ name: 'ops', version: '1.0.0' });

server.tool(
  'exec',
  'Run a shell command on the ops host',
  // ruleid: tool-schema-free-form-dangerous-parameter
  { command: z.string().min(1).describe('Command line'), cwd: z.string().optional() },
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.tool(
  'build',
  // ok: tool-schema-free-form-dangerous-parameter
  { command: z.enum(['lint', 'test', 'build']) },
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.registerTool(
  'report',
  {
    description: 'Query the reporting database',
    inputSchema: {
      // ruleid: tool-schema-free-form-dangerous-parameter
      sql: z.string().describe('A SELECT statement'),
      // ok: tool-schema-free-form-dangerous-parameter
      query: z.string().describe('Free-text search over report titles'),
    },
  },
  async ({ sql }) => ({ content: [{ type: 'text', text: sql }] }),
);

server.registerTool(
  'report_by_id',
  {
    description: 'Read one report',
    inputSchema: {
      // ok: tool-schema-free-form-dangerous-parameter
      sql: z.string().regex(/^SELECT \* FROM reports WHERE id = \d+$/),
    },
  },
  async ({ sql }) => ({ content: [{ type: 'text', text: sql }] }),
);

export const runCode = tool({
  description: 'Execute JavaScript code in a sandbox and return the result',
  parameters: z.object({
    // ruleid: tool-schema-free-form-dangerous-parameter
    code: z.string(),
  }),
  execute: async ({ code }) => ({ code }),
});
