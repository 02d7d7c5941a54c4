// An MCP inspector/playground proxy: the browser UI asks the backend to connect to a server.
import express from "express";
import { parseArgs } from "node:util";
import { parse as shellParseArgs } from "shell-quote";
import { findActualExecutable } from "spawn-rx";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { Experimental_StdioMCPTransport } from "ai/mcp-stdio";

const { values } = parseArgs({ args: process.argv.slice(2), options: { command: { type: "string" }, args: { type: "string", default: "" } } });
const app = express();

const ALLOWED_COMMANDS = ["npx", "uvx"];

async function createTransport(req) {
  const query = req.query;
  if (query.transportType === "stdio") {
    const command = query.command;
    const origArgs = shellParseArgs(query.args);
    const queryEnv = query.env ? JSON.parse(query.env) : {};
    const env = { ...getDefaultEnvironment(), ...queryEnv };
    const { cmd, args } = findActualExecutable(command, origArgs);
    const transport = new StdioClientTransport({
      // ruleid: mcp-stdio-command-from-request
      command: cmd,
      // ruleid: mcp-stdio-command-from-request
      args,
      // ruleid: mcp-stdio-command-from-request
      env,
      stderr: "pipe",
    });
    await transport.start();
    return transport;
  }
  throw new Error("unsupported transport");
}

app.get("/sse", async (req, res) => {
  const transport = await createTransport(req);
  res.json({ ok: !!transport });
});

// the same, from a JSON body, straight into the AI SDK's stdio transport
app.post("/api/servers", express.json(), async (req, res) => {
  const { command, args } = req.body;
  const transport = new Experimental_StdioMCPTransport({
    // ruleid: mcp-stdio-command-from-request
    command,
    // ruleid: mcp-stdio-command-from-request
    args,
  });
  res.json({ started: !!transport });
});

// allow-listed program: the request only picks one of the operator's commands, and the package is checked too
app.post("/api/allowed", express.json(), async (req, res) => {
  const { command, pkg } = req.body;
  if (!ALLOWED_COMMANDS.includes(command)) return res.status(400).end();
  if (!["@modelcontextprotocol/server-everything"].includes(pkg)) return res.status(400).end();
  const transport = new StdioClientTransport({
    // ok: mcp-stdio-command-from-request
    command,
    // ok: mcp-stdio-command-from-request
    args: ["-y", pkg],
  });
  res.json({ started: !!transport });
});

// the operator's own command line and a fixed server: no request reaches the command
app.get("/default", async (_req, res) => {
  const transport = new StdioClientTransport({
    // ok: mcp-stdio-command-from-request
    command: values.command ?? "npx",
    // ok: mcp-stdio-command-from-request
    args: values.args.split(" "),
  });
  res.json({ started: !!transport });
});

app.listen(6277, "127.0.0.1");
