import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());

// reads the Authorization header but never turns a request away
app.post('/mcp', async (req, res) => {
  console.log('caller', req.headers.authorization ? 'with token' : 'anonymous');
  const server = new McpServer({ name: 'mysql', version: '1.0.0' });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

// ruleid: mcp-server-network-exposed
app.listen(3000, () => console.log('MCP on :3000/mcp'));
