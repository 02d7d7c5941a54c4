// A generator whose options object carries the model's output path: a file-type check of `options.output` holds for
// the writes in its branch, not for other properties or for writes after the branch.
import fs from "node:fs/promises";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const server = new McpServer({ name: "redteam", version: "1.0.0" });

async function writeTests(options: { output?: string; log?: string }, lines: string[]): Promise<void> {
  if (options.output && options.output.endsWith(".burp")) {
    // ok: tool-argument-path-traversal
    await fs.writeFile(options.output, lines.map((l) => encodeURIComponent(l)).join("\n"));
    // ruleid: tool-argument-path-traversal
    await fs.writeFile(options.log ?? "redteam.log", "written");
    return;
  }
  if (options.output) {
    // ruleid: tool-argument-path-traversal
    await fs.writeFile(options.output, lines.join("\n"));
  }
}

server.registerTool("redteam_generate", { inputSchema: { output: z.string(), log: z.string().optional() } }, async ({ output, log }) => {
  await writeTests({ output, log }, ["a", "b"]);
  return { content: [{ type: "text", text: "done" }] };
});
