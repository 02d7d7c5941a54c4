// A docs MCP server: paths are resolved under the docs root and checked with the path.relative idiom.
import fs from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const DOCS_ROOT = "/srv/docs";
const server = new McpServer({ name: "docs", version: "1.0.0" });

async function resolveInside(root: string, requested: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const real = await fs.realpath(path.resolve(realRoot, requested));
  const rel = path.relative(realRoot, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`outside the docs root: ${requested}`);
  return real;
}

server.registerTool("read_doc", { inputSchema: { path: z.string() } }, async ({ path: requested }) => {
  const file = await resolveInside(DOCS_ROOT, requested);
  // ok: tool-argument-path-traversal
  return { content: [{ type: "text", text: await fs.readFile(file, "utf-8") }] };
});

server.registerTool("read_note", { inputSchema: { name: z.string() } }, async ({ name }) => {
  // a leading ".." check on the raw input: "notes/../../etc/passwd" passes it
  if (name.startsWith("..")) throw new Error("no parent folders");
  const file = path.join(DOCS_ROOT, "notes", name);
  // ruleid: tool-argument-path-traversal
  return { content: [{ type: "text", text: await fs.readFile(file, "utf-8") }] };
});
