// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { FastMCP } from 'fastmcp';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const server = new FastMCP({ name: 'ops', version: '1.0.0' });

server.addTool({
  name: 'debug_env',
  description: 'Environment of the server',
  parameters: z.object({}),
  // ruleid: mcp-tool-exposes-secrets
  execute: async () => JSON.stringify(process.env),
});

server.addTool({
  name: 'version',
  description: 'Server version',
  parameters: z.object({}),
  // ok: mcp-tool-exposes-secrets
  execute: async () => JSON.stringify({ version: '1.0.0', node: process.version, stage: process.env.STAGE }),
});

server.addResource({
  uri: 'file:///secrets/dotenv',
  name: 'Local settings',
  mimeType: 'text/plain',
  async load() {
    // ruleid: mcp-tool-exposes-secrets
    return { text: readFileSync('.env', 'utf8') };
  },
});
