/**
 * Package-name knowledge shared by the supply-chain rules: the bundled offline lists of popular
 * PyPI / npm names, standard library and Node builtins, name normalisation, declared-dependency
 * lookups and the edit-distance check for typosquats. Pure: no fs, no network.
 */
import type { WorkspacePackages } from '../engine/config';
import { NODE_BUILTINS, NPM_BY_POPULARITY } from '../data/popular-npm-packages';
import { PYPI_BY_POPULARITY, PYTHON_STDLIB } from '../data/popular-python-packages';
import { PYTHON_IMPORT_TO_DIST, PYTHON_NAMESPACE_PACKAGES } from './pythonImportNames';
import { own } from '../analyzers/own';

export type Ecosystem = 'python' | 'npm';

/** Typosquats target the most downloaded names: only these are candidates for "did you mean". */
const TARGET_COUNT = 5000;

/** PEP 503 normalised distribution name. */
export function normalizePython(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

interface Index {
  /** Known names (the whole bundled list), normalised -> rank (0 = most popular). */
  known: Map<string, number>;
  /** Comparison key -> the name to suggest, for the typosquat targets. */
  targets: { key: string; name: string; dist: string; rank: number }[];
}

let pyIndex: Index | undefined;
let npmIndex: Index | undefined;
let stdlib: Set<string> | undefined;
let builtins: Set<string> | undefined;

function pythonIndex(): Index {
  if (pyIndex) return pyIndex;
  const known = new Map<string, number>();
  PYPI_BY_POPULARITY.forEach((n, i) => { if (!known.has(n)) known.set(n, i); });
  const targets: Index['targets'] = [];
  const seen = new Set<string>();
  const add = (key: string, name: string, dist: string, rank: number) => {
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ key, name, dist, rank });
  };
  // import names of the common mismatches first (cv2, PIL, yaml...), then the standard library, then dists
  for (const [imp, dist] of Object.entries(PYTHON_IMPORT_TO_DIST)) if (!imp.includes('.')) add(imp.toLowerCase(), imp, dist, known.get(dist) ?? TARGET_COUNT);
  for (const m of PYTHON_STDLIB) if (!m.startsWith('_')) add(m, m, '', -1);
  for (let i = 0; i < Math.min(TARGET_COUNT, PYPI_BY_POPULARITY.length); i++) {
    const d = PYPI_BY_POPULARITY[i];
    add(d.replace(/-/g, '_'), d.replace(/-/g, '_'), d, i);
  }
  pyIndex = { known, targets };
  return pyIndex;
}

function npmIdx(): Index {
  if (npmIndex) return npmIndex;
  const known = new Map<string, number>();
  NPM_BY_POPULARITY.forEach((n, i) => { const k = n.toLowerCase(); if (!known.has(k)) known.set(k, i); });
  const targets: Index['targets'] = [];
  for (let i = 0; i < Math.min(TARGET_COUNT, NPM_BY_POPULARITY.length); i++) {
    const n = NPM_BY_POPULARITY[i];
    targets.push({ key: n.toLowerCase(), name: n, dist: n, rank: i });
  }
  npmIndex = { known, targets };
  return npmIndex;
}

export function isPythonStdlib(topModule: string): boolean {
  stdlib ??= new Set(PYTHON_STDLIB);
  return stdlib.has(topModule);
}

export function isNodeBuiltin(spec: string): boolean {
  if (spec.startsWith('node:')) return true;
  builtins ??= new Set(NODE_BUILTINS);
  return builtins.has(spec) || builtins.has(spec.split('/')[0]);
}

/**
 * AI-ecosystem npm packages and publisher scopes below the popularity cut of the bundled list that AI code
 * imports every day (LlamaIndex.TS and its provider/vector-store packages, vector database clients).
 */
const AI_NPM_KNOWN = new Set(['llamaindex', '@zilliz/milvus2-sdk-node', 'chromadb', '@datastax/astra-db-ts', 'create-llama']);
const AI_NPM_SCOPES = new Set(['@llamaindex']);
let knownScopes: Set<string> | undefined;

/**
 * Is this distribution / package name in the bundled popular list? A scoped npm name under a scope that
 * publishes a listed package (`@langchain/x` when `@langchain/core` is listed) is known too: an npm scope
 * belongs to one publisher, so nobody else can register a name under it.
 */
export function isKnownPackage(name: string, eco: Ecosystem): boolean {
  if (eco === 'python') return pythonIndex().known.has(normalizePython(name));
  const n = name.toLowerCase();
  if (npmIdx().known.has(n) || AI_NPM_KNOWN.has(n)) return true;
  if (!n.startsWith('@') || !n.includes('/')) return false;
  if (!knownScopes) {
    knownScopes = new Set(AI_NPM_SCOPES);
    for (const k of npmIdx().known.keys()) if (k.startsWith('@') && k.includes('/')) knownScopes.add(k.slice(0, k.indexOf('/')));
  }
  return knownScopes.has(n.slice(0, n.indexOf('/')));
}

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), or max+1 when above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** How many edits a name of this length may be away from a popular one and still count as a likely typo. */
function allowedDistance(len: number): number {
  if (len < 5) return 0; // short names collide by chance (jax / jinx, ray / rich)
  if (len < 9) return 1;
  return 2;
}

/**
 * Separators, digits and whole affixes make many legitimate neighbours (`pytest-xdist` vs `pytest-dist`,
 * `vue2` vs `vue3`, `newspaper` vs `newspaper3k`, `sqlite-vss` vs `sqlite-vec`, `smdistributed` vs `distributed`).
 * `importOfDist`: `name` is a Python import name and `target` a distribution name in import form.
 */
function plausibleTypo(name: string, target: string, eco: Ecosystem, importOfDist = false): boolean {
  const strip = (s: string) => s.replace(/[-_.]/g, '');
  if (strip(name) === strip(target)) {
    // separator confusion: `python_dateutil`, `langchain-openai` -> same letters; but the import name of a
    // `<name>-py` / `<name>python` distribution joins or splits its last word (`opensearchpy`, `gremlin_python`)
    const pyWord = (s: string) => /py(thon)?\d?$/i.test(s);
    return !(importOfDist && (pyWord(name) || pyWord(target)));
  }
  const letters = (s: string) => s.replace(/[^a-z]/gi, '');
  // version-numbered siblings differ only in digits: boto / boto3, vue2 / vue3
  if (letters(name) === letters(target)) return false;
  // a version-marked distribution and its unversioned import name: newspaper / newspaper3k
  const unversioned = (s: string) => strip(s).replace(/\d+[a-z]?$/i, '');
  if (unversioned(name) === unversioned(target)) return false;
  // the first letter is the one people look at: `docket` / `socket`, `rocket` / `pocket` are other words
  if (name.length === target.length && name[0] !== target[0] && name.slice(1) === target.slice(1)) return false;
  // a Python name with a whole block of two or more letters added at one end is another module (a vendor
  // prefix, a word suffix); npm keeps these as combosquats (`expressjs`)
  const [short, long] = name.length <= target.length ? [name, target] : [target, name];
  if (eco === 'python' && long.length - short.length >= 2 && (long.endsWith(short) || long.startsWith(short))) return false;
  // names of several words that differ in one short word: that word is another name (sqlite-vss / sqlite-vec)
  const segs = (s: string) => s.split(/[-_.]+/);
  const a = segs(name);
  const b = segs(target);
  if (a.length > 1 && a.length === b.length) {
    const diff = a.map((w, i) => [w, b[i]] as const).filter(([w, v]) => w !== v);
    if (diff.length === 1) {
      const [w, v] = diff[0];
      const allowed = Math.max(1, allowedDistance(Math.min(w.length, v.length)));
      if (editDistance(w, v, allowed) > allowed) return false;
    }
  }
  return true;
}

/**
 * Everyday words people name their own modules and folders after (`agent.py`, `schemas/`, `utils/`):
 * one edit from some package, but far more often local code than a typo.
 */
const COMMON_MODULE_WORDS = new Set(`
agent agents api app apps auth backend base cache chain chains cli client clients commands common components config configs
const consts constant constants core crud data database databases dataset datasets db demo deps embeddings errors evaluate
evaluation example examples exceptions fixtures frontend graph graphs handler handlers helper helpers hooks index inference item
items job jobs lib libs loader loaders logger main memory metric metrics middleware mock mocks model models module modules node
nodes pipeline pipelines predict prompt prompts queue retriever retrievers route router routes run runner sample samples schema
schemas script scripts search security server servers service services setting settings shared src state states storage store
stores style styles task tasks test tests tool tools train trainer training type types user users util utils validator validators
view views worker workers workflow workflows
`.trim().split(/\s+/));

export interface Typosquat {
  /** The popular name the input is probably a misspelling of (in the form to write in code / on the command line). */
  intended: string;
  /** The distribution / npm package of `intended`. */
  dist: string;
  distance: number;
}

/**
 * The popular package `name` is likely a misspelling of, or undefined when `name` is itself known,
 * too short to judge, or not close to any popular name.
 * For Python, `name` is an import name (or a distribution name with `pythonDist`).
 */
export function likelyTyposquat(name: string, eco: Ecosystem, opts: { pythonDist?: boolean } = {}): Typosquat | undefined {
  // the same imports recur in every file of a workspace: remember the (pure) answer per name
  const memoKey = `${eco}\u0000${opts.pythonDist ? 1 : 0}\u0000${name}`;
  if (typosquatMemo.has(memoKey)) return typosquatMemo.get(memoKey);
  const answer = computeTyposquat(name, eco, opts);
  if (typosquatMemo.size > 50_000) typosquatMemo.clear();
  typosquatMemo.set(memoKey, answer);
  return answer;
}

const typosquatMemo = new Map<string, Typosquat | undefined>();

function computeTyposquat(name: string, eco: Ecosystem, opts: { pythonDist?: boolean }): Typosquat | undefined {
  if (eco === 'python') {
    const idx = pythonIndex();
    const key = opts.pythonDist ? normalizePython(name).replace(/-/g, '_') : name.toLowerCase().replace(/[-.]/g, '_');
    if (idx.known.has(normalizePython(name)) || isPythonStdlib(name)) return undefined;
    if (!opts.pythonDist && (Object.prototype.hasOwnProperty.call(PYTHON_IMPORT_TO_DIST, name) || PYTHON_NAMESPACE_PACKAGES.has(name))) return undefined;
    return closest(key, idx.targets.filter((t) => !opts.pythonDist || t.dist), opts.pythonDist ? 'dist' : 'name', 'python');
  }
  const idx = npmIdx();
  const lower = name.toLowerCase();
  if (idx.known.has(lower) || isNodeBuiltin(lower)) return undefined;
  return closest(lower, idx.targets, 'name');
}

function closest(key: string, targets: Index['targets'], form: 'name' | 'dist', eco: Ecosystem = 'npm'): Typosquat | undefined {
  if (allowedDistance(key.length) === 0 || COMMON_MODULE_WORDS.has(key.replace(/^@[^/]+\//, ''))) return undefined;
  let best: Typosquat | undefined;
  let bestRank = Infinity;
  for (const t of targets) {
    // short names collide by chance on either side: a 5-letter name one letter off a 4-letter one (gpudb / pudb)
    const max = allowedDistance(Math.min(key.length, t.key.length));
    if (max === 0 || Math.abs(t.key.length - key.length) > max || t.key === key) continue;
    const d = editDistance(key, t.key, max);
    if (d > max) continue;
    if (!plausibleTypo(key, t.key, eco, eco === 'python' && form === 'name' && t.dist !== '' && t.key === t.dist.replace(/-/g, '_'))) continue;
    // an edit that only changes a separator-free prefix into a different word is still a typo candidate;
    // prefer the closest, then the most popular
    if (!best || d < best.distance || (d === best.distance && t.rank < bestRank)) {
      best = { intended: form === 'dist' ? t.dist : t.name, dist: t.dist || t.name, distance: d };
      bestRank = t.rank;
    }
  }
  return best;
}

/** Distribution names a Python import may come from (mapping first, then the import name itself). */
export function pythonDistsForImport(dotted: string): string[] {
  const parts = dotted.split('.');
  const out: string[] = [];
  for (let i = parts.length; i >= 1; i--) {
    const d = own(PYTHON_IMPORT_TO_DIST, parts.slice(0, i).join('.'));
    if (d) out.push(d);
  }
  out.push(normalizePython(parts[0]));
  return out;
}

interface DeclaredSets { python: Set<string>; npm: Set<string>; local: Set<string>; wildcards: [string, string][] }

const declaredCache = new WeakMap<object, DeclaredSets>();

function declaredSets(ws: Readonly<WorkspacePackages>): DeclaredSets {
  let s = declaredCache.get(ws);
  if (!s) {
    const local = ws.localModules ?? [];
    s = {
      python: new Set((ws.pythonPackages ?? []).map(normalizePython)),
      npm: new Set((ws.npmPackages ?? []).map((n) => n.toLowerCase())),
      local: new Set(local),
      // tsconfig `paths` keys with one `*`: prefix and suffix around it
      wildcards: local.filter((n) => n.split('*').length === 2).map((n) => { const i = n.indexOf('*'); return [n.slice(0, i), n.slice(i + 1)] as [string, string]; }),
    };
    declaredCache.set(ws, s);
  }
  return s;
}

/** Is the import (dotted module path) provided by a distribution the workspace declares? */
export function isPythonImportDeclared(dotted: string, ws: Readonly<WorkspacePackages> | undefined): boolean {
  if (!ws?.pythonPackages) return false;
  const declared = declaredSets(ws).python;
  const top = dotted.split('.')[0];
  const t = normalizePython(top);
  for (const d of pythonDistsForImport(dotted)) if (declared.has(d)) return true;
  for (const d of [`python-${t}`, `py${t}`, `py-${t}`, `${t}-python`, `${t}py`, `${t}-py`, `types-${t}`]) if (declared.has(d)) return true;
  // namespace packages and plugins: `google-cloud-storage` provides `google`, `opentelemetry-sdk` provides `opentelemetry`
  for (const d of declared) if (d.startsWith(`${t}-`)) return true;
  return false;
}

/** Is the npm package declared (directly, through its @types package, or as a workspace package)? */
export function isNpmPackageDeclared(pkg: string, ws: Readonly<WorkspacePackages> | undefined): boolean {
  if (!ws?.npmPackages) return false;
  const declared = declaredSets(ws).npm;
  const p = pkg.toLowerCase();
  if (declared.has(p)) return true;
  const typesName = p.startsWith('@') ? `@types/${p.slice(1).replace('/', '__')}` : `@types/${p}`;
  return declared.has(typesName);
}

/** Is the npm package the project's own: the name of the package.json next to the file or in a folder above it? */
export function isOwnNpmPackage(pkg: string, ws: Readonly<WorkspacePackages> | undefined): boolean {
  const p = pkg.toLowerCase();
  return (ws?.npmOwnPackages ?? []).some((n) => n.toLowerCase() === p);
}

/**
 * Does the import resolve inside the workspace: a local module or package name, a workspace package, or a
 * tsconfig/jsconfig `paths` alias (`@app/*` matches `@app/utils`, `~/*` matches `~/lib/x`, exact keys match
 * exactly)? `name` is the top-level name, `full` the whole specifier when known.
 */
export function isLocalModule(name: string, ws: Readonly<WorkspacePackages> | undefined, full?: string): boolean {
  if (!ws?.localModules) return false;
  const sets = declaredSets(ws);
  if (sets.local.has(name) || (full !== undefined && sets.local.has(full))) return true;
  const spec = full ?? name;
  for (const [prefix, suffix] of sets.wildcards) if (spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix)) return true;
  return false;
}

/** The package part of an npm module specifier (`@scope/pkg/sub` -> `@scope/pkg`, `lodash/fp` -> `lodash`), or undefined for relative/virtual ones. */
export function npmPackageOf(spec: string): string | undefined {
  if (!spec || /^[./~#]/.test(spec) || spec.startsWith('@/') || spec.includes(':') || spec.includes('\\') || spec.includes('?') || spec.includes('!')) return undefined;
  const parts = spec.split('/');
  const pkg = spec.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  if (!pkg || !/^(@[a-z0-9][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i.test(pkg)) return undefined;
  return pkg;
}

/** A short list of the manifests, for messages. */
export function manifestList(ws: Readonly<WorkspacePackages> | undefined, eco: Ecosystem): string {
  const files = (ws?.manifests ?? []).filter((m) => (eco === 'npm' ? /package(-lock)?\.json$|pnpm-lock\.yaml$|yarn\.lock$/.test(m) : !/package(-lock)?\.json$|pnpm-lock\.yaml$|yarn\.lock$/.test(m)));
  if (!files.length) return eco === 'npm' ? 'package.json' : 'the Python manifests';
  return files.slice(0, 3).join(', ') + (files.length > 3 ? ', ...' : '');
}
