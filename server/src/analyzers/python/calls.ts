/**
 * Small syntax helpers for Python rules that match calls, keywords and imports (no data flow).
 * Data-flow helpers live in ../flow; these only read the tree.
 */
import type { PyNode } from './tree';

/** Every node of `type` under `root`, in source order. */
export function pyNodesOfType(root: PyNode, type: string | string[]): PyNode[] {
  return root.descendantsOfType(type);
}

/** Modules imported by the file (`import a.b` -> a.b, `from a.b import c` -> a.b). */
export function pyImportedModules(root: PyNode): string[] {
  const out: string[] = [];
  for (const n of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name')?.text;
      if (mod) out.push(mod);
    } else {
      for (const c of n.namedChildren) {
        if (c.type === 'dotted_name') out.push(c.text);
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          if (name) out.push(name);
        }
      }
    }
  }
  return out;
}

/** The innermost function definition containing `n`, if any. */
export function pyEnclosingFunction(n: PyNode): PyNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/** The last dotted segment of a qualified name, call markers removed: `a.b().C` -> `C`. */
export function lastSegment(q: string): string {
  const clean = q.replace(/\(\)/g, '');
  return clean.slice(clean.lastIndexOf('.') + 1);
}

/** `True` / `False` literal value, else undefined. */
export function pyBool(n: PyNode | null | undefined): boolean | undefined {
  if (!n) return undefined;
  if (n.type === 'true') return true;
  if (n.type === 'false') return false;
  return undefined;
}

/** Key/value pairs of a dict literal with a plain string or identifier key text. */
export function pyDictPairs(dict: PyNode): { key: PyNode; value: PyNode; pair: PyNode }[] {
  const out: { key: PyNode; value: PyNode; pair: PyNode }[] = [];
  if (dict.type !== 'dictionary') return out;
  for (const p of dict.namedChildren) {
    if (p.type !== 'pair') continue;
    const key = p.childForFieldName('key');
    const value = p.childForFieldName('value');
    if (key && value) out.push({ key, value, pair: p });
  }
  return out;
}

/**
 * Nodes of the given type(s) under and including `root`, in the order of the classic rule walk
 * `stack = [root]; while (stack.length) { n = stack.pop(); ...; for (c of n.namedChildren) stack.push(c) }`:
 * a node before its descendants, siblings right to left. Rules that keep "last one seen wins" maps from such a
 * walk get the same answers without walking the whole tree (the per-tree type index finds the nodes).
 */
export function pyNodesInStackOrder(root: PyNode, type: string | string[]): PyNode[] {
  const types = Array.isArray(type) ? type : [type];
  const out = root.descendantsOfType(types);
  if (types.includes(root.type)) out.unshift(root);
  // the walk only follows named children; tree-sitter's anonymous nodes are leaves, so every named node is reached
  const named = out.filter((n) => n === root || n.isNamed);
  // preorder ids: u is an ancestor of v when v.id is in (u.id, u.lastId]; otherwise the later subtree comes first
  return named.sort((u, v) => {
    if (v.id > u.id && v.id <= u.lastId) return -1;
    if (u.id > v.id && u.id <= v.lastId) return 1;
    return v.id - u.id;
  });
}

/**
 * Nodes of the given type(s) under and including `root`, in the order of a recursive walk over named children
 * (preorder, source order): the order of `visit(n) { ...; for (c of n.namedChildren) visit(c) }`.
 */
export function pyNodesInOrder(root: PyNode, type: string | string[]): PyNode[] {
  const types = Array.isArray(type) ? type : [type];
  const out = root.descendantsOfType(types).filter((n) => n.isNamed);
  if (types.includes(root.type)) out.unshift(root);
  return out;
}
