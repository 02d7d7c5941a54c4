/**
 * Team learning paths: the `learning:` section of `.aisec.yaml` and of rule packs.
 *
 * ```yaml
 * learning:
 *   paths:
 *     - id: onboarding
 *       title: AI security onboarding
 *       modules:
 *         - id: prompts
 *           title: Keep user input out of system prompts
 *           rules: [prompt-injection-system-prompt]
 *           exercises: [rule:prompt-injection-system-prompt, lab:system-prompt-user-input]
 *           notes: Read our prompt guidelines first.
 *           due: 2027-03-31
 *           required: true
 * ```
 * Pure: parsing reports problems through callbacks with the key path (the config loader turns them into
 * file:line:column errors); paths from a pack get pack-qualified ids (`<pack>/<id>`).
 */

export interface LearningModule {
  id: string;
  title: string;
  /** Rule ids whose lessons belong to the module. */
  rules: string[];
  /** Exercise ids: `rule:<rule-id>` or `lab:<name>`. */
  exercises: string[];
  notes?: string;
  /** YYYY-MM-DD. */
  due?: string;
  /** Default true. */
  required: boolean;
}

export interface LearningPath {
  /** Unique in the effective config; `<pack>/<id>` for paths contributed by a pack. */
  id: string;
  title: string;
  description?: string;
  /** The pack that contributed the path (absent for the workspace's own config). */
  pack?: string;
  modules: LearningModule[];
}

export interface LearningConfig {
  paths: LearningPath[];
}

export type KeyPath = (string | number)[];

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const EXERCISE = /^(rule|lab):[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PATH_KEYS = ['id', 'title', 'description', 'modules'];
const MODULE_KEYS = ['id', 'title', 'rules', 'exercises', 'notes', 'due', 'required'];

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

export interface LearningParseContext {
  /** Rule ids known to the config (built-ins and pack definitions). Unknown ones are warnings. */
  ruleIds: ReadonlySet<string>;
  /** Set when the file is a pack reached through `extends`: its path ids are qualified `<pack>/<id>`. */
  pack?: string;
  error: (keys: KeyPath, message: string) => void;
  warning: (keys: KeyPath, message: string) => void;
}

/** Parse a `learning:` value. Invalid entries are reported and left out; valid ones are kept. */
export function parseLearning(v: unknown, ctx: LearningParseContext): LearningConfig {
  const out: LearningConfig = { paths: [] };
  if (!isMapping(v)) {
    ctx.error([], 'learning must be a mapping with a "paths" list');
    return out;
  }
  for (const k of Object.keys(v)) if (k !== 'paths') ctx.error([k], `unknown key "${k}" in learning (expected paths)`);
  if (v.paths === undefined) return out;
  if (!Array.isArray(v.paths)) {
    ctx.error(['paths'], 'learning.paths must be a list of { id, title, modules }');
    return out;
  }
  const seen = new Set<string>();
  v.paths.forEach((p, i) => {
    const at = (...keys: KeyPath): KeyPath => ['paths', i, ...keys];
    const parsed = parsePath(p, at, ctx);
    if (!parsed) return;
    if (seen.has(parsed.id)) {
      ctx.error(at('id'), `duplicate learning path id "${parsed.id}"`);
      return;
    }
    seen.add(parsed.id);
    out.paths.push(ctx.pack ? { ...parsed, id: `${ctx.pack}/${parsed.id}`, pack: ctx.pack } : parsed);
  });
  return out;
}

function parsePath(p: unknown, at: (...keys: KeyPath) => KeyPath, ctx: LearningParseContext): LearningPath | undefined {
  if (!isMapping(p)) {
    ctx.error(at(), 'each learning path is a mapping { id, title, modules }');
    return undefined;
  }
  for (const k of Object.keys(p)) if (!PATH_KEYS.includes(k)) ctx.error(at(k), `unknown key "${k}" in a learning path (expected ${PATH_KEYS.join(', ')})`);
  if (typeof p.id !== 'string' || !ID.test(p.id)) {
    ctx.error(p.id === undefined ? at() : at('id'), 'a learning path needs an id (letters, digits, ".", "_" or "-")');
    return undefined;
  }
  const title = typeof p.title === 'string' && p.title.trim() ? p.title : undefined;
  if (p.title !== undefined && !title) ctx.error(at('title'), `learning path "${p.id}": title must be a non-empty string`);
  if (p.description !== undefined && typeof p.description !== 'string') ctx.error(at('description'), `learning path "${p.id}": description must be a string`);
  const path: LearningPath = { id: p.id, title: title ?? p.id, modules: [] };
  if (typeof p.description === 'string') path.description = p.description;
  if (!Array.isArray(p.modules)) {
    ctx.error(at(p.modules === undefined ? 'id' : 'modules'), `learning path "${p.id}": modules must be a list of { id, title, rules, exercises, notes, due, required }`);
    return path;
  }
  const seen = new Set<string>();
  p.modules.forEach((m, j) => {
    const mod = parseModule(m, (...keys) => at('modules', j, ...keys), `learning path "${p.id}"`, ctx);
    if (!mod) return;
    if (seen.has(mod.id)) {
      ctx.error(at('modules', j, 'id'), `learning path "${p.id}": duplicate module id "${mod.id}"`);
      return;
    }
    seen.add(mod.id);
    path.modules.push(mod);
  });
  return path;
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

function parseModule(m: unknown, at: (...keys: KeyPath) => KeyPath, where: string, ctx: LearningParseContext): LearningModule | undefined {
  if (!isMapping(m)) {
    ctx.error(at(), `${where}: each module is a mapping { id, title, rules, exercises, notes, due, required }`);
    return undefined;
  }
  for (const k of Object.keys(m)) if (!MODULE_KEYS.includes(k)) ctx.error(at(k), `unknown key "${k}" in a learning module (expected ${MODULE_KEYS.join(', ')})`);
  if (typeof m.id !== 'string' || !ID.test(m.id)) {
    ctx.error(m.id === undefined ? at() : at('id'), `${where}: a module needs an id (letters, digits, ".", "_" or "-")`);
    return undefined;
  }
  const name = `${where}, module "${m.id}"`;
  const title = typeof m.title === 'string' && m.title.trim() ? m.title : undefined;
  if (m.title !== undefined && !title) ctx.error(at('title'), `${name}: title must be a non-empty string`);
  const mod: LearningModule = { id: m.id, title: title ?? m.id, rules: [], exercises: [], required: true };
  if (m.rules !== undefined) {
    const list = stringList(m.rules);
    if (!list) ctx.error(at('rules'), `${name}: rules must be a list of rule ids`);
    else
      list.forEach((id, k) => {
        if (!ctx.ruleIds.has(id)) ctx.warning(Array.isArray(m.rules) ? at('rules', k) : at('rules'), `${name}: unknown rule "${id}"`);
        if (!mod.rules.includes(id)) mod.rules.push(id);
      });
  }
  if (m.exercises !== undefined) {
    const list = stringList(m.exercises);
    if (!list) ctx.error(at('exercises'), `${name}: exercises must be a list of ids (rule:<rule-id> or lab:<name>)`);
    else
      list.forEach((id, k) => {
        const keys = Array.isArray(m.exercises) ? at('exercises', k) : at('exercises');
        if (!EXERCISE.test(id)) {
          ctx.error(keys, `${name}: exercise "${id}" must be rule:<rule-id> or lab:<name>`);
          return;
        }
        if (id.startsWith('rule:') && !ctx.ruleIds.has(id.slice(5))) ctx.warning(keys, `${name}: exercise "${id}" names an unknown rule`);
        if (!mod.exercises.includes(id)) mod.exercises.push(id);
      });
  }
  if (m.notes !== undefined) {
    if (typeof m.notes === 'string') mod.notes = m.notes;
    else ctx.error(at('notes'), `${name}: notes must be a string`);
  }
  if (m.due !== undefined) {
    // YAML 1.1 loaders may hand a timestamp; ours keeps strings, but accept a Date at midnight UTC too
    const due = m.due instanceof Date && !isNaN(m.due.getTime()) ? m.due.toISOString().slice(0, 10) : m.due;
    if (typeof due === 'string' && isIsoDate(due)) mod.due = due;
    else ctx.error(at('due'), `${name}: due must be a date written YYYY-MM-DD (got ${JSON.stringify(typeof due === 'string' ? due : m.due)})`);
  }
  if (m.required !== undefined) {
    if (typeof m.required === 'boolean') mod.required = m.required;
    else ctx.error(at('required'), `${name}: required must be true or false`);
  }
  return mod;
}

/**
 * `b` (nearer) over `a` (what it extends): paths keep their first position; a path with the same id
 * replaces the earlier one in place; new ones are appended. Deterministic: only the order of `extends`
 * and of the files decides.
 */
export function mergeLearning(a: LearningConfig | undefined, b: LearningConfig | undefined): LearningConfig | undefined {
  if (!a) return b;
  if (!b) return a;
  const paths = [...a.paths];
  for (const p of b.paths) {
    const i = paths.findIndex((x) => x.id === p.id);
    if (i >= 0) paths[i] = p;
    else paths.push(p);
  }
  return { paths };
}
