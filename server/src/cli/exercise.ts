/**
 * `aisec exercise`: the exercises of issue 9 in a terminal, graded like the Test Explorer (server/src/learning).
 *   aisec exercise --list [--format json]
 *   aisec exercise RULE|ID [--dir DIR]        copy the exercise into a new scratch folder (or into DIR when it is
 *                                             missing or empty) and print what to do
 *   aisec exercise [RULE|ID] --dir DIR        grade DIR (exit 0 passed, 1 not yet); the id defaults to DIR's manifest
 *   aisec exercise [RULE|ID] --dir DIR --hint [--apply]
 *                                             the next hint; the last one shows the quick fix (or solution), --apply writes it
 * Nothing in the scratch folder is executed: grading is the analyzer plus the exercise's data checks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { builtinRules } from '../engine/registry';
import type { Exercise, Grade } from '../learning/exercises';
import { applyAssist, builtinExercisesDir, createScratch, findExercise, gradeExercise, loadExercises, nextHint, readManifest, scratchName } from '../learning/exercises';
import { UsageError } from './args';

type Flags = Map<string, string | true>;

function flag(flags: Flags, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

export function formatGrade(ex: Exercise, g: Grade): string {
  const lines = [`${g.passed ? 'PASS' : 'FAIL'} ${ex.id}: ${ex.title}${g.passed && g.assisted ? ' (assisted: the last hint was used)' : ''}`];
  for (const f of g.failures) lines.push(`  ${f.file && f.range ? `${f.file}:${f.range.start.line + 1}: ` : ''}${f.message}`);
  if (!g.passed) lines.push(`  hints used: ${g.hints}/${ex.hints.length}; next hint: --hint`);
  return lines.join('\n') + '\n';
}

export async function exerciseCommand(positionals: string[], flags: Flags): Promise<number> {
  const format = flag(flags, '--format') ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`exercise: --format must be text or json (got "${format}")`);
  const { exercises, errors } = loadExercises([builtinExercisesDir(__dirname)], builtinRules);
  for (const e of errors) process.stderr.write(`aisec: warning: ${e}\n`);

  if (flags.has('--list')) {
    if (format === 'json') {
      process.stdout.write(JSON.stringify({ exercises: exercises.map((e) => ({ id: e.id, title: e.title, group: e.group, rules: e.rules })) }, null, 2) + '\n');
      return 0;
    }
    let group = '';
    for (const e of [...exercises].sort((a, b) => (a.group === b.group ? 0 : a.group === 'AI labs' ? -1 : b.group === 'AI labs' ? 1 : a.group.localeCompare(b.group)))) {
      if (e.group !== group) process.stdout.write(`${group ? '\n' : ''}${(group = e.group)}:\n`);
      process.stdout.write(`  ${e.id.padEnd(48)} ${e.title}\n`);
    }
    process.stdout.write(`\n${exercises.length} exercises. Start one: aisec exercise ID\n`);
    return 0;
  }

  if (positionals.length > 1) throw new UsageError('exercise: one exercise at a time');
  const dirFlag = flag(flags, '--dir');
  const dir = dirFlag ? path.resolve(dirFlag) : undefined;
  const manifest = dir ? readManifest(dir) : undefined;
  const key = positionals[0] ?? manifest?.id;
  if (!key) throw new UsageError(dir ? `exercise: ${dir} holds no exercise; name one (aisec exercise --list)` : 'exercise: name an exercise (a rule id, rule:<id> or lab:<name>; see aisec exercise --list)');
  const ex = findExercise(exercises, key);
  if (!ex) throw new UsageError(`exercise: no exercise "${key}" (see aisec exercise --list)`);

  // start: a new scratch folder, or DIR when it is missing or empty
  if (!dir || (!manifest && isEmptyDir(dir))) {
    if (flags.has('--hint')) throw new UsageError('exercise: --hint needs --dir (the scratch folder of a started exercise)');
    const target = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), `aisec-${scratchName(ex.id)}-`));
    createScratch(ex, target, builtinRules);
    const files = ex.graded.filter((f) => f in ex.files).map((f) => path.join(target, f));
    process.stdout.write(`${ex.title} (${ex.id})\n\n${ex.task}\n\nScratch folder: ${target}\nEdit: ${files.join(', ')}\nGrade: aisec exercise ${ex.id} --dir ${target}\nHint:  aisec exercise ${ex.id} --dir ${target} --hint\n`);
    return 0;
  }
  if (manifest && manifest.id !== ex.id) throw new UsageError(`exercise: ${dir} holds ${manifest.id}, not ${ex.id}`);
  if (!manifest) throw new UsageError(`exercise: ${dir} is not an exercise scratch folder (no .aisec-exercise.json) and is not empty`);

  await initAnalyzers(__dirname);
  if (flags.has('--hint')) {
    const h = nextHint(ex, dir, builtinRules);
    process.stdout.write(`Hint ${h.index}/${h.total}: ${h.text}\n`);
    if (h.assist) {
      process.stdout.write(`\n${h.assist.title}:\n`);
      for (const [rel, text] of Object.entries(h.assist.files)) process.stdout.write(previewDiff(rel, readOr(path.join(dir, rel)), text));
      if (flags.has('--apply')) {
        applyAssist(dir, h.assist.files);
        process.stdout.write(`\nApplied to ${dir}. Grade it: aisec exercise ${ex.id} --dir ${dir}\n`);
      } else process.stdout.write(`\nApply it: aisec exercise ${ex.id} --dir ${dir} --hint --apply (the pass then counts as assisted)\n`);
    }
    return 0;
  }
  const grade = gradeExercise(ex, dir, builtinRules);
  process.stdout.write(format === 'json' ? JSON.stringify(grade, null, 2) + '\n' : formatGrade(ex, grade));
  return grade.passed ? 0 : 1;
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The changed lines of a file as `-`/`+` lines with their line numbers (an LCS line diff; exercise files are small). */
export function previewDiff(rel: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > 1_000_000) return `--- ${rel}\n(${b.length} lines)\n`;
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [`--- ${rel}`];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`${String(i + 1).padStart(4)} - ${a[i++]}`);
    else out.push(`${String(j + 1).padStart(4)} + ${b[j++]}`);
  }
  return out.join('\n') + '\n';
}
