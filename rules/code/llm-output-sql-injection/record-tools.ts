// @ts-nocheck (fixture: analysed by AISec, not compiled)
// MCP record tools over SQLite and MySQL: identifiers quoted by a helper, values bound, a database switch.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import { z } from 'zod';

class RecordStore {
  constructor(file) {
    this.db = new sqlite3.Database(file);
  }
  /** Double the quote character, then quote: a safe SQL identifier. */
  quoteIdentifier(name) {
    return `"${String(name).replace(/"/g, '""')}"`;
  }
  /** Named like a quoter, but only wraps the name: `a" ; DROP TABLE t; --` stays live. */
  quoteName(name) {
    return `"${name}"`;
  }
}

const store = new RecordStore('records.db');
const server = new McpServer({ name: 'records', version: '1.0.0' });

server.tool('insert_record', { table: z.string(), data: z.record(z.string(), z.string()) }, async ({ table, data }) => {
  const columns = Object.keys(data);
  const sql = `INSERT INTO ${store.quoteIdentifier(table)} (${columns.map((c) => store.quoteIdentifier(c)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  // ok: llm-output-sql-injection
  store.db.run(sql, Object.values(data));
  return { content: [{ type: 'text', text: 'inserted' }] };
});

server.tool('delete_record', { table: z.string(), id: z.number() }, async ({ table, id }) => {
  // ruleid: llm-output-sql-injection
  store.db.run(`DELETE FROM ${store.quoteName(table)} WHERE id = ?`, [id]);
  return { content: [{ type: 'text', text: 'deleted' }] };
});

const pool = mysql.createPool({ host: 'localhost', user: 'reader' });

server.tool('use_database', { database: z.string() }, async ({ database }) => {
  const connection = await pool.getConnection();
  // switching to the database the model picks is the tool's purpose; one statement, nothing else in it
  // ok: llm-output-sql-injection
  await connection.query(`USE \`${database}\``);
  connection.release();
  return { content: [{ type: 'text', text: `using ${database}` }] };
});

server.tool('count_rows', { database: z.string(), table: z.string() }, async ({ database, table }) => {
  const connection = await pool.getConnection();
  // ruleid: llm-output-sql-injection
  const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``);
  connection.release();
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});
