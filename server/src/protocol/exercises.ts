/** Wire types of the exercise requests (VS Code Test Explorer <-> language server). See server/src/learning/exercises.ts. */
import type { Grade, Hint } from '../learning/exercises';

export type { Grade, GradeFailure, GradeFinding, Hint } from '../learning/exercises';

/** `aisec/exercises` -> ExerciseInfo[] (built-in exercises: one per rule, plus the AI labs). */
export const LIST_EXERCISES_REQUEST = 'aisec/exercises';
/** `aisec/startExercise` { id, dir } -> { dir, files } (absolute paths of the files to edit). */
export const START_EXERCISE_REQUEST = 'aisec/startExercise';
/** `aisec/gradeExercise` { id, dir } -> Grade. */
export const GRADE_EXERCISE_REQUEST = 'aisec/gradeExercise';
/** `aisec/exerciseHint` { id, dir } -> Hint (the next one, recorded in the scratch folder). */
export const EXERCISE_HINT_REQUEST = 'aisec/exerciseHint';

export interface ExerciseInfo {
  id: string;
  kind: 'rule' | 'lab';
  title: string;
  task: string;
  group: string;
  rules: string[];
  /** Starting files that are graded (relative paths), the first one is opened. */
  files: string[];
  hints: number;
  /** The scratch folder name under the exercises folder. */
  folder: string;
}

export interface ExerciseParams {
  id: string;
  /** The scratch folder (absolute path). */
  dir: string;
}

export interface StartResult { dir: string; files: string[] }
export type GradeResult = Grade;
export type HintResult = Hint;
