/**
 * npm run bench: the performance budgets of DESIGN.md section 8, measured next to their floors.
 *  1. re-analysis of a 2,000-line Python and a 2,000-line TS file after a one-character edit (p50/p95);
 *  2. a workspace scan of N files (default 10,000) vs the floor: reading + parsing the same files only;
 *  3. peak memory (max RSS) of the scan, in a child process of its own;
 *  4. a warm re-scan of the unchanged workspace from the result cache (scan --cache).
 * Input is built from the repo's own realistic sources: examples/ and the rule fixtures.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildViews, initAnalyzers } from '../server/src/analyzers';
import { defaultConfig } from '../server/src/engine/config';
import { analyze } from '../server/src/engine/engine';
import { detectFileKind } from '../server/src/engine/fileKind';
import { builtinRules } from '../server/src/engine/registry';
import type { RegisteredRule, RuleContext } from '../server/src/engine/rule';
import type { BaseView, JsView, PythonView } from '../server/src/engine/views';
import { jsFlow, pythonFlow } from '../server/src/analyzers/flow';
import { parsePythonKept } from '../server/src/analyzers/python/parser';
import { fileSource, WorkspaceIndex } from '../server/src/workspace/projectIndex';
import { collectFiles, readText } from '../server/src/workspace/files';
import { scanPaths } from '../server/src/workspace/scan';
import { editorBudgetLinesAsServer, firstDiagnosticsLines, limitCostLines } from './editor';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = Number(process.env.AISEC_BENCH_FILES ?? 10000);
/** Edits measured by the editor lines (fewer for instruction counts under valgrind). */
const EDITS = Number(process.env.AISEC_BENCH_EDITS ?? 60);
/** Editor lines without the breakdown runs (for profiling the measured analysis alone). */
const PLAIN = !!process.env.AISEC_BENCH_PLAIN;

function sources(exts: string[]): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x)) && !e.name.includes('.fixed.')) out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'rules'));
  return out;
}

/** A file of about `lines` lines made of real sources, each wrapped so it stays syntactically valid. */
function bigFile(kind: 'py' | 'ts', lines: number): string {
  const parts = sources(kind === 'py' ? ['.py'] : ['.ts']).filter((s) => !s.name.endsWith('rule.ts') && !s.name.includes('server/'));
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const src = parts[i % parts.length].text;
    out.push(src);
    n += src.split('\n').length;
  }
  return out.join('\n');
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function timeIt(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** CPU time (user + system) of fn, in ms: what the analysis itself costs, whatever else runs on the machine. */
function cpuIt(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * The editor's path (server/src/lsp/server.ts): the file lives in a workspace with a project index (cross-file
 * summaries on); each edit invalidates the file in the index (open-document overlay) and re-analyses it.
 * The workspace: the 2,000-line file, modules it imports, and a module that imports it and calls one of its
 * functions with request data (so the incoming summaries of importers are recomputed after each edit).
 */
function editorWorkspace(kind: 'py' | 'ts', text: string): { dir: string; rel: string; header: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-bench-ed-'));
  const pool = sources([kind === 'py' ? '.py' : '.ts']).filter((s) => !s.name.endsWith('rule.ts') && !s.name.includes('server/')).slice(0, 40);
  const ext = kind === 'py' ? '.py' : '.ts';
  fs.mkdirSync(path.join(dir, 'app', 'lib'), { recursive: true });
  if (kind === 'py') {
    fs.writeFileSync(path.join(dir, 'app', '__init__.py'), '');
    fs.writeFileSync(path.join(dir, 'app', 'lib', '__init__.py'), '');
  }
  pool.forEach((s, i) => fs.writeFileSync(path.join(dir, 'app', 'lib', `m${i}${ext}`), s.text));
  const fn = (kind === 'py' ? /^def (\w+)\(/m : /^export (?:async )?function (\w+)\(/m).exec(text)?.[1] ?? 'handler';
  const header =
    kind === 'py'
      ? pool.slice(0, 5).map((_, i) => `from .lib import m${i}`).join('\n') + '\n'
      : pool.slice(0, 5).map((_, i) => `import * as m${i} from './lib/m${i}';`).join('\n') + '\n';
  const importer =
    kind === 'py'
      ? `from flask import request\nfrom .bench import ${fn}\n\ndef view():\n    return ${fn}(request.args.get("q"))\n`
      : `import express from 'express';\nimport { ${fn} } from './bench';\nconst app = express();\napp.get('/x', (req: any, res: any) => res.send(${fn}(req.query.q)));\n`;
  fs.writeFileSync(path.join(dir, 'app', `main${ext}`), importer);
  return { dir, rel: `app/bench${ext}`, header };
}

interface Breakdown {
  parse: number[];
  views: number[];
  flow: number[];
  ownFlow: number[];
  rules: Map<string, number[]>;
}

/** Rules wrapped so each check is timed (CPU); the shared flow analysis is built (and timed) before the first check. */
function timedRules(b: Breakdown, current: { flow: number; rules: Map<string, number> }): RegisteredRule[] {
  return builtinRules.map((r) => {
    const check: Record<string, unknown> = {};
    for (const [viewName, fn] of Object.entries(r.check)) {
      check[viewName] = (ctx: RuleContext<BaseView>) => {
        if (viewName === 'python' || viewName === 'js') {
          current.flow += cpuIt(() => (viewName === 'python' ? pythonFlow(ctx.view as PythonView) : jsFlow(ctx.view as JsView)));
        }
        current.rules.set(r.meta.id, (current.rules.get(r.meta.id) ?? 0) + cpuIt(() => (fn as (c: RuleContext<BaseView>) => void)(ctx)));
      };
    }
    void b;
    return { ...r, check } as RegisteredRule;
  });
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Re-analysis as the editor does it, with cross-file summaries on; CPU time, plus a breakdown. */
function editorReanalysis(kind: 'py' | 'ts'): string {
  const body = bigFile(kind, 2000);
  const ws = editorWorkspace(kind, body);
  try {
    const text = ws.header + body;
    const lineCount = text.split('\n').length;
    const config = defaultConfig();
    let current = text;
    const overlay = (abs: string): string | undefined => (abs === path.join(ws.dir, ...ws.rel.split('/')) ? current : undefined);
    const files = collectFiles([ws.dir], 4 * 1024 * 1024).files.map((f) => path.relative(ws.dir, f).split(path.sep).join('/')).sort();
    const index = new WorkspaceIndex(fileSource(ws.dir, () => files, overlay));
    const b: Breakdown = { parse: [], views: [], flow: [], ownFlow: [], rules: new Map() };
    const now = { flow: 0, rules: new Map<string, number>() };
    const rules = timedRules(b, now);
    const lang = kind === 'py' ? 'python' : 'typescript';
    // the measured run uses the rules as they are; a second run of the same edit, with every rule timed, gives the breakdown
    const run = (with_: readonly RegisteredRule[] = builtinRules) => {
      index.invalidate(ws.rel);
      return analyze({ path: ws.rel, text: current, project: index }, config, with_);
    };
    // warm up on the work measured: one-character edits (elsewhere in the file) re-analysed through the kept trees, so
    // that the incremental paths are compiled too (re-analysing the same text reuses the whole tree and skips them);
    // the first dozen edits still run partly unoptimised code (AISEC_BENCH_WARMUP=5 measures them)
    const WARMUP = Number(process.env.AISEC_BENCH_WARMUP ?? 20);
    for (let i = 0; i < WARMUP; i++) {
      const at = Math.floor(body.length / 4) + i + ws.header.length;
      current = i < 5 ? text : text.slice(0, at) + (i % 2 ? ' ' : '\t') + text.slice(at);
      run() && (PLAIN || run(rules));
    }
    const full: number[] = [];
    const wall: number[] = [];
    const other: number[] = [];
    let findings = 0;
    for (let i = 0; i < EDITS; i++) {
      const at = Math.floor(body.length / 2) + i + ws.header.length;
      current = text.slice(0, at) + (i % 2 ? ' ' : '\t') + text.slice(at);
      now.flow = 0;
      now.rules = new Map();
      let n = 0;
      const t = process.hrtime.bigint();
      const c = cpuIt(() => (n = run().findings.length));
      wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      full.push(c);
      findings = n;
      if (PLAIN) continue;
      const timed = cpuIt(() => run(rules));
      b.flow.push(now.flow);
      for (const [id, ms] of now.rules) b.rules.set(id, [...(b.rules.get(id) ?? []), ms]);
      const ruleSum = [...now.rules.values()].reduce((x, y) => x + y, 0);
      other.push(timed - now.flow - ruleSum);
      // the views of the same text alone, and the parse alone (tree-sitter for Python, typescript-estree for TS)
      // (the editor re-parses incrementally: each measure keeps its own tree of the previous edit, under its own key)
      if (kind === 'py') b.parse.push(cpuIt(() => parsePythonKept(`parse:${ws.rel}`, current)));
      let views: ReturnType<typeof buildViews>['views'] = { text: { text: current } };
      b.views.push(cpuIt(() => (views = buildViews(`views:${ws.rel}`, current, lang, true).views)));
      // the file's own flow, without the project index: the rest of `flow` is cross-file summaries
      b.ownFlow.push(cpuIt(() => (views.python ? pythonFlow(views.python) : views.js ? jsFlow(views.js) : undefined)));
    }
    if (PLAIN) return `editor re-analysis ${kind} (${lineCount} lines, project index on, ${findings} findings): CPU p50 ${median(full).toFixed(1)} ms, p95 ${percentile(full, 95).toFixed(1)} ms, min ${Math.min(...full).toFixed(1)} ms`;
    const top = [...b.rules.entries()].map(([id, xs]) => ({ id, ms: median(xs) })).sort((x, y) => y.ms - x.ms);
    const rulesMs = top.reduce((n, r) => n + r.ms, 0);
    const parse = kind === 'py' ? `tree-sitter parse ${median(b.parse).toFixed(1)}, mirror ${(median(b.views) - median(b.parse)).toFixed(1)}` : `typescript-estree parse ${median(b.views).toFixed(1)}`;
    return (
      `editor re-analysis ${kind} (${lineCount} lines, project index on, ${findings} findings): CPU p50 ${median(full).toFixed(1)} ms, p95 ${percentile(full, 95).toFixed(1)} ms, min ${Math.min(...full).toFixed(1)} ms; wall p50 ${median(wall).toFixed(1)} ms, p95 ${percentile(wall, 95).toFixed(1)} ms (budget 50 ms)\n` +
      `  breakdown (CPU medians, ms): views ${median(b.views).toFixed(1)} (${parse}); flow ${median(b.flow).toFixed(1)} (the file's own ${median(b.ownFlow).toFixed(1)}, the rest cross-file summaries recomputed after the edit); rules ${rulesMs.toFixed(1)}; the rest (views, suppressions, findings, GC) ${median(other).toFixed(1)}\n` +
      `  rules by cost: ${top.slice(0, 10).map((r) => `${r.id} ${r.ms.toFixed(1)}`).join(', ')}`
    );
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

function reanalysis(kind: 'py' | 'ts'): string {
  const text = bigFile(kind, 2000);
  const file = kind === 'py' ? 'bench.py' : 'bench.ts';
  const lineCount = text.split('\n').length;
  const config = defaultConfig();
  for (let i = 0; i < 5; i++) analyze({ path: file, text }, config, builtinRules); // warm up
  const full: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < 60; i++) {
    // a one-character edit somewhere in the middle, as typing does
    const at = Math.floor(text.length / 2) + i;
    const edited = text.slice(0, at) + (i % 2 ? ' ' : '') + text.slice(at);
    parse.push(timeIt(() => buildViews(file, edited, kind === 'py' ? 'python' : 'typescript')));
    full.push(timeIt(() => analyze({ path: file, text: edited }, config, builtinRules)));
  }
  return `re-analysis ${kind} (${lineCount} lines): p50 ${percentile(full, 50).toFixed(1)} ms, p95 ${percentile(full, 95).toFixed(1)} ms (budget 50 ms); parse-only p95 ${percentile(parse, 95).toFixed(1)} ms`;
}

/** Cost of each rule on the 2,000-line file: analysis with that rule alone minus analysis with none. */
function ruleCosts(kind: 'py' | 'ts'): string {
  const text = bigFile(kind, 2000);
  const file = kind === 'py' ? 'bench.py' : 'bench.ts';
  const config = defaultConfig();
  for (const r of builtinRules) config.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
  const median = (fn: () => void) => {
    const xs: number[] = [];
    for (let i = 0; i < 7; i++) xs.push(timeIt(fn));
    return percentile(xs, 50);
  };
  const base = median(() => analyze({ path: file, text }, config, []));
  const costs = builtinRules
    .filter((r) => r.meta.views.some((v) => v === (kind === 'py' ? 'python' : 'js') || v === 'text'))
    .map((r) => ({ id: r.meta.id, ms: median(() => analyze({ path: file, text }, config, [r])) - base }))
    .sort((a, b) => b.ms - a.ms);
  const total = costs.reduce((n, c) => n + Math.max(0, c.ms), 0);
  return `rule cost on ${kind} (views ${base.toFixed(1)} ms, rules ${total.toFixed(1)} ms in all; flow analysis is shared, so the first rule using it carries it): ` + costs.slice(0, 8).map((c) => `${c.id} ${c.ms.toFixed(1)}`).join(', ');
}

function makeWorkspace(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-bench-'));
  const pool = sources(['.py', '.ts', '.js', '.json', '.yaml', '.prompty', '.prompt', '.md']).filter((s) => detectFileKind(s.name) && !s.name.endsWith('rule.ts') && !s.name.endsWith('.expect.yaml'));
  for (let i = 0; i < n; i++) {
    const src = pool[i % pool.length];
    const sub = path.join(dir, `pkg${Math.floor(i / 100)}`, `m${i % 100}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, path.basename(src.name)), src.text);
  }
  return dir;
}

function parseOnly(dir: string): { ms: number; files: number } {
  const t = process.hrtime.bigint();
  const walk = collectFiles([dir], 4 * 1024 * 1024);
  for (const f of walk.files) {
    const text = readText(f);
    const kind = detectFileKind(f);
    if (text !== undefined && kind) buildViews(f, text, kind);
  }
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, files: walk.files.length };
}

function fullScan(dir: string): { ms: number; findings: number } {
  const t = process.hrtime.bigint();
  const r = scanPaths([dir], { root: dir, rules: builtinRules, keepAllText: false });
  const findings = r.files.reduce((n, f) => n + f.result.findings.length, 0);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, findings };
}

/** A scan with the result cache (in the workspace's .aisec-cache/): cold the first time, warm after. */
function cachedScan(dir: string): { ms: number; findings: number; reused: number } {
  const t = process.hrtime.bigint();
  const r = scanPaths([dir], { root: dir, rules: builtinRules, keepAllText: false, cache: {} });
  const findings = r.files.reduce((n, f) => n + f.result.findings.length, 0);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, findings, reused: r.cache?.reused ?? 0 };
}

async function main(): Promise<void> {
  await initAnalyzers();
  const mode = process.argv[2];
  if (mode === '--child-scan') {
    // isolated process: peak memory of a full scan
    const r = fullScan(process.argv[3]);
    process.stdout.write(JSON.stringify({ ...r, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  if (mode === '--first-diagnostics') {
    for (const line of await firstDiagnosticsLines()) console.log(line);
    for (const line of limitCostLines()) console.log(line);
    return;
  }
  if (mode === '--editor-sizes') {
    for (const line of editorBudgetLinesAsServer(process.argv[3] ? process.argv.slice(3).map(Number) : undefined)) console.log(line);
    return;
  }
  if (mode === '--editor') {
    // one editor line only (profiling: node --cpu-prof out/bench/bench.js --editor py)
    console.log(editorReanalysis(process.argv[3] === 'ts' ? 'ts' : 'py'));
    return;
  }
  console.log(`AISec benchmark: node ${process.version}, ${os.cpus().length} cores, ${builtinRules.length} rules`);
  console.log(reanalysis('py'));
  console.log(reanalysis('ts'));
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  // editor budgets (bench/editor.ts): re-analysis by size and language, first diagnostics through the real server
  for (const line of editorBudgetLinesAsServer()) console.log(line);
  for (const line of await firstDiagnosticsLines()) console.log(line);
  for (const line of limitCostLines()) console.log(line);
  if (!PLAIN) console.log(editorReanalysis('py'));
  if (!PLAIN) console.log(editorReanalysis('ts'));
  if (process.env.AISEC_BENCH_EDITOR_ONLY) return;
  console.log(ruleCosts('py'));
  console.log(ruleCosts('ts'));
  if (process.env.AISEC_BENCH_RULES_ONLY) return;
  const dir = makeWorkspace(FILES);
  try {
    // warm the OS file cache once so both measurements read from memory
    parseOnly(dir);
    const floor = parseOnly(dir);
    const scan = fullScan(dir);
    console.log(`workspace scan (${floor.files} files): ${scan.ms.toFixed(0)} ms, ${scan.findings} findings; read+parse floor ${floor.ms.toFixed(0)} ms; ratio ${(scan.ms / floor.ms).toFixed(2)}x (budget 1.5x)`);
    const cold = cachedScan(dir);
    const warm = cachedScan(dir);
    console.log(`warm re-scan from the cache (${floor.files} files, unchanged workspace): ${warm.ms.toFixed(0)} ms, ${warm.reused} results reused, ${warm.findings} findings (budget 1,000 ms); the cold scan writing the cache ${cold.ms.toFixed(0)} ms`);
    const child = JSON.parse(execFileSync(process.execPath, [__filename, '--child-scan', dir], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { ms: number; maxRssMb: number };
    console.log(`peak memory of a cold scan of ${floor.files} files in its own process: ${child.maxRssMb.toFixed(0)} MB max RSS (budget 300 MB), ${child.ms.toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
