import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { promises as fs } from "node:fs";
import { z } from "zod";
import { validatePath } from "./paths.js";

const server = new McpServer({ name: "fs", version: "0.6.3" });

server.tool("read_file", "Read a file inside the allowed directories", { path: z.string() }, async (args) => {
  const valid = validatePath(args.path);
  return { content: [{ type: "text", text: await fs.readFile(valid, "utf8") }] };
});

server.tool("write_file", "Write a file inside the allowed directories", { path: z.string(), content: z.string() }, async ({ path, content }) => {
  const valid = validatePath(path);
  await fs.writeFile(valid, content, "utf8");
  return { content: [{ type: "text", text: `wrote ${valid}` }] };
});

await server.connect(new StdioServerTransport());
