import { realpathSync } from "node:fs";
import path from "node:path";

export const allowedDirectories = process.argv.slice(2).map((d) => realpathSync(path.resolve(d)));

export function validatePath(requested: string): string {
  const absolute = realpathSync.native(path.resolve(requested));
  const inside = allowedDirectories.some((dir) => {
    const rel = path.relative(dir, absolute);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  });
  if (!inside) throw new Error(`Access denied: ${absolute}`);
  return absolute;
}
