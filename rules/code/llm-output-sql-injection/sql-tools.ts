// Tool arguments the model chose, formatted into SQL inside MCP and AI SDK tools.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from 'ai';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { z } from 'zod';

const db = new Database('shop.db');
const pool = new Pool();
const server = new McpServer({ name: 'shop', version: '1.0.0' });

function ordersQuery(customer: string): string {
  return `SELECT id, total FROM orders WHERE customer = '${customer}'`;
}

async function runSql(sql: string) {
  // ruleid: llm-output-sql-injection
  return pool.query(sql);
}

server.tool('find_orders', { customer: z.string() }, async ({ customer }) => {
  // ruleid: llm-output-sql-injection
  const rows = db.prepare(ordersQuery(customer)).all();
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

server.registerTool('count_orders', { inputSchema: { status: z.string() } }, async ({ status }) => {
  const res = await runSql('SELECT count(*) FROM orders WHERE status = \'' + status + '\'');
  return { content: [{ type: 'text', text: String(res.rows[0].count) }] };
});

server.tool('find_orders_safe', { customer: z.string() }, async ({ customer }) => {
  // ok: llm-output-sql-injection
  const rows = db.prepare('SELECT id, total FROM orders WHERE customer = ?').all(customer);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

export const productSearch = tool({
  description: 'Search products by name',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    // ruleid: llm-output-sql-injection
    const { rows } = await pool.query(`SELECT * FROM products WHERE name ILIKE '%${name}%'`);
    return rows;
  },
});

export const productSearchSafe = tool({
  description: 'Search products by name',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    // ok: llm-output-sql-injection
    const { rows } = await pool.query('SELECT * FROM products WHERE name ILIKE $1', [`%${name}%`]);
    return rows;
  },
});
