// A CLI bundle: a web UI server and, in another function, an MCP server over HTTP.
import express from "express";
import http from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

export async function startViewer(port) {
  const app = express();
  app.get("/api/results", (req, res) => res.json([]));
  const httpServer = http.createServer(app);
  // ok: mcp-server-network-exposed
  httpServer.listen(port, () => console.log(`viewer on ${port}`));
}

export async function startMcpHttp(port) {
  const app = express();
  app.use(express.json());
  const server = new McpServer({ name: "evals", version: "1.0.0" });
  app.post("/mcp", async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  return new Promise((resolve) => {
    // ruleid: mcp-server-network-exposed
    const httpServer = app.listen(port, () => resolve(httpServer));
  });
}
