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
  const configCache = new Map<string, LoadedConfig>();
  const configErrors: ConfigError[] = [];
  const configWarnings: ConfigError[] = [];
  const configFiles = new Set<string>();
  const configFor = (dir: string): LoadedConfig => {
    let c = configCache.get(dir);
    if (!c) {
      const inside = !path.relative(opts.root, dir).startsWith('..');
      c = loadConfigFor(dir, inside ? opts.root : undefined, opts.rules, opts.configFile, { boundary: opts.root, ...opts.configOptions });
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
  const walk = collectFiles(paths, configFor(opts.root).config.maxFileSize * 2);
  // declared dependencies (manifests, lockfiles, tsconfig paths, workspace packages) for the package rules:
  // the tree under the scan root is indexed once; each file sees its own folder's manifests and those above it
  const index = new WorkspaceIndex(opts.root);
  // cross-file flow: imports resolved to the scanned files, summaries cached by content for the whole scan
  const project = new ProjectIndex(fileSource(opts.root, () => walk.files.map((f) => relPath(opts.root, f))));
  const out: ScanResult = { files: [], skipped: walk.skipped.map((s) => ({ file: relPath(opts.root, s.file), reason: s.reason })), configErrors, configWarnings, configFiles: [...configFiles], rules: [], configs: [], bytes: 0, lines: 0 };
  for (const abs of walk.files) {
    const rel = relPath(opts.root, abs);
    const loaded = configFor(path.dirname(abs));
    const relToConfig = relPath(loaded.root, abs);
    if (isIgnored(relToConfig, loaded.config)) continue;
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
  return out;
}
