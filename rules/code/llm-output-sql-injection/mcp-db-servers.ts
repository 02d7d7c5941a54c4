// @ts-nocheck (fixture: analysed by AISec, not compiled)
// MCP database servers judged as a whole: a server whose `execute` tool runs any SQL its client writes gains
// nothing from an injection into its other tools; a server that only reads does.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';

// a SQLite server with a write tool: the record tools format identifiers and WHERE clauses by design
const db = new Database('app.db');
const full = new McpServer({ name: 'sqlite', version: '1.0.0' });

full.registerTool('query', { inputSchema: { sql: z.string() } }, async ({ sql }) => {
  const validation = validateSqlQuery(sql);
  if (!validation.isReadOnly) return { content: [{ type: 'text', text: 'read-only queries only' }], isError: true };
  // ok: llm-output-sql-injection
  const rows = db.prepare(sql).all();
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

full.registerTool('execute', { inputSchema: { sql: z.string() } }, async ({ sql }) => {
  const validation = validateSqlQuery(sql);
  if (!validation.isValid) return { content: [{ type: 'text', text: validation.error }], isError: true };
  // ok: llm-output-sql-injection
  const result = db.prepare(sql).run();
  return { content: [{ type: 'text', text: `${result.changes} row(s) affected` }] };
});

full.registerTool('delete-record', { inputSchema: { table: z.string(), where: z.string() } }, async ({ table, where }) => {
  const deleteStatement = `DELETE FROM ${table} WHERE ${where}`;
  // ok: llm-output-sql-injection
  const result = db.prepare(deleteStatement).run();
  return { content: [{ type: 'text', text: `${result.changes} row(s) deleted` }] };
});

full.registerTool('describe-table', { inputSchema: { tableName: z.string() } }, async ({ tableName }) => {
  // ok: llm-output-sql-injection
  const columns = db.prepare(`PRAGMA table_info(${tableName})`).all();
  return { content: [{ type: 'text', text: JSON.stringify(columns) }] };
});

// a read-only SQLite server: its only whole-statement tool is SELECT-only, so a WHERE clause the model writes
// (`1=1; ...` is refused by prepare, but `0) OR (1=1` and sub-selects into other tables are not) is an injection
const reader = new McpServer({ name: 'sqlite-reader', version: '1.0.0' });

reader.registerTool('query', { inputSchema: { sql: z.string() } }, async ({ sql }) => {
  if (!/^\s*select\b/i.test(sql)) return { content: [{ type: 'text', text: 'SELECT only' }], isError: true };
  // ok: llm-output-sql-injection
  return { content: [{ type: 'text', text: JSON.stringify(db.prepare(sql).all()) }] };
});

reader.registerTool('delete-expired', { inputSchema: { where: z.string() } }, async ({ where }) => {
  const statement = `DELETE FROM sessions WHERE expired = 1 AND ${where}`;
  // ruleid: llm-output-sql-injection
  db.prepare(statement).run();
  return { content: [{ type: 'text', text: 'done' }] };
});

reader.registerTool('describe-table', { inputSchema: { tableName: z.string() } }, async ({ tableName }) => {
  // the name must be an existing table, found with a bound parameter, before it is formatted into the PRAGMA
  const exists = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name = ?").get(tableName);
  if (!exists) {
    return { content: [{ type: 'text', text: `Table '${tableName}' does not exist` }], isError: true };
  }
  // ok: llm-output-sql-injection
  const columns = db.prepare(`PRAGMA table_info(${tableName})`).all();
  return { content: [{ type: 'text', text: JSON.stringify(columns) }] };
});

reader.registerTool('describe-table-unchecked', { inputSchema: { tableName: z.string() } }, async ({ tableName }) => {
  // the lookup's result is not checked: the name goes into the PRAGMA whatever it holds
  const exists = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name = ?").get(tableName);
  console.error('exists', exists);
  // ruleid: llm-output-sql-injection
  const columns = db.prepare(`PRAGMA table_info(${tableName})`).all();
  return { content: [{ type: 'text', text: JSON.stringify(columns) }] };
});

// a Postgres server with query (read-only transaction) and execute (commits any SQL) in one handler: escaping the
// read-only transaction of `query` reaches nothing `execute` does not offer
const pool = new pg.Pool();
const pgServer = new Server({ name: 'postgres', version: '0.1.0' }, { capabilities: { tools: {} } });
pgServer.setRequestHandler(CallToolRequestSchema, async (request) => {
  if (request.params.name === 'query') {
    const sql = request.params.arguments?.sql;
    const client = await pool.connect();
    try {
      await client.query('BEGIN TRANSACTION READ ONLY');
      // ok: llm-output-sql-injection
      const result = await client.query(sql);
      return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
    } finally {
      client.query('ROLLBACK');
      client.release();
    }
  } else if (request.params.name === 'execute') {
    const sql = request.params.arguments?.sql;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // the write branch: no read-only promise to escape here
      // ok: llm-output-sql-injection
      const result = await client.query(sql);
      await client.query('COMMIT');
      return { content: [{ type: 'text', text: String(result.rowCount) }] };
    } finally {
      client.release();
    }
  } else if (request.params.name === 'update') {
    const { table, where, data } = request.params.arguments;
    const client = await pool.connect();
    const setClause = Object.keys(data).map((col, i) => `${col} = $${i + 1}`).join(', ');
    // ok: llm-output-sql-injection
    const result = await client.query(`UPDATE ${table} SET ${setClause} WHERE ${where} RETURNING *`, Object.values(data));
    client.release();
    return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
  }
  throw new Error('unknown tool');
});

// a Postgres server whose write tool leaves the transaction open for a separate, reviewed commit: the read-only
// tool's `COMMIT; DROP TABLE ...` skips that review
const reviewed = new Server({ name: 'postgres-reviewed', version: '0.1.0' }, { capabilities: { tools: {} } });
const pending = new Map();
reviewed.setRequestHandler(CallToolRequestSchema, async (request) => {
  const sql = request.params.arguments?.sql;
  const client = await pool.connect();
  if (request.params.name === 'execute_query') {
    await client.query('BEGIN TRANSACTION READ ONLY');
    // ruleid: llm-output-sql-injection
    const result = await client.query(sql);
    await client.query('ROLLBACK');
    return { content: [{ type: 'text', text: JSON.stringify(result.rows) }] };
  }
  if (request.params.name === 'execute_dml') {
    await client.query('BEGIN');
    // ok: llm-output-sql-injection
    const result = await client.query(sql);
    const id = String(pending.size + 1);
    pending.set(id, client);
    return { content: [{ type: 'text', text: `transaction ${id} waits for commit (${result.rowCount} rows)` }] };
  }
  if (request.params.name === 'commit') {
    // ok: llm-output-sql-injection
    const held = pending.get(request.params.arguments?.transaction_id);
    await held.query('COMMIT');
    return { content: [{ type: 'text', text: 'committed' }] };
  }
  throw new Error('unknown tool');
});
