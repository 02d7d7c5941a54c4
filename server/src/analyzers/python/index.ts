import type { AnalysisError } from '../../engine/model';
import type { OffsetMap, PythonView } from '../../engine/views';
import { parsePython, parsePythonKept, pythonParserError } from './parser';
import type { PyNode } from './tree';
import { mirrorTree, pruneBelow } from './tree';

/** Deeper syntax trees are cut (and reported as incomplete): the rules' walks stay far from the stack limit. */
export const MAX_PY_DEPTH = 400;

const verifyParse = process.env.AISEC_VERIFY_PARSE === '1';

/**
 * `key` (the file's path): keep the syntax tree for the next analysis of the same file, which then re-parses
 * only what changed (the editor); without it the tree is freed at once.
 */
export function analyzePython(text: string, map?: OffsetMap, key?: string): { view?: PythonView; errors: AnalysisError[] } {
  const errors: AnalysisError[] = [];
  const tree = key === undefined ? parsePython(text) : parsePythonKept(key, text);
  if (!tree) {
    errors.push({ kind: 'parse', message: pythonParserError() ?? 'Python parse failed', incomplete: 'every Python syntax rule' });
    return { errors };
  }
  let root: PyNode;
  try {
    root = mirrorTree(tree, text);
  } finally {
    // the wasm tree lives outside the JS heap: free it now (a kept one is freed by the cache), rules read the mirror
    if (key === undefined) tree.delete();
  }
  if (verifyParse && key !== undefined) verifySame(root, text);
  for (const n of pruneBelow(root, MAX_PY_DEPTH).slice(0, 5)) {
    errors.push({ kind: 'parse', message: `Python syntax nested deeper than ${MAX_PY_DEPTH} levels`, start: n.startIndex, end: Math.min(n.endIndex, n.startIndex + 1), incomplete: 'the expression nested below that depth' });
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

/** The mirror of a fresh parse of `text` must be the one `root` is (AISEC_VERIFY_PARSE=1: incremental parses). */
function verifySame(root: PyNode, text: string): void {
  const fresh = parsePython(text);
  if (!fresh) return;
  const shape = (n: PyNode): string => `(${n.type} ${n.startIndex} ${n.endIndex} ${n.isNamed ? 1 : 0}${n.isMissing ? 1 : 0}${n.hasError ? 1 : 0} ${n.field ?? ''} ${n.lastId}${n.children.map(shape).join('')})`;
  try {
    const a = shape(mirrorTree(fresh, text));
    const b = shape(root);
    if (a !== b) throw new Error('incremental parse differs from a fresh parse');
  } finally {
    fresh.delete();
  }
}
