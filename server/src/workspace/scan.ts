/** Scans files on disk with the pure engine: config per directory, skip reasons, relative paths. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, isIgnored, skipReason } from '../engine/engine';
import type { AnalysisResult } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import type { ConfigError, ConfigLoadOptions, LoadedConfig } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { collectFiles, readText } from './files';
import { WorkspaceIndex } from './manifests';
import { fileSource, WorkspaceIndex as ProjectIndex } from './projectIndex';
import type { CacheStrategy } from './cache';
import { cacheFilePath, DEFAULT_CACHE_DIR, IGNORED, ReadRecorder, ResultCache, scanKey, sha1 } from './cache';

export interface ScanOptions {
  /** Paths relative to `root` are reported; config lookup stops at `root`. */
  root: string;
  configFile?: string;
  rules: readonly RegisteredRule[];
  /**
   * Keep the text of files without findings (reports, inventories and suppression listings need it).
   * Default true; a plain scan drops it so a large workspace does not stay in memory.
   */
  keepAllText?: boolean;
  /** Where `extends` may read from, Restricted Mode (packs/config.ts ConfigLoadOptions). */
  configOptions?: ConfigLoadOptions;
  /** Today's date (YYYY-MM-DD) for suppression expiry instead of the clock (exercise tests). */
  today?: string;
  /**
   * Reuse the results of an earlier scan (workspace/cache.ts): `location` is the cache folder or file (default
   * `<root>/.aisec-cache/`), which the scan itself skips.
   */
  cache?: { location?: string; strategy?: CacheStrategy };
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

function scanUncached(paths: string[], opts: ScanOptions, recorder?: ReadRecorder): ScanResult {
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
  const out: ScanResult = { files: [], skipped: walk.skipped.map((s) => ({ file: relPath(opts.root, s.file), reason: s.reason })), configErrors, configWarnings, configFiles: [...configFiles], rules: [], configs: [], bytes: 0, lines: 0 };
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
        const keep = opts.keepAllText !== false || hit.result!.findings.length > 0;
        const text = keep ? recorder.off(() => readText(abs)) : '';
        out.files.push({ abs, rel, text: text ?? '', result: hit.result! });
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
      const keep = opts.keepAllText !== false || entry.result!.findings.length > 0;
      out.files.push({ abs, rel, text: keep ? entry.text : '', result: entry.result! });
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
      out.files.push({ abs, rel, text: '', result: skippedResult });
      continue;
    }
    out.bytes += text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.lines++;
    const result = analyze({ path: rel, text, rolePath: relToConfig, project }, { ...loaded.config, workspace: index.forFile(abs) }, loaded.rules);
    const keep = opts.keepAllText !== false || result.findings.length > 0;
    out.files.push({ abs, rel, text: keep ? text : '', result });
  }
  out.configFiles = [...configFiles];
  const byId = new Map<string, RegisteredRule>();
  for (const c of new Set(configCache.values())) for (const r of c.rules) if (!byId.has(r.meta.id)) byId.set(r.meta.id, r);
  out.rules = [...byId.values()];
  out.configs = [...new Set(configCache.values())];
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
