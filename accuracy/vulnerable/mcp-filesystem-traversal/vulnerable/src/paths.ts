import path from "node:path";

export const allowedDirectories = process.argv.slice(2).map((d) => path.resolve(d));

export function validatePath(requested: string): string {
  const absolute = path.resolve(requested);
  // prefix comparison: /srv/data-secrets passes for /srv/data
  if (!allowedDirectories.some((dir) => absolute.startsWith(dir))) {
    throw new Error(`Access denied: ${absolute}`);
  }
  return absolute;
}
