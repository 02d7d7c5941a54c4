import fs from "node:fs/promises";
import path from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Config } from "../lib/config.js";
import { resolveInside, walk } from "../lib/paths.js";

const DOC_EXTS = new Set([".md", ".mdx", ".txt", ".rst"]);

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

export function registerDocsTools(server: McpServer, config: Config) {
  server.registerTool(
    "list_docs",
    {
      title: "List documentation files",
      description: "List the documentation files (Markdown, text) under the docs root, as paths relative to it.",
      inputSchema: { subdir: z.string().max(200).optional().describe("Only list files under this sub-folder") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ subdir }) => {
      const base = subdir ? await resolveInside(config.docsRoot, subdir) : config.docsRoot;
      const files: string[] = [];
      for await (const f of walk(base, DOC_EXTS)) {
        files.push(path.relative(config.docsRoot, f));
        if (files.length >= 500) break;
      }
      return text(files.sort().join("\n") || "(no documentation files)");
    },
  );

  server.registerTool(
    "read_doc",
    {
      title: "Read a documentation file",
      description: "Read one documentation file. The path is relative to the docs root.",
      inputSchema: { path: z.string().min(1).max(300).describe("Path relative to the docs root, e.g. guides/install.md") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path: requested }) => {
      const file = await resolveInside(config.docsRoot, requested);
      const stat = await fs.stat(file);
      if (stat.size > config.maxFileBytes) return { ...text(`File is too large (${stat.size} bytes)`), isError: true };
      return text(await fs.readFile(file, "utf-8"));
    },
  );

  server.registerTool(
    "search_docs",
    {
      title: "Search the documentation",
      description: "Case-insensitive plain-text search across the documentation. Returns file:line matches.",
      inputSchema: {
        query: z.string().min(2).max(200),
        maxResults: z.number().int().min(1).max(200).default(50),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, maxResults }) => {
      const needle = query.toLowerCase();
      const hits: string[] = [];
      for await (const file of walk(config.docsRoot, DOC_EXTS)) {
        const lines = (await fs.readFile(file, "utf-8")).split("\n");
        lines.forEach((line, i) => {
          if (hits.length < maxResults && line.toLowerCase().includes(needle)) {
            hits.push(`${path.relative(config.docsRoot, file)}:${i + 1}: ${line.trim().slice(0, 200)}`);
          }
        });
        if (hits.length >= maxResults) break;
      }
      return text(hits.join("\n") || "No matches.");
    },
  );
}
