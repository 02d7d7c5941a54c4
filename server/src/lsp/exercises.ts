/** The exercise requests of the language server (registered with one line in server.ts). Grading never runs the code. */
import * as path from 'path';
import type { Connection } from 'vscode-languageserver/node';
import { ResponseError } from 'vscode-languageserver/node';
import { builtinRules } from '../engine/registry';
import type { Exercise } from '../learning/exercises';
import { builtinExercisesDir, createScratch, findExercise, gradeExercise, loadExercises, nextHint, scratchName } from '../learning/exercises';
import type { ExerciseInfo, ExerciseParams, GradeResult, HintResult, StartResult } from '../protocol/exercises';
import { EXERCISE_HINT_REQUEST, GRADE_EXERCISE_REQUEST, LIST_EXERCISES_REQUEST, START_EXERCISE_REQUEST } from '../protocol/exercises';

export function registerExerciseRequests(connection: Connection, ready: Promise<unknown>, bundleDir: string): void {
  let cache: Exercise[] | undefined;
  const exercises = (): Exercise[] => {
    if (!cache) {
      const loaded = loadExercises([builtinExercisesDir(bundleDir)], builtinRules);
      for (const e of loaded.errors) connection.console.warn(`[aisec] exercises: ${e}`);
      cache = loaded.exercises;
    }
    return cache;
  };
  const find = (p: ExerciseParams): Exercise => {
    const ex = findExercise(exercises(), p.id);
    if (!ex) throw new ResponseError(1, `no exercise "${p.id}"`);
    if (!p.dir || !path.isAbsolute(p.dir)) throw new ResponseError(2, 'the scratch folder must be an absolute path');
    return ex;
  };
  connection.onRequest(LIST_EXERCISES_REQUEST, (): ExerciseInfo[] =>
    exercises().map((e) => ({ id: e.id, kind: e.kind, title: e.title, task: e.task, group: e.group, rules: e.rules, files: e.graded.filter((f) => f in e.files), hints: e.hints.length, folder: scratchName(e.id) })),
  );
  connection.onRequest(START_EXERCISE_REQUEST, (p: ExerciseParams): StartResult => {
    const ex = find(p);
    createScratch(ex, p.dir, builtinRules);
    return { dir: p.dir, files: ex.graded.filter((f) => f in ex.files).map((f) => path.join(p.dir, ...f.split('/'))) };
  });
  connection.onRequest(GRADE_EXERCISE_REQUEST, async (p: ExerciseParams): Promise<GradeResult> => {
    const ex = find(p);
    await ready;
    return gradeExercise(ex, p.dir, builtinRules);
  });
  connection.onRequest(EXERCISE_HINT_REQUEST, async (p: ExerciseParams): Promise<HintResult> => {
    const ex = find(p);
    await ready;
    return nextHint(ex, p.dir, builtinRules);
  });
}
