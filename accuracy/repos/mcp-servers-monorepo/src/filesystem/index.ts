#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import fs from "node:fs/promises";
import { z } from "zod";
import { readTextFile, setAllowedDirectories, validatePath } from "./lib.js";

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("Usage: mcp-server-filesystem <allowed-directory> [more...]");
  process.exit(1);
}
setAllowedDirectories(dirs);

const server = new McpServer({ name: "filesystem", version: "0.8.0" });

server.registerTool(
  "read_text_file",
  {
    description: "Read a text file inside the allowed directories. Use head to read only the first lines.",
    inputSchema: { path: z.string(), head: z.number().int().positive().optional() },
    annotations: { readOnlyHint: true },
  },
  async ({ path, head }) => {
    const valid = await validatePath(path);
    return { content: [{ type: "text", text: await readTextFile(valid, head) }] };
  },
);

server.registerTool(
  "write_file",
  {
    description: "Create or overwrite a file inside the allowed directories.",
    inputSchema: { path: z.string(), content: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  },
  async ({ path, content }) => {
    const valid = await validatePath(path);
    await fs.writeFile(valid, content, "utf-8");
    return { content: [{ type: "text", text: `Successfully wrote to ${path}` }] };
  },
);

await server.connect(new StdioServerTransport());
console.error("Secure MCP Filesystem Server running on stdio");
