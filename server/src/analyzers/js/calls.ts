/**
 * Small syntax helpers for JS/TS rules that match calls, properties and imports (no data flow).
 * Data-flow helpers live in ../flow; these only read the AST.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsChildren, linkParent, linkedParent } from '../flow';

type N = TSESTree.Node;

/**
 * A whole program in walk order (nodes and their parents), computed once per AST: most walks start there. A
 * program's order is the program then each statement's own order, and each statement's order is kept with it:
 * in the editor the statements an edit did not touch are the same nodes in the next program (js/index.ts), so
 * only the changed ones are walked again.
 */
const programOrder = new WeakMap<N, { nodes: N[]; parents: (N | undefined)[] }>();

function orderOf(program: N): { nodes: N[]; parents: (N | undefined)[] } {
  let o = programOrder.get(program);
  if (!o) {
    if (program.type !== 'Program') {
      o = { nodes: [], parents: [] };
      preorder(program, o.nodes, o.parents);
    } else {
      o = { nodes: [program], parents: [undefined] };
      linkParent(program, undefined);
      for (const s of jsChildren(program)) {
        let so = programOrder.get(s);
        if (!so) {
          so = { nodes: [], parents: [] };
          preorder(s, so.nodes, so.parents);
          programOrder.set(s, so);
        }
        linkParent(s, program);
        append(o, so, program);
      }
    }
    programOrder.set(program, o);
  }
  return o;
}

/** Append a statement's order (its first node, the statement, gets `parent`). */
function append(o: { nodes: N[]; parents: (N | undefined)[] }, part: { nodes: N[]; parents: (N | undefined)[] }, parent: N): void {
  const { nodes, parents } = part;
  o.nodes.push(nodes[0]);
  o.parents.push(parent);
  for (let i = 1; i < nodes.length; i++) {
    o.nodes.push(nodes[i]);
    o.parents.push(parents[i]);
  }
}

/** `root` and its descendants in walk order (children in source order), each with its parent: two stacks, no pairs. */
function preorder(root: N, nodes: N[], parents: (N | undefined)[]): void {
  const stack: N[] = [root];
  const stackParents: (N | undefined)[] = [undefined];
  while (stack.length) {
    const n = stack.pop()!;
    const p = stackParents.pop();
    nodes.push(n);
    parents.push(p);
    linkParent(n, p);
    const cs = jsChildren(n);
    for (let i = cs.length - 1; i >= 0; i--) {
      stack.push(cs[i]);
      stackParents.push(n);
    }
  }
}

/** Per top-level statement (kept across edits with the statement, see orderOf): its nodes each selection picks. */
const statementPicks = new WeakMap<N, Map<(n: N) => boolean, N[]>>();
const programPicks = new WeakMap<N, Map<(n: N) => boolean, N[]>>();

/**
 * The nodes of a program that `pick` selects, in jsWalk order (a shared array: read it, do not change it). `pick`
 * must be a function of the node alone (a module-level function: its identity is the cache key). Listed per
 * top-level statement: in the editor only the statements an edit changed are looked at again, where a rule's own
 * walk of the whole program visited every node after every edit.
 */
export function jsPick(program: TSESTree.Program, pick: (n: N) => boolean): N[] {
  let byPick = programPicks.get(program);
  if (!byPick) programPicks.set(program, (byPick = new Map()));
  let out = byPick.get(pick);
  if (out) return out;
  orderOf(program);
  out = pick(program) ? [program] : [];
  for (const s of jsChildren(program)) {
    let m = statementPicks.get(s);
    if (!m) statementPicks.set(s, (m = new Map()));
    let list = m.get(pick);
    if (!list) {
      list = [];
      const nodes = programOrder.get(s)!.nodes;
      for (let i = 0; i < nodes.length; i++) if (pick(nodes[i])) list.push(nodes[i]);
      m.set(pick, list);
    }
    for (let i = 0; i < list.length; i++) out.push(list[i]);
  }
  byPick.set(pick, out);
  return out;
}

/** The parent of `n` in `program` (children as jsWalk has them: type annotations and decorators are not walked). */
export function jsParentIn(program: N, n: N): N | undefined {
  orderOf(program);
  return linkedParent(n);
}

/** Visit every node in source order with its parent. */
export function jsWalk(root: N, visit: (node: N, parent: N | undefined) => void): void {
  if (root.type === 'Program') {
    const { nodes, parents } = orderOf(root);
    for (let i = 0; i < nodes.length; i++) visit(nodes[i], parents[i]);
    return;
  }
  const stack: N[] = [root];
  const stackParents: (N | undefined)[] = [undefined];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n, stackParents.pop());
    const cs = jsChildren(n);
    for (let i = cs.length - 1; i >= 0; i--) {
      stack.push(cs[i]);
      stackParents.push(n);
    }
  }
}

const stackOrders = new WeakMap<N, N[]>();

/**
 * Every node under `root` (itself first) in the order of a stack walk that pushes each node's children in source
 * order and pops the last one first: the order several rules and helpers walked a whole program in, each on its
 * own. Listed once per root and shared (read it, do not change it).
 */
export function jsStackOrder(root: N): N[] {
  let out = stackOrders.get(root);
  if (!out) {
    out = [];
    if (root.type === 'Program') {
      // the program, then its statements' own orders, the last statement first (see orderOf)
      out.push(root);
      const cs = jsChildren(root);
      for (let i = cs.length - 1; i >= 0; i--) {
        const part = jsStackOrder(cs[i]);
        for (let j = 0; j < part.length; j++) out.push(part[j]);
      }
    } else {
      const stack: N[] = [root];
      while (stack.length) {
        const n = stack.pop()!;
        out.push(n);
        const cs = jsChildren(n);
        for (let i = 0; i < cs.length; i++) stack.push(cs[i]);
      }
    }
    stackOrders.set(root, out);
  }
  return out;
}

/** Module specifiers the file imports or requires. */
const importedModules = new WeakMap<N, string[]>();

export function jsImportedModules(program: TSESTree.Program): string[] {
  let known = importedModules.get(program);
  if (!known) {
    known = collectImportedModules(program);
    importedModules.set(program, known);
  }
  return known.slice();
}

function collectImportedModules(program: TSESTree.Program): string[] {
  const out: string[] = [];
  jsWalk(program, (n) => {
    if (n.type === 'ImportDeclaration') out.push(String(n.source.value));
    else if (n.type === 'ImportExpression' && n.source.type === 'Literal') out.push(String(n.source.value));
    else if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') out.push(String(n.arguments[0].value));
  });
  return out;
}

/** The member name of `a.b` / `a['b']`, if static. */
export function jsMemberName(m: TSESTree.MemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.property.type === 'Literal' && typeof m.property.value === 'string') return m.property.value;
  if (m.property.type === 'TemplateLiteral' && m.property.expressions.length === 0) return m.property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `true` / `false` literal value, else undefined. */
export function jsBool(n: N | undefined | null): boolean | undefined {
  if (n && n.type === 'Literal' && typeof n.value === 'boolean') return n.value;
  return undefined;
}

/** Every node in the order of a recursive walk over `Object.keys` (all keys but `parent`, so type annotations and decorators too), with parents. */
const keyOrder = new WeakMap<N, { nodes: N[]; parents: (N | undefined)[] }>();

function keyOrderOf(root: N): { nodes: N[]; parents: (N | undefined)[] } {
  if (root.type === 'Program') {
    // the program, then its statements' own orders (see orderOf); a program's only child nodes are its statements
    const o = { nodes: [root] as N[], parents: [undefined] as (N | undefined)[] };
    for (const s of root.body) {
      let so = keyOrder.get(s);
      if (!so) {
        so = keyOrderOf(s);
        keyOrder.set(s, so);
      }
      append(o, so, root);
    }
    return o;
  }
  const o = { nodes: [] as N[], parents: [] as (N | undefined)[] };
  const stack: N[] = [root];
  const stackParents: (N | undefined)[] = [undefined];
  const kids: N[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    o.nodes.push(n);
    o.parents.push(stackParents.pop());
    kids.length = 0;
    // for-in lists an AST node's keys in Object.keys order (own enumerable string keys; the nodes are plain objects) without allocating them
    const rec = n as unknown as Record<string, unknown>;
    for (const key in rec) {
      if (key === 'parent') continue;
      const v = rec[key];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const c = v[i] as N | null;
          if (c && typeof c === 'object' && typeof c.type === 'string') kids.push(c);
        }
      } else if (v && typeof v === 'object' && typeof (v as N).type === 'string') kids.push(v as N);
    }
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push(kids[i]);
      stackParents.push(n);
    }
  }
  return o;
}

/**
 * Visit every node, parent first, children in `Object.keys` order, with its parent: the same order as the
 * recursive key walks some rules had of their own; a whole program is listed once per AST and shared.
 */
export function jsWalkKeys(root: N, visit: (node: N, parent: N | undefined) => void): void {
  let o = root.type === 'Program' ? keyOrder.get(root) : undefined;
  if (!o) {
    o = keyOrderOf(root);
    if (root.type === 'Program') keyOrder.set(root, o);
  }
  const { nodes, parents } = o;
  for (let i = 0; i < nodes.length; i++) visit(nodes[i], parents[i]);
}
