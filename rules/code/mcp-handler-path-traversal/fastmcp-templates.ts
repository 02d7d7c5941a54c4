// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { FastMCP } from 'fastmcp';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const server = new FastMCP({ name: 'logs', version: '1.0.0' });
const LOG_DIR = '/var/log/app';

server.addResourceTemplate({
  uriTemplate: 'file:///logs/{name}.log',
  name: 'Application logs',
  arguments: [{ name: 'name', required: true }],
  async load({ name }) {
    // ruleid: mcp-handler-path-traversal
    return { text: await readFile(`${LOG_DIR}/${name}.log`, 'utf8') };
  },
});

server.addResourceTemplate({
  uriTemplate: 'file:///archive/{name}',
  name: 'Archived logs',
  arguments: [{ name: 'name', required: true }],
  async load({ name }) {
    // ok: mcp-handler-path-traversal
    return { text: await readFile(path.join(LOG_DIR, 'archive', path.basename(name)), 'utf8') };
  },
});
