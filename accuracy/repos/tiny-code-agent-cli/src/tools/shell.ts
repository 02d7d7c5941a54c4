import { spawnSync } from "node:child_process";

export function runBash(cwd: string, command: string, timeoutMs = 120_000): string {
  const res = spawnSync("bash", ["-lc", command], { cwd, encoding: "utf8", timeout: timeoutMs, maxBuffer: 10 * 1024 * 1024 });
  const out = `${res.stdout ?? ""}${res.stderr ? `\n[stderr]\n${res.stderr}` : ""}`;
  const status = res.error ? `error: ${res.error.message}` : `exit ${res.status}`;
  return `${out.slice(-30_000)}\n[${status}]`;
}
