// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Session resources of an MCP server (TypeScript SDK): `{id}` matches one URI segment (no `/`), so a session id
// built into a path under the sessions folder names one folder there. Used whole, or from a `{+path}` variable
// (which matches `/` too), it is any file.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SESSIONS = path.join(os.homedir(), '.oracle', 'sessions');
const server = new McpServer({ name: 'sessions', version: '1.0.0' });

function getSessionPaths(id: string) {
  const dir = path.join(SESSIONS, id);
  return { dir, metadata: path.join(dir, 'meta.json'), request: path.join(dir, 'request.json') };
}

const template = new ResourceTemplate('oracle-session://{id}/{kind}', { list: undefined });
server.registerResource('oracle-session', template, { title: 'session resources' }, async (uri, variables) => {
  const idRaw = variables?.id;
  const id = Array.isArray(idRaw) ? idRaw[0] : idRaw;
  if (variables.kind === 'request') {
    const paths = getSessionPaths(id);
    // ok: mcp-handler-path-traversal
    const raw = await fs.readFile(paths.request, 'utf8');
    return { contents: [{ uri: uri.href, text: raw }] };
  }
  // used whole, a one-segment value is still any file of the working directory (`.env`)
  // ruleid: mcp-handler-path-traversal
  const raw = await fs.readFile(id, 'utf8');
  return { contents: [{ uri: uri.href, text: raw }] };
});

server.registerResource('session-file', new ResourceTemplate('oracle-file://{+file}', { list: undefined }), { title: 'session files' }, async (uri, { file }) => {
  // ruleid: mcp-handler-path-traversal
  const raw = await fs.readFile(path.join(SESSIONS, String(file)), 'utf8');
  return { contents: [{ uri: uri.href, text: raw }] };
});
