#!/usr/bin/env node
import fs from "node:fs/promises";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfig } from "./lib/config.js";
import { createServer } from "./server.js";

async function main() {
  const config = loadConfig(process.argv.slice(2), process.env);
  config.docsRoot = await fs.realpath(config.docsRoot);
  const server = createServer(config);
  await server.connect(new StdioServerTransport());
  console.error(`devdocs MCP server running on stdio (docs: ${config.docsRoot})`);
}

main().catch((err) => {
  console.error("Fatal:", err instanceof Error ? err.message : err);
  process.exit(1);
});
