// Vision tools of an MCP server: the file a model names is sent to a vision model. Declared as an image type only
// (a table of image types with an image fallback), a key file or `.env` does not decode as a picture; with a generic
// fallback type, or the bytes also returned as text, any file's content comes back.
import * as fs from "fs";
import * as path from "path";
import { GoogleGenAI } from "@google/genai";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const server = new McpServer({ name: "vision", version: "1.0.0" });
const genAI = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

function getImageMimeType(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  const mimeTypes: Record<string, string> = { ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp", ".gif": "image/gif" };
  return mimeTypes[ext] || "image/jpeg";
}

function getMimeType(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  const mimeTypes: Record<string, string> = { ".pdf": "application/pdf", ".png": "image/png", ".txt": "text/plain" };
  return mimeTypes[ext] || "application/octet-stream";
}

server.tool("analyze_image", { imagePath: z.string(), query: z.string() }, async ({ imagePath, query }) => {
  // ok: tool-argument-path-traversal
  const fileBuffer = fs.readFileSync(imagePath);
  const mimeType = getImageMimeType(imagePath);
  if (fileBuffer.length > 20 * 1024 * 1024) {
    const uploaded = await genAI.files.upload({ file: new Blob([new Uint8Array(fileBuffer)], { type: mimeType }), config: { mimeType } });
    return { content: [{ type: "text", text: String(uploaded.name) }] };
  }
  const base64Data = fileBuffer.toString("base64");
  const response = await genAI.models.generateContent({
    model: "gemini-flash",
    contents: [{ role: "user", parts: [{ inlineData: { mimeType, data: base64Data } }, { text: query }] }],
  });
  return { content: [{ type: "text", text: response.text ?? "" }] };
});

server.tool("analyze_document", { filePath: z.string(), query: z.string() }, async ({ filePath, query }) => {
  // ruleid: tool-argument-path-traversal
  const fileBuffer = fs.readFileSync(filePath);
  const mimeType = getMimeType(filePath);
  const response = await genAI.models.generateContent({
    model: "gemini-flash",
    contents: [{ role: "user", parts: [{ inlineData: { mimeType, data: fileBuffer.toString("base64") } }, { text: query }] }],
  });
  return { content: [{ type: "text", text: response.text ?? "" }] };
});

server.tool("describe_image", { imagePath: z.string() }, async ({ imagePath }) => {
  // ruleid: tool-argument-path-traversal
  const fileBuffer = fs.readFileSync(imagePath);
  const response = await genAI.models.generateContent({
    model: "gemini-flash",
    contents: [{ role: "user", parts: [{ inlineData: { mimeType: "image/png", data: fileBuffer.toString("base64") } }] }],
  });
  return { content: [{ type: "text", text: `${response.text}\n${fileBuffer.toString("utf8")}` }] };
});
