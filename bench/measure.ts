/**
 * Running each measured tool in a child process of its own, with its wall time, CPU time and peak memory (max
 * RSS): Node children load a preload that writes the child's own process.resourceUsage() at exit; other
 * programs (Bandit) run under GNU time (/usr/bin/time), or else under a python3 wrapper reading the child's
 * rusage (RUSAGE_CHILDREN).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Run {
  /** Wall time of the child, ms (measured by the parent). */
  wall: number;
  /** CPU time (user, system) of the child, ms. */
  user: number;
  sys: number;
  /** Peak resident memory of the child, MB (undefined when it could not be measured). */
  maxRssMb?: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

let scratch: string | undefined;
/** A temp folder for the whole bench run (preload, file lists, outputs), removed at exit. */
export function benchTmp(): string {
  if (!scratch) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-bench-run-'));
    process.on('exit', () => fs.rmSync(scratch!, { recursive: true, force: true }));
  }
  return scratch;
}

function preload(): string {
  const file = path.join(benchTmp(), 'rusage-preload.cjs');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(
      file,
      `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.AISEC_BENCH_RUSAGE, JSON.stringify({ user: u.userCPUTime / 1000, sys: u.systemCPUTime / 1000, maxRssKb: u.maxRSS })); });\n`,
    );
  }
  return file;
}

let runs = 0;
const MAX_BUFFER = 512 * 1024 * 1024;

/** A Node script (`args[0]`) in its own process; CPU and max RSS from the child itself. */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const usage = path.join(benchTmp(), `rusage-${++runs}.json`);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', preload(), ...args], { cwd, env: { ...process.env, ...env, AISEC_BENCH_RUSAGE: usage }, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  let u: { user: number; sys: number; maxRssKb: number } | undefined;
  try {
    u = JSON.parse(fs.readFileSync(usage, 'utf8')) as typeof u;
  } catch {
    u = undefined;
  }
  return { wall, user: u?.user ?? NaN, sys: u?.sys ?? NaN, maxRssMb: u ? u.maxRssKb / 1024 : undefined, code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

export function installed(cmd: string): boolean {
  return which(cmd) !== undefined;
}

/** Any program in its own process: CPU and max RSS from GNU time, or from a python3 wrapper. */
export function runCmd(cmd: string, args: string[], cwd: string): Run {
  const out = path.join(benchTmp(), `time-${++runs}.txt`);
  const t = process.hrtime.bigint();
  let r;
  if (fs.existsSync('/usr/bin/time')) {
    r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', out, cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    const py = 'import json,resource,subprocess,sys\nr=subprocess.run(sys.argv[2:])\nu=resource.getrusage(resource.RUSAGE_CHILDREN)\nopen(sys.argv[1],"w").write("%f %f %d" % (u.ru_utime, u.ru_stime, u.ru_maxrss))\nsys.exit(r.returncode)';
    r = spawnSync('python3', ['-c', py, out, cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  let user = NaN;
  let sys = NaN;
  let maxRssMb: number | undefined;
  try {
    const last = fs.readFileSync(out, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
    if (last.length === 3 && last.every((x) => Number.isFinite(x))) [user, sys, maxRssMb] = [last[0] * 1000, last[1] * 1000, last[2] / 1024];
  } catch {
    /* not measured */
  }
  return { wall, user, sys, maxRssMb, code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function fmtMb(mb: number | undefined): string {
  return mb === undefined || !Number.isFinite(mb) ? 'n/a' : `${mb.toFixed(0)} MB`;
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** A line of the closing table: one budget, its target, what was measured, met or not, and why. */
export interface BudgetRow {
  budget: string;
  target: string;
  measured: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
  note?: string;
  /** A figure for comparison, not a budget. */
  context?: boolean;
}

export const budgets: BudgetRow[] = [];

export function budget(row: BudgetRow): void {
  budgets.push(row);
}

/** The closing table, as Markdown (it reads in a terminal and pastes into an issue). */
export function budgetTable(rows: readonly BudgetRow[]): string {
  const head = ['budget', 'target', 'measured', 'status'];
  const body = rows.map((r) => [r.budget, r.target, r.measured, (r.context ? 'for comparison' : r.met === undefined ? 'not measured' : r.met ? 'met' : 'NOT MET') + (r.note ? `: ${r.note}` : '')]);
  const lines = [head, ['---', '---', '---', '---'], ...body].map((c) => `| ${c.join(' | ')} |`);
  return lines.join('\n');
}
