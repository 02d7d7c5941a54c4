// A tool that saves what it generated beside an output path the model chose. Creating a new file there (the copy or
// write fails when the file exists) cannot replace anything, and the content is the tool's own: not a traversal.
// Overwriting, or writing the model's own text, still is.
import fs from "node:fs/promises";
import { constants as fsConstants, copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const server = new McpServer({ name: "renderer", version: "1.0.0" });

async function copyWithoutOverwrite(sourcePath: string, baseTargetPath: string): Promise<string> {
  const ext = path.extname(baseTargetPath);
  const stem = path.basename(baseTargetPath, ext);
  const dir = path.dirname(baseTargetPath);
  for (let suffix = 1; ; suffix++) {
    const targetPath = suffix === 1 ? baseTargetPath : path.join(dir, `${stem}-${suffix}${ext}`);
    try {
      // ok: tool-argument-path-traversal
      await fs.copyFile(sourcePath, targetPath, fsConstants.COPYFILE_EXCL);
      return targetPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
  }
}

server.registerTool(
  "render_diagram",
  { description: "Render a diagram and save the PNG at outputPath.", inputSchema: { source: z.string(), outputPath: z.string() } },
  async ({ source, outputPath }) => {
    const rendered = path.join("/var/cache/renderer", `${Date.now()}.png`);
    await fs.writeFile(rendered, Buffer.from(source.length.toString()));
    const saved = await copyWithoutOverwrite(rendered, outputPath);
    // ok: tool-argument-path-traversal
    writeFileSync(`${outputPath}.json`, JSON.stringify({ rendered: true }), { flag: "wx" });
    return { content: [{ type: "text", text: `saved ${saved}` }] };
  },
);

server.registerTool(
  "save_note",
  { description: "Save a note at the given path.", inputSchema: { target: z.string(), text: z.string(), template: z.string() } },
  async ({ target, text, template }) => {
    // ruleid: tool-argument-path-traversal
    await fs.copyFile("/var/cache/renderer/last.png", target);
    // ruleid: tool-argument-path-traversal
    await fs.writeFile(`${target}.md`, text, { flag: "wx" });
    // ruleid: tool-argument-path-traversal
    copyFileSync(template, "/tmp/notes/template.md", fsConstants.COPYFILE_EXCL);
    return { content: [{ type: "text", text: "saved" }] };
  },
);
