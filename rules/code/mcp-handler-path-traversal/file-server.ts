// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ReadResourceRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import fs from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve('/srv/docs');
const server = new McpServer({ name: 'files', version: '1.0.0' });

server.resource('file', new ResourceTemplate('file://{filePath}', { list: undefined }), async (uri, { filePath }) => ({
  // ruleid: mcp-handler-path-traversal
  contents: [{ uri: uri.href, text: await fs.readFile(filePath as string, 'utf8') }],
}));

server.registerResource('doc', new ResourceTemplate('docs://{name}', { list: undefined }), { title: 'Docs' }, async (uri, { name }) => {
  const target = path.resolve(ROOT, String(name));
  if (!target.startsWith(ROOT + path.sep)) throw new Error('outside the docs folder');
  // ok: mcp-handler-path-traversal
  return { contents: [{ uri: uri.href, text: await fs.readFile(target, 'utf8') }] };
});

const low = new Server({ name: 'low', version: '1.0.0' }, { capabilities: { tools: {}, resources: {} } });
low.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  if (name === 'save') {
    // the flow engine sees request.params.arguments as tool arguments: tool-argument-path-traversal reports it
    // ruleid: tool-argument-path-traversal
    // ok: mcp-handler-path-traversal
    await fs.writeFile(args.path as string, String(args.content));
    return { content: [{ type: 'text', text: 'saved' }] };
  }
  // ok: mcp-handler-path-traversal
  const log = await fs.readFile('/var/log/app.log', 'utf8');
  return { content: [{ type: 'text', text: log.slice(-2000) }] };
});

low.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  const file = new URL(request.params.uri).pathname;
  // ruleid: mcp-handler-path-traversal
  return { contents: [{ uri: request.params.uri, text: await fs.readFile(file, 'utf8') }] };
});

// images the server saved earlier, listed as resources: the client picks a URI, the server's entry gives the file
const imageResources = new Map<string, { uri: string; filePath: string; mimeType: string }>();
const images = new Server({ name: 'images', version: '1.0.0' }, { capabilities: { resources: {} } });
images.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  const resource = imageResources.get(request.params.uri);
  if (!resource) throw new Error(`Resource not found: ${request.params.uri}`);
  // ok: mcp-handler-path-traversal
  const data = await fs.readFile(resource.filePath);
  return { contents: [{ uri: resource.uri, mimeType: resource.mimeType, blob: data.toString('base64') }] };
});

const raw = new Server({ name: 'raw', version: '1.0.0' }, { capabilities: { resources: {} } });
raw.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  // an unknown URI falls back to the path the client wrote
  const file = imageResources.get(request.params.uri)?.filePath ?? new URL(request.params.uri).pathname;
  // ruleid: mcp-handler-path-traversal
  const data = await fs.readFile(file);
  return { contents: [{ uri: request.params.uri, blob: data.toString('base64') }] };
});
