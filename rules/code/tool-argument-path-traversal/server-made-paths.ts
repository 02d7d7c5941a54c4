// An MCP server whose files are named by the server: a fixed output folder, a timestamp, an extension cut from a
// mime type, a count, a short id prefix, a slug over fixed text. Beside each, the same code with a model-chosen part.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const OUTPUT_DIR = path.join(os.homedir(), "generated");
const EXPORTS_DIR = path.resolve(process.env.EXPORTS_DIR ?? "./exports");
const server = new McpServer({ name: "media", version: "1.0.0" });

function saveImage(base64: string, mimeType: string): string {
  const extension = mimeType.split("/")[1] || "png";
  const filePath = path.join(OUTPUT_DIR, `image-${Date.now()}.${extension}`);
  // ok: tool-argument-path-traversal
  fs.writeFileSync(filePath, Buffer.from(base64, "base64"));
  return filePath;
}

function saveChart(base64: string, mimeType: string): string {
  const filePath = path.join(OUTPUT_DIR, `chart-${Date.now()}.${mimeType.split("/").pop()}`);
  // ok: tool-argument-path-traversal
  fs.writeFileSync(filePath, Buffer.from(base64, "base64"));
  return filePath;
}

function saveAs(base64: string, format: string): string {
  // ruleid: tool-argument-path-traversal
  fs.writeFileSync(path.join(OUTPUT_DIR, `image.${format.split("-")[1]}`), Buffer.from(base64, "base64"));
  return format;
}

server.registerTool("store_image", { inputSchema: { data: z.string(), mimeType: z.string(), format: z.string() } }, async ({ data, mimeType, format }) => {
  const saved = saveImage(data, mimeType);
  saveChart(data, mimeType);
  saveAs(data, format);
  return { content: [{ type: "text", text: saved }] };
});

function generate(data: string, mimeType: string) {
  const filePath = path.join(OUTPUT_DIR, `gen-${Date.now()}.${mimeType.split("/")[1]}`);
  fs.writeFileSync(filePath, data);
  return { base64: data, mimeType, filePath };
}

server.registerTool("generate_image", { inputSchema: { data: z.string(), mimeType: z.string(), target: z.string() } }, async ({ data, mimeType, target }) => {
  const result = generate(data, mimeType);
  // ok: tool-argument-path-traversal
  const size = (await fsp.stat(result.filePath)).size + fs.readFileSync(result.filePath).length;
  const copy = { base64: data, filePath: target };
  // ruleid: tool-argument-path-traversal
  await fsp.writeFile(copy.filePath, data);
  return { content: [{ type: "text", text: `${size}` }] };
});

server.registerTool("create_menu", { inputSchema: { actions: z.array(z.object({ label: z.string() })) } }, async ({ actions }) => {
  const imagePath = path.join(os.tmpdir(), `template-0${actions.length}-${Date.now()}.png`);
  const outputPath = path.join("/tmp", path.basename(imagePath));
  // ok: tool-argument-path-traversal
  await fsp.copyFile(imagePath, outputPath);
  // ruleid: tool-argument-path-traversal
  await fsp.writeFile(path.join(os.tmpdir(), `${actions[0].label}.png`), "");
  return { content: [{ type: "text", text: outputPath }] };
});

server.registerTool("save_log", { inputSchema: { pipeline: z.string(), step: z.string(), log: z.string() } }, async ({ pipeline, step, log }) => {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-logs-"));
  const safeFileName = `pipeline-${pipeline}-step-${step}.log`.replace(/[^a-zA-Z0-9._-]/g, "_");
  // ok: tool-argument-path-traversal
  fs.writeFileSync(path.join(tempDir, safeFileName), log, "utf8");
  // a kept dot with nothing fixed around it: the name may be `..`
  const bare = `${step}`.replace(/[^a-zA-Z0-9._-]/g, "_");
  // ruleid: tool-argument-path-traversal
  fs.writeFileSync(path.join(tempDir, bare, "step.log"), log, "utf8");
  return { content: [{ type: "text", text: tempDir }] };
});

server.registerTool("export_session", { inputSchema: { sessionId: z.string(), data: z.string() } }, async ({ sessionId, data }) => {
  const exportPath = path.join(EXPORTS_DIR, `session-export-${sessionId.substring(0, 8)}.json`);
  // ok: tool-argument-path-traversal
  fs.writeFileSync(exportPath, data);
  // ruleid: tool-argument-path-traversal
  fs.writeFileSync(path.join(EXPORTS_DIR, `session-export-${sessionId}.json`), data);
  // ruleid: tool-argument-path-traversal
  fs.writeFileSync(path.join(EXPORTS_DIR, sessionId.slice(0, 8), "export.json"), data);
  return { content: [{ type: "text", text: exportPath }] };
});

function imageSize(filePath: string): { width: number; height: number } | null {
  // ok: tool-argument-path-traversal
  const buffer = fs.readFileSync(filePath);
  if (buffer.length < 24 || buffer.toString("ascii", 1, 4) !== "PNG") return null;
  let offset = 2;
  while (offset < buffer.length - 8) {
    if (buffer[offset] !== 0xff) break;
    const marker = buffer[offset + 1];
    if (marker === 0xc0 || marker === 0xc2) return { width: buffer.readUInt16BE(offset + 7), height: buffer.readUInt16BE(offset + 5) };
    offset += 2 + buffer.readUInt16BE(offset + 2);
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function imageHeader(filePath: string): string {
  // ruleid: tool-argument-path-traversal
  const buffer = fs.readFileSync(filePath);
  if (buffer.length < 24) return "";
  return buffer.toString("utf8");
}

server.registerTool("image_size", { inputSchema: { imagePath: z.string() } }, async ({ imagePath }) => {
  return { content: [{ type: "text", text: JSON.stringify({ size: imageSize(imagePath), header: imageHeader(imagePath) }) }] };
});

function resolveImport(filePath: string): string {
  const candidate = path.resolve(EXPORTS_DIR, filePath);
  let resolved: string;
  try {
    resolved = fs.realpathSync(candidate);
  } catch {
    throw new Error("import file not found");
  }
  const withinExports = resolved === EXPORTS_DIR || resolved.startsWith(EXPORTS_DIR + path.sep);
  if (!withinExports) throw new Error("import file not found");
  return resolved;
}

function resolveLoose(filePath: string): string {
  const resolved = fs.realpathSync(path.resolve(EXPORTS_DIR, filePath));
  // "/srv/exports-old" starts with "/srv/exports": a prefix without a separator confines nothing
  const inside = resolved.startsWith(EXPORTS_DIR);
  if (!inside) throw new Error("outside");
  return resolved;
}

// a folder made under the exports: the loose check lets "/srv/exports-old/x" through, a sibling named like the base;
// creating a directory there escapes nothing, writing a file does
server.registerTool("make_folder", { inputSchema: { folder: z.string(), note: z.string() } }, async ({ folder, note }) => {
  const target = path.normalize(path.join(EXPORTS_DIR, folder));
  if (!target.startsWith(path.normalize(EXPORTS_DIR))) throw new Error("outside the exports");
  // ok: tool-argument-path-traversal
  fs.mkdirSync(target, { recursive: true });
  return { content: [{ type: "text", text: `created ${note}` }] };
});

server.registerTool("write_folder_note", { inputSchema: { folder: z.string(), note: z.string() } }, async ({ folder, note }) => {
  const target = path.normalize(path.join(EXPORTS_DIR, folder));
  if (!target.startsWith(path.normalize(EXPORTS_DIR))) throw new Error("outside the exports");
  fs.mkdirSync(target, { recursive: true });
  // ruleid: tool-argument-path-traversal
  fs.writeFileSync(target + "/NOTE.md", note);
  return { content: [{ type: "text", text: "written" }] };
});

server.registerTool("import_session", { inputSchema: { filePath: z.string() } }, async ({ filePath }) => {
  // ok: tool-argument-path-traversal
  const raw = fs.readFileSync(resolveImport(filePath), "utf8");
  // ruleid: tool-argument-path-traversal
  const other = fs.readFileSync(resolveLoose(filePath), "utf8");
  return { content: [{ type: "text", text: raw + other }] };
});

// `dir = manual ? configuredDir : mkdtemp(...)`; the else branch of `if (manual)` only removes the fresh temp dir
server.registerTool(
  "run_sources",
  { description: "Run the project sources in a browser profile", inputSchema: { manual: z.boolean(), profileDir: z.string() } },
  async ({ manual, profileDir }) => {
    const dir = manual ? path.resolve(profileDir) : await fsp.mkdtemp(path.join(os.tmpdir(), "sources-"));
    if (manual) {
      // ruleid: tool-argument-path-traversal
      await fsp.rm(path.join(dir, "SingletonLock"), { force: true });
    } else {
      // ok: tool-argument-path-traversal
      await fsp.rm(dir, { recursive: true, force: true });
    }
    return { content: [{ type: "text", text: "done" }] };
  },
);
