import { execSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { config } from "../config.js";
import { resolveInWorkspace, truncate } from "../lib/workspace.js";

export const readFileTool = tool(
  async ({ filePath }) => {
    const full = resolveInWorkspace(filePath);
    return truncate(await fs.readFile(full, "utf8"));
  },
  {
    name: "read_file",
    description: "Read a text file from the workspace. Paths are relative to the workspace root.",
    schema: z.object({ filePath: z.string().describe("relative path, e.g. src/index.ts") }),
  },
);

export const writeFileTool = tool(
  async ({ filePath, content }) => {
    const full = resolveInWorkspace(filePath);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content, "utf8");
    return `Wrote ${content.length} characters to ${filePath}`;
  },
  {
    name: "write_file",
    description: "Create or overwrite a file in the workspace.",
    schema: z.object({ filePath: z.string(), content: z.string() }),
  },
);

export const listDirectoryTool = tool(
  async ({ dir }) => {
    const full = resolveInWorkspace(dir ?? ".");
    const entries = await fs.readdir(full, { withFileTypes: true });
    return entries
      .filter((e) => e.name !== "node_modules" && !e.name.startsWith(".git"))
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .join("\n");
  },
  {
    name: "list_directory",
    description: "List a directory of the workspace.",
    schema: z.object({ dir: z.string().optional() }),
  },
);

export const searchFilesTool = tool(
  async ({ pattern, glob }) => {
    const include = glob ? `--include="${glob}"` : "";
    try {
      const out = execSync(`grep -rn ${include} --exclude-dir=node_modules "${pattern}" .`, {
        cwd: config.workspace,
        encoding: "utf8",
        maxBuffer: 2 * 1024 * 1024,
      });
      return truncate(out);
    } catch (err) {
      return (err as { status?: number }).status === 1 ? "No matches." : `grep failed: ${(err as Error).message}`;
    }
  },
  {
    name: "search_files",
    description: "Search the workspace for a regular expression (grep -rn).",
    schema: z.object({ pattern: z.string(), glob: z.string().optional().describe("e.g. *.ts") }),
  },
);
