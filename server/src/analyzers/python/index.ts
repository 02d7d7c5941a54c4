import type { AnalysisError } from '../../engine/model';
import type { OffsetMap, PythonView } from '../../engine/views';
import { parsePython, pythonParserError } from './parser';
import type { PyNode } from './tree';
import { mirrorTree } from './tree';

export function analyzePython(text: string, map?: OffsetMap): { view?: PythonView; errors: AnalysisError[] } {
  const errors: AnalysisError[] = [];
  const tree = parsePython(text);
  if (!tree) {
    errors.push({ kind: 'parse', message: pythonParserError() ?? 'Python parse failed' });
    return { errors };
  }
  let root: PyNode;
  try {
    root = mirrorTree(tree, text);
  } finally {
    // the wasm tree lives outside the JS heap: free it now, rules read the mirror
    tree.delete();
  }
  if (root.hasError) {
    const err = firstError(root);
    errors.push({ kind: 'parse', message: 'Python syntax error; analysing what parsed', start: err?.startIndex, end: err?.endIndex });
  }
  return { view: { text, root, map }, errors };
}

function firstError(node: PyNode): PyNode | undefined {
  let cur: PyNode | undefined = node;
  // iterative descent along the first child that carries the error
  while (cur) {
    if (cur.isError || cur.isMissing) return cur;
    cur = cur.children.find((c) => c.hasError);
  }
  return undefined;
}
