import path from "node:path";
import { config } from "../config.js";

export function resolveInWorkspace(relative: string): string {
  const full = path.resolve(config.workspace, relative);
  if (full !== config.workspace && !full.startsWith(config.workspace + path.sep)) {
    throw new Error(`Path escapes the workspace: ${relative}`);
  }
  return full;
}

export function truncate(text: string, max = 12_000): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}
