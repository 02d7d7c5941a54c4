/** The one module that knows @typescript-eslint/typescript-estree. */
import { parse } from '@typescript-eslint/typescript-estree';
import type { AnalysisError } from '../../engine/model';
import type { JsView } from '../../engine/views';

export function analyzeJs(path: string, text: string, typescript: boolean): { view?: JsView; errors: AnalysisError[] } {
  const lower = path.toLowerCase();
  const jsx = /\.(jsx|tsx)$/.test(lower) || (!typescript && /\.(js|mjs|cjs)$/.test(lower));
  const attempts: boolean[] = jsx ? [true, false] : [false, true];
  let firstError: Error | undefined;
  for (const useJsx of attempts) {
    try {
      const ast = parse(text, {
        jsx: useJsx,
        range: true,
        // typescript-estree computes locations anyway and, when they are not wanted, walks the whole tree to delete them
        // (which also leaves every node a slow dictionary-mode object): keeping them costs less
        loc: true,
        comment: false,
        tokens: false,
        errorOnUnknownASTType: false,
        allowInvalidAST: true,
        suppressDeprecatedPropertyWarnings: true,
        jsDocParsingMode: 'none',
        loggerFn: false,
        filePath: typescript ? (useJsx ? 'file.tsx' : 'file.ts') : useJsx ? 'file.jsx' : 'file.js',
      });
      return { view: { text, ast, typescript, jsx: useJsx }, errors: [] };
    } catch (e) {
      firstError ??= e as Error;
    }
  }
  const err = firstError as Error & { index?: number };
  return { errors: [{ kind: 'parse', message: `syntax error: ${err.message}`, start: err.index, end: err.index }] };
}
