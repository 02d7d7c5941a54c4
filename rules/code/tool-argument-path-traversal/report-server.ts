// An MCP server that saves reports: titles become file names through a slug, targets are checked to sit
// directly in the reports folder.
import fs from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const REPORTS = path.resolve(process.env.REPORTS_DIR ?? "./reports");
const SAFE_NAME = /[^a-z0-9_-]+/g;
const server = new McpServer({ name: "reports", version: "1.0.0" });

function slugify(title: string): string {
  return title.toLowerCase().replace(SAFE_NAME, "-").slice(0, 60) || "report";
}

server.registerTool("save_report", { inputSchema: { title: z.string(), markdown: z.string() } }, async ({ title, markdown }) => {
  const file = path.join(REPORTS, `${slugify(title)}.md`);
  // ok: tool-argument-path-traversal
  await fs.writeFile(file, markdown, "utf-8");
  return { content: [{ type: "text", text: file }] };
});

server.registerTool("remove_report", { inputSchema: { folder: z.string() } }, async ({ folder }) => {
  const target = path.resolve(REPORTS, folder);
  if (path.dirname(target) !== REPORTS) throw new Error("not a report folder");
  // ok: tool-argument-path-traversal
  await fs.rm(target, { recursive: true });
  return { content: [{ type: "text", text: "removed" }] };
});

server.registerTool("save_section", { inputSchema: { title: z.string(), markdown: z.string() } }, async ({ title, markdown }) => {
  // keeps "/" and ".": "../../home/app/.bashrc" survives
  const file = path.join(REPORTS, title.replace(/[^a-z0-9/._-]+/g, "-"));
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(file, markdown, "utf-8");
  return { content: [{ type: "text", text: file }] };
});

server.registerTool("save_note", { inputSchema: { title: z.string(), text: z.string() } }, async ({ title, text }) => {
  // no "g" flag: only the first character outside the class is replaced
  const file = path.join(REPORTS, title.replace(/[^a-z0-9_-]/, "-") + ".md");
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(file, text, "utf-8");
  return { content: [{ type: "text", text: file }] };
});

server.registerTool("drop_report", { inputSchema: { folder: z.string() } }, async ({ folder }) => {
  // not normalised: REPORTS + "/.." has REPORTS as its dirname and names the folder above it
  const target = `${REPORTS}/${folder}`;
  if (path.dirname(target) !== REPORTS) throw new Error("not a report folder");
  // ruleid: tool-argument-path-traversal
  await fs.rm(target, { recursive: true });
  return { content: [{ type: "text", text: "dropped" }] };
});
