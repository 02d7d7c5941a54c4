import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

const IGNORED = new Set(["node_modules", ".git", "dist", ".next"]);

export async function readFile(cwd: string, file: string): Promise<string> {
  const full = path.resolve(cwd, file);
  const text = await fs.readFile(full, "utf8");
  return text.length > 50_000 ? `${text.slice(0, 50_000)}\n[truncated]` : text;
}

export async function listFiles(cwd: string, dir = "."): Promise<string> {
  const root = path.resolve(cwd, dir);
  const out: string[] = [];
  async function walk(current: string, depth: number) {
    if (depth > 3 || out.length > 500) return;
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      if (IGNORED.has(entry.name)) continue;
      const rel = path.relative(root, path.join(current, entry.name));
      out.push(entry.isDirectory() ? `${rel}/` : rel);
      if (entry.isDirectory()) await walk(path.join(current, entry.name), depth + 1);
    }
  }
  await walk(root, 0);
  return out.join("\n");
}

export async function editFile(cwd: string, file: string, oldStr: string, newStr: string): Promise<string> {
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) {
    if (oldStr !== "") return `File ${file} does not exist.`;
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, newStr, "utf8");
    return `Created ${file}`;
  }
  const content = await fs.readFile(full, "utf8");
  const count = content.split(oldStr).length - 1;
  if (count === 0) return "old_str not found in file.";
  if (count > 1) return `old_str appears ${count} times; make it unique.`;
  await fs.writeFile(full, content.replace(oldStr, newStr), "utf8");
  return "OK";
}
