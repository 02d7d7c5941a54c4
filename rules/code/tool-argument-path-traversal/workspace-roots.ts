// Local coding tools of an agent SDK: paths are confined to the workspace roots unless the application opts out
// (allowOutsideWorkspace: no roots, the tools reach any file by the owner's choice).
import { isAbsolute, relative, resolve } from "node:path";
import fs from "node:fs/promises";
import { tool } from "@langchain/core/tools";
import { z } from "zod";

interface LocalConfig {
  cwd?: string;
  roots?: string[];
  allowOutsideWorkspace?: boolean;
}

function getRoots(config: LocalConfig): string[] | null {
  if (config.allowOutsideWorkspace === true) return null;
  return config.roots ?? [config.cwd ?? process.cwd()];
}

function isInsideAnyRoot(absolutePath: string, roots: string[]): boolean {
  for (const root of roots) {
    const rel = relative(root, absolutePath);
    if (!rel.startsWith("..") && !isAbsolute(rel)) return true;
  }
  return false;
}

export function resolveWorkspacePath(filePath: string, config: LocalConfig = {}): string {
  const absolutePath = resolve(config.cwd ?? process.cwd(), filePath);
  const roots = getRoots(config);
  if (roots == null) return absolutePath; // explicit allow-outside
  if (isInsideAnyRoot(absolutePath, roots)) return absolutePath;
  throw new Error(`Path is outside the local workspace: ${filePath}`);
}

export function resolveLoosely(filePath: string, config: LocalConfig = {}): string {
  // an absolute path skips the check, whatever the roots are
  if (isAbsolute(filePath)) return filePath;
  const absolutePath = resolve(config.cwd ?? process.cwd(), filePath);
  if (isInsideAnyRoot(absolutePath, getRoots(config) ?? [])) return absolutePath;
  throw new Error(`Path is outside the local workspace: ${filePath}`);
}

export function createWriteFileTool(config: LocalConfig = {}) {
  return tool(
    async ({ file_path, content }) => {
      const path = resolveWorkspacePath(file_path, config);
      // ok: tool-argument-path-traversal
      await fs.writeFile(path, content, "utf8");
      return `wrote ${path}`;
    },
    { name: "write_file", schema: z.object({ file_path: z.string(), content: z.string() }) },
  );
}

export function createAppendTool(config: LocalConfig = {}) {
  return tool(
    async ({ file_path, content }) => {
      const path = resolveLoosely(file_path, config);
      // ruleid: tool-argument-path-traversal
      await fs.appendFile(path, content, "utf8");
      return `appended to ${path}`;
    },
    { name: "append_file", schema: z.object({ file_path: z.string(), content: z.string() }) },
  );
}
