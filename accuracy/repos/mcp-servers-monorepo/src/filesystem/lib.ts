import fs from "node:fs/promises";
import path from "node:path";

let allowed: string[] = [];

export function setAllowedDirectories(dirs: string[]): void {
  allowed = dirs.map((d) => path.resolve(d));
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export async function validatePath(requested: string): Promise<string> {
  const absolute = path.resolve(requested);
  const real = await fs.realpath(absolute).catch(async () => path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute)));
  if (!allowed.some((dir) => isInside(real, dir))) {
    throw new Error(`Access denied - path outside allowed directories: ${requested}`);
  }
  return real;
}

export async function readTextFile(p: string, head?: number): Promise<string> {
  const text = await fs.readFile(p, "utf-8");
  return head ? text.split("\n").slice(0, head).join("\n") : text;
}
