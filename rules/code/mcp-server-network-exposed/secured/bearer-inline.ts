import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const REMOTE_SECRET_KEY = process.env.REMOTE_SECRET_KEY ?? '';
const app = express();
app.use(express.json());

// the handler that runs the transport rejects requests without the shared bearer token
app.post('/mcp', async (req, res) => {
  const header = req.get('Authorization');
  if (!header || !header.startsWith('Bearer ') || header.slice(7) !== REMOTE_SECRET_KEY) {
    res.status(401).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Missing or invalid Authorization header' }, id: null });
    return;
  }
  const server = new McpServer({ name: 'mysql', version: '1.0.0' });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

// ok: mcp-server-network-exposed
app.listen(3000, () => console.log('MCP on :3000/mcp'));
