// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Calls named like SQL that are not: a Map of connections, an SSH session's exec. Next to them, real SQL.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { Client } from 'ssh2';
import sqlite3 from 'sqlite3';

class SshServer {
  constructor() {
    this.server = new Server({ name: 'ssh', version: '1.0.0' }, { capabilities: { tools: {} } });
    this.connections = new Map(); // connectionId -> { conn, host }
    this.audit = new sqlite3.Database('audit.db');
    this.server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const { host, username, command, id } = request.params.arguments;
      if (request.params.name === 'ssh_connect') return this.connect(host, username);
      if (request.params.name === 'ssh_execute') return this.execute(`${host}:${username}`, command);
      if (request.params.name === 'ssh_audit') return this.history(id);
      throw new Error('unknown tool');
    });
  }

  connect(host, username) {
    const connectionId = `${host}:${username}`;
    const conn = new Client();
    conn.on('close', () => {
      // a Map lookup, not a query
      // ok: llm-output-sql-injection
      const info = this.connections.get(connectionId);
      if (info) this.connections.delete(connectionId);
    });
    conn.connect({ host, username });
    this.connections.set(connectionId, { conn, host });
    return { content: [{ type: 'text', text: connectionId }] };
  }

  execute(connectionId, command) {
    // ok: llm-output-sql-injection
    const connection = this.connections.get(connectionId);
    const finalCommand = 'export PAGER=cat; ' + command;
    return new Promise((resolve) => {
      // ssh2 runs a remote shell command: not SQL (the shell rules judge it)
      // ok: llm-output-sql-injection
      connection.conn.exec(finalCommand, { pty: true }, (err, stream) => stream.on('close', () => resolve({ content: [] })));
    });
  }

  history(id) {
    return new Promise((resolve) => {
      // node-sqlite3 `get` of a statement built from the tool argument: SQL
      // ruleid: llm-output-sql-injection
      this.audit.get(`SELECT * FROM commands WHERE connection_id = '${id}'`, (err, row) => resolve({ content: [{ type: 'text', text: JSON.stringify(row) }] }));
    });
  }
}

export const ssh = new SshServer();
