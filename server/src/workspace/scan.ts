/** Scans files on disk with the pure engine: config per directory, skip reasons, relative paths. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ResourceLimits } from 'worker_threads';
import * as v8 from 'v8';
import { analysisIncomplete, analyze, isIgnored, skipReason } from '../engine/engine';
import type { AnalysisResult } from '../engine/model';
import { builtinRules } from '../engine/registry';
import type { RegisteredRule } from '../engine/rule';
import type { ConfigError, ConfigLoadOptions, LoadedConfig } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { collectFiles, readText, type WalkResult } from './files';
import { WorkspaceIndex } from './manifests';
import { fileSource, WorkspaceIndex as ProjectIndex } from './projectIndex';
import type { CacheStrategy } from './cache';
import { runPool } from './pool';
import { cacheFilePath, DEFAULT_CACHE_DIR, IGNORED, ReadRecorder, ResultCache, scanKey, sha1 } from './cache';

export interface ScanOptions {
  /** Paths relative to `root` are reported; config lookup stops at `root`. */
  root: string;
  configFile?: string;
  rules: readonly RegisteredRule[];
  /**
   * Keep the text of files without findings (reports, inventories and suppression listings need it).
   * Default true; false keeps the text of files with findings only (SARIF snippets), 'none' keeps no text (a plain
   * text or JSON report), so a large workspace does not stay in memory.
   */
  keepAllText?: boolean | 'none';
  /** Where `extends` may read from, Restricted Mode (packs/config.ts ConfigLoadOptions). */
  configOptions?: ConfigLoadOptions;
  /** Today's date (YYYY-MM-DD) for suppression expiry instead of the clock (exercise tests). */
  today?: string;
  /**
   * Reuse the results of an earlier scan (workspace/cache.ts): `location` is the cache folder or file (default
   * `<root>/.aisec-cache/`), which the scan itself skips.
   */
  cache?: { location?: string; strategy?: CacheStrategy };
  /**
   * Called with each scanned file's outcome as soon as it is known, in the order of `ScanResult.files` (streaming
   * output, progress); skipped files are not reported here, and nothing is when a config has errors.
   */
  onFile?: (file: ScannedFile) => void;
  /** scanPathsAsync: analyse on this many worker threads (1, the default: in process). */
  jobs?: number;
  workers?: WorkerOptions;
}

export interface ScannedFile {
  abs: string;
  /** Relative to root, posix separators. */
  rel: string;
  text: string;
  result: AnalysisResult;
}

export interface ScanResult {
  files: ScannedFile[];
  skipped: { file: string; reason: string }[];
  configErrors: ConfigError[];
  /** Problems that do not stop the scan (unknown rule ids in learning paths), once per config file. */
  configWarnings?: ConfigError[];
  configFiles: string[];
  /** The effective rules of the scan: built-ins plus the declarative rules of every pack in force (for SARIF/JSON). */
  rules: RegisteredRule[];
  /** Configs loaded during the scan (by directory), for reports and `aisec rules`. */
  configs: LoadedConfig[];
  /** Bytes and lines read, for the summary. */
  bytes: number;
  lines: number;
  /** With `cache`: files whose stored result was reused, files analysed, and messages (corrupt cache...). */
  cache?: { file: string; reused: number; analysed: number; hashed?: number; notes: string[] };
}

export function relPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The nearest folder at or above `dir` that holds a `.git` entry (a repository or worktree root). A home
 * folder or filesystem root kept under git (dotfiles) is not a project: it is skipped.
 */
export function repositoryRoot(dir: string): string | undefined {
  const home = path.resolve(os.homedir());
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (d !== home && path.dirname(d) !== d && fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

const CONFIG_FILES = ['.aisec.yaml', '.aisec.yml', '.aisec.json'];
const PROJECT_MANIFESTS = ['package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'requirements.txt', 'deno.json', 'go.mod', 'Cargo.toml'];

/** The nearest folder at or above `dir` holding one of `names` (a home folder or the filesystem root is no project). */
function nearestWith(dir: string, names: string[]): string | undefined {
  const home = path.resolve(os.homedir());
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.dirname(d) === d) return undefined;
    if (d !== home && names.some((n) => fs.existsSync(path.join(d, n)))) return d;
  }
}

/**
 * The scan root when `--root` is not given: what paths are reported relative to (SARIF `%SRCROOT%`), where
 * the config lookup stops and what file roles and manifests are judged against. It depends only on the
 * scanned paths and the files around them, never on where the command runs: the repository root around
 * them; else the nearest folder with an AISec config; else the nearest project folder (a package.json,
 * pyproject.toml... ); else the deepest folder holding every scanned path. A file inside a dot-folder
 * (`.vscode/mcp.json`) belongs to the folder above it.
 */
export function defaultScanRoot(paths: string[], cwd: string): string {
  const abs = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const dirs = abs.map((p) => {
    let isDir = false;
    try { isDir = fs.statSync(p).isDirectory(); } catch { /* missing: its folder */ }
    let d = isDir ? p : path.dirname(p);
    if (!isDir && path.basename(d).startsWith('.') && path.dirname(d) !== d) d = path.dirname(d);
    return d;
  });
  let common = dirs[0];
  for (const d of dirs.slice(1)) while (!isInside(d, common)) common = path.dirname(common);
  return repositoryRoot(common) ?? nearestWith(common, CONFIG_FILES) ?? nearestWith(common, PROJECT_MANIFESTS) ?? common;
}

/** Worker threads for big scans (scanPathsAsync); see pool.ts. */
export interface WorkerOptions {
  /** The worker entry (dist/scanWorker.js next to the running bundle by default); without it the scan runs in process. */
  script?: string;
  /** Scans of fewer files run in process (worker start-up would cost more than it saves). */
  minFiles?: number;
  /**
   * Heap limits of each worker (default: WORKER_HEAP_MB of old generation); the files of a worker that exceeds them
   * are analysed again one by one by a worker without them.
   */
  resourceLimits?: ResourceLimits;
  /** Tests: a worker exits (`crashOn`) or runs out of memory (`oomOn`) on the file whose path ends with this. */
  test?: { crashOn?: string; oomOn?: string };
}

/** Worker threads are used from this many files on (below it, start-up costs more than the threads save). */
export const MIN_PARALLEL_FILES = 400;

/**
 * The old-generation heap of a scan worker, in MB: V8 otherwise lets each worker's heap grow to gigabytes of garbage
 * on a big workspace (2.6 GB peak on the bench corpus with 2 workers, 1.1 GB with this). A worker that runs out of
 * it loses nothing (its files are analysed again) and the workers started after it get twice as much.
 */
export const WORKER_HEAP_MB = 384;

/** One worker per core. */
/**
 * In process unless asked: on the 2-core bench (bench corpus, 8,948 files, quiet machine) `-j 2` took the same wall
 * time as `-j 1` (44.9 s against 45.2 s) for 45% more CPU (86 s against 60 s), and less memory (1.15 GB against 1.40 GB).
 * The single thread already has the garbage collector's helper threads on the second core.
 */
export function defaultJobs(): number {
  return 1;
}

/**
 * How much V8 lets a scanning process's heap grow over what the last full collection kept, in percent. By default V8
 * grows it up to 4x: a scan allocates a syntax tree per file that dies soon after, and on the bench corpus (8,948
 * files, live heap 110-210 MB) the heap reached 650-800 MB of mostly garbage (and 1.9 GB in one run where a full
 * collection met the tree of a 1.5 MB bundle). On a quiet machine: V8's default 899 MB max RSS, 49.5 s user CPU;
 * 100%: 632 MB, 56.2 s; 50%: 523 MB, 58.8 s (side by side under load: default 943 MB, 57.8 s; 50%: 545 MB, 62.7 s;
 * 30%: 510 MB, 65.8 s). Lower costs more CPU (more full collections) for little memory.
 */
export const SCAN_HEAP_GROWING_PERCENT = 50;

/**
 * Keep a scanning process's heap close to its live data (SCAN_HEAP_GROWING_PERCENT) for the rest of the process (a
 * V8 flag: every isolate, the workers' too). Not when the process was started with its own setting.
 */
export function limitScanHeapGrowth(): void {
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('heap-growing-percent') || a.includes('heap_growing_percent'))) return;
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${SCAN_HEAP_GROWING_PERCENT}`);
  } catch {
    // a runtime without the flag: V8's own growth
  }
}

/** One worker per core: what `--jobs auto` asks for. */
export function coreJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** A file of the walk with its config, decided before any file is analysed. */
interface Planned {
  abs: string;
  rel: string;
  loaded: LoadedConfig;
  relToConfig: string;
  ignored: boolean;
}

/**
 * What the analysis of one file gives (in process or in a worker): not analysed (`skip`, with a fail-closed result
 * when the file hides code), or its result with the text when it is kept.
 */
export type FileOutcome =
  | { skip: string; result?: AnalysisResult }
  | { result: AnalysisResult; text: string; bytes: number; lines: number };

/** The scan's configs (loaded once per folder, errors once per config file) and its files. */
interface Session {
  configFor(dir: string): LoadedConfig;
  configCache: Map<string, LoadedConfig>;
  configFiles: Set<string>;
  walk: WalkResult;
  out: ScanResult;
}

function openSession(paths: string[], opts: ScanOptions): Session {
  const configCache = new Map<string, LoadedConfig>();
  const configErrors: ConfigError[] = [];
  const configWarnings: ConfigError[] = [];
  const configFiles = new Set<string>();
  const found = new Map<string, string | undefined>();
  const configFor = (dir: string): LoadedConfig => {
    let c = configCache.get(dir);
    if (!c) {
      const inside = !path.relative(opts.root, dir).startsWith('..');
      c = loadConfigFor(dir, inside ? opts.root : undefined, opts.rules, opts.configFile, { boundary: opts.root, ...opts.configOptions, found });
      if (opts.today) c.config.today = opts.today;
      configCache.set(dir, c);
      for (const f of c.files) {
        if (!configFiles.has(f)) {
          configFiles.add(f);
          configErrors.push(...c.errors.filter((e) => e.file === f));
          configWarnings.push(...(c.warnings ?? []).filter((e) => e.file === f));
        }
      }
    }
    return c;
  };
  // the first config decides the size limit for the walk; per-file configs still apply below
  const walk = collectFiles(paths, configFor(opts.root).config.maxFileSize * 2, !!opts.cache);
  // the default cache folder is never scanned (a scan with or without --cache sees the same files)
  const defaultCacheDir = path.join(opts.root, DEFAULT_CACHE_DIR);
  walk.files = walk.files.filter((f) => !f.startsWith(defaultCacheDir + path.sep));
  walk.skipped = walk.skipped.filter((f) => !f.file.startsWith(defaultCacheDir + path.sep));
  const out: ScanResult = { files: [], skipped: [], configErrors, configWarnings, configFiles: [], rules: [], configs: [], bytes: 0, lines: 0 };
  return { configFor, configCache, configFiles, walk, out };
}

/** Every file's config and whether the config ignores it, in walk order (config errors are all known before analysis). */
function planFiles(s: Session, root: string): Planned[] {
  return s.walk.files.map((abs) => {
    const rel = relPath(root, abs);
    const loaded = s.configFor(path.dirname(abs));
    const relToConfig = relPath(loaded.root, abs);
    return { abs, rel, loaded, relToConfig, ignored: isIgnored(relToConfig, loaded.config) };
  });
}

function closeSession(s: Session): ScanResult {
  const out = s.out;
  out.configFiles = [...s.configFiles];
  const byId = new Map<string, RegisteredRule>();
  for (const c of new Set(s.configCache.values())) for (const r of c.rules) if (!byId.has(r.meta.id)) byId.set(r.meta.id, r);
  out.rules = [...byId.values()];
  out.configs = [...new Set(s.configCache.values())];
  return out;
}

/**
 * Analyse one file (no cache): read it, skip it with a reason (a file too large or minified to analyse still gives its
 * analysis-incomplete finding), or analyse it with the scan's project index. The text is kept with the result when
 * `keepAllText` is not false or the file has findings (reports quote it).
 */
export function analyseFile(file: { rel: string; abs: string; relToConfig: string; loaded: LoadedConfig }, project: ProjectIndex, index: WorkspaceIndex, keepAllText: ScanOptions['keepAllText']): FileOutcome {
  const { rel, abs, relToConfig, loaded } = file;
  const text = readText(abs);
  if (text === undefined) return { skip: 'cannot read' };
  const reason = skipReason({ path: rel, text }, loaded.config);
  if (reason) {
    if (reason.startsWith('binary')) return { skip: reason };
    // fail closed: a file too large or minified to analyse is an analysis-incomplete finding (analyze() says so)
    return { skip: reason, result: analyze({ path: rel, text, rolePath: relToConfig }, loaded.config, loaded.rules) };
  }
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const result = analyze({ path: rel, text, rolePath: relToConfig, project }, { ...loaded.config, workspace: index.forFile(abs) }, loaded.rules);
  const keep = keepsText(keepAllText, result.findings.length);
  return { result, text: keep ? text : '', bytes: text.length, lines };
}

/** Is the text of a file with this many findings kept with its result (ScanOptions.keepAllText)? */
function keepsText(keep: ScanOptions['keepAllText'], findings: number): boolean {
  return keep === 'none' ? false : keep !== false || findings > 0;
}

/** Record a file's outcome in the scan result (in walk order). */
function applyOutcome(s: Session, p: Planned, o: FileOutcome, onFile: ((f: ScannedFile) => void) | undefined): void {
  const push = (f: ScannedFile) => {
    s.out.files.push(f);
    // a config with errors stops the scan's output: nothing is streamed
    if (s.out.configErrors.length === 0) onFile?.(f);
  };
  if ('skip' in o) {
    s.out.skipped.push({ file: p.rel, reason: o.skip });
    if (o.result) push({ abs: p.abs, rel: p.rel, text: '', result: o.result });
    return;
  }
  s.out.bytes += o.bytes;
  s.out.lines += o.lines;
  push({ abs: p.abs, rel: p.rel, text: o.text, result: o.result });
}

/**
 * Scan in this thread. Use scanPathsAsync for worker threads on big scans; both give the same result.
 */
export function scanPaths(paths: string[], opts: ScanOptions): ScanResult {
  if (!opts.cache) return scanUncached(paths, opts);
  const recorder = new ReadRecorder();
  recorder.start();
  try {
    return scanUncached(paths, opts, recorder);
  } finally {
    recorder.stop();
  }
}

/**
 * The scan of scanPaths, on `opts.jobs` worker threads (default 1: in process) when it is big enough to pay for their
 * start-up (`workers.minFiles`). Files are handed out in walk order in small contiguous runs and their results are
 * recorded (and given to `onFile`) in walk order, so the result does not depend on scheduling; every worker builds
 * the same project index over the same files, so cross-file flow gives the same answers. A worker that crashes or
 * runs out of memory loses no file: its unfinished files are analysed again one by one by a fresh worker without
 * heap limits, and a file that fails that too is reported as not analysed (analysis-incomplete, fail closed).
 * The cache (`opts.cache`) and rules other than the built-in ones run in process. `init` prepares the parsers when
 * the scan runs in this thread (a worker prepares its own).
 */
export async function scanPathsAsync(paths: string[], opts: ScanOptions, init?: () => Promise<void>): Promise<ScanResult> {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  const script = opts.workers?.script ?? path.join(__dirname, 'scanWorker.js');
  const builtin = new Set<RegisteredRule>(builtinRules);
  const inProcess = async () => {
    await init?.();
    return scanPaths(paths, opts);
  };
  if (jobs <= 1 || opts.cache || !opts.rules.every((r) => builtin.has(r)) || !fs.existsSync(script)) return inProcess();
  const s = openSession(paths, opts);
  const plan = planFiles(s, opts.root);
  const todo = plan.filter((p) => !p.ignored);
  if (todo.length < (opts.workers?.minFiles ?? MIN_PARALLEL_FILES)) {
    await init?.();
    return runInProcess(s, plan, opts);
  }
  s.out.skipped = s.walk.skipped.map((x) => ({ file: relPath(opts.root, x.file), reason: x.reason }));
  const init_: WorkerInit = {
    root: opts.root,
    configFile: opts.configFile,
    configOptions: opts.configOptions,
    today: opts.today,
    ruleIds: opts.rules.map((r) => r.meta.id),
    files: s.walk.files,
    keepAllText: opts.keepAllText,
    test: opts.workers?.test,
  };
  const done: (FileOutcome | undefined)[] = new Array(todo.length);
  let next = 0;
  await runPool(todo.map((p) => p.abs), { script, jobs: Math.min(jobs, Math.ceil(todo.length / 50)), workerData: init_, resourceLimits: opts.workers?.resourceLimits ?? { maxOldGenerationSizeMb: WORKER_HEAP_MB } }, (i, reply) => {
    done[i] = 'failed' in reply ? notAnalysed(todo[i], reply.failed) : reply.outcome;
    while (next < todo.length && done[next]) {
      applyOutcome(s, todo[next], done[next]!, opts.onFile);
      done[next++] = undefined;
    }
  });
  return closeSession(s);
}

/** A file no worker could analyse (it crashed or ran out of memory on it twice): reported, never silently dropped. */
function notAnalysed(p: Planned, why: string): FileOutcome {
  const text = readText(p.abs);
  if (text === undefined) return { skip: 'cannot read' };
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return { result: analysisIncomplete({ path: p.rel, text, rolePath: p.relToConfig }, p.loaded.config, p.loaded.rules, why), text: '', bytes: text.length, lines };
}

/** The first message a scan worker gets (workerData). */
export interface WorkerInit {
  root: string;
  configFile?: string;
  configOptions?: ConfigLoadOptions;
  today?: string;
  ruleIds: string[];
  /** Every walked file (absolute): the project index's files. */
  files: string[];
  keepAllText?: ScanOptions['keepAllText'];
  test?: { crashOn?: string; oomOn?: string };
  /** Set for the worker that analyses files again after a failure (pool.ts). */
  retry?: boolean;
}

function runInProcess(s: Session, plan: Planned[], opts: ScanOptions): ScanResult {
  s.out.skipped = s.walk.skipped.map((x) => ({ file: relPath(opts.root, x.file), reason: x.reason }));
  const index = new WorkspaceIndex(opts.root);
  const source = fileSource(opts.root, () => s.walk.files.map((f) => relPath(opts.root, f)));
  const project = new ProjectIndex(source);
  const todo = plan.filter((p) => !p.ignored);
  const byRel = new Map(todo.map((p) => [p.rel, p] as const));
  const outcomes = new Map<Planned, FileOutcome>();
  const analysed = new Set<Planned>();
  const run = (p: Planned): void => {
    analysed.add(p);
    outcomes.set(p, analyseFile(p, project, index, opts.keepAllText));
  };
  /** A file the index parsed for a summary and keeps for the file's own analysis, not analysed yet. */
  const waiting = (): Planned | undefined => {
    for (const rel of project.waitingTrees()) {
      const p = byRel.get(rel);
      if (p && !analysed.has(p)) return p;
    }
    return undefined;
  };
  let flushed = 0;
  for (const p of todo) {
    if (!analysed.has(p)) run(p);
    // the files whose trees the index keeps for their analyses go next, while the trees are kept (in walk order, a
    // tree parsed for a summary was often dropped before the file's turn, and the file parsed again); the result
    // does not depend on the order files are analysed in, and outcomes are recorded in walk order
    for (let next = waiting(); next; next = waiting()) run(next);
    for (; flushed < todo.length && outcomes.has(todo[flushed]); flushed++) {
      applyOutcome(s, todo[flushed], outcomes.get(todo[flushed])!, opts.onFile);
      outcomes.delete(todo[flushed]);
    }
  }
  return closeSession(s);
}

function scanUncached(paths: string[], opts: ScanOptions, recorder?: ReadRecorder): ScanResult {
  const s = openSession(paths, opts);
  const { configFor, walk } = s;
  if (!recorder || !opts.cache) return runInProcess(s, planFiles(s, opts.root), opts);
  let cache: ResultCache | undefined;
  let cacheWhere: { file: string; exclude: string } | undefined;
  const excluded = new Set<string>();
  if (recorder && opts.cache) {
    cacheWhere = cacheFilePath(opts.root, opts.cache.location);
    excluded.add(cacheWhere.exclude);
    // the cache is no input of the scan: never scanned, never part of a folder's listing
    const inCache = (f: string) => f === cacheWhere!.exclude || f.startsWith(cacheWhere!.exclude + path.sep);
    walk.files = walk.files.filter((f) => !inCache(f));
    walk.skipped = walk.skipped.filter((f) => !inCache(f.file));
    const today = opts.today ?? configFor(opts.root).config.today ?? new Date().toISOString().slice(0, 10);
    cache = recorder.off(() => new ResultCache(cacheWhere!.file, scanKey({ root: opts.root, configFile: opts.configFile, paths: paths.map((p) => path.resolve(p)), today, rules: opts.rules, configOptions: opts.configOptions }), opts.cache!.strategy));
  }
  // declared dependencies (manifests, lockfiles, tsconfig paths, workspace packages) for the package rules:
  // the tree under the scan root is indexed once; each file sees its own folder's manifests and those above it
  const index = new WorkspaceIndex(opts.root);
  // cross-file flow: imports resolved to the scanned files, summaries cached by content for the whole scan
  const source = fileSource(opts.root, () => walk.files.map((f) => relPath(opts.root, f)));
  const project = new ProjectIndex(recorder ? { ...source, read: (rel) => recorder.asProjectRead(rel, () => source.read(rel)) } : source);
  const rels = walk.files.map((f) => relPath(opts.root, f));
  let hashes = new Map<string, string | undefined>();
  /** Import neighbours (both directions) in the current contents, for the cache's dependency check. */
  const neighbours = (rel: string): string[] => [...new Set([...project.importsOf(rel), ...project.importersOf(rel)])].sort();
  if (cache && recorder) {
    recorder.off(() => {
      hashes = cache!.hashFiles(walk.files, rels, readText, walk.stats);
      cache!.validate(rels, hashes, excluded, () => neighbours);
    });
  }
  const out = s.out;
  out.skipped = walk.skipped.map((x) => ({ file: relPath(opts.root, x.file), reason: x.reason }));
  // every folder's config before the first result: a config with errors stops the output (nothing is streamed)
  if (opts.onFile) planFiles(s, opts.root);
  const push = (f: ScannedFile): void => {
    out.files.push(f);
    if (out.configErrors.length === 0) opts.onFile?.(f);
  };
  for (const abs of walk.files) {
    const rel = relPath(opts.root, abs);
    const loaded = configFor(path.dirname(abs));
    const relToConfig = relPath(loaded.root, abs);
    if (isIgnored(relToConfig, loaded.config)) {
      if (cache && recorder) cache.ignored(rel, hashes.get(rel), recorder.off(() => project.importsOf(rel)));
      continue;
    }
    if (cache && recorder) {
      const hit = cache.get(rel, IGNORED);
      if (hit) {
        if (hit.skip !== undefined) {
          out.skipped.push({ file: rel, reason: hit.skip });
          continue;
        }
        out.bytes += hit.bytes;
        out.lines += hit.lines;
        const keep = keepsText(opts.keepAllText, hit.result!.findings.length);
        const text = keep ? recorder.off(() => readText(abs)) : '';
        push({ abs, rel, text: text ?? '', result: hit.result! });
        continue;
      }
      const workspace = index.forFile(abs);
      const deps = new Set<string>();
      const entry = recorder.asFile(abs, deps, () => analyzeOne(abs, rel, relToConfig, loaded, workspace));
      // the import graph (for the next scan's check) and the scanned files the analysis read through the project index
      const imports = recorder.off(() => project.importsOf(rel));
      if (entry.cannotRead) {
        cache.set(rel, { hash: 'unreadable', skip: 'cannot read', bytes: 0, lines: 0, imports, deps: {} });
        out.skipped.push({ file: rel, reason: 'cannot read' });
        continue;
      }
      const own: Record<string, string> = {};
      for (const d of [...deps].sort()) if (d !== rel) own[d] = hashOf(d);
      cache.set(rel, { hash: sha1(entry.text), skip: entry.skip, result: entry.skip === undefined ? entry.result : undefined, bytes: entry.skip === undefined ? entry.text.length : 0, lines: entry.lines, imports: [...imports], deps: own });
      if (entry.skip !== undefined) {
        out.skipped.push({ file: rel, reason: entry.skip });
        continue;
      }
      out.bytes += entry.text.length;
      out.lines += entry.lines;
      const keep = keepsText(opts.keepAllText, entry.result!.findings.length);
      push({ abs, rel, text: keep ? entry.text : '', result: entry.result! });
      continue;
    }
    const text = readText(abs);
    if (text === undefined) {
      out.skipped.push({ file: rel, reason: 'cannot read' });
      continue;
    }
    const reason = skipReason({ path: rel, text }, loaded.config);
    if (reason) {
      out.skipped.push({ file: rel, reason });
      if (reason.startsWith('binary')) continue;
      // fail closed: a file too large or minified to analyse is an analysis-incomplete finding (analyze() says so)
      const skippedResult = analyze({ path: rel, text, rolePath: relToConfig }, loaded.config, loaded.rules);
      push({ abs, rel, text: '', result: skippedResult });
      continue;
    }
    out.bytes += text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.lines++;
    const result = analyze({ path: rel, text, rolePath: relToConfig, project }, { ...loaded.config, workspace: index.forFile(abs) }, loaded.rules);
    const keep = keepsText(opts.keepAllText, result.findings.length);
    push({ abs, rel, text: keep ? text : '', result });
  }
  closeSession(s);
  if (cache && recorder && cacheWhere) {
    // scanned files are checked by digest, each on its own; everything else the scan touched is a workspace input
    const scanned = new Set(walk.files);
    const problem = recorder.off(() => cache!.save(rels, recorder, excluded, scanned));
    out.cache = { file: cacheWhere.file, reused: cache.reused, analysed: cache.analysed, hashed: cache.hashed, notes: problem ? [...cache.notes, problem] : cache.notes };
  }
  return out;

  function hashOf(rel: string): string {
    if (!hashes.has(rel)) {
      const text = recorder!.off(() => readText(path.join(opts.root, ...rel.split('/'))));
      hashes.set(rel, text === undefined ? undefined : sha1(text));
    }
    return hashes.get(rel) ?? 'unreadable';
  }

  function analyzeOne(abs: string, rel: string, relToConfig: string, loaded: LoadedConfig, workspace: ReturnType<WorkspaceIndex['forFile']>): { text: string; lines: number; skip?: string; result?: AnalysisResult; cannotRead?: boolean } {
    const text = readText(abs);
    if (text === undefined) return { text: '', lines: 0, cannotRead: true };
    const skip = skipReason({ path: rel, text }, loaded.config);
    if (skip) return { text, lines: 0, skip };
    let lines = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    const result = analyze({ path: rel, text, rolePath: relToConfig, project }, { ...loaded.config, workspace }, loaded.rules);
    return { text, lines, result };
  }
}
