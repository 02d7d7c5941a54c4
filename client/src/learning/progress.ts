/**
 * The learner's progress in the user's own storage (globalState `aisec.learning.progress`, shape version 1).
 * Minimal version with the contract's signatures (ISSUE9-CONTRACTS.md); the paths helper owns the full module.
 */
import { EventEmitter } from 'vscode';
import type { ExtensionContext } from 'vscode';

export interface LearningProgress {
  version: 1;
  exercises: Record<string, { status: 'passed' | 'failed'; passedAt?: string; attempts: number; hints: number; assisted: boolean }>;
  lessons: Record<string, { openedAt: string }>;
}

const KEY = 'aisec.learning.progress';
const changed = new EventEmitter<LearningProgress>();
export const onDidChangeProgress = changed.event;

export function readProgress(context: ExtensionContext): LearningProgress {
  const p = context.globalState.get<LearningProgress>(KEY);
  return p && p.version === 1 ? { version: 1, exercises: { ...p.exercises }, lessons: { ...p.lessons } } : { version: 1, exercises: {}, lessons: {} };
}

async function write(context: ExtensionContext, p: LearningProgress): Promise<void> {
  await context.globalState.update(KEY, p);
  changed.fire(p);
}

export async function recordExercise(context: ExtensionContext, id: string, result: { passed: boolean; hints: number; assisted: boolean }): Promise<void> {
  const p = readProgress(context);
  const prev = p.exercises[id];
  const passedBefore = prev?.status === 'passed';
  p.exercises[id] = {
    status: result.passed || passedBefore ? 'passed' : 'failed',
    passedAt: result.passed && !passedBefore ? new Date().toISOString() : prev?.passedAt,
    attempts: (prev?.attempts ?? 0) + 1,
    hints: Math.max(prev?.hints ?? 0, result.hints),
    assisted: passedBefore ? prev!.assisted : result.assisted,
  };
  await write(context, p);
}

/** The first time a lesson is opened is recorded (later opens keep the first date). */
export async function recordLesson(context: ExtensionContext, ruleId: string): Promise<void> {
  const p = readProgress(context);
  if (p.lessons[ruleId]) return;
  p.lessons[ruleId] = { openedAt: new Date().toISOString() };
  await write(context, p);
}
