// MCP servers whose tools run the SQL their client sends: by design, unless a read-only promise can be escaped.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import sqlite3 from 'sqlite3';
import { Pool } from 'pg';
import { z } from 'zod';

const pool = new Pool();

// a reference Postgres server: "read-only" through a transaction, but node-postgres runs every statement of
// the text, so `COMMIT; DROP TABLE users` ends the transaction and writes
const pg = new Server({ name: 'postgres', version: '0.1.0' }, { capabilities: { tools: {} } });
pg.setRequestHandler(CallToolRequestSchema, async (request) => {
  const sql = request.params.arguments?.sql as string;
  const client = await pool.connect();
  try {
    await client.query('BEGIN TRANSACTION READ ONLY');
    // ruleid: llm-output-sql-injection
    const result = await client.query(sql);
    return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
});

const server = new McpServer({ name: 'warehouse', version: '1.0.0' });

server.tool('read_query', { sql: z.string() }, async ({ sql }) => {
  const client = await pool.connect();
  // the session itself is read-only: a COMMIT inside the text starts another read-only transaction
  await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
  // ok: llm-output-sql-injection
  const result = await client.query(sql);
  client.release();
  return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
});

server.tool('read_query_single', { sql: z.string() }, async ({ sql }) => {
  const client = await pool.connect();
  await client.query('BEGIN READ ONLY');
  // a parameter list makes node-postgres use the extended protocol: one statement only
  // ok: llm-output-sql-injection
  const result = await client.query(sql, []);
  await client.query('ROLLBACK');
  client.release();
  return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
});

// a SQLite server: read_query / write_query run the client's SQL through one helper, by design
class SqliteDatabase {
  private readonly db = new sqlite3.Database('data.db');

  query(sql: string, params: unknown[] = []): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      // ok: llm-output-sql-injection
      this.db.all(sql, params, (err: Error | null, rows: unknown[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  describeTable(table: string) {
    return this.query(`PRAGMA table_info(${table})`);
  }
}
const lite = new SqliteDatabase();
server.tool('write_query', { query: z.string() }, async ({ query }) => ({ content: [{ type: 'text', text: JSON.stringify(await lite.query(query)) }] }));
server.tool('describe_table', { table: z.string() }, async ({ table }) => ({ content: [{ type: 'text', text: JSON.stringify(await lite.describeTable(table)) }] }));

// a server that only formats a tool argument into its own statement: an injection
const orders = new sqlite3.Database('orders.db');
server.tool('orders_by_status', { status: z.string() }, async ({ status }) => {
  const rows = await new Promise((resolve) => {
    // ruleid: llm-output-sql-injection
    orders.all(`SELECT id, total FROM orders WHERE status = '${status}'`, (_err: Error | null, r: unknown[]) => resolve(r));
  });
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});
