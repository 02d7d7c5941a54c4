#!/usr/bin/env node
// A command-line client: the person at the terminal names the server to launch. That is the tool's purpose.
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

function transportFor(target) {
  const [command, ...args] = target;
  return new StdioClientTransport({
    // ok: mcp-stdio-command-from-request
    command,
    // ok: mcp-stdio-command-from-request
    args,
  });
}

const transport = transportFor(process.argv.slice(2));
await transport.start();
