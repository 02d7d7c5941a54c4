import type { AnalysisError } from '../../engine/model';
import type { OffsetMap, PythonView } from '../../engine/views';
import { parsePython, pythonParserError } from './parser';

export function analyzePython(text: string, map?: OffsetMap): { view?: PythonView; errors: AnalysisError[] } {
  const errors: AnalysisError[] = [];
  const tree = parsePython(text);
  if (!tree) {
    errors.push({ kind: 'parse', message: pythonParserError() ?? 'Python parse failed' });
    return { errors };
  }
  if (tree.rootNode.hasError) {
    const err = firstError(tree.rootNode);
    errors.push({ kind: 'parse', message: 'Python syntax error; analysing what parsed', start: err?.startIndex, end: err?.endIndex });
  }
  return { view: { text, tree, root: tree.rootNode, map }, errors };
}

function firstError(node: import('web-tree-sitter').Node): import('web-tree-sitter').Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const c of node.children) {
    if (c && c.hasError) {
      const e = firstError(c);
      if (e) return e;
    }
  }
  return undefined;
}
