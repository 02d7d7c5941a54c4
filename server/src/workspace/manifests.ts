/**
 * Reads the dependency manifests and lockfiles of a workspace into WorkspacePackages (engine/config.ts),
 * which the caller puts on config.workspace so rules (unknown-package-import, typosquat-install-command)
 * know what is declared without reading files. Per file (WorkspaceIndex.forFile): the manifests of the file's
 * folder and the folders above it up to the workspace root, never another project's. Bounded: a cap on
 * folders, file sizes and names; deterministic (sorted depth-first walk rooted at the workspace, not the cwd).
 * The parsers are pure functions of the text (tested in test/unit/manifests.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { parse as parseJsonc } from 'jsonc-parser';
import type { WorkspacePackages } from '../engine/config';

const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
const MAX_LOCK_BYTES = 20 * 1024 * 1024;
const MAX_NAMES = 20_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', 'env', '.env', '__pycache__', 'dist', 'build', '.tox', '.nox', 'site-packages', '.next', '.nuxt', 'coverage', '.cache', 'target', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'out', '.idea', '.vscode-test']);

/** PEP 503 normalised name. */
export function pep503(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** The distribution name of a PEP 508 requirement (`Foo[bar]>=1; python_version<"3.9"` -> foo), or undefined. */
export function requirementName(spec: string): string | undefined {
  const s = spec.trim();
  const egg = /#egg=([A-Za-z0-9._-]+)/.exec(s);
  if (egg) return pep503(egg[1]);
  if (/^(-|\.|\/|[a-z+]+:\/\/|git\+)/i.test(s)) return undefined;
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[|[<>=!~;@(]|$|\s)/.exec(s);
  return m ? pep503(m[1]) : undefined;
}

/** requirements*.txt: names plus `-r`/`-c` includes (relative paths) to follow. */
export function parseRequirements(text: string): { names: string[]; includes: string[] } {
  const names: string[] = [];
  const includes: string[] = [];
  const joined = text.replace(/\\\r?\n/g, ' ');
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const inc = /^(?:-r|--requirement|-c|--constraint)[=\s]+(\S+)/.exec(line);
    if (inc) { includes.push(inc[1]); continue; }
    const editable = /^(?:-e|--editable)[=\s]+(\S+)/.exec(line);
    if (editable) { const n = requirementName(editable[1]); if (n) names.push(n); continue; }
    if (line.startsWith('-')) continue;
    const n = requirementName(line);
    if (n) names.push(n);
  }
  return { names, includes };
}

/**
 * A minimal TOML reader for what manifests need: `[table]` / `[[array]]` headers, `key = value` with
 * strings, arrays (multi-line) and inline tables kept as raw text. Returns entries with their table.
 */
export function tomlEntries(text: string): { table: string; key: string; value: string }[] {
  const out: { table: string; key: string; value: string }[] = [];
  let table = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripTomlComment(lines[i]).trim();
    if (!line) continue;
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) { table = header[1].replace(/\s*\.\s*/g, '.').replace(/"/g, ''); continue; }
    const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    let value = kv[2];
    // multi-line arrays / inline tables: read until brackets balance
    let depth = bracketDepth(value);
    while (depth > 0 && i + 1 < lines.length) {
      const next = stripTomlComment(lines[++i]);
      value += '\n' + next;
      depth += bracketDepth(next);
    }
    if (/^("""|''')/.test(value) && !/("""|''')[\s\S]*("""|''')/.test(value)) {
      while (i + 1 < lines.length && !/("""|''')/.test(lines[i + 1])) value += '\n' + lines[++i];
      if (i + 1 < lines.length) value += '\n' + lines[++i];
    }
    out.push({ table, key: kv[1].replace(/^["']|["']$/g, ''), value: value.trim() });
  }
  return out;
}

function stripTomlComment(line: string): string {
  let q: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '\\' && q === '"') i++; else if (c === q) q = undefined; }
    else if (c === '"' || c === "'") q = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function bracketDepth(s: string): number {
  let d = 0;
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === '\\' && q === '"') i++; else if (c === q) q = undefined; continue; }
    if (c === '"' || c === "'") q = c;
    else if (c === '[' || c === '{') d++;
    else if (c === ']' || c === '}') d--;
  }
  return d;
}

/** The string items of a TOML array value. */
function tomlStrings(value: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) out.push(m[1] ?? m[2]);
  return out;
}

/** pyproject.toml: PEP 621 dependencies and optional-dependencies, PEP 735 dependency-groups, Poetry, uv dev-dependencies. */
export function parsePyproject(text: string): string[] {
  const names: string[] = [];
  const addSpecs = (value: string) => { for (const s of tomlStrings(value)) { const n = requirementName(s); if (n) names.push(n); } };
  for (const e of tomlEntries(text)) {
    if (e.table === 'project' && e.key === 'dependencies') addSpecs(e.value);
    else if (e.table === 'project.optional-dependencies' || e.table === 'dependency-groups') addSpecs(e.value);
    else if (e.table === 'tool.uv' && (e.key === 'dev-dependencies' || e.key === 'constraint-dependencies' || e.key === 'override-dependencies')) addSpecs(e.value);
    else if (e.table === 'build-system' && e.key === 'requires') addSpecs(e.value);
    else if (/^tool\.poetry\.(dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/.test(e.table) && e.key !== 'python') names.push(pep503(e.key));
    else if (e.table === 'tool.pdm.dev-dependencies') addSpecs(e.value);
  }
  return names;
}

/** Pipfile: keys of [packages] and [dev-packages]. */
export function parsePipfile(text: string): string[] {
  return tomlEntries(text).filter((e) => e.table === 'packages' || e.table === 'dev-packages').map((e) => pep503(e.key));
}

/** uv.lock / poetry.lock / pdm.lock: `[[package]]` names. */
export function parsePythonLock(text: string): string[] {
  return tomlEntries(text).filter((e) => e.table === 'package' && e.key === 'name').flatMap((e) => tomlStrings(e.value).map(pep503));
}

/** setup.cfg: [options] install_requires (and setup_requires, tests_require), [options.extras_require]. */
export function parseSetupCfg(text: string): string[] {
  const names: string[] = [];
  let section = '';
  let collecting = false;
  for (const raw of text.split(/\r?\n/)) {
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (sec) { section = sec[1].trim(); collecting = false; continue; }
    const line = raw.replace(/(^|\s)[#;].*$/, '');
    const kv = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (kv && !/^\s/.test(raw)) {
      collecting = (section === 'options' && /^(install_requires|setup_requires|tests_require)$/.test(kv[1])) || section === 'options.extras_require';
      if (collecting && kv[2].trim()) { const n = requirementName(kv[2]); if (n) names.push(n); }
      continue;
    }
    if (collecting && /^\s+\S/.test(line)) { const n = requirementName(line); if (n) names.push(n); }
  }
  return names;
}

/** setup.py: string literals of install_requires=[...] / extras_require (best effort, no execution). */
export function parseSetupPy(text: string): string[] {
  const names: string[] = [];
  const re = /(install_requires|setup_requires|tests_require|extras_require)\s*=\s*([[{])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const close = m[2] === '[' ? ']' : '}';
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length && end < m.index + 20_000; end++) {
      if (text[end] === m[2]) depth++;
      else if (text[end] === close && --depth === 0) break;
    }
    const body = text.slice(m.index + m[0].length, end);
    const strs = /"([^"\n]*)"|'([^'\n]*)'/g;
    let s: RegExpExecArray | null;
    while ((s = strs.exec(body))) {
      const v = s[1] ?? s[2];
      // extras_require keys are extra names followed by ":"; requirement strings are not
      if (m[1] === 'extras_require' && /^\s*:/.test(body.slice(strs.lastIndex))) continue;
      const n = requirementName(v);
      if (n) names.push(n);
    }
  }
  return names;
}

/** environment.yml (conda): conda package names and the `pip:` list. */
export function parseCondaEnvironment(text: string): string[] {
  let doc: unknown;
  try { doc = parseYaml(text); } catch { return []; }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  const names: string[] = [];
  if (!Array.isArray(deps)) return names;
  for (const d of deps) {
    if (typeof d === 'string') {
      const m = /^(?:[\w-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(d.trim());
      if (m && m[1] !== 'python' && m[1] !== 'pip') names.push(pep503(m[1]));
    } else if (d && typeof d === 'object' && Array.isArray((d as { pip?: unknown }).pip)) {
      for (const p of (d as { pip: unknown[] }).pip) if (typeof p === 'string') { const n = requirementName(p); if (n) names.push(n); }
    }
  }
  return names;
}

const NPM_DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** package.json: its own name plus the dependency fields (and bundled names). */
export function parsePackageJson(text: string): string[] {
  let pkg: Record<string, unknown>;
  try { pkg = JSON.parse(text) as Record<string, unknown>; } catch { return []; }
  if (!pkg || typeof pkg !== 'object') return [];
  const names: string[] = [];
  if (typeof pkg.name === 'string') names.push(pkg.name);
  for (const f of NPM_DEP_FIELDS) {
    const v = pkg[f];
    if (v && typeof v === 'object') names.push(...Object.keys(v));
  }
  for (const f of ['bundledDependencies', 'bundleDependencies']) {
    const v = pkg[f];
    if (Array.isArray(v)) names.push(...v.filter((x): x is string => typeof x === 'string'));
  }
  return names;
}

/** The `name` a package.json declares for its own package, if any. */
function packageJsonName(text: string): string | undefined {
  try {
    const pkg = JSON.parse(text) as { name?: unknown } | null;
    return pkg && typeof pkg.name === 'string' && pkg.name ? pkg.name : undefined;
  } catch { return undefined; }
}

/** The `homepage` and `repository` URLs a package.json declares (`repository` as a string or `{ url }`). */
function packageJsonUrls(text: string): string[] {
  try {
    const pkg = JSON.parse(text) as { homepage?: unknown; repository?: unknown } | null;
    if (!pkg || typeof pkg !== 'object') return [];
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && typeof pkg.repository === 'object' ? (pkg.repository as { url?: unknown }).url : undefined;
    return [pkg.homepage, repo].filter((u): u is string => typeof u === 'string' && u.length > 0 && u.length < 500);
  } catch { return []; }
}

/** package-lock.json / npm-shrinkwrap.json: installed package names (v1, v2, v3), by pattern (big files). */
export function parsePackageLock(text: string): string[] {
  const names = new Set<string>();
  const re = /"(?:[^"]*\/)?node_modules\/((?:@[^/"]+\/)?[^/"]+)"\s*:/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && names.size < MAX_NAMES) names.add(m[1]);
  if (names.size === 0) {
    // lockfile v1: nested "dependencies": { "name": { "version": ... } }
    const v1 = /"((?:@[\w.~-]+\/)?[\w.~-]+)"\s*:\s*\{\s*"version"/g;
    while ((m = v1.exec(text)) && names.size < MAX_NAMES) names.add(m[1]);
  }
  return [...names];
}

/** pnpm-lock.yaml: package keys (`/name@1.0.0:`, `'@scope/name@1.0.0':`) and importer dependency names. */
export function parsePnpmLock(text: string): string[] {
  const names = new Set<string>();
  const re = /^ {2,6}['"]?\/?((?:@[\w.~-]+\/)?[a-z0-9][\w.~-]*)(?:@|\/\d|:)/gim;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && names.size < MAX_NAMES) {
    const n = m[1];
    if (!/^(specifier|version|resolution|engines|dependencies|devDependencies|optionalDependencies|peerDependencies|importers|packages|snapshots|settings|lockfileVersion|dev|optional|hasBin|cpu|os|libc|transitivePeerDependencies|integrity|tarball)$/.test(n)) names.add(n);
  }
  return [...names];
}

/** yarn.lock (classic and berry): entry keys `name@range`. */
export function parseYarnLock(text: string): string[] {
  const names = new Set<string>();
  const re = /^"?((?:@[\w.~-]+\/)?[\w.~-]+)@/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && names.size < MAX_NAMES) names.add(m[1]);
  const more = /,\s*"?((?:@[\w.~-]+\/)?[\w.~-]+)@/g;
  while ((m = more.exec(text)) && names.size < MAX_NAMES) names.add(m[1]);
  return [...names];
}

/** tsconfig/jsconfig `compilerOptions.paths` alias prefixes (`@app/*` -> `@app`, `~/*` is relative anyway). */
export function parseTsconfigAliases(text: string): string[] {
  const m = /"paths"\s*:\s*\{([^}]*)\}/.exec(text);
  if (!m) return [];
  const out: string[] = [];
  const keys = /"([^"]+)"\s*:/g;
  let k: RegExpExecArray | null;
  while ((k = keys.exec(m[1]))) {
    const alias = k[1].replace(/\/?\*$/, '');
    if (!alias) continue;
    out.push(alias.startsWith('@') && !alias.includes('/') ? alias : alias.split('/').slice(0, alias.startsWith('@') ? 2 : 1).join('/'));
    if (alias.startsWith('@') && alias.includes('/')) out.push(alias.split('/')[0]);
  }
  return out;
}

/**
 * Exact versions a manifest pins, `[name, version]` (Python names PEP 503 normalised): `name==1.2.3` requirement
 * strings of any Python manifest, `[[package]]` entries of uv/poetry/pdm locks, exact versions of package.json
 * dependency fields and `node_modules/<name>` entries of package-lock.json. Ranges are not pins.
 */
export function parsePins(fileName: string, text: string): [string, string][] {
  const n = fileName.toLowerCase().replace(/^.*\//, '');
  const out: [string, string][] = [];
  if (n === 'uv.lock' || n === 'poetry.lock' || n === 'pdm.lock') {
    const re = /^name\s*=\s*"([^"]+)"\s*\r?\nversion\s*=\s*"([^"]+)"/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push([pep503(m[1]), m[2]]);
    return out;
  }
  if (n === 'package.json') {
    let pkg: Record<string, unknown>;
    try { pkg = JSON.parse(text) as Record<string, unknown>; } catch { return out; }
    for (const f of NPM_DEP_FIELDS) {
      const v = pkg?.[f];
      if (!v || typeof v !== 'object') continue;
      for (const [k, ver] of Object.entries(v as Record<string, unknown>)) {
        const m = typeof ver === 'string' ? /^=?v?(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(ver.trim()) : null;
        if (m) out.push([k, m[1]]);
      }
    }
    return out;
  }
  if (n === 'package-lock.json' || n === 'npm-shrinkwrap.json') {
    const re = /"node_modules\/((?:@[\w.~-]+\/)?[\w.~-]+)"\s*:\s*\{\s*"version"\s*:\s*"([^"]+)"/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push([m[1], m[2]]);
    return out;
  }
  if (n === 'yarn.lock' || n === 'pnpm-lock.yaml' || /^(tsconfig|jsconfig)/.test(n)) return out;
  // Python manifests: requirement strings `name==1.2.3` / `name[extra] == 1.2.3` (requirements lines, TOML and setup.py strings)
  const re = /(?:^|["'\s,[])([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]\n]*\])?\s*===?\s*v?(\d+(?:\.\d+)*(?:[a-z]+\d*)?(?:\.post\d+)?)(?=$|[\s"',;#\]])/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push([pep503(m[1]), m[2]]);
  return out;
}

type Parser = { eco: 'python' | 'npm' | 'alias'; parse: (text: string) => string[]; lock?: boolean };

function parserFor(fileName: string): Parser | undefined {
  const n = fileName.toLowerCase();
  if (/^requirements.*\.(txt|in)$/.test(n) || /^(dev|test|docs)?-?requirements\.(txt|in)$/.test(n) || n === 'constraints.txt') return { eco: 'python', parse: (t) => parseRequirements(t).names };
  if (n === 'pyproject.toml') return { eco: 'python', parse: parsePyproject };
  if (n === 'pipfile') return { eco: 'python', parse: parsePipfile };
  if (n === 'setup.cfg') return { eco: 'python', parse: parseSetupCfg };
  if (n === 'setup.py') return { eco: 'python', parse: parseSetupPy };
  if (n === 'environment.yml' || n === 'environment.yaml') return { eco: 'python', parse: parseCondaEnvironment };
  if (n === 'uv.lock' || n === 'poetry.lock' || n === 'pdm.lock') return { eco: 'python', parse: parsePythonLock, lock: true };
  if (n === 'package.json') return { eco: 'npm', parse: parsePackageJson };
  if (n === 'package-lock.json' || n === 'npm-shrinkwrap.json') return { eco: 'npm', parse: parsePackageLock, lock: true };
  if (n === 'pnpm-lock.yaml') return { eco: 'npm', parse: parsePnpmLock, lock: true };
  if (n === 'yarn.lock') return { eco: 'npm', parse: parseYarnLock, lock: true };
  if (n === 'tsconfig.json' || n === 'jsconfig.json') return { eco: 'alias', parse: parseTsconfigAliases };
  return undefined;
}

function readBounded(file: string, max: number): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > max) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `tsconfig.json`, `tsconfig.base.json`, `tsconfig.app.json`, `jsconfig.json`... */
const TSCONFIG_NAME = /^(tsconfig|jsconfig)(\.[\w.-]+)?\.json$/i;

/** What one tsconfig/jsconfig says about module resolution, with its `extends` chain resolved. */
export interface TsconfigResolution {
  /** `compilerOptions.paths` keys: exact (`@repo/ui`) or with one `*` (`@app/*`, `~/*`, `$lib/*`). */
  paths: string[];
  /** Absolute `baseUrl` directory (bare imports resolve under it), when set. */
  baseUrl?: string;
}

/** The compilerOptions of a tsconfig text (JSONC: comments and trailing commas allowed). */
function tsconfigOptions(text: string): { extends: string[]; paths: string[]; baseUrl?: string } {
  const doc = parseJsonc(text, [], { allowTrailingComma: true, disallowComments: false }) as unknown;
  if (!doc || typeof doc !== 'object') return { extends: [], paths: [] };
  const d = doc as { extends?: unknown; compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
  const ext = typeof d.extends === 'string' ? [d.extends] : Array.isArray(d.extends) ? d.extends.filter((x): x is string => typeof x === 'string') : [];
  const co = d.compilerOptions && typeof d.compilerOptions === 'object' ? d.compilerOptions : {};
  const paths = co.paths && typeof co.paths === 'object' && !Array.isArray(co.paths) ? Object.keys(co.paths as object) : [];
  return { extends: ext, paths, baseUrl: typeof co.baseUrl === 'string' ? co.baseUrl : undefined };
}

/** The file an `extends` entry names: a relative path, or a package config under a node_modules folder above `dir`. */
function resolveExtends(spec: string, dir: string): string | undefined {
  const candidates: string[] = [];
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const abs = path.resolve(dir, spec);
    candidates.push(abs, `${abs}.json`, path.join(abs, 'tsconfig.json'));
  } else {
    for (let d = dir; ; d = path.dirname(d)) {
      const base = path.join(d, 'node_modules', spec);
      candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
      if (path.dirname(d) === d) break;
    }
  }
  for (const c of candidates) {
    try { if (fs.statSync(c).isFile()) return c; } catch { /* next */ }
  }
  return undefined;
}

/**
 * `paths` aliases and `baseUrl` of a tsconfig/jsconfig file with its `extends` chain (relative files and
 * package configs, arrays of them, cycles cut). The derived file's `baseUrl` wins, as in tsc.
 */
export function resolveTsconfig(file: string, seen: Set<string> = new Set()): TsconfigResolution {
  if (seen.has(file) || seen.size > 16) return { paths: [] };
  seen.add(file);
  const text = readBounded(file, MAX_MANIFEST_BYTES);
  if (text === undefined) return { paths: [] };
  const own = tsconfigOptions(text);
  const dir = path.dirname(file);
  const paths = new Set<string>();
  let baseUrl: string | undefined;
  for (const e of own.extends) {
    const target = resolveExtends(e, dir);
    if (!target) continue;
    const inherited = resolveTsconfig(target, seen);
    for (const p of inherited.paths) paths.add(p);
    if (inherited.baseUrl) baseUrl = inherited.baseUrl;
  }
  for (const p of own.paths) paths.add(p);
  if (own.baseUrl !== undefined) baseUrl = path.resolve(dir, own.baseUrl);
  return { paths: [...paths].sort(), baseUrl };
}

/** One directory's manifests, parsed on first use. */
interface DirManifests {
  python: string[];
  npm: string[];
  hasPython: boolean;
  hasNpm: boolean;
  /** Manifest files of this directory, relative to the index root. */
  files: string[];
  /** tsconfig/jsconfig `paths` keys and the top-level names under `baseUrl`. */
  local: string[];
  /** Exact pinned versions (parsePins), per ecosystem. */
  pythonPins: [string, string][];
  npmPins: [string, string][];
  /** The `name` of this directory's package.json, if any. */
  npmOwn?: string;
  /** The `homepage` and `repository` URLs of this directory's package.json. */
  urls?: string[];
}

const MAX_INDEX_DIRS = 50_000;
/** Folders that hold a project's requirements files (`requirements/base.txt`). */
const REQUIREMENTS_DIR = /^(requirements|requirements\.d|reqs|deps)$/i;
const MAX_LOCAL_NAMES = 200_000;

/**
 * What the workspace under `root` declares, answered per file: the manifests, lockfiles and tsconfig
 * files of the file's own folder and every folder above it up to `root` (the nearest manifest and the
 * workspace root's, as Node and Python resolve them), plus names that resolve anywhere in the tree (the
 * name of every package.json: npm/yarn/pnpm workspace packages; Python packages and modules present in
 * the tree, `src/` layouts). Depends only on the files under `root`: the walk is depth-first in sorted
 * order, so the answer never depends on the working directory or on traversal order.
 */
export class WorkspaceIndex {
  readonly root: string;
  /** Directory (absolute) -> its manifest file names (sorted), for every directory that has one. */
  private readonly manifestDirs = new Map<string, string[]>();
  /** Names that resolve inside the tree (workspace packages, Python packages/modules, top-level folders). */
  private readonly treeLocal = new Set<string>();
  private readonly parsed = new Map<string, DirManifests>();
  private readonly perDir = new Map<string, WorkspacePackages>();
  private readonly perChain = new Map<string, WorkspacePackages>();
  /** Directories the walk read (the others under the root, e.g. inside `dist/`, are read on demand by forFile). */
  private readonly visited = new Set<string>();
  /** Folders of a monorepo's `packages/` directory that have no package.json of their own (npm tarballs drop it). */
  private readonly workspaceFolders = new Set<string>();
  /** Scopes of the package.json names in the tree (`@acme` of `@acme/core`). */
  private readonly scopes = new Set<string>();
  /** True when the walk stopped at its directory cap (reported by callers that care). */
  truncated = false;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.walk();
  }

  private walk(): void {
    let dirs = 0;
    const visit = (dir: string, depth: number, inPackage: boolean): void => {
      if (dirs >= MAX_INDEX_DIRS) { this.truncated = true; return; }
      dirs++;
      this.visited.add(dir);
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const names = new Set(entries.map((e) => e.name));
      const isPackage = names.has('__init__.py');
      // a Python package whose parent is not one is importable by its own name (`src/myapp/__init__.py` -> myapp)
      // (the scanned folder itself too: scanning a package folder directly)
      if (isPackage && !inPackage) this.addLocal(path.basename(dir));
      // a folder of Python modules outside any package is a namespace package (PEP 420) or a script folder
      else if (!inPackage && dir !== this.root && entries.some((e) => e.isFile() && /\.py$/.test(e.name))) this.addLocal(path.basename(dir));
      const manifests: string[] = [];
      const subdirs: string[] = [];
      for (const e of entries) {
        if (e.isDirectory()) {
          if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
          // top-level folders and the folders of a `src/` layout are importable by bare name
          if (depth === 0 || path.basename(dir) === 'src') this.addLocal(e.name);
          subdirs.push(e.name);
          continue;
        }
        if (!e.isFile()) continue;
        if (/\.pyi?$/.test(e.name)) this.addLocal(e.name.replace(/\.pyi?$/, ''));
        // a setup.py inside a Python package (`numpy/core/setup.py`, numpy.distutils sub-package configuration) is
        // not a project manifest: the package's imports are declared by the project above it
        if ((parserFor(e.name) || TSCONFIG_NAME.test(e.name)) && !(isPackage && e.name === 'setup.py')) manifests.push(e.name);
        if (e.name === 'pyproject.toml' || e.name === 'setup.cfg' || e.name === 'setup.py') {
          // the distribution a Python project in the tree builds (`pip install acme-agent` of the project itself)
          const text = readBounded(path.join(dir, e.name), MAX_MANIFEST_BYTES);
          const name = text === undefined ? undefined : pythonProjectName(e.name, text);
          if (name) this.addLocal(pep503(name));
        }
        if (e.name === 'package.json') {
          // every package in the tree (npm/yarn/pnpm workspaces, nested apps) is importable by its name
          const text = readBounded(path.join(dir, e.name), MAX_MANIFEST_BYTES);
          if (text !== undefined) {
            try {
              const pkg = JSON.parse(text) as { name?: unknown };
              if (pkg && typeof pkg.name === 'string' && pkg.name) {
                this.addLocal(pkg.name);
                if (/^@[^/]+\//.test(pkg.name)) this.scopes.add(pkg.name.slice(0, pkg.name.indexOf('/')));
              }
            } catch { /* not JSON */ }
          }
        }
      }
      if (manifests.length) this.manifestDirs.set(dir, manifests);
      else if (path.basename(path.dirname(dir)) === 'packages' && dir !== this.root && entries.some((e) => e.isDirectory() && e.name === 'src')) this.workspaceFolders.add(path.basename(dir));
      // `requirements/base.txt`, `requirements/dev.in`: a requirements folder belongs to the project above it
      if (REQUIREMENTS_DIR.test(path.basename(dir)) && dir !== this.root) {
        const reqs = entries.filter((e) => e.isFile() && /\.(txt|in)$/i.test(e.name)).map((e) => `${path.basename(dir)}/${e.name}`);
        if (reqs.length) {
          const parent = path.dirname(dir);
          this.manifestDirs.set(parent, [...(this.manifestDirs.get(parent) ?? []), ...reqs.filter((r) => !(this.manifestDirs.get(parent) ?? []).includes(r))]);
        }
      }
      for (const s of subdirs) visit(path.join(dir, s), depth + 1, isPackage);
    };
    visit(this.root, 0, false);
    // `packages/<name>/src` of a monorepo is the workspace package `<name>` (or `@scope/<name>` under the tree's scopes)
    for (const f of [...this.workspaceFolders].sort()) {
      this.addLocal(f);
      for (const s of [...this.scopes].sort()) this.addLocal(`${s}/${f}`);
    }
  }

  private addLocal(name: string): void {
    if (this.treeLocal.size < MAX_LOCAL_NAMES && name) this.treeLocal.add(name);
  }

  private rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  private dirManifests(dir: string): DirManifests | undefined {
    const files = this.manifestDirs.get(dir);
    if (!files) return undefined;
    let m = this.parsed.get(dir);
    if (m) return m;
    m = { python: [], npm: [], hasPython: false, hasNpm: false, files: [], local: [], pythonPins: [], npmPins: [] };
    for (const name of files) {
      const file = path.join(dir, name);
      if (TSCONFIG_NAME.test(name)) {
        const ts = resolveTsconfig(file);
        for (const p of ts.paths) m.local.push(p);
        if (ts.baseUrl) m.local.push(...topLevelNames(ts.baseUrl));
        continue;
      }
      // files of a requirements folder (`requirements/base.txt`) are requirements files whatever their name
      const p = name.includes('/') ? { eco: 'python' as const, parse: (t: string) => parseRequirements(t).names } : parserFor(name)!;
      const text = readBounded(file, p.lock ? MAX_LOCK_BYTES : MAX_MANIFEST_BYTES);
      if (text === undefined) continue;
      const names = p.parse(text);
      if (p.eco === 'alias') continue;
      // a setup.py / package.json that declares nothing still says "this ecosystem has a manifest"
      if (p.eco === 'python') { m.hasPython = true; m.python.push(...names); m.pythonPins.push(...parsePins(name, text)); }
      else { m.hasNpm = true; m.npm.push(...names); m.npmPins.push(...parsePins(name, text)); }
      if (name === 'package.json') { m.npmOwn ??= packageJsonName(text); m.urls ??= packageJsonUrls(text); }
      m.files.push(this.rel(file));
      // requirements includes (also outside the tree, e.g. ../shared/requirements.txt) are followed once
      if (/requirements|constraints/i.test(name) || name.includes('/')) {
        for (const inc of parseRequirements(text).includes) {
          const t = readBounded(path.resolve(dir, inc), MAX_MANIFEST_BYTES);
          if (t !== undefined) m.python.push(...parseRequirements(t).names);
        }
      }
    }
    this.parsed.set(dir, m);
    return m;
  }

  /** The folders whose manifests apply to a file: its own folder and each one above it, up to the root. */
  private chain(dir: string): string[] {
    const out: string[] = [];
    const rel = path.relative(this.root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return [dir];
    for (let d = dir; ; d = path.dirname(d)) {
      out.push(d);
      if (d === this.root || path.dirname(d) === d) break;
    }
    return out;
  }

  /**
   * The declared packages and local names that apply to the file at `abs`. Folders whose chain holds the
   * same manifests share one answer object (the name lists are large; rules cache their sets per object).
   */
  forFile(abs: string): WorkspacePackages {
    const dir = path.dirname(path.resolve(abs));
    let ws = this.perDir.get(dir);
    if (ws) return ws;
    const chain = this.chain(dir);
    // folders outside the root, and folders under the root the walk skipped (`dist/templates/app/package.json`
    // of a published scaffolding tool), have their own manifests read on demand
    for (const d of chain) if (!this.manifestDirs.has(d) && !this.visited.has(d)) this.onDemandManifests(d);
    const key = chain.filter((d) => this.manifestDirs.has(d)).join('\u0000');
    ws = this.perChain.get(key);
    if (!ws) {
      ws = this.compute(chain);
      this.perChain.set(key, ws);
    }
    this.perDir.set(dir, ws);
    return ws;
  }

  /** The packages declared by the manifests of `dirs` (a file's chain, nearest first, or every folder), merged. */
  private compute(dirs: string[], maxNames = MAX_NAMES): WorkspacePackages {
    const python = new Set<string>();
    const npm = new Set<string>();
    const local = new Set(this.treeLocal);
    const manifests: string[] = [];
    const pythonPins: Record<string, string> = {};
    const npmPins: Record<string, string> = {};
    const npmOwn: string[] = [];
    const projectUrls: string[] = [];
    let hasPython = false;
    let hasNpm = false;
    for (const d of dirs) {
      const m = this.dirManifests(d);
      if (!m) continue;
      // nearest manifest first: its pin wins
      for (const [k, v] of m.pythonPins) if (!Object.prototype.hasOwnProperty.call(pythonPins, k)) pythonPins[k] = v;
      for (const [k, v] of m.npmPins) if (!Object.prototype.hasOwnProperty.call(npmPins, k)) npmPins[k] = v;
      hasPython ||= m.hasPython;
      hasNpm ||= m.hasNpm;
      for (const n of m.python) if (python.size < maxNames) python.add(n);
      for (const n of m.npm) if (npm.size < maxNames) npm.add(n);
      for (const n of m.local) local.add(n);
      for (const f of m.files) if (manifests.length < 50) manifests.push(f);
      if (m.npmOwn && !npmOwn.includes(m.npmOwn)) npmOwn.push(m.npmOwn);
      for (const u of m.urls ?? []) if (!projectUrls.includes(u)) projectUrls.push(u);
    }
    const ws: WorkspacePackages = { localModules: [...local].sort(), manifests };
    if (hasPython) ws.pythonPackages = [...python].sort();
    if (hasNpm) ws.npmPackages = [...npm].sort();
    if (Object.keys(pythonPins).length) ws.pythonPins = pythonPins;
    if (Object.keys(npmPins).length) ws.npmPins = npmPins;
    if (npmOwn.length) ws.npmOwnPackages = npmOwn;
    if (projectUrls.length) ws.projectUrls = projectUrls;
    return ws;
  }

  /** A folder the walk did not read (outside the root, or under a skipped folder): its own manifests, read on demand. */
  private onDemandManifests(dir: string): DirManifests | undefined {
    this.visited.add(dir);
    let entries: string[];
    try { entries = fs.readdirSync(dir).sort(); } catch { return undefined; }
    const isPackage = entries.includes('__init__.py');
    const files = entries.filter((n) => (parserFor(n) || TSCONFIG_NAME.test(n)) && !(isPackage && n === 'setup.py'));
    if (!files.length) return undefined;
    this.manifestDirs.set(dir, files);
    return this.dirManifests(dir);
  }

  /** Everything the tree declares, merged (the workspace-wide view, for callers without a file). */
  aggregate(): WorkspacePackages {
    return this.compute([...this.manifestDirs.keys()].sort(), Infinity);
  }
}

/** The distribution name a pyproject.toml / setup.cfg / setup.py declares for its own project, if literal. */
export function pythonProjectName(fileName: string, text: string): string | undefined {
  if (fileName === 'pyproject.toml') {
    const e = tomlEntries(text).find((x) => (x.table === 'project' || x.table === 'tool.poetry') && x.key === 'name');
    return e ? tomlStrings(e.value)[0] : undefined;
  }
  if (fileName === 'setup.cfg') {
    const m = /^\[metadata\][^[]*?^name\s*[=:]\s*([A-Za-z0-9._-]+)\s*$/m.exec(text);
    return m?.[1];
  }
  const m = /\bsetup\s*\([\s\S]{0,4000}?\bname\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return m?.[1];
}

/** Folder names and module file stems directly under `dir` (what `baseUrl` makes importable by bare name). */
function topLevelNames(dir: string): string[] {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (e.isDirectory()) out.push(e.name);
    else if (/\.[cm]?[jt]sx?$/.test(e.name)) out.push(e.name.replace(/\.d\.ts$|\.[cm]?[jt]sx?$/, ''));
  }
  return out.sort();
}

/**
 * Everything the workspace under `root` declares, merged over the whole tree. Per-file answers (the
 * nearest manifests) come from `new WorkspaceIndex(root).forFile(file)`.
 */
export function readWorkspacePackages(root: string): WorkspacePackages {
  return new WorkspaceIndex(root).aggregate();
}

/** File names whose change invalidates the workspace packages (for file watchers). */
export const MANIFEST_FILE_PATTERN = /^(requirements.*\.(txt|in)|constraints\.txt|pyproject\.toml|pipfile|setup\.cfg|setup\.py|environment\.ya?ml|uv\.lock|poetry\.lock|pdm\.lock|package\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|(tsconfig|jsconfig)(\.[\w.-]+)?\.json)$/i;

export function isManifestFile(file: string): boolean {
  return MANIFEST_FILE_PATTERN.test(path.basename(file));
}
