import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());

const server = new McpServer({ name: 'tickets', version: '1.0.0' });

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

const port = Number(process.env.PORT ?? 3000);
if (process.env.BIND_LOCAL) {
  // ok: mcp-server-network-exposed
  app.listen(port, '127.0.0.1', () => console.log(`MCP on http://127.0.0.1:${port}/mcp`));
} else {
  // ruleid: mcp-server-network-exposed
  app.listen(port, () => console.log(`MCP on :${port}/mcp`));
}
