import type { AnalysisError } from '../../engine/model';
import type { DataView, PythonView } from '../../engine/views';

/** Placeholder until the notebook analyzer lands: maps .ipynb code cells through the Python analyzer. */
export function analyzeNotebook(_path: string, _text: string): { python?: PythonView; data?: DataView; errors: AnalysisError[] } {
  return { errors: [] };
}
