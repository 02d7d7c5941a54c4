/**
 * The learner's progress in their own storage (`context.globalState`, key `aisec.learning.progress`,
 * shape version 1; see ISSUE9 contracts). The logic (recording, merging, module states) is pure and lives
 * in server/src/learning/progress.ts, shared with the CLI.
 */
import type { Event, ExtensionContext } from 'vscode';
import { EventEmitter } from 'vscode';
import type { LearningProgress } from '../../../server/src/learning/progress';
import { normalizeProgress, PROGRESS_STATE_KEY, withExercise, withLesson } from '../../../server/src/learning/progress';

export type { LearningProgress } from '../../../server/src/learning/progress';

const changed = new EventEmitter<LearningProgress>();

/** Fires after every recorded exercise or lesson (and after an import), with the new progress. */
export const onDidChangeProgress: Event<LearningProgress> = changed.event;

export function readProgress(context: ExtensionContext): LearningProgress {
  return normalizeProgress(context.globalState.get<unknown>(PROGRESS_STATE_KEY));
}

/** Writes are queued so that two quick records never lose one another. */
let queue: Promise<unknown> = Promise.resolve();

function update(context: ExtensionContext, change: (p: LearningProgress) => LearningProgress): Promise<void> {
  const next = queue.then(async () => {
    const before = readProgress(context);
    const after = change(before);
    if (after === before) return;
    await context.globalState.update(PROGRESS_STATE_KEY, after);
    changed.fire(after);
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Record one graded attempt of an exercise (`rule:<id>` or `lab:<name>`). */
export function recordExercise(context: ExtensionContext, id: string, result: { passed: boolean; hints: number; assisted: boolean }): Promise<void> {
  return update(context, (p) => withExercise(p, id, result, new Date().toISOString()));
}

/** Record that the lesson of a rule was opened (the first opening counts). */
export function recordLesson(context: ExtensionContext, ruleId: string): Promise<void> {
  return update(context, (p) => withLesson(p, ruleId, new Date().toISOString()));
}
