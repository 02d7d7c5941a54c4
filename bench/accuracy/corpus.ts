/**
 * The trees of the accuracy corpus and how they are scanned: each tree from its own root, with the same
 * pipeline as `aisec scan` (workspace/scan.ts: config per directory, file roles, workspace manifests,
 * .gitignore and build-output skips), default configuration unless a config file is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { detectFileKind } from '../../server/src/engine/fileKind';
import type { RegisteredRule } from '../../server/src/engine/rule';
import { readText } from '../../server/src/workspace/files';
import { scanPaths } from '../../server/src/workspace/scan';
import type { CorpusFinding } from './labels';

export interface Tree {
  /** `repos/rag-chat`, `npm/ollama`, `debian/python3-flask`, `pysys/requests`, `pypi/langchain_community`. */
  id: string;
  /** Absolute root the tree is scanned from. */
  root: string;
  /** What the tree is: committed (accuracy/repos), downloaded (.cache/corpus) or given on the command line. */
  origin: 'committed' | 'downloaded' | 'given';
  /** Paths to scan (absolute); default [root]. */
  paths?: string[];
}

/** Top-level folders of npm packages that hold built output next to shipped sources. */
const BUILD_DIRS = new Set(['dist', 'build', 'esm', 'cjs', 'lib', 'commonjs', 'module', 'out', 'types', 'bundle', 'umd', 'packages']);

function dirs(p: string): string[] {
  try {
    return fs.readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

function hasTsSources(dir: string): boolean {
  const stack = [path.join(dir, 'src')];
  let seen = 0;
  while (stack.length && seen < 3000) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      seen++;
      if (e.isDirectory()) stack.push(path.join(d, e.name));
      else if (/\.(ts|mts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) return true;
    }
  }
  return false;
}

/**
 * An npm package as its repository would look: when it ships TypeScript sources under src/, its built
 * copies (esm/, lib/, dist/...) are left out, as a checkout's .gitignore would. When it ships only built
 * output (most SDK and MCP server packages), that output is the code: it is scanned (`aisec scan` would skip
 * dist/ and build/), one copy of each module (x.js next to x.mjs, cjs/ next to esm/ are dropped).
 * `builds`: every file, every copy.
 */
function npmPaths(root: string, builds: boolean): string[] | undefined {
  if (builds) return allFiles(root);
  if (!hasTsSources(root)) return allFiles(root).filter((f) => !isDuplicateBuild(f));
  const keep: string[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    if (e.isDirectory() && BUILD_DIRS.has(e.name)) continue;
    keep.push(path.join(root, e.name));
  }
  return keep.sort();
}

/** A second build of the same module: x.js / x.cjs next to x.mjs, cjs/ or commonjs/ next to esm/. */
function isDuplicateBuild(abs: string): boolean {
  const m = /^(.*)\.(js|cjs|mjs)$/.exec(path.basename(abs));
  if (!m) return false;
  const dir = path.dirname(abs);
  const parts = abs.split(path.sep);
  const cjsAt = parts.findIndex((p) => p === 'cjs' || p === 'commonjs');
  if (cjsAt > 0) {
    for (const twin of ['esm', 'mjs', 'module']) {
      const alt = [...parts.slice(0, cjsAt), twin, ...parts.slice(cjsAt + 1)].join(path.sep);
      if (fs.existsSync(alt) || fs.existsSync(alt.replace(/\.c?js$/, '.mjs'))) return true;
    }
  }
  if (m[2] === 'js' && fs.existsSync(path.join(dir, `${m[1]}.mjs`))) return true;
  if (m[2] === 'cjs' && (fs.existsSync(path.join(dir, `${m[1]}.mjs`)) || fs.existsSync(path.join(dir, `${m[1]}.js`)))) return true;
  return false;
}

/** Every tree of the corpus, in a stable order. `corpusDir` may be absent (then only committed trees). */
export function listTrees(repoRoot: string, corpusDir: string, builds: boolean): Tree[] {
  const out: Tree[] = [];
  const repos = path.join(repoRoot, 'accuracy', 'repos');
  for (const d of dirs(repos)) out.push({ id: `repos/${d}`, root: path.join(repos, d), origin: 'committed' });
  for (const d of dirs(path.join(corpusDir, 'npm'))) {
    const root = path.join(corpusDir, 'npm', d);
    out.push({ id: `npm/${d}`, root, origin: 'downloaded', paths: npmPaths(root, builds) });
  }
  for (const d of dirs(path.join(corpusDir, 'debian'))) {
    const root = path.join(corpusDir, 'debian', d);
    if (d === 'system-dist-packages') {
      // the installed dist-packages: one tree per top-level package
      for (const p of dirs(root)) if (!p.endsWith('.dist-info') && !p.endsWith('.egg-info')) out.push({ id: `pysys/${p}`, root: path.join(root, p), origin: 'downloaded' });
    } else out.push({ id: `debian/${d}`, root, origin: 'downloaded' });
  }
  // Python wheels unzipped from the local mirror (sources and text data): one tree per distribution
  for (const d of dirs(path.join(corpusDir, 'pypi'))) out.push({ id: `pypi/${d}`, root: path.join(corpusDir, 'pypi', d), origin: 'downloaded' });
  return out;
}

export interface TreeScan {
  tree: Tree;
  findings: CorpusFinding[];
  files: number;
  lines: number;
  /** Lines by file role. */
  linesByRole: Map<string, number>;
  filesByRole: Map<string, number>;
  skipped: number;
  parseErrors: number;
  ruleErrors: { rule: string; message: string; file: string }[];
  ms: number;
  slowest: { file: string; ms: number }[];
}

function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function lineAt(text: string, line0: number): string {
  let start = 0;
  for (let l = 0; l < line0; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).trim();
}

/**
 * Scan one tree from its own root as `aisec scan` does. `prefix` is prepended to paths
 * (corpus-relative paths: `<tree id>/<path in tree>`). `configFile` replaces the trees' own configs.
 */
export function scanTree(tree: Tree, rules: readonly RegisteredRule[], configFile: string | undefined, prefix = `${tree.id}/`): TreeScan {
  const t0 = Date.now();
  // texts of files without findings are dropped by the scan (memory); their lines are counted from disk
  const scan = scanPaths(tree.paths ?? [tree.root], { root: tree.root, rules, configFile, keepAllText: false });
  const s: TreeScan = { tree, findings: [], files: 0, lines: 0, linesByRole: new Map(), filesByRole: new Map(), skipped: scan.skipped.length, parseErrors: 0, ruleErrors: [], ms: 0, slowest: [] };
  for (const f of scan.files) {
    const n = countLines(f.text || readText(f.abs) || '');
    const role = f.result.role ?? 'product';
    s.files++;
    s.lines += n;
    s.linesByRole.set(role, (s.linesByRole.get(role) ?? 0) + n);
    s.filesByRole.set(role, (s.filesByRole.get(role) ?? 0) + 1);
    if (f.result.errors.some((e) => e.kind === 'parse')) s.parseErrors++;
    for (const e of f.result.errors) if (e.kind === 'rule') s.ruleErrors.push({ rule: e.ruleId ?? '?', message: e.message.slice(0, 160), file: `${prefix}${f.rel}` });
    for (const x of f.result.findings) {
      if (x.suppression) continue;
      s.findings.push({
        path: `${prefix}${f.rel}`,
        tree: tree.id,
        rule: x.ruleId,
        severity: x.severity,
        role: x.role ?? role,
        line: x.range.start.line + 1,
        endLine: x.range.end.line + 1,
        column: x.range.start.character + 1,
        source: lineAt(f.text, x.range.start.line),
        message: x.message,
      });
    }
    // drop the text as we go: only counts and findings are kept
    f.text = '';
  }
  s.ms = Date.now() - t0;
  return s;
}

/** Every analysable file under root, built output included (`--builds`); node_modules and dot-folders excluded. */
export function allFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(abs);
      } else if (e.isFile() && detectFileKind(abs) && !e.name.endsWith('.map')) out.push(abs);
    }
  };
  walk(root);
  return out.sort();
}
