/**
 * Reads the dependency manifests and lockfiles of a workspace into WorkspacePackages (engine/config.ts),
 * which the caller puts on config.workspace so rules (unknown-package-import, typosquat-install-command)
 * know what is declared without reading files. Bounded: a shallow walk, a cap on files, sizes and names.
 * The parsers are pure functions of the text (tested in test/unit/manifests.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { WorkspacePackages } from '../engine/config';

const MAX_DEPTH = 4;
const MAX_DIRS = 2000;
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

/**
 * Walk `root` (bounded depth and directory count) and collect declared dependencies and local module
 * names. `pythonPackages` / `npmPackages` stay undefined when no manifest of that ecosystem exists.
 */
export function readWorkspacePackages(root: string): WorkspacePackages {
  const python = new Set<string>();
  const npm = new Set<string>();
  const local = new Set<string>();
  const manifests: string[] = [];
  let hasPython = false;
  let hasNpm = false;
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  let dirs = 0;
  const pending: { file: string; rel: string }[] = [];
  while (queue.length && dirs < MAX_DIRS) {
    const { dir, depth } = queue.shift()!;
    dirs++;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { continue; }
    const relDir = path.relative(root, dir);
    for (const e of entries) {
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
        // top-level and src/ folders are importable by bare name (Python packages, JS baseUrl imports)
        if (depth <= 1 && local.size < MAX_NAMES) local.add(e.name);
        if (depth < MAX_DEPTH) queue.push({ dir: path.join(dir, e.name), depth: depth + 1 });
        continue;
      }
      if (!e.isFile()) continue;
      if (/\.pyi?$/.test(e.name) && local.size < MAX_NAMES) {
        local.add(e.name.replace(/\.pyi?$/, ''));
        if (e.name === '__init__.py') local.add(path.basename(dir));
      }
      if (parserFor(e.name)) pending.push({ file: path.join(dir, e.name), rel: path.join(relDir, e.name).split(path.sep).join('/') });
    }
  }
  for (const { file, rel } of pending) {
    const p = parserFor(path.basename(file))!;
    const text = readBounded(file, p.lock ? MAX_LOCK_BYTES : MAX_MANIFEST_BYTES);
    if (text === undefined) continue;
    const names = p.parse(text);
    if (p.eco === 'alias') { for (const n of names) local.add(n); continue; }
    // a setup.py / package.json that declares nothing still says "this ecosystem has a manifest"
    if (p.eco === 'python') { hasPython = true; for (const n of names) if (python.size < MAX_NAMES) python.add(n); }
    else { hasNpm = true; for (const n of names) if (npm.size < MAX_NAMES) npm.add(n); }
    if (manifests.length < 50) manifests.push(rel);
    // requirements includes outside the walk (e.g. ../shared/requirements.txt) are followed once
    if (/requirements/i.test(path.basename(file))) {
      for (const inc of parseRequirements(text).includes) {
        const incFile = path.resolve(path.dirname(file), inc);
        if (pending.some((x) => x.file === incFile)) continue;
        const t = readBounded(incFile, MAX_MANIFEST_BYTES);
        if (t !== undefined) for (const n of parseRequirements(t).names) python.add(n);
      }
    }
  }
  const out: WorkspacePackages = { localModules: [...local].sort(), manifests };
  if (hasPython) out.pythonPackages = [...python].sort();
  if (hasNpm) out.npmPackages = [...npm].sort();
  return out;
}

/** File names whose change invalidates the workspace packages (for file watchers). */
export const MANIFEST_FILE_PATTERN = /^(requirements.*\.(txt|in)|constraints\.txt|pyproject\.toml|pipfile|setup\.cfg|setup\.py|environment\.ya?ml|uv\.lock|poetry\.lock|pdm\.lock|package\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|tsconfig\.json|jsconfig\.json)$/i;

export function isManifestFile(file: string): boolean {
  return MANIFEST_FILE_PATTERN.test(path.basename(file));
}
