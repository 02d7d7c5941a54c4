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
  // an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
  // ok: tool-schema-free-form-dangerous-parameter
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
      // an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
      // ok: tool-schema-free-form-dangerous-parameter
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
    // an agent tool (not an MCP server's): the model's code runs as soon as it asks
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

// A database server's SQL tools: the statement is the tool's purpose, and each one declares its effect to the host
server.registerTool(
  'sql_read',
  {
    description: 'Run one read-only SQL statement; the session is read-only, so writes are refused by the database',
    inputSchema: {
      // ok: tool-schema-free-form-dangerous-parameter
      sql: z.string().describe('One SQL statement. Use $1, $2 for parameters.'),
      params: z.array(z.string()).optional(),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ sql, params }) => ({ content: [{ type: 'text', text: JSON.stringify((await pool.query(sql, params)).rows) }] }),
);

server.registerTool(
  'sql_write',
  {
    description: 'Run one INSERT / UPDATE / DELETE statement',
    inputSchema: {
      // ok: tool-schema-free-form-dangerous-parameter
      sql: z.string().describe('One data-changing SQL statement'),
    },
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
  async ({ sql }) => ({ content: [{ type: 'text', text: String((await pool.query(sql)).rowCount) }] }),
);

server.tool(
  'shell',
  'Run a shell command on the ops host',
  // ok: tool-schema-free-form-dangerous-parameter
  { command: z.string() },
  { destructiveHint: true, openWorldHint: true },
  async ({ command }) => ({ content: [{ type: 'text', text: execSync(command).toString() }] }),
);

server.registerTool(
  'sql_admin',
  {
    description: 'Run any SQL statement',
    inputSchema: {
      // an MCP tool running the whole statement it is given: its purpose (destructive-tool-without-annotations reports it)
      // ok: tool-schema-free-form-dangerous-parameter
      sql: z.string(),
    },
    annotations: { title: 'Admin SQL' },
  },
  async ({ sql }) => ({ content: [{ type: 'text', text: JSON.stringify((await pool.query(sql)).rows) }] }),
);

server.tool(
  'grep',
  'Search the repository',
  {
    // the free-form value is formatted into a fixed command line: an injection, not the tool's purpose
    // ruleid: tool-schema-free-form-dangerous-parameter
    command: z.string().describe('extra grep options'),
  },
  async ({ command }) => ({ content: [{ type: 'text', text: execSync(`grep -rn ${command} src`).toString() }] }),
);
