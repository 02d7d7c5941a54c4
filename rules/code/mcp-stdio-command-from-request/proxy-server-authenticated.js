// The same proxy after the fix: a session token printed at start-up is required on every route, and the Origin is checked.
import express from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const sessionToken = process.env.MCP_PROXY_TOKEN || randomBytes(32).toString("hex");
const app = express();

const originValidationMiddleware = (req, res, next) => {
  if (req.headers.origin && req.headers.origin !== "http://localhost:6274") return res.status(403).end();
  next();
};

const authMiddleware = (req, res, next) => {
  const provided = Buffer.from(String(req.headers["x-mcp-proxy-auth"] ?? "").replace(/^Bearer /, ""));
  const expected = Buffer.from(sessionToken);
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return res.status(401).end();
  next();
};

async function createTransport(req) {
  const query = req.query;
  const transport = new StdioClientTransport({
    // ok: mcp-stdio-command-from-request
    command: query.command,
    // ok: mcp-stdio-command-from-request
    args: String(query.args ?? "").split(" "),
  });
  await transport.start();
  return transport;
}

app.get("/stdio", originValidationMiddleware, authMiddleware, async (req, res) => {
  res.json({ ok: !!(await createTransport(req)) });
});

// an open health check does not reach the launch
app.get("/health", (_req, res) => {
  res.json({ status: "ok" });
});

app.get("/config", originValidationMiddleware, authMiddleware, (_req, res) => {
  res.json({ defaultCommand: "npx" });
});

app.listen(6277, "127.0.0.1");
console.log(`Session token: ${sessionToken}`);
