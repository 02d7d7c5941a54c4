import { execFileSync } from "node:child_process";

export function runGit(cwd: string, args: string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", shell: false });
}
