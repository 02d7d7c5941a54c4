import fs from "node:fs/promises";
import path from "node:path";

export class PathOutsideRootError extends Error {
  constructor(requested: string) {
    super(`Access denied: ${requested} is outside the docs root`);
  }
}

/**
 * Resolves a user/model supplied relative path under root, following symlinks, and throws if
 * the real path leaves root. Root itself must already be a real path.
 */
export async function resolveInside(root: string, requested: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const candidate = path.resolve(realRoot, requested);
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`Not found: ${requested}`);
    throw err;
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new PathOutsideRootError(requested);
  return real;
}

export async function* walk(dir: string, exts: Set<string>): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, exts);
    else if (entry.isFile() && exts.has(path.extname(entry.name).toLowerCase())) yield full;
  }
}
