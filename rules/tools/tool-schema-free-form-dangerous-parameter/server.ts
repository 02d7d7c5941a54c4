// @ts-nocheck: rule fixture, never compiled
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';
import { Pool } from 'pg';

const server = new McpServer({ name: 'ops', version: '1.0.0' });
const pool = new Pool();

server.tool(
  'exec',
  'Run a shell command on the ops host',
  // ruleid: tool-schema-free-form-dangerous-parameter
  { command: z.string().min(1).describe('Command line'), cwd: z.string().optional() },
  async ({ command, cwd }) => ({ content: [{ type: 'text', text: execSync(command, { cwd }).toString() }] }),
);

server.tool(
  'echo',
  'Echo a command name back',
  // ok: tool-schema-free-form-dangerous-parameter
  { command: z.string() },
  async ({ command }) => ({ content: [{ type: 'text', text: `you asked for ${command}` }] }),
);

server.tool(
  'build',
  // ok: tool-schema-free-form-dangerous-parameter
  { command: z.enum(['lint', 'test', 'build']) },
  async ({ command }) => ({ content: [{ type: 'text', text: execSync(`make ${command}`).toString() }] }),
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
  async ({ sql }) => ({ content: [{ type: 'text', text: JSON.stringify((await pool.query(sql)).rows) }] }),
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
  async ({ sql }) => ({ content: [{ type: 'text', text: JSON.stringify((await pool.query(sql)).rows) }] }),
);

server.registerTool(
  'saved_report',
  {
    description: 'Run a saved SQL report by name',
    inputSchema: {
      // ok: tool-schema-free-form-dangerous-parameter
      sql: z.string().describe('Name of a saved SQL report'),
    },
  },
  async ({ sql }) => ({ content: [{ type: 'text', text: JSON.stringify((await pool.query('SELECT * FROM saved WHERE name = $1', [sql])).rows) }] }),
);

export const runCode = tool({
  description: 'Execute JavaScript code in a sandbox and return the result',
  parameters: z.object({
    // ruleid: tool-schema-free-form-dangerous-parameter
    code: z.string(),
  }),
  execute: async ({ code }) => ({ result: eval(code) }),
});

export const formatCode = tool({
  description: 'Pretty-print JavaScript code for display',
  inputSchema: z.object({
    // ok: tool-schema-free-form-dangerous-parameter
    code: z.string(),
  }),
  execute: async ({ code }) => ({ formatted: code.trim() }),
});
