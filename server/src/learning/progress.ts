/**
 * Learning progress, pure: the shape kept in the user's own storage (VS Code globalState key
 * `aisec.learning.progress`), the exported file `.aisec/progress/<name>.json`, recording, merging and the
 * state of each module of a learning path. No clock and no fs: the caller passes `now` / `today`.
 * Shared by the VS Code client (client/src/learning/progress.ts) and the CLI (`aisec report --learning`).
 */
import type { LearningModule, LearningPath } from './paths';
import { isIsoDate } from './paths';

export const PROGRESS_STATE_KEY = 'aisec.learning.progress';
/** Where exported progress files live, relative to the workspace (or scan) root. */
export const PROGRESS_DIR = '.aisec/progress';

export interface ExerciseProgress {
  status: 'passed' | 'failed';
  /** ISO timestamp of the first pass. */
  passedAt?: string;
  attempts: number;
  /** Hints revealed (the most in any attempt up to the first pass). */
  hints: number;
  /** The pass used the quick fix offered by the last hint. */
  assisted: boolean;
}

export interface LearningProgress {
  version: 1;
  exercises: Record<string, ExerciseProgress>;
  /** Rule id -> first time its lesson was opened. */
  lessons: Record<string, { openedAt: string }>;
}

/** `.aisec/progress/<name>.json` (schemas/aisec-progress.schema.json). */
export interface ExportedProgress extends LearningProgress {
  learner: string;
  exportedAt: string;
}

export interface ExerciseResult {
  passed: boolean;
  hints: number;
  assisted: boolean;
}

export function emptyProgress(): LearningProgress {
  return { version: 1, exercises: {}, lessons: {} };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

/**
 * Read progress from storage or a file, strictly: the problems found (with their JSON path) and what is
 * valid. Entries with an unsafe key (`__proto__`, spaces, markup) are dropped.
 */
export function validateProgress(v: unknown): { progress: LearningProgress; problems: string[] } {
  const problems: string[] = [];
  const progress = emptyProgress();
  if (!isRecord(v)) return { progress, problems: ['expected a JSON object { version: 1, exercises, lessons }'] };
  if (v.version !== 1) problems.push(`version: expected 1 (got ${JSON.stringify(v.version) ?? 'nothing'})`);
  const ex = v.exercises ?? {};
  if (!isRecord(ex)) problems.push('exercises: expected an object keyed by exercise id');
  else
    for (const [id, e] of Object.entries(ex)) {
      if (!SAFE_KEY.test(id)) {
        problems.push(`exercises: invalid exercise id ${JSON.stringify(id)}`);
        continue;
      }
      if (!isRecord(e) || (e.status !== 'passed' && e.status !== 'failed')) {
        problems.push(`exercises.${id}: expected { status: "passed" | "failed", attempts, hints, assisted }`);
        continue;
      }
      const rec: ExerciseProgress = { status: e.status, attempts: count(e.attempts), hints: count(e.hints), assisted: e.assisted === true };
      if (e.passedAt !== undefined) {
        if (typeof e.passedAt === 'string' && ISO_TIME.test(e.passedAt)) rec.passedAt = e.passedAt;
        else problems.push(`exercises.${id}.passedAt: expected an ISO date-time`);
      }
      progress.exercises[id] = rec;
    }
  const ls = v.lessons ?? {};
  if (!isRecord(ls)) problems.push('lessons: expected an object keyed by rule id');
  else
    for (const [id, l] of Object.entries(ls)) {
      if (!SAFE_KEY.test(id)) {
        problems.push(`lessons: invalid rule id ${JSON.stringify(id)}`);
        continue;
      }
      if (!isRecord(l) || typeof l.openedAt !== 'string' || !ISO_TIME.test(l.openedAt)) {
        problems.push(`lessons.${id}: expected { openedAt: ISO date-time }`);
        continue;
      }
      progress.lessons[id] = { openedAt: l.openedAt };
    }
  return { progress, problems };
}

/** Whatever storage holds, as progress (tolerant: bad entries are dropped, never thrown). */
export function normalizeProgress(v: unknown): LearningProgress {
  return validateProgress(v).progress;
}

/** Record one graded attempt. A pass is kept once earned: later attempts only count. */
export function withExercise(p: LearningProgress, id: string, r: ExerciseResult, now: string): LearningProgress {
  const prev = p.exercises[id];
  const hints = Math.max(prev?.hints ?? 0, count(r.hints));
  let next: ExerciseProgress;
  if (prev?.status === 'passed') next = { ...prev, attempts: prev.attempts + 1 };
  else if (r.passed) next = { status: 'passed', passedAt: now, attempts: (prev?.attempts ?? 0) + 1, hints, assisted: !!r.assisted };
  else next = { status: 'failed', attempts: (prev?.attempts ?? 0) + 1, hints, assisted: false };
  return { ...p, exercises: { ...p.exercises, [id]: next } };
}

/** Record that a rule's lesson was opened (the first time counts). */
export function withLesson(p: LearningProgress, ruleId: string, now: string): LearningProgress {
  if (p.lessons[ruleId]) return p;
  return { ...p, lessons: { ...p.lessons, [ruleId]: { openedAt: now } } };
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Two records of the same learner (two machines, an imported file): passes win, the earliest times are kept. */
export function mergeProgress(a: LearningProgress, b: LearningProgress): LearningProgress {
  const out = emptyProgress();
  for (const id of [...new Set([...Object.keys(a.exercises), ...Object.keys(b.exercises)])].sort()) {
    const x = a.exercises[id];
    const y = b.exercises[id];
    if (!x || !y) {
      out.exercises[id] = { ...(x ?? y)! };
      continue;
    }
    const attempts = Math.max(x.attempts, y.attempts);
    if (x.status === 'passed' && y.status === 'passed') {
      const first = earlier(x.passedAt, y.passedAt) === x.passedAt ? x : y;
      out.exercises[id] = { ...first, attempts };
    } else if (x.status === 'passed' || y.status === 'passed') out.exercises[id] = { ...(x.status === 'passed' ? x : y), attempts };
    else out.exercises[id] = { status: 'failed', attempts, hints: Math.max(x.hints, y.hints), assisted: false };
  }
  for (const id of [...new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])].sort()) out.lessons[id] = { openedAt: earlier(a.lessons[id]?.openedAt, b.lessons[id]?.openedAt)! };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Module and path states

export type ModuleState = 'not-started' | 'in-progress' | 'done' | 'overdue';

export const MODULE_STATE_LABELS: Record<ModuleState, string> = { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', overdue: 'overdue' };

export interface ItemStatus {
  kind: 'lesson' | 'exercise';
  /** Rule id (lesson) or exercise id. */
  id: string;
  done: boolean;
  /** Touched but not done (a failed attempt). */
  started: boolean;
  /** When it was done: the lesson's first opening, the exercise's first pass. */
  at?: string;
  attempts?: number;
  hints?: number;
  assisted?: boolean;
}

export interface ModuleStatus {
  moduleId: string;
  state: ModuleState;
  required: boolean;
  due?: string;
  /** Done and past due when not done; a module done late is done (completedAt tells when). */
  overdue: boolean;
  /** When the last item was done (only when done). */
  completedAt?: string;
  itemsDone: number;
  itemsTotal: number;
  /** Hints over the module's exercises. */
  hints: number;
  /** Some exercise was passed with the quick fix of the last hint. */
  assisted: boolean;
  items: ItemStatus[];
}

/** The items of a module: each rule's lesson (done when opened, or when its `rule:` exercise passed), then its exercises. */
export function moduleItems(m: LearningModule, p: LearningProgress): ItemStatus[] {
  const items: ItemStatus[] = [];
  for (const ruleId of m.rules) {
    const opened = p.lessons[ruleId]?.openedAt;
    const ex = p.exercises[`rule:${ruleId}`];
    const passedAt = ex?.status === 'passed' ? ex.passedAt : undefined;
    const done = !!opened || ex?.status === 'passed';
    items.push({ kind: 'lesson', id: ruleId, done, started: done || !!ex, at: done ? earlier(opened, passedAt) : undefined });
  }
  for (const id of m.exercises) {
    const ex = p.exercises[id];
    const done = ex?.status === 'passed';
    items.push({ kind: 'exercise', id, done, started: !!ex, at: done ? ex.passedAt : undefined, attempts: ex?.attempts ?? 0, hints: ex?.hints ?? 0, assisted: !!ex?.assisted });
  }
  return items;
}

/** `today` is YYYY-MM-DD (the caller's clock): a module not done after its due day is overdue. */
export function moduleStatus(m: LearningModule, p: LearningProgress, today: string): ModuleStatus {
  const items = moduleItems(m, p);
  const itemsDone = items.filter((i) => i.done).length;
  const done = items.length > 0 && itemsDone === items.length;
  const overdue = !done && !!m.due && isIsoDate(today) && today > m.due;
  const state: ModuleState = done ? 'done' : overdue ? 'overdue' : items.some((i) => i.started) ? 'in-progress' : 'not-started';
  let completedAt: string | undefined;
  if (done) for (const i of items) if (i.at && (!completedAt || Date.parse(i.at) > Date.parse(completedAt))) completedAt = i.at;
  const exercises = items.filter((i) => i.kind === 'exercise');
  return {
    moduleId: m.id,
    state,
    required: m.required,
    due: m.due,
    overdue,
    completedAt,
    itemsDone,
    itemsTotal: items.length,
    hints: exercises.reduce((n, i) => n + (i.hints ?? 0), 0),
    assisted: exercises.some((i) => i.done && i.assisted),
    items,
  };
}

export interface PathStatus {
  pathId: string;
  modules: ModuleStatus[];
  /** Required modules done / required modules. */
  requiredDone: number;
  requiredTotal: number;
  /** All required modules done (a path with only optional modules: all of them). */
  done: boolean;
}

export function pathStatus(path: LearningPath, p: LearningProgress, today: string): PathStatus {
  const modules = path.modules.map((m) => moduleStatus(m, p, today));
  const required = modules.filter((m) => m.required);
  const counted = required.length ? required : modules;
  const requiredDone = required.filter((m) => m.state === 'done').length;
  return { pathId: path.id, modules, requiredDone, requiredTotal: required.length, done: counted.length > 0 && counted.every((m) => m.state === 'done') };
}

// ---------------------------------------------------------------------------------------------
// Exported files

/** A file name for a learner: letters, digits, ".", "_" and "-" (others become "-"), never empty or hidden. */
export function learnerFileName(learner: string): string {
  const base = learner
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
  return `${base || 'learner'}.json`;
}

export function exportProgress(p: LearningProgress, learner: string, now: string): ExportedProgress {
  return { version: 1, learner: learner.trim(), exportedAt: now, exercises: p.exercises, lessons: p.lessons };
}

/**
 * Parse an exported progress file. Problems make it malformed (`error`): the file is reported, never half-read,
 * so a champion does not credit a learner for entries a broken file would hide.
 */
export function parseExportedProgress(text: string): { value: ExportedProgress } | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  if (!isRecord(v)) return { error: 'expected a JSON object { version, learner, exportedAt, exercises, lessons }' };
  const problems: string[] = [];
  if (typeof v.learner !== 'string' || !v.learner.trim()) problems.push('learner: expected a non-empty string');
  if (typeof v.exportedAt !== 'string' || !ISO_TIME.test(v.exportedAt)) problems.push('exportedAt: expected an ISO date-time');
  const r = validateProgress(v);
  problems.push(...r.problems);
  if (problems.length) return { error: problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '') };
  return { value: { ...r.progress, learner: (v.learner as string).trim(), exportedAt: v.exportedAt as string } };
}
