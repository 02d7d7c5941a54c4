/**
 * Finds and loads `.aisec.yaml` / `.aisec.json`: walk up from a file to the workspace root, nearest wins,
 * `extends` built-in presets (`aisec:recommended`, `aisec:strict`) and relative files. Errors name the
 * file, line and problem; a broken config never disables analysis silently (the caller reports the error
 * and analyses with the defaults).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { EffectiveConfig, RuleSetting } from '../engine/config';
import { defaultConfig } from '../engine/config';
import type { SeverityOrOff } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';

export const CONFIG_FILE_NAMES = ['.aisec.yaml', '.aisec.yml', '.aisec.json'];

export interface ConfigError {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  message: string;
}

export interface LoadedConfig {
  config: EffectiveConfig;
  /** Files that contributed, nearest first. */
  files: string[];
  /** Directory paths are relative to (the nearest config's folder, else the root). */
  root: string;
  errors: ConfigError[];
}

export class ConfigLoadError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** The nearest config file from `dir` up to `stopAt` (inclusive), if any. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let cur = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const n of CONFIG_FILE_NAMES) {
      const p = path.join(cur, n);
      if (fs.existsSync(p)) return p;
    }
    if (stop && cur === stop) return undefined;
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

export function presetConfig(name: string, rules: readonly RegisteredRule[]): EffectiveConfig | undefined {
  const c = defaultConfig();
  switch (name) {
    case 'aisec:recommended':
      return c;
    case 'aisec:strict':
      for (const r of rules) c.rules[r.meta.id] = { severity: r.meta.severity === 'info' ? 'warning' : r.meta.severity, options: {} };
      return c;
    case 'aisec:all':
      for (const r of rules) c.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
      return c;
    default:
      return undefined;
  }
}

function posOf(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

interface RawDoc { value: unknown; at: (pathKeys: (string | number)[]) => { line: number; column: number } }

function readRaw(file: string, errors: ConfigError[]): RawDoc | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    errors.push({ file, line: 1, column: 1, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  // YAML is a superset of JSON: one parser gives positions for both
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
    return { value: doc.toJS({ maxAliasCount: 50 }), at };
  } catch (e) {
    // e.g. an alias bomb: refuse it instead of expanding it
    errors.push({ file, line: 1, column: 1, message: `cannot load: ${(e as Error).message}` });
    return undefined;
  }
}

/** Load one config file (and what it extends) into an EffectiveConfig. */
export function loadConfigFile(file: string, rules: readonly RegisteredRule[], seen: Set<string> = new Set()): { config: EffectiveConfig; files: string[]; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const files = [file];
  let config = defaultConfig();
  if (seen.has(file)) {
    errors.push({ file, line: 1, column: 1, message: 'extends cycle' });
    return { config, files, errors };
  }
  seen.add(file);
  const raw = readRaw(file, errors);
  if (!raw) return { config, files, errors };
  const v = raw.value;
  if (v === null || v === undefined) return { config, files, errors };
  if (typeof v !== 'object' || Array.isArray(v)) {
    errors.push({ file, line: 1, column: 1, message: 'the config must be a mapping of keys (extends, rules, ignore, policy, suppressions)' });
    return { config, files, errors };
  }
  const obj = v as Record<string, unknown>;
  const known = new Set(['extends', 'rules', 'ignore', 'policy', 'suppressions', 'maxFileSize', '$schema', 'name', 'version', 'description', 'owner']);
  for (const k of Object.keys(obj)) if (!known.has(k)) errors.push({ file, ...raw.at([k]), message: `unknown key "${k}" (expected one of extends, rules, ignore, policy, suppressions)` });

  // extends: base first, later entries override earlier ones, this file overrides all
  const ext = obj.extends === undefined ? [] : Array.isArray(obj.extends) ? obj.extends : [obj.extends];
  ext.forEach((e, i) => {
    const where = raw.at(Array.isArray(obj.extends) ? ['extends', i] : ['extends']);
    if (typeof e !== 'string') {
      errors.push({ file, ...where, message: 'extends entries must be strings' });
      return;
    }
    let base: EffectiveConfig | undefined;
    if (e.startsWith('aisec:')) {
      base = presetConfig(e, rules);
      if (!base) errors.push({ file, ...where, message: `unknown built-in pack "${e}" (known: aisec:recommended, aisec:strict, aisec:all)` });
    } else {
      const target = e.startsWith('.') || path.isAbsolute(e) ? path.resolve(path.dirname(file), e) : resolvePackage(e, path.dirname(file));
      if (!target || !fs.existsSync(target)) {
        errors.push({ file, ...where, message: `cannot find "${e}"` });
      } else {
        const sub = loadConfigFile(target, rules, seen);
        errors.push(...sub.errors);
        files.push(...sub.files);
        base = sub.config;
      }
    }
    if (base) config = merge(config, base);
  });

  const ruleIds = new Set(rules.map((r) => r.meta.id));
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
      }
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string')) errors.push({ file, ...raw.at(['ignore']), message: 'ignore must be a list of glob strings' });
    else config.ignore = [...config.ignore, ...(obj.ignore as string[])];
  }
  if (obj.policy !== undefined) {
    if (typeof obj.policy !== 'object' || obj.policy === null || Array.isArray(obj.policy)) errors.push({ file, ...raw.at(['policy']), message: 'policy must be a mapping (url, rules, categories, owner, owners)' });
    else config.policy = { ...config.policy, ...(obj.policy as EffectiveConfig['policy']) };
  }
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
  return { config, files, errors };
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
    policy: { ...a.policy, ...b.policy },
    suppressions: [...a.suppressions, ...b.suppressions],
    maxFileSize: b.maxFileSize !== defaultConfig().maxFileSize ? b.maxFileSize : a.maxFileSize,
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
export function loadConfigFor(dir: string, root: string | undefined, rules: readonly RegisteredRule[], explicitFile?: string): LoadedConfig {
  const file = explicitFile ?? findConfigFile(dir, root);
  let loaded: LoadedConfig;
  if (!file) loaded = { config: defaultConfig(), files: [], root: root ?? dir, errors: [] };
  else {
    const r = loadConfigFile(path.resolve(file), rules);
    loaded = { config: r.config, files: r.files, root: path.dirname(path.resolve(file)), errors: r.errors };
  }
  loaded.config.today = new Date().toISOString().slice(0, 10);
  return loaded;
}
