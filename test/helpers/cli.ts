/** Helpers for process-level tests: the repo root, temp workspaces copied from test/fixtures, running the built CLI. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Test bundles land in <out>/test/<dir>/, three levels below the repo root. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'bin', 'aisec.js');
export const SERVER = path.join(ROOT, 'bin', 'aisec-language-server.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function assertBuilt(): void {
  for (const f of ['dist/cli.js', 'dist/server.js', 'dist/tree-sitter-python.wasm']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run "node scripts/build.mjs" first`);
  }
}

const temps: string[] = [];

/** A fresh temp copy of test/fixtures/<name> (or an empty dir), plus extra files (relative path -> content). */
export function makeWorkspace(fixture: string | undefined, extra: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aisec-${fixture ?? 'ws'}-`));
  temps.push(dir);
  if (fixture) fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  for (const [rel, content] of Object.entries(extra)) writeFile(dir, rel, content);
  return dir;
}

export function writeFile(dir: string, rel: string, content: string | Buffer): string {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

export function cleanupWorkspaces(): void {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/aisec.js ...args` in `cwd`; a generous timeout turns a hang into a failure (signal set). */
export function runCli(args: string[], cwd: string, timeoutMs = 30_000): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Assert a run ended normally with one of the expected exit codes; the message shows stderr. */
export function expectExit(r: CliResult, codes: number[]): void {
  if (r.signal) throw new Error(`aisec was killed by ${r.signal} (hang or crash)\nstderr:\n${r.stderr}`);
  if (r.code === null || !codes.includes(r.code)) throw new Error(`aisec exited ${r.code}, expected ${codes.join(' or ')}\nstderr:\n${r.stderr}\nstdout:\n${r.stdout.slice(0, 2000)}`);
  if (/internal error/.test(r.stderr)) throw new Error(`aisec reported an internal error:\n${r.stderr}`);
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  confidence: string;
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  owasp: string[];
  cwe: number[];
  policy?: string;
  fingerprint: string;
  fixes: { title: string; kind: string }[];
  suppression?: { kind: string; justification: string; until?: string; by?: string };
}

export interface JsonReport {
  tool: { name: string; version: string };
  summary: { files: number; lines: number; elapsedMs: number; findings: number };
  findings: JsonFinding[];
  errors: { path: string; kind: string; message: string }[];
  skipped: { file: string; reason: string }[];
  configFiles: string[];
}

export function scanJson(cwd: string, extraArgs: string[] = [], codes = [0, 1]): JsonReport {
  const r = runCli(['scan', '--format', 'json', ...extraArgs], cwd);
  expectExit(r, codes);
  return JSON.parse(r.stdout) as JsonReport;
}

/** Compact "path:line:col ruleId" keys, sorted, for unsuppressed findings. */
export function findingKeys(report: JsonReport, withSeverity = false): string[] {
  return report.findings
    .filter((f) => !f.suppression)
    .map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}${withSeverity ? ` ${f.severity}` : ''}`)
    .sort();
}
