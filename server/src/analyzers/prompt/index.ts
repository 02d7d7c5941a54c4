import type { AnalysisError } from '../../engine/model';
import type { DataView, PromptView } from '../../engine/views';

/** Placeholder until the prompt analyzer lands. */
export function analyzePrompt(_path: string, text: string): { views: PromptView[]; errors: AnalysisError[] } {
  return { views: [{ text, format: 'text', sections: [{ role: 'unknown', start: 0, end: text.length }], variables: [] }], errors: [] };
}

export function promptsFromData(_data: DataView): PromptView[] {
  return [];
}
