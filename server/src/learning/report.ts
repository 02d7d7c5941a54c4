/**
 * The champion's view for `aisec report --learning`: each learner's exported progress
 * (`.aisec/progress/<name>.json`) against the effective learning paths. Pure: the caller reads the files
 * and passes today's date. Learner names and everything else from the files are untrusted text; the
 * renderers (cli/report.ts, cli/reportHtml.ts) escape them.
 */
import type { LearningPath } from './paths';
import type { ModuleState } from './progress';
import { parseExportedProgress, pathStatus } from './progress';

export interface LearningReportModule {
  moduleId: string;
  title: string;
  required: boolean;
  due?: string;
  state: ModuleState;
  completed: boolean;
  completedAt?: string;
  overdue: boolean;
  itemsDone: number;
  itemsTotal: number;
  hints: number;
  assisted: boolean;
}

export interface LearningReportLearner {
  learner: string;
  /** Relative to the report root. */
  file: string;
  exportedAt: string;
  paths: { pathId: string; done: boolean; requiredDone: number; requiredTotal: number; modules: LearningReportModule[] }[];
}

export interface LearningReport {
  /** The day overdue is judged against (YYYY-MM-DD). */
  today: string;
  /** Where the progress files were read from, relative to the root. */
  progressDir: string;
  paths: { id: string; title: string; pack?: string; modules: { id: string; title: string; required: boolean; due?: string; rules: string[]; exercises: string[] }[] }[];
  learners: LearningReportLearner[];
  /** Progress files that could not be read, with the reason (the others are still reported). */
  problems: { file: string; message: string }[];
}

export interface ProgressFileInput {
  /** Relative to the report root (posix separators). */
  file: string;
  text?: string;
  /** Set when the file could not be read at all. */
  error?: string;
}

export function buildLearningReport(paths: readonly LearningPath[], files: readonly ProgressFileInput[], today: string, progressDir: string): LearningReport {
  const out: LearningReport = {
    today,
    progressDir,
    paths: paths.map((p) => ({ id: p.id, title: p.title, ...(p.pack ? { pack: p.pack } : {}), modules: p.modules.map((m) => ({ id: m.id, title: m.title, required: m.required, ...(m.due ? { due: m.due } : {}), rules: m.rules, exercises: m.exercises })) })),
    learners: [],
    problems: [],
  };
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (f.error !== undefined || f.text === undefined) {
      out.problems.push({ file: f.file, message: f.error ?? 'cannot read' });
      continue;
    }
    const parsed = parseExportedProgress(f.text);
    if ('error' in parsed) {
      out.problems.push({ file: f.file, message: parsed.error });
      continue;
    }
    const p = parsed.value;
    out.learners.push({
      learner: p.learner,
      file: f.file,
      exportedAt: p.exportedAt,
      paths: paths.map((path) => {
        const st = pathStatus(path, p, today);
        return {
          pathId: path.id,
          done: st.done,
          requiredDone: st.requiredDone,
          requiredTotal: st.requiredTotal,
          modules: st.modules.map((m, i) => ({
            moduleId: m.moduleId,
            title: path.modules[i].title,
            required: m.required,
            ...(m.due ? { due: m.due } : {}),
            state: m.state,
            completed: m.state === 'done',
            ...(m.completedAt ? { completedAt: m.completedAt } : {}),
            overdue: m.overdue,
            itemsDone: m.itemsDone,
            itemsTotal: m.itemsTotal,
            hints: m.hints,
            assisted: m.assisted,
          })),
        };
      }),
    });
  }
  out.learners.sort((a, b) => a.learner.localeCompare(b.learner, 'en') || (a.file < b.file ? -1 : 1));
  return out;
}
