/**
 * npm run bench: the performance budgets of DESIGN.md section 8 and issue 10, measured next to their floors and
 * next to the tools a team would otherwise run, in one run (parts: --scan, --tools, --editor, --rules; --help).
 *  1. editor: re-analysis of a 2,000-line Python and a 2,000-line TS file after a one-character edit (p50/p95);
 *  2. on the bench corpus (bench/corpus.json under .cache/corpus, scripts/fetch-corpus.sh; else a generated
 *     workspace of the repo's own sources): AISec's full scan, the warm re-scan from the result cache, the read
 *     and parse floors, ESLint with the security plugins and Bandit on their scopes, each in a process of its own
 *     with its wall time, CPU time and peak memory (bench/corpusBench.ts, bench/measure.ts);
 *  3. a closing table: each budget, met or not, with the figures.
 */
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
import { collectFiles } from '../server/src/workspace/files';
import { benchCorpus, childFloor, Corpus, fileLists, ScanFigures, scanBudgets, scanPart, toolBudgets, toolsPart } from './corpusBench';
import { budget, budgets, budgetTable, fmtInt } from './measure';
import { editorBudgetLinesAsServer, editorFile as bigFile, firstDiagnosticsLines, limitCostLines, percentile, sources } from './editor';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = Number(process.env.AISEC_BENCH_FILES ?? 10000);
/** Edits measured by the editor lines (fewer for instruction counts under valgrind). */
const EDITS = Number(process.env.AISEC_BENCH_EDITS ?? 60);
/** Editor lines without the breakdown runs (for profiling the measured analysis alone). */
const PLAIN = !!process.env.AISEC_BENCH_PLAIN;

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
  const pool = sources([kind === 'py' ? '.py' : '.ts']).slice(0, 40);
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
  return `from-scratch analysis ${kind} (${lineCount} lines, no kept tree, no project index, bench process without the server's node flags; for reference, not the editor's path): p50 ${percentile(full, 50).toFixed(1)} ms, p95 ${percentile(full, 95).toFixed(1)} ms; parse-only p95 ${percentile(parse, 95).toFixed(1)} ms`;
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

/** The editor figures for the closing table (p95 read from the line the function prints). */
const USAGE = `usage: npm run bench -- [--scan] [--tools] [--editor] [--rules] [--generated] [--fast] [--warm-runs N]
  (no part flag: every part)
  --scan        AISec's full scan, warm re-scan from the result cache, read and parse floors, peak memory
  --tools       ESLint (security + SDL plugins) on the JS/TS files, Bandit on the Python files
  --editor      editor re-analysis of 500-, 2,000- and 10,000-line files (p50/p95), first diagnostics, limits
  --rules       cost of each rule on the 2,000-line files
  --generated   the generated workspace of the repo's own sources (AISEC_BENCH_FILES, default 10,000) instead
                of the bench corpus
  --fast        no separate uncached scan: the cold scan writing the cache stands for the full scan
  --warm-runs N warm re-scans measured (default 3)`;

async function main(): Promise<void> {
  await initAnalyzers();
  const argv = process.argv.slice(2);
  const mode = argv[0];
  if (mode === '--child-floor') {
    // isolated process: one floor (read, python, js) over a list of files
    await childFloor(argv[1], argv[2]);
    return;
  }
  if (mode === '--first-diagnostics') {
    for (const line of await firstDiagnosticsLines()) console.log(line);
    for (const line of limitCostLines()) console.log(line);
    return;
  }
  if (mode === '--editor-sizes') {
    for (const line of editorBudgetLinesAsServer(argv[1] ? argv.slice(1).map(Number) : undefined)) console.log(line);
    return;
  }
  if (mode === '--editor' && (argv[1] === 'py' || argv[1] === 'ts')) {
    // one editor line only (profiling: node --cpu-prof out/bench/bench.js --editor py)
    console.log(editorReanalysis(argv[1]));
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const parts = new Set(argv.filter((a) => ['--scan', '--tools', '--editor', '--rules'].includes(a)));
  const all = parts.size === 0;
  const want = (p: string) => all || parts.has(p);
  const warmRuns = argv.includes('--warm-runs') ? Math.max(1, Number(argv[argv.indexOf('--warm-runs') + 1]) || 3) : 3;
  const t0 = Date.now();
  console.log(`AISec benchmark: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 1073741824).toFixed(1)} GB, ${builtinRules.length} rules; ${new Date().toISOString()}`);
  const load = () => `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes on the machine inflate wall times; CPU times hold)`;
  console.log(load());

  // ---- editor: re-analysis after an edit, first diagnostics (the editor helper's lines go here) ----
  if (want('--editor')) {
    console.log('\n## Editor');
    console.log(reanalysis('py'));
    console.log(reanalysis('ts'));
    // re-analysis by size (500, 2,000, 10,000 lines) in a process with the server's node flags (bench/editor.ts)
    for (const line of editorBudgetLinesAsServer()) {
      console.log(line);
      const m = /^editor re-analysis (py|ts) (\d+) lines .*?wall p50 ([\d.]+) ms, p95 ([\d.]+) ms; CPU p50 ([\d.]+) ms, p95 ([\d.]+) ms/.exec(line);
      if (m && Number(m[2]) >= 1500 && Number(m[2]) <= 3000) {
        budget({ budget: `editor re-analysis after a one-character edit, ${m[1]} (${m[2]} lines)`, target: 'p95 <= 50 ms (wall)', measured: `wall p50 ${m[3]} ms, p95 ${m[4]} ms; CPU p50 ${m[5]} ms, p95 ${m[6]} ms`, met: Number(m[4]) <= 50 });
      }
    }
    for (const line of await firstDiagnosticsLines()) {
      console.log(line);
      const m = /opened as soon as initialize answered\): Python .*? (\d+) ms, TS .*? (\d+) ms \(budget/.exec(line);
      if (m) budget({ budget: 'first diagnostics after opening a file (server up)', target: '<= 300 ms', measured: `Python ${m[1]} ms, TS ${m[2]} ms (the file's own findings; cross-file ones follow)`, met: Math.max(Number(m[1]), Number(m[2])) <= 300 });
    }
    for (const line of limitCostLines()) console.log(line);
    if (!budgets.some((b) => b.budget.startsWith('first diagnostics'))) budget({ budget: 'first diagnostics after opening a file (server up)', target: '<= 300 ms', measured: 'n/a', met: undefined });
    console.log(load());
  }
  if (want('--rules')) {
    console.log('\n## Cost per rule');
    console.log(ruleCosts('py'));
    console.log(ruleCosts('ts'));
  }

  // ---- the corpus: AISec's scans, the floors, the other tools, each in its own process ----
  if (want('--scan') || want('--tools')) {
    let corpus: Corpus | undefined;
    let generatedDir: string | undefined;
    if (!argv.includes('--generated')) {
      const found = benchCorpus();
      if (found.corpus) corpus = found.corpus;
      else console.log(`\nbench corpus not available: ${found.why}; falling back to a generated workspace`);
    }
    if (!corpus) {
      generatedDir = makeWorkspace(FILES);
      corpus = { cwd: generatedDir, trees: ['.'], label: `generated workspace of ${fmtInt(FILES)} files (copies of examples/ and rule fixtures)`, generated: true };
    }
    try {
      console.log(`\n## Corpus: ${corpus.label}`);
      const lists = fileLists(corpus);
      let scan: ScanFigures = { floors: {} };
      if (want('--scan')) {
        scan = scanPart(corpus, lists, { warmRuns, plain: !argv.includes('--fast') });
        scanBudgets(scan, lists.all.length);
        console.log(load());
      }
      if (want('--tools')) {
        console.log('\n## Other tools on the same files');
        const tools = toolsPart(corpus, lists);
        toolBudgets(scan, tools);
        console.log(load());
      }
    } finally {
      if (generatedDir) fs.rmSync(generatedDir, { recursive: true, force: true });
    }
  }

  console.log(`\n## Budgets (${Math.round((Date.now() - t0) / 1000)} s of benchmarking; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  console.log(budgetTable(budgets));
}

void main();
