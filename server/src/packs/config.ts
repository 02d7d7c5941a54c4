/**
 * Finds and loads `.aisec.yaml` / `.aisec.json`: walk up from a file to the workspace root, nearest wins,
 * `extends` built-in presets (`aisec:recommended`, `aisec:strict`) and relative files. Errors name the
 * file, line and problem; a broken config never disables analysis silently (the caller reports the error
 * and analyses with the defaults).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { EffectiveConfig, PolicyConfig, RuleSetting } from '../engine/config';
import { defaultConfig } from '../engine/config';
import type { FileRole, RoleOverrides } from '../engine/fileRole';
import { FILE_ROLES } from '../engine/fileRole';
import type { SeverityOrOff } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import { mergeLearning, parseLearning } from '../learning/paths';
import { MAX_CONFIG_BYTES, readRegularFile } from '../workspace/files';
import { compileDefinitions } from './declarative';
import { buildPreset, presetNames } from './presets';

export const CONFIG_FILE_NAMES = ['.aisec.yaml', '.aisec.yml', '.aisec.json'];

export interface ConfigError {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  message: string;
}

/** Where a rule's effective setting came from (for `aisec rules`). */
export interface RuleOrigin {
  /** The config or pack file (and 1-based line) that set the rule's severity... */
  file?: string;
  line?: number;
  /** ...through this built-in preset in its `extends`, if so. */
  preset?: string;
  /** For pack-defined rules: where the definition is. */
  definedIn?: { file: string; line: number };
}

export interface PackInfo {
  file: string;
  name?: string;
  version?: string;
  owner?: string;
  sha256: string;
}

export interface LoadedConfig {
  config: EffectiveConfig;
  /** The effective rule list: built-ins plus the declarative rules of every pack in force. */
  rules: readonly RegisteredRule[];
  /** Per rule id, where its setting (and definition) came from; absent = built-in default. */
  origins: Record<string, RuleOrigin>;
  /** Packs and config files in force with their name, version and content hash (for reports). */
  packs: PackInfo[];
  /** Files that contributed, nearest first. */
  files: string[];
  /** Directory paths are relative to (the nearest config's folder, else the root). */
  root: string;
  errors: ConfigError[];
  /** Problems that do not stop the config from loading (unknown rule ids in learning paths). */
  warnings?: ConfigError[];
}

export class ConfigLoadError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** The nearest config file from `dir` up to `stopAt` (inclusive), if any. */
export function findConfigFile(dir: string, stopAt?: string, found?: Map<string, string | undefined>): string | undefined {
  let cur = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  // `found` is keyed by folder and stop: the folders walked up through share the answer
  const key = (d: string) => `${d}\u0000${stop ?? ''}`;
  const walked: string[] = [];
  const answer = (r: string | undefined) => {
    if (found) for (const d of walked) found.set(key(d), r);
    return r;
  };
  for (;;) {
    if (found?.has(key(cur))) return answer(found.get(key(cur)));
    walked.push(cur);
    for (const n of CONFIG_FILE_NAMES) {
      const p = path.join(cur, n);
      if (fs.existsSync(p)) return answer(p);
    }
    if (stop && cur === stop) return answer(undefined);
    const parent = path.dirname(cur);
    if (parent === cur) return answer(undefined);
    cur = parent;
  }
}

/** A built-in preset, derived from rule metadata (packs/presets.ts). */
export function presetConfig(name: string, rules: readonly RegisteredRule[]): EffectiveConfig | undefined {
  return buildPreset(name, rules);
}

function posOf(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

interface RawDoc { value: unknown; at: (pathKeys: (string | number)[]) => { line: number; column: number }; sha256: string }

function readRaw(file: string, errors: ConfigError[]): RawDoc | undefined {
  // regular files only, size-capped, never blocking (a FIFO or /dev/zero is refused, not read)
  const r = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!r.ok) {
    errors.push({ file, line: 1, column: 1, message: `cannot read: ${r.reason}` });
    return undefined;
  }
  const text = r.data.toString('utf8');
  // YAML is a superset of JSON: one parser gives positions for both
  const sha256 = createHash('sha256').update(text).digest('hex');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors.slice(0, 3)) errors.push({ file, ...posOf(lc, e.pos[0]), message: e.message.split('\n')[0] });
    return undefined;
  }
  const at = (keys: (string | number)[]) => {
    // point at the key of a mapping entry (where people look), else at the value or its parent
    const parentNode = (keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents) as unknown;
    const last = keys[keys.length - 1];
    if (isMap(parentNode) && typeof last === 'string') {
      const pair = parentNode.items.find((p) => isScalar(p.key) && p.key.value === last);
      const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
      if (keyNode?.range) return posOf(lc, keyNode.range[0]);
    }
    const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
    let offset = node && typeof node === 'object' && 'range' in node && node.range ? node.range[0] : 0;
    if (!offset && keys.length) offset = (parentNode as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
    return posOf(lc, offset);
  };
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }), at, sha256 };
  } catch (e) {
    // e.g. an alias bomb: refuse it instead of expanding it
    errors.push({ file, line: 1, column: 1, message: `cannot load: ${(e as Error).message}` });
    return undefined;
  }
}

export interface LoadedFile {
  config: EffectiveConfig;
  files: string[];
  errors: ConfigError[];
  /** Declarative rules defined by this file and what it extends. */
  definitions: RegisteredRule[];
  origins: Record<string, RuleOrigin>;
  packs: PackInfo[];
  /** Problems that do not stop the config from loading (unknown rule ids in learning paths). */
  warnings: ConfigError[];
}

const TOP_KEYS = ['extends', 'rules', 'definitions', 'ignore', 'roles', 'policy', 'suppressions', 'maxFileSize', 'learning', '$schema', 'name', 'version', 'description', 'owner'];

/** SHA-256 of a file's bytes (hex), for `extends: [{ pack, sha256 }]` pins. */
export function fileSha256(file: string): string {
  const r = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  return createHash('sha256').update(r.data).digest('hex');
}

/**
 * Where `extends` may read from. A repository's config resolves `extends` only inside its workspace (the
 * boundary) or to installed pack packages (node_modules); anything else needs `allowOutside`, a user-level
 * setting (VS Code `aisec.allowExtendsOutsideWorkspace`, CLI `--allow-extends-outside`). Problems in a file
 * outside the boundary are reported without echoing its contents.
 */
export interface ConfigLoadOptions {
  /** The workspace (project root) `extends` must stay in; default: the scan root, else the config's folder. */
  boundary?: string;
  allowExtendsOutside?: boolean;
  /** Restricted Mode (untrusted workspace): no config files and no packs, built-in rules and defaults only. */
  restricted?: boolean;
  /**
   * The config file found from each folder already looked at (findConfigFile), for one scan: folders deep in a
   * tree share their ancestors' lookups instead of probing every level again. Only while the files stay as they are.
   */
  found?: Map<string, string | undefined>;
}

interface LoadContext {
  boundary: string;
  allowOutside: boolean;
  /** Files already loaded in this load (diamond extends load once), by path. */
  done: Map<string, LoadedFile>;
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function within(child: string, parent: string): boolean {
  const rel = path.relative(realOrResolved(parent), realOrResolved(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** npm package names (optionally scoped); nothing path-like. */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;

/**
 * Load one config or pack file (and what it extends) into an EffectiveConfig plus its declarative rules.
 * `asPack`: the file is reached through `extends`, so its `policy` applies only to the rules it defines or sets.
 */
export function loadConfigFile(file: string, rules: readonly RegisteredRule[], seen: Set<string> = new Set(), asPack = false, seenIds: Set<string> = new Set(), ctx?: LoadContext): LoadedFile {
  const context: LoadContext = ctx ?? { boundary: path.dirname(path.resolve(file)), allowOutside: false, done: new Map() };
  const errors: ConfigError[] = [];
  const files = [file];
  const warnings: ConfigError[] = [];
  // `seen` holds the files on the current extends path (a cycle); a file reached twice through two
  // branches (a diamond) is not a cycle: it is loaded once and its settings reused
  if (seen.has(file)) {
    errors.push({ file, line: 1, column: 1, message: 'extends cycle' });
    return { config: defaultConfig(), files, errors, definitions: [], origins: {}, packs: [], warnings };
  }
  const done = context.done.get(file);
  if (done) return { config: done.config, files: [], errors: [], definitions: [], origins: { ...done.origins }, packs: [], warnings: [] };
  seen.add(file);
  try {
    const r = loadOne(file, rules, seen, asPack, seenIds, context);
    context.done.set(file, r);
    return r;
  } finally {
    seen.delete(file);
  }
}

function loadOne(file: string, rules: readonly RegisteredRule[], seen: Set<string>, asPack: boolean, seenIds: Set<string>, context: LoadContext): LoadedFile {
  const errors: ConfigError[] = [];
  const files = [file];
  let config = defaultConfig();
  const warnings: ConfigError[] = [];
  const out: LoadedFile = { config, files, errors, definitions: [], origins: {}, packs: [], warnings };
  const raw = readRaw(file, errors);
  if (!raw) return out;
  const v = raw.value;
  if (v === null || v === undefined) return out;
  if (typeof v !== 'object' || Array.isArray(v)) {
    errors.push({ file, line: 1, column: 1, message: 'the config must be a mapping of keys (extends, rules, definitions, ignore, policy, suppressions)' });
    return out;
  }
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!TOP_KEYS.includes(k)) errors.push({ file, ...raw.at([k]), message: `unknown key "${k}" (expected one of ${TOP_KEYS.filter((x) => x !== '$schema').join(', ')})` });
  for (const k of ['name', 'version', 'description', 'owner'] as const) if (obj[k] !== undefined && typeof obj[k] !== 'string') errors.push({ file, ...raw.at([k]), message: `${k} must be a string` });
  const here = (keys: (string | number)[]) => ({ file, line: raw.at(keys).line });
  const origins: Record<string, RuleOrigin> = {};
  const definitions: RegisteredRule[] = [];
  const packs: PackInfo[] = [];

  // extends: base first, later entries override earlier ones, this file overrides all
  const ext = obj.extends === undefined ? [] : Array.isArray(obj.extends) ? obj.extends : [obj.extends];
  ext.forEach((e, i) => {
    const keys = Array.isArray(obj.extends) ? ['extends', i] : ['extends'];
    const where = raw.at(keys);
    let name: unknown = e;
    let pin: unknown;
    if (e && typeof e === 'object' && !Array.isArray(e)) {
      const o = e as Record<string, unknown>;
      name = o.pack;
      pin = o.sha256;
      for (const k of Object.keys(o)) if (k !== 'pack' && k !== 'sha256') errors.push({ file, ...raw.at([...keys, k]), message: `unknown key "${k}" in an extends entry (expected pack, sha256)` });
      if (pin !== undefined && (typeof pin !== 'string' || !/^[0-9a-fA-F]{64}$/.test(pin))) {
        errors.push({ file, ...raw.at([...keys, 'sha256']), message: 'sha256 must be 64 hex digits, quoted (the SHA-256 of the pack file)' });
        return;
      }
    }
    if (typeof name !== 'string') {
      errors.push({ file, ...where, message: 'extends entries are strings or { pack, sha256 }' });
      return;
    }
    let base: EffectiveConfig | undefined;
    if (name.startsWith('aisec:')) {
      base = presetConfig(name, rules);
      if (!base) errors.push({ file, ...where, message: `unknown built-in pack "${name}" (known: ${presetNames().join(', ')})` });
      else for (const id of Object.keys(base.rules)) origins[id] = { preset: name, ...here(keys) };
    } else {
      const isPath = name.startsWith('.') || path.isAbsolute(name);
      if (!isPath && !PACKAGE_NAME.test(name)) {
        errors.push({ file, ...where, message: `"${name}" is neither a relative path (./pack.yaml), a built-in pack (aisec:...) nor an npm package name` });
        return;
      }
      const target = isPath ? path.resolve(path.dirname(file), name) : resolvePackage(name, path.dirname(file));
      // a relative or absolute path must stay inside the workspace; an installed package is its own boundary
      const outside = isPath && !!target && !within(target, context.boundary);
      if (outside && !context.allowOutside) {
        errors.push({ file, ...where, message: `extends "${name}" resolves outside the workspace; only files inside it, built-in packs and installed pack packages are loaded (allow it with the user setting aisec.allowExtendsOutsideWorkspace or --allow-extends-outside); not loaded` });
        return;
      }
      if (!target || !fs.existsSync(target)) {
        errors.push({ file, ...where, message: `cannot find "${name}"${isPath ? '' : ' in node_modules'}` });
      } else {
        let actual: string | undefined;
        try {
          actual = typeof pin === 'string' ? fileSha256(target) : undefined;
        } catch {
          actual = '';
        }
        if (typeof pin === 'string' && actual !== pin.toLowerCase()) {
          // the real hash of a file outside the workspace is not printed (it would reveal something about any file)
          errors.push({ file, ...where, message: outside || actual === '' ? `pack "${name}" does not match its sha256 pin; refusing to load it` : `pack "${name}" does not match its sha256 pin (expected ${pin.toLowerCase()}, found ${actual}); refusing to load it` });
          return;
        }
        // an installed package (or an allowed outside file) bounds what it extends to its own folder
        const sub = loadConfigFile(target, rules, seen, true, seenIds, isPath && !outside ? context : { ...context, boundary: path.dirname(target) });
        if (outside && (sub.errors.length || sub.warnings.length)) {
          // never echo the contents of a file outside the workspace (keys, parse fragments) into diagnostics and logs
          const n = sub.errors.length + sub.warnings.length;
          errors.push({ file, ...where, message: `pack "${name}" (outside the workspace) has ${n} problem${n === 1 ? '' : 's'}; details are not shown for files outside the workspace: run "aisec rules --config ${target}" to see them` });
        } else {
          errors.push(...sub.errors);
          warnings.push(...sub.warnings);
        }
        files.push(...sub.files);
        definitions.push(...sub.definitions);
        packs.push(...sub.packs);
        Object.assign(origins, sub.origins);
        base = sub.config;
      }
    }
    if (base) config = merge(config, base);
  });

  const builtinIds = new Set(rules.map((r) => r.meta.id));
  const report = (keys: (string | number)[], message: string) => errors.push({ file, ...raw.at(keys), message });
  const packName = typeof obj.name === 'string' ? obj.name : path.basename(file);
  const ownDefined = new Set<string>();
  if (obj.definitions !== undefined) {
    const own = compileDefinitions(obj.definitions, packName, builtinIds, report, seenIds);
    for (const r of own) ownDefined.add(r.meta.id);
    own.forEach((r) => {
      const idx = (obj.definitions as { id?: unknown }[]).findIndex((d) => d && d.id === r.meta.id);
      origins[r.meta.id] = { definedIn: here(['definitions', idx, 'id']) };
    });
    definitions.push(...own);
  }

  const ruleIds = new Set([...builtinIds, ...definitions.map((d) => d.meta.id)]);
  const setHere: string[] = [];
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      errors.push({ file, ...raw.at(['rules']), message: 'rules must be a mapping of rule id to off|info|warning|error or { severity, options }' });
    } else {
      for (const [id, s] of Object.entries(obj.rules as Record<string, unknown>)) {
        const where = raw.at(['rules', id]);
        if (!ruleIds.has(id)) {
          errors.push({ file, ...where, message: `unknown rule "${id}"` });
          continue;
        }
        const setting = parseRuleSetting(s);
        if (!setting) {
          errors.push({ file, ...where, message: `rule "${id}": expected off|info|warning|error or { severity, options }` });
          continue;
        }
        config.rules[id] = setting;
        origins[id] = { file, line: where.line, definedIn: origins[id]?.definedIn };
        setHere.push(id);
      }
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string')) errors.push({ file, ...raw.at(['ignore']), message: 'ignore must be a list of glob strings' });
    else config.ignore = [...config.ignore, ...(obj.ignore as string[])];
  }
  if (obj.roles !== undefined) {
    const own = parseRoles(obj.roles, (keys, m) => errors.push({ file, ...raw.at(['roles', ...keys]), message: m }));
    if (own) config.roles = mergeRoles(own, config.roles);
  }
  let policy: PolicyConfig | undefined;
  if (obj.policy !== undefined) {
    if (typeof obj.policy !== 'object' || obj.policy === null || Array.isArray(obj.policy)) errors.push({ file, ...raw.at(['policy']), message: 'policy must be a mapping (url, rules, categories, owner, owners)' });
    else policy = validPolicy(obj.policy as Record<string, unknown>, (keys, m) => errors.push({ file, ...raw.at(['policy', ...keys]), message: m }));
  }
  const packOwner = typeof obj.owner === 'string' ? obj.owner : undefined;
  if (asPack || ownDefined.size) {
    // a pack's policy (and owner) applies to the rules it defines or sets, not to everyone else's
    const scoped = new Set([...ownDefined, ...setHere]);
    const p: PolicyConfig = { rules: { ...(policy?.rules ?? {}) }, owners: { ...(policy?.owners ?? {}) }, notes: { ...(policy?.notes ?? {}) } };
    const metaOf = new Map([...rules, ...definitions].map((r) => [r.meta.id, r.meta]));
    for (const id of scoped) {
      const meta = metaOf.get(id);
      const cat = meta?.owasp.find((o) => policy?.categories?.[o]);
      const link = policy?.rules?.[id] ?? (cat ? policy?.categories?.[cat] : undefined) ?? policy?.url;
      if (link) p.rules![id] = link;
      const owner = policy?.owners?.[id] ?? policy?.owner ?? packOwner;
      if (owner) p.owners![id] = owner;
    }
    config.policy = mergePolicy(config.policy, p);
    if (!asPack && policy) config.policy = mergePolicy(config.policy, { ...policy, rules: { ...policy.rules, ...p.rules }, owners: { ...policy.owners, ...p.owners }, notes: { ...policy.notes, ...p.notes } });
  } else if (policy) config.policy = mergePolicy(config.policy, policy);
  if (obj.suppressions !== undefined) {
    if (!Array.isArray(obj.suppressions)) errors.push({ file, ...raw.at(['suppressions']), message: 'suppressions must be a list of { path, rule, reason }' });
    else
      (obj.suppressions as unknown[]).forEach((s, i) => {
        const o = s as Record<string, unknown>;
        if (!o || typeof o.path !== 'string' || typeof o.rule !== 'string' || typeof o.reason !== 'string' || !o.reason.trim()) {
          errors.push({ file, ...raw.at(['suppressions', i]), message: 'each suppression needs path, rule and a non-empty reason' });
          return;
        }
        config.suppressions.push({ path: o.path, rule: o.rule, reason: o.reason, until: typeof o.until === 'string' ? o.until : o.until instanceof Date ? o.until.toISOString().slice(0, 10) : undefined, by: typeof o.by === 'string' ? o.by : undefined });
      });
  }
  if (typeof obj.maxFileSize === 'number' && obj.maxFileSize > 0) config.maxFileSize = obj.maxFileSize;
  if (obj.learning !== undefined) {
    // a pack's paths get pack-qualified ids (<pack>/<id>); the workspace's own config keeps its ids
    const own = parseLearning(obj.learning, {
      ruleIds,
      pack: asPack ? (typeof obj.name === 'string' ? obj.name : path.basename(file).replace(/(\.aisec-pack)?\.(ya?ml|json)$/i, '')) : undefined,
      error: (keys, message) => errors.push({ file, ...raw.at(['learning', ...keys]), message }),
      warning: (keys, message) => warnings.push({ file, ...raw.at(['learning', ...keys]), message }),
    });
    config.learning = mergeLearning(config.learning, own);
  }
  packs.push({ file, name: typeof obj.name === 'string' ? obj.name : undefined, version: typeof obj.version === 'string' ? obj.version : typeof obj.version === 'number' ? String(obj.version) : undefined, owner: packOwner, sha256: raw.sha256 });
  return { config, files, errors, definitions, origins, packs, warnings };
}

/** `roles: { test: ["qa/**"], product: ["scripts/deploy/**"] }`: role -> globs relative to the config root. */
function parseRoles(v: unknown, report: (keys: string[], message: string) => void): RoleOverrides | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    report([], `roles must map a role (${FILE_ROLES.join(', ')}) to a list of globs`);
    return undefined;
  }
  const out: RoleOverrides = {};
  for (const [k, globs] of Object.entries(v as Record<string, unknown>)) {
    if (!(FILE_ROLES as readonly string[]).includes(k)) {
      report([k], `unknown role "${k}" (expected one of ${FILE_ROLES.join(', ')})`);
      continue;
    }
    const list = typeof globs === 'string' ? [globs] : globs;
    if (!Array.isArray(list) || list.some((g) => typeof g !== 'string' || !g)) {
      report([k], `roles.${k} must be a list of glob strings`);
      continue;
    }
    out[k as FileRole] = list as string[];
  }
  return out;
}

/** `first` wins: its roles are tried before `second`'s (a config overrides what it extends). */
function mergeRoles(first: RoleOverrides | undefined, second: RoleOverrides | undefined): RoleOverrides | undefined {
  if (!first) return second;
  if (!second) return first;
  const out: RoleOverrides = {};
  for (const src of [first, second]) for (const [k, globs] of Object.entries(src) as [FileRole, string[]][]) out[k] = [...(out[k] ?? []), ...globs];
  return out;
}

function validPolicy(o: Record<string, unknown>, report: (keys: string[], message: string) => void): PolicyConfig {
  const p: PolicyConfig = {};
  for (const k of Object.keys(o)) if (!['url', 'rules', 'categories', 'owner', 'owners', 'notes'].includes(k)) report([k], `unknown policy key "${k}" (expected url, rules, categories, owner, owners, notes)`);
  if (o.url !== undefined) typeof o.url === 'string' ? (p.url = o.url) : report(['url'], 'policy.url must be a URL template string');
  if (o.owner !== undefined) typeof o.owner === 'string' ? (p.owner = o.owner) : report(['owner'], 'policy.owner must be a string');
  for (const k of ['rules', 'categories', 'owners', 'notes'] as const) {
    const m = o[k];
    if (m === undefined) continue;
    if (!m || typeof m !== 'object' || Array.isArray(m) || Object.values(m).some((x) => typeof x !== 'string')) {
      report([k], `policy.${k} must map ${k === 'categories' ? 'LLM01..LLM10' : 'rule ids'} to strings`);
      continue;
    }
    if (k === 'categories') {
      const bad = Object.keys(m).find((c) => !/^LLM(0[1-9]|10)$/.test(c));
      if (bad) report([k, bad], `policy.categories keys are LLM01..LLM10 (got "${bad}")`);
    }
    (p as Record<string, unknown>)[k] = { ...(m as Record<string, string>) };
  }
  return p;
}

function mergePolicy(a: PolicyConfig, b: PolicyConfig): PolicyConfig {
  return {
    ...a,
    ...b,
    rules: { ...a.rules, ...b.rules },
    categories: { ...a.categories, ...b.categories },
    owners: { ...a.owners, ...b.owners },
    notes: { ...a.notes, ...b.notes },
  };
}

function parseRuleSetting(s: unknown): RuleSetting | undefined {
  if (typeof s === 'string' && SEVERITIES.has(s)) return { severity: s as SeverityOrOff, options: {} };
  if (s && typeof s === 'object' && !Array.isArray(s)) {
    const o = s as Record<string, unknown>;
    if (typeof o.severity === 'string' && SEVERITIES.has(o.severity)) {
      const options = o.options && typeof o.options === 'object' ? (o.options as Record<string, unknown>) : {};
      return { severity: o.severity as SeverityOrOff, options };
    }
  }
  return undefined;
}

function merge(a: EffectiveConfig, b: EffectiveConfig): EffectiveConfig {
  return {
    rules: { ...a.rules, ...b.rules },
    ignore: [...a.ignore, ...b.ignore],
    roles: mergeRoles(b.roles, a.roles),
    policy: mergePolicy(a.policy, b.policy),
    suppressions: [...a.suppressions, ...b.suppressions],
    maxFileSize: b.maxFileSize !== defaultConfig().maxFileSize ? b.maxFileSize : a.maxFileSize,
    ...(a.learning || b.learning ? { learning: mergeLearning(a.learning, b.learning) } : {}),
  };
}

/** npm package names resolve from the workspace's node_modules (data only: a .aisec.yaml/json or package.json "aisec" entry). */
function resolvePackage(name: string, fromDir: string): string | undefined {
  let cur = fromDir;
  for (;;) {
    const pkgDir = path.join(cur, 'node_modules', name);
    if (fs.existsSync(pkgDir)) {
      for (const n of ['aisec-pack.yaml', 'aisec-pack.json', ...CONFIG_FILE_NAMES]) if (fs.existsSync(path.join(pkgDir, n))) return path.join(pkgDir, n);
      return undefined;
    }
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/**
 * The effective config for files in `dir`: nearest config between dir and root, else the defaults.
 * `today` is set here (the engine has no clock).
 */
export function loadConfigFor(dir: string, root: string | undefined, rules: readonly RegisteredRule[], explicitFile?: string, opts: ConfigLoadOptions = {}): LoadedConfig {
  const file = opts.restricted ? undefined : explicitFile ?? findConfigFile(dir, root, opts.found);
  let loaded: LoadedConfig;
  if (!file) loaded = { config: defaultConfig(), rules, origins: {}, packs: [], files: [], root: root ?? dir, errors: [], warnings: [] };
  else {
    const abs = path.resolve(file);
    // the workspace `extends` stays in: the given boundary, else the scan root when the config is in it, else the config's folder
    const boundary = [opts.boundary, root].find((b): b is string => !!b && within(abs, b)) ?? path.dirname(abs);
    const r = loadConfigFile(abs, rules, new Set(), false, new Set(), { boundary, allowOutside: !!opts.allowExtendsOutside, done: new Map() });
    loaded = { config: r.config, rules: r.definitions.length ? [...rules, ...r.definitions] : rules, origins: r.origins, packs: r.packs, files: r.files, root: path.dirname(path.resolve(file)), errors: r.errors, warnings: r.warnings };
  }
  loaded.config.today = new Date().toISOString().slice(0, 10);
  return loaded;
}
