/**
 * Exercises graded by the analyzer (issue 9): one per rule (generated from the rule's docs example and the
 * per-rule check table `exercises/rules.json`) and AI labs (`exercises/<name>/exercise.json` + `start/` +
 * `solution/`). The format is documented in exercises/README.md.
 *
 * An exercise passes when its rule(s) no longer fire in the graded files (suppressing does not count) AND its
 * checks hold: checks are data (patterns that must still be present, JSON keys that must still exist, another
 * rule's expectation), never code that runs. Nothing here executes or imports the learner's code.
 * No VS Code here: the CLI (`aisec exercise`), the language server and the tests share it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { effectiveSeverity } from '../engine/config';
import type { Finding, Range } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import { loadConfigFor } from '../packs/config';
import { docExamples, listFiles } from '../packs/fixtures';
import { scanPaths } from '../workspace/scan';

/** One check: what the fix must keep. Exactly one of `pattern`, `json`, `rule`. */
export interface ExerciseCheck {
  /** What must stay, as a noun phrase ("the call to torch.load(path)"); failure: "<keep> is gone: the fix must keep it". */
  keep: string;
  /** Only this graded file (relative path); default: any graded file may satisfy the check. */
  file?: string;
  /** A regular expression (or alternatives: any one) that must match the file's code. */
  pattern?: string | string[];
  /** Regular expression flags (`i`, `m`, `s`). */
  flags?: string;
  /** Match the raw text; by default comments are blanked first (see codeOf). */
  raw?: boolean;
  /** A JSON/JSONC key path (`mcpServers/fetch`, `0/function/description`) that must exist; `pattern` then matches its value (as JSON). */
  json?: string;
  /** Another rule's expectation over the graded files: `fires: false` = no unsuppressed finding of it. */
  rule?: string;
  fires?: boolean;
}

export interface Exercise {
  /** `rule:<rule-id>` or `lab:<name>`. */
  id: string;
  kind: 'rule' | 'lab';
  title: string;
  /** What to do (plain text / Markdown). */
  task: string;
  /** The rule(s) graded: none of them may fire in the graded files. */
  rules: string[];
  /** Grouping for lists and the Test Explorer: "AI labs" or the rule's pack. */
  group: string;
  /** Starting files: relative path -> text. */
  files: Record<string, string>;
  /** Files analysed when grading (relative paths; missing ones are skipped). */
  graded: string[];
  /** A reference solution: relative path -> text (files absent here keep their starting text). */
  solution: Record<string, string>;
  /** Progressive hints; the last one offers the quick fix (or the solution). */
  hints: string[];
  /** What the last hint applies: the rule's quick fix at each finding, or the solution files. */
  assist: 'quickfix' | 'solution';
  checks: ExerciseCheck[];
}

export interface GradeFailure {
  kind: 'missing' | 'parse' | 'config' | 'fires' | 'suppressed' | 'check';
  message: string;
  /** Relative path in the scratch folder and 0-based range, where the failure is. */
  file?: string;
  range?: Range;
}

export interface GradeFinding {
  file: string;
  ruleId: string;
  message: string;
  range: Range;
  suppressed: boolean;
  /** The first fix's title and edits (offsets into the file text), for the last hint. */
  fix?: { title: string; edits: { start: number; end: number; newText: string }[] };
}

export interface Grade {
  id: string;
  passed: boolean;
  failures: GradeFailure[];
  /** Findings of the exercise's rule(s) in the graded files. */
  findings: GradeFinding[];
  /** Hints shown so far (from the scratch manifest) and whether the last one (the quick fix) was used. */
  hints: number;
  assisted: boolean;
}

export interface Hint {
  /** 1-based index of this hint and the total. */
  index: number;
  total: number;
  text: string;
  last: boolean;
  /** On the last hint: the new text of each file the quick fix (or solution) changes. */
  assist?: { title: string; files: Record<string, string> };
}

/** The scratch folder's manifest: which exercise it holds and how many hints were shown. */
export const MANIFEST = '.aisec-exercise.json';
export interface Manifest { id: string; hints: number }

export const LABS_GROUP = 'AI labs';

// ---------------------------------------------------------------------------------------------------------
// Loading

interface RuleEntry { checks: ExerciseCheck[]; title?: string; hints?: string[] }
interface LabJson { id?: string; title: string; task: string; rules: string[]; graded?: string[]; hints: string[]; assist?: 'quickfix' | 'solution'; checks: ExerciseCheck[] }

/** The folder of built-in exercises next to the bundles (dist/ -> ../exercises) or the repository's. */
export function builtinExercisesDir(bundleDir: string): string {
  for (const d of [path.join(bundleDir, '..', 'exercises'), path.join(bundleDir, '..', '..', '..', 'exercises')]) if (fs.existsSync(path.join(d, 'rules.json'))) return d;
  return path.join(bundleDir, '..', 'exercises');
}

function readFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const f of listFiles(dir)) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

/** A Markdown section's text (`## <heading>` up to the next `## `). */
export function docSection(docs: string, heading: string): string {
  const start = docs.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const body = docs.slice(start + heading.length + 5);
  const end = body.indexOf('\n## ');
  return (end < 0 ? body : body.slice(0, end)).trim();
}

function firstParagraph(text: string, max = 500): string {
  const p = text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
  return p.length > max ? `${p.slice(0, max - 1)}…` : p;
}

function ruleExercise(rule: RegisteredRule, entry: RuleEntry): Exercise | string {
  const id = rule.meta.id;
  const ex = docExamples(rule.docs);
  if (!ex.vulnerable || !ex.fixed) return `rule:${id}: the rule's docs have no Vulnerable/Fixed example`;
  if (ex.vulnerable.path !== ex.fixed.path) return `rule:${id}: the docs' examples are different files (${ex.vulnerable.path}, ${ex.fixed.path})`;
  const file = ex.vulnerable.path;
  const assist = rule.meta.fix !== 'none' ? 'quickfix' : 'solution';
  const keep = entry.checks.map((c) => `- ${c.keep}`).join('\n');
  const lang = file.split('.').pop();
  const hints = entry.hints ?? [
    `What fires: ${rule.meta.shortDescription} Why it matters: ${firstParagraph(docSection(rule.docs, 'Why it matters'))}`,
    `How to fix: ${firstParagraph(docSection(rule.docs, 'How to fix').replace(/^- /gm, ''), 700)}`,
    assist === 'quickfix'
      ? 'Last hint: apply the rule\'s quick fix (the exercise then counts as assisted), then read what it changed.'
      : `Last hint: the fixed version (applying it counts as assisted):\n\`\`\`${lang}\n${ex.fixed.code}\`\`\``,
  ];
  return {
    id: `rule:${id}`,
    kind: 'rule',
    title: entry.title ?? rule.meta.shortDescription.replace(/\.$/, ''),
    task: `Fix ${file} so that ${id} no longer reports, without removing what the code does (suppressing does not count).\n\nThe fix must keep:\n${keep}`,
    rules: [id],
    group: rule.pack,
    files: { [file]: ex.vulnerable.code },
    graded: [file],
    solution: { [file]: ex.fixed.code },
    hints,
    assist,
    checks: entry.checks,
  };
}

/**
 * Exercises from folders: each folder may hold `rules.json` (per-rule checks: `{ "<rule-id>": { "checks": [...] } }`)
 * and lab folders `<name>/exercise.json` with `start/` and `solution/`. Later folders override earlier ones by id.
 * Problems (a rule without docs examples, a bad file) are returned, never thrown.
 */
export function loadExercises(dirs: readonly string[], rules: readonly RegisteredRule[]): { exercises: Exercise[]; errors: string[] } {
  const byId = new Map<string, Exercise>();
  const errors: string[] = [];
  const ruleMap = new Map(rules.map((r) => [r.meta.id, r]));
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    const table = path.join(dir, 'rules.json');
    if (fs.existsSync(table)) {
      let entries: Record<string, RuleEntry> = {};
      try {
        entries = JSON.parse(fs.readFileSync(table, 'utf8')) as Record<string, RuleEntry>;
      } catch (e) {
        errors.push(`${table}: ${(e as Error).message}`);
      }
      for (const [id, entry] of Object.entries(entries)) {
        if (id.startsWith('$')) continue;
        const rule = ruleMap.get(id);
        if (!rule) {
          errors.push(`${table}: no rule "${id}"`);
          continue;
        }
        const problem = checkProblems(entry.checks, `${table}: ${id}`);
        if (problem) {
          errors.push(problem);
          continue;
        }
        const ex = ruleExercise(rule, entry);
        if (typeof ex === 'string') errors.push(ex);
        else byId.set(ex.id, ex);
      }
    }
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const json = path.join(dir, e.name, 'exercise.json');
      if (!fs.existsSync(json)) continue;
      let lab: LabJson;
      try {
        lab = JSON.parse(fs.readFileSync(json, 'utf8')) as LabJson;
      } catch (err) {
        errors.push(`${json}: ${(err as Error).message}`);
        continue;
      }
      const id = lab.id ?? `lab:${e.name}`;
      const unknown = lab.rules.filter((r) => !ruleMap.has(r));
      const problem = checkProblems(lab.checks, json) ?? (unknown.length ? `${json}: unknown rule(s) ${unknown.join(', ')}` : undefined) ?? (lab.hints.length ? undefined : `${json}: no hints`);
      if (problem) {
        errors.push(problem);
        continue;
      }
      const files = readFiles(path.join(dir, e.name, 'start'));
      const solution = readFiles(path.join(dir, e.name, 'solution'));
      byId.set(id, {
        id,
        kind: 'lab',
        title: lab.title,
        task: lab.task,
        rules: lab.rules,
        group: LABS_GROUP,
        files,
        graded: lab.graded ?? [...new Set([...Object.keys(files), ...Object.keys(solution)])].sort(),
        solution,
        hints: lab.hints,
        assist: lab.assist ?? 'solution',
        checks: lab.checks,
      });
    }
  }
  const exercises = [...byId.values()].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'lab' ? -1 : 1));
  return { exercises, errors };
}

function checkProblems(checks: ExerciseCheck[] | undefined, where: string): string | undefined {
  if (!Array.isArray(checks) || checks.length === 0) return `${where}: no checks (an exercise must check that the functionality is still there)`;
  for (const c of checks) {
    if (!c.keep) return `${where}: a check without "keep"`;
    const kinds = [c.pattern !== undefined && c.json === undefined, c.json !== undefined, c.rule !== undefined].filter(Boolean).length;
    if (kinds !== 1) return `${where}: check "${c.keep}" needs exactly one of pattern, json, rule`;
    for (const p of c.pattern === undefined ? [] : Array.isArray(c.pattern) ? c.pattern : [c.pattern]) {
      try {
        new RegExp(p, c.flags);
      } catch (e) {
        return `${where}: check "${c.keep}": ${(e as Error).message}`;
      }
    }
  }
  return undefined;
}

/** `rule:x`, `lab:x`, a rule id or a lab name. */
export function findExercise(exercises: readonly Exercise[], key: string): Exercise | undefined {
  return exercises.find((e) => e.id === key) ?? exercises.find((e) => e.id === `rule:${key}`) ?? exercises.find((e) => e.id === `lab:${key}`);
}

/** A folder name for an exercise id (`rule:torch-load-unsafe` -> `rule-torch-load-unsafe`). */
export function scratchName(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

// ---------------------------------------------------------------------------------------------------------
// Scratch folders

function writeFile(dir: string, rel: string, text: string): void {
  const abs = path.join(dir, ...rel.split('/'));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

/**
 * Copy an exercise into `dir` (created; existing exercise files are overwritten): its starting files, a
 * `.aisec.yaml` that turns its rule(s) on (opt-in ones too), `EXERCISE.md` with the task and the manifest.
 */
export function createScratch(ex: Exercise, dir: string, rules: readonly RegisteredRule[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(ex.files)) writeFile(dir, rel, text);
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const yaml = [`# AISec exercise ${ex.id}: its rule(s) are on here, opt-in ones too.`, 'rules:', ...ex.rules.map((r) => `  ${r}: ${byId.get(r)?.meta.severity ?? 'warning'}`), ''];
  writeFile(dir, '.aisec.yaml', yaml.join('\n'));
  writeFile(dir, 'EXERCISE.md', `# ${ex.title}\n\n${ex.task}\n\nFiles: ${ex.graded.filter((f) => f in ex.files).join(', ')}\n\nGrade: \`aisec exercise ${ex.id} --dir .\` (or run it in the Test Explorer). Hints: add \`--hint\`.\n`);
  writeManifest(dir, { id: ex.id, hints: 0 });
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof m.id === 'string' ? { id: m.id, hints: Number(m.hints) || 0 } : undefined;
  } catch {
    return undefined;
  }
}

function writeManifest(dir: string, m: Manifest): void {
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------------------
// Grading

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

const blank = (t: string): string => t.replace(/[^\n]/g, ' ');

/** Python: `#` comments blanked; strings (single, triple) skipped. */
function pythonCode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(text.length, j + (text.startsWith(close, j) ? close.length : 0));
      out += text.slice(i, j);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** JS/TS and JSONC: `//` and block comments blanked; strings and template literals skipped. */
function cStyleCode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(text.length, j + 1);
      out += text.slice(i, j);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The text a pattern check reads: comments blanked (line numbers and offsets kept), so commenting a call out
 * does not keep it: `#` in Python, `//` and block comments in JS/TS and JSON(C), `<!-- -->` in Markdown.
 */
export function codeOf(file: string, text: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.py') return pythonCode(text);
  if (/^\.(m|c)?(j|t)sx?$/.test(ext) || ext === '.json' || ext === '.jsonc') return cStyleCode(text);
  if (ext === '.md' || ext === '.mdc') return text.replace(/<!--[\s\S]*?(-->|$)/g, blank);
  return text;
}

function jsonAt(text: string, keyPath: string): { ok: true; value: unknown } | { ok: false; parses: boolean } {
  const errors: ParseError[] = [];
  let v: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length) return { ok: false, parses: false };
  for (const seg of keyPath.split('/').filter(Boolean)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return { ok: false, parses: true };
    v = (v as Record<string, unknown>)[seg];
  }
  return { ok: true, value: v };
}

/** Where a check was satisfied in the starting files (for a failure's location): file and 0-based line. */
function checkSite(ex: Exercise, c: ExerciseCheck): { file: string; line: number } | undefined {
  if (!c.pattern || c.json) return undefined;
  for (const [file, text] of Object.entries(ex.files)) {
    if (c.file && c.file !== file) continue;
    const code = c.raw ? text : codeOf(file, text);
    for (const p of Array.isArray(c.pattern) ? c.pattern : [c.pattern]) {
      const m = new RegExp(p, c.flags).exec(code);
      if (m) return { file, line: lineOf(code, m.index) };
    }
  }
  return undefined;
}

/** Does the check hold over the graded texts (relative path -> text) and their findings? */
export function checkHolds(c: ExerciseCheck, texts: Record<string, string>, findings: readonly { file: string; ruleId: string; suppressed: boolean }[]): boolean {
  if (c.rule) {
    const fires = findings.some((f) => f.ruleId === c.rule && !f.suppressed && (!c.file || f.file === c.file));
    return fires === (c.fires ?? true);
  }
  const patterns = c.pattern === undefined ? [] : Array.isArray(c.pattern) ? c.pattern : [c.pattern];
  for (const [file, text] of Object.entries(texts)) {
    if (c.file && c.file !== file) continue;
    if (c.json !== undefined) {
      const at = jsonAt(text, c.json);
      if (!at.ok) continue;
      if (!patterns.length) return true;
      const s = JSON.stringify(at.value);
      if (patterns.some((p) => new RegExp(p, c.flags).test(s))) return true;
      continue;
    }
    const code = c.raw ? text : codeOf(file, text);
    if (patterns.some((p) => new RegExp(p, c.flags).test(code))) return true;
  }
  return false;
}

/**
 * Grade the scratch folder `dir` for `ex`: its graded files are analysed with the same engine and config
 * lookup as `aisec scan` (rooted at `dir`, so its `.aisec.yaml` applies). The analyzers must be initialised.
 */
export function gradeExercise(ex: Exercise, dir: string, rules: readonly RegisteredRule[], opts: { today?: string } = {}): Grade {
  const failures: GradeFailure[] = [];
  const texts: Record<string, string> = {};
  for (const rel of ex.graded) {
    const abs = path.join(dir, ...rel.split('/'));
    if (fs.existsSync(abs)) texts[rel] = fs.readFileSync(abs, 'utf8');
    else if (rel in ex.files) failures.push({ kind: 'missing', message: `${rel} is missing: fix the file, do not delete it` });
  }
  const abs = Object.keys(texts).map((rel) => path.join(dir, ...rel.split('/')));
  const scan = abs.length ? scanPaths(abs, { root: dir, rules, today: opts.today }) : undefined;
  const loaded = loadConfigFor(dir, dir, rules);
  const byId = new Map(loaded.rules.map((r) => [r.meta.id, r]));
  for (const id of ex.rules) {
    const r = byId.get(id);
    if (!r) failures.push({ kind: 'config', message: `the rule ${id} is not available` });
    else if (effectiveSeverity(loaded.config, id, r.meta.severity, r.meta.optIn) === 'off') failures.push({ kind: 'config', message: `${id} is turned off in the exercise's .aisec.yaml: turn it back on (the exercise is passed by fixing the code)` });
  }
  const all: GradeFinding[] = [];
  for (const f of scan?.files ?? []) {
    const rel = path.relative(dir, f.abs).split(path.sep).join('/');
    // a depth cut (analysis-incomplete) is not a syntax error: it is graded as that rule's finding
    const parse = f.result.errors.find((e) => e.kind === 'parse' && !e.incomplete);
    if (parse) {
      const line = parse.start !== undefined ? lineOf(f.text, parse.start) : 0;
      failures.push({ kind: 'parse', message: `${rel} no longer parses (line ${line + 1}: ${parse.message})`, file: rel, range: lineRange(line) });
    }
    for (const x of f.result.findings) all.push(gradeFinding(rel, x));
  }
  for (const s of scan?.skipped ?? []) failures.push({ kind: 'missing', message: `${s.file} was not analysed: ${s.reason}` });
  const findings = all.filter((x) => ex.rules.includes(x.ruleId));
  for (const x of findings) {
    const where = `${x.file}:${x.range.start.line + 1}`;
    if (x.suppressed) failures.push({ kind: 'suppressed', message: `${x.ruleId} is suppressed at ${where}: an exercise is passed by fixing the code, not by suppressing the finding`, file: x.file, range: x.range });
    else failures.push({ kind: 'fires', message: `${x.ruleId} still fires at ${where}: ${x.message}`, file: x.file, range: x.range });
  }
  for (const c of ex.checks) {
    if (checkHolds(c, texts, all)) continue;
    const site = checkSite(ex, c);
    const message = c.rule ? `${c.keep}: ${c.rule} ${c.fires === false ? 'reports' : 'no longer reports'} here` : `${c.keep} is gone: the fix must keep it`;
    failures.push({ kind: 'check', message, file: site?.file ?? c.file ?? ex.graded[0], range: lineRange(site?.line ?? 0) });
  }
  const manifest = readManifest(dir);
  const hints = manifest?.id === ex.id ? manifest.hints : 0;
  return { id: ex.id, passed: failures.length === 0, failures, findings, hints, assisted: hints >= ex.hints.length };
}

function gradeFinding(file: string, x: Finding): GradeFinding {
  const fix = x.fixes[0];
  return { file, ruleId: x.ruleId, message: x.message, range: x.range, suppressed: !!x.suppression, fix: fix && { title: fix.title, edits: fix.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })) } };
}

/** Apply non-overlapping offset edits, last first (duplicates once). */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const seen = new Set<string>();
  const sorted = edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * What the last hint applies to the scratch folder: the first fix of every unsuppressed finding of the
 * exercise's rule(s) when it offers quick fixes and they exist, otherwise the solution files.
 */
export function assistFor(ex: Exercise, dir: string, rules: readonly RegisteredRule[]): { title: string; files: Record<string, string> } {
  if (ex.assist === 'quickfix') {
    const grade = gradeExercise(ex, dir, rules);
    const withFix = grade.findings.filter((f) => !f.suppressed && f.fix);
    if (withFix.length) {
      const files: Record<string, string> = {};
      for (const file of new Set(withFix.map((f) => f.file))) {
        const text = fs.readFileSync(path.join(dir, ...file.split('/')), 'utf8');
        files[file] = applyOffsetEdits(text, withFix.filter((f) => f.file === file).flatMap((f) => f.fix!.edits));
      }
      return { title: `Quick fix: ${[...new Set(withFix.map((f) => f.fix!.title))].join('; ')}`, files };
    }
  }
  return { title: 'Apply the solution', files: { ...ex.solution } };
}

/** The next hint (recorded in the scratch manifest); the last one carries the quick fix / solution to apply. */
export function nextHint(ex: Exercise, dir: string, rules: readonly RegisteredRule[]): Hint {
  const m = readManifest(dir);
  const shown = m?.id === ex.id ? m.hints : 0;
  const index = Math.min(shown + 1, ex.hints.length);
  writeManifest(dir, { id: ex.id, hints: Math.max(shown, index) });
  const last = index === ex.hints.length;
  return { index, total: ex.hints.length, text: ex.hints[index - 1], last, assist: last ? assistFor(ex, dir, rules) : undefined };
}

/** Write the last hint's files into the scratch folder (the CLI's `--hint --apply`, tests). */
export function applyAssist(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) writeFile(dir, rel, text);
}
