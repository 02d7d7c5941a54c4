/**
 * Learning progress in the user's own storage (context.globalState, key `aisec.learning.progress`, version 1).
 * Minimal version with the contract's signatures (ISSUE9-CONTRACTS.md); the paths helper owns the full module.
 */
import { EventEmitter } from 'vscode';
import type { Event, ExtensionContext } from 'vscode';

export interface ExerciseProgress {
  status: 'passed' | 'failed';
  passedAt?: string;
  attempts: number;
  hints: number;
  assisted: boolean;
}

export interface LearningProgress {
  version: 1;
  exercises: Record<string, ExerciseProgress>;
  lessons: Record<string, { openedAt: string }>;
}

const KEY = 'aisec.learning.progress';
const emitter = new EventEmitter<LearningProgress>();
export const onDidChangeProgress: Event<LearningProgress> = emitter.event;

export function readProgress(context: ExtensionContext): LearningProgress {
  const p = context.globalState.get<LearningProgress>(KEY);
  return p && p.version === 1 ? { version: 1, exercises: { ...p.exercises }, lessons: { ...p.lessons } } : { version: 1, exercises: {}, lessons: {} };
}

async function write(context: ExtensionContext, p: LearningProgress): Promise<void> {
  await context.globalState.update(KEY, p);
  emitter.fire(p);
}

/** One graded attempt: a pass stays a pass (first pass date kept); hints and assistance are those of the attempt. */
export async function recordExercise(context: ExtensionContext, id: string, result: { passed: boolean; hints: number; assisted: boolean }): Promise<void> {
  const p = readProgress(context);
  const prev = p.exercises[id];
  const passed = result.passed || prev?.status === 'passed';
  p.exercises[id] = {
    status: passed ? 'passed' : 'failed',
    passedAt: prev?.passedAt ?? (result.passed ? new Date().toISOString() : undefined),
    attempts: (prev?.attempts ?? 0) + 1,
    hints: Math.max(prev?.hints ?? 0, result.hints),
    assisted: prev?.status === 'passed' ? prev.assisted : result.assisted,
  };
  await write(context, p);
}

export async function recordLesson(context: ExtensionContext, ruleId: string): Promise<void> {
  const p = readProgress(context);
  p.lessons[ruleId] = { openedAt: new Date().toISOString() };
  await write(context, p);
}
