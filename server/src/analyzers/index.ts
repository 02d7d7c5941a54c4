/** Routes a file to the analyzers of its kind; each returns views plus errors and never throws. */
import type { AnalysisError, FileKind, ViewName } from '../engine/model';
import type { Views } from '../engine/views';
import { analyzeData } from './data';
import { analyzeJs } from './js';
import { analyzeNotebook } from './notebook';
import { analyzePrompt, promptsFromData } from './prompt';
import { analyzePython } from './python';
import { initPythonParser } from './python/parser';

export async function initAnalyzers(wasmDir?: string): Promise<void> {
  await initPythonParser(wasmDir);
}

/** The views each kind's analyzer builds (besides `text`), all from one parse. */
export const KIND_VIEWS: Record<FileKind, readonly ViewName[]> = {
  python: ['python'],
  javascript: ['js'],
  typescript: ['js'],
  notebook: ['python', 'data'],
  prompt: ['prompt'],
  data: ['data', 'prompt'],
  markdown: [],
};

/**
 * `keepTree`: the file is being analysed (the editor analyses it again after each edit): keep its Python syntax
 * tree so that the next analysis re-parses only what changed (a few trees are kept, the most recent ones). Python and JS/TS.
 */
export function buildViews(path: string, text: string, kind: FileKind, keepTree = false, need?: ReadonlySet<ViewName>): { views: Views; errors: AnalysisError[] } {
  const views: Views = { text: { text } };
  const errors: AnalysisError[] = [];
  // `need` (the engine's pre-filters): the views some remaining rule reads; a kind none of whose views is needed is not parsed
  if (need && !KIND_VIEWS[kind].some((v) => need.has(v))) return { views, errors };
  switch (kind) {
    case 'python': {
      const r = analyzePython(text, undefined, keepTree ? path : undefined);
      views.python = r.view;
      errors.push(...r.errors);
      break;
    }
    case 'javascript':
    case 'typescript': {
      const r = analyzeJs(path, text, kind === 'typescript', keepTree ? path : undefined);
      views.js = r.view;
      errors.push(...r.errors);
      break;
    }
    case 'notebook': {
      const r = analyzeNotebook(path, text);
      views.python = r.python;
      views.data = r.data;
      errors.push(...r.errors);
      break;
    }
    case 'prompt': {
      const r = analyzePrompt(path, text);
      views.prompt = r.views;
      errors.push(...r.errors);
      break;
    }
    case 'data': {
      const r = analyzeData(path, text);
      views.data = r.view;
      errors.push(...r.errors);
      if (r.view) {
        const prompts = promptsFromData(r.view);
        if (prompts.length) views.prompt = prompts;
      }
      break;
    }
    case 'markdown':
      break;
  }
  return { views, errors };
}
