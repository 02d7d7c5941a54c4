/** Scans files on disk with the pure engine: config per directory, skip reasons, relative paths. */
import * as path from 'path';
import { analyze, isIgnored, skipReason } from '../engine/engine';
import type { AnalysisResult } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import type { ConfigError, LoadedConfig } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { collectFiles, readText } from './files';
import { readWorkspacePackages } from './manifests';
import { fileSource, WorkspaceIndex } from './projectIndex';

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

export function scanPaths(paths: string[], opts: ScanOptions): ScanResult {
  const configCache = new Map<string, LoadedConfig>();
  const configErrors: ConfigError[] = [];
  const configFiles = new Set<string>();
  const configFor = (dir: string): LoadedConfig => {
    let c = configCache.get(dir);
    if (!c) {
      const inside = !path.relative(opts.root, dir).startsWith('..');
      c = loadConfigFor(dir, inside ? opts.root : undefined, opts.rules, opts.configFile);
      configCache.set(dir, c);
      for (const f of c.files) {
        if (!configFiles.has(f)) {
          configFiles.add(f);
          configErrors.push(...c.errors.filter((e) => e.file === f));
        }
      }
    }
    return c;
  };
  // the first config decides the size limit for the walk; per-file configs still apply below
  const walk = collectFiles(paths, configFor(opts.root).config.maxFileSize * 2);
  // declared dependencies of the workspace (manifests, lockfiles) for the package rules: read once per scan
  const workspace = readWorkspacePackages(opts.root);
  // cross-file flow: imports resolved to the scanned files, summaries cached by content for the whole scan
  const project = new WorkspaceIndex(fileSource(opts.root, () => walk.files.map((f) => relPath(opts.root, f))));
  const out: ScanResult = { files: [], skipped: walk.skipped.map((s) => ({ file: relPath(opts.root, s.file), reason: s.reason })), configErrors, configFiles: [...configFiles], rules: [], configs: [], bytes: 0, lines: 0 };
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
      continue;
    }
    out.bytes += text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.lines++;
    const result = analyze({ path: rel, text, rolePath: relToConfig, project }, { ...loaded.config, workspace }, loaded.rules);
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
