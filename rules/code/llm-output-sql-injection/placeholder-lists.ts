// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A memory MCP server over better-sqlite3: IN lists built from placeholders only, the values bound separately.
// Beside them, lists built from the values themselves.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import Database from 'better-sqlite3';

const db = new Database('memory.db');
const server = new Server({ name: 'memory', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  switch (name) {
    case 'context_analyze': {
      const { sessionId, categories } = args;
      let query = 'SELECT * FROM context_items WHERE session_id = ?';
      const params = [sessionId];
      if (categories && categories.length > 0) {
        query += ` AND category IN (${categories.map(() => '?').join(',')})`;
        params.push(...categories);
      }
      // ok: llm-output-sql-injection
      const items = db.prepare(query).all(...params);
      return { content: [{ type: 'text', text: JSON.stringify(items) }] };
    }
    case 'context_compress': {
      const { preserveCategories = [], olderThan } = args;
      let query = 'SELECT * FROM context_items WHERE 1 = 1';
      const params = [];
      if (olderThan) {
        query += ' AND created_at < ?';
        params.push(olderThan);
      }
      if (preserveCategories.length > 0) {
        query += ` AND category NOT IN (${preserveCategories.map((_c, i) => `$${i + params.length + 1}`).join(', ')})`;
        params.push(...preserveCategories);
      }
      // ok: llm-output-sql-injection
      const rows = db.prepare(query).all(...params);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'context_search': {
      const { tags } = args;
      const query = `SELECT * FROM context_items WHERE tag IN (${tags.map((t) => `'${t}'`).join(',')})`;
      // ruleid: llm-output-sql-injection
      const rows = db.prepare(query).all();
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'context_pick': {
      const { columns, ids } = args;
      const query = `SELECT ${columns.map(() => columns[0]).join(', ')} FROM context_items WHERE id IN (${ids.map(() => '?').join(',')})`;
      // ruleid: llm-output-sql-injection
      const rows = db.prepare(query).all(...ids);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    default:
      throw new Error(`unknown tool ${name}`);
  }
});
