import { execSync } from "node:child_process";

export function runGit(cwd: string, args: string[]): string {
  const command = ["git", "-C", cwd, ...args].join(" ");
  return execSync(command, { encoding: "utf8" });
}
