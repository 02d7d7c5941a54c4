// A docs MCP server registered by a function: the listing starts at the docs root or a checked sub-folder.
import fs from "node:fs/promises";
import path from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

interface Config {
  docsRoot: string;
}

async function resolveInside(root: string, requested: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const candidate = path.resolve(realRoot, requested);
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    throw new Error(`Not found: ${requested}`);
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`outside the docs root: ${requested}`);
  return real;
}

async function* walk(dir: string): AsyncGenerator<string> {
  // ok: tool-argument-path-traversal
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

async function* walkAny(dir: string): AsyncGenerator<string> {
  // ruleid: tool-argument-path-traversal
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walkAny(full);
    else yield full;
  }
}

export function registerDocsTools(server: McpServer, config: Config) {
  server.registerTool("list_docs", { inputSchema: { subdir: z.string().optional() } }, async ({ subdir }) => {
    const base = subdir ? await resolveInside(config.docsRoot, subdir) : config.docsRoot;
    const files: string[] = [];
    for await (const f of walk(base)) files.push(path.relative(config.docsRoot, f));
    return { content: [{ type: "text", text: files.join("\n") }] };
  });

  server.registerTool("list_any", { inputSchema: { folder: z.string().optional() } }, async ({ folder }) => {
    // an absolute folder skips the check: "/home/me/.ssh" is listed
    const base = folder && path.isAbsolute(folder) ? folder : await resolveInside(config.docsRoot, folder ?? ".");
    const files: string[] = [];
    for await (const f of walkAny(base)) files.push(f);
    return { content: [{ type: "text", text: files.join("\n") }] };
  });
}
