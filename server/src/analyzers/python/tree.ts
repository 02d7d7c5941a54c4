/**
 * A plain-JavaScript mirror of a tree-sitter tree, built in one TreeCursor pass.
 * Every property access on a web-tree-sitter Node crosses into WebAssembly and allocates; rules and the
 * data-flow walk touch each node many times, so they read this mirror instead (same names as the subset
 * of the tree-sitter Node API they use).
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { pythonCursorCalls } from './parser';
import type { CursorCalls } from './parser';

/**
 * Shared by every node of one mirrored tree: the nodes in preorder (a node's id is its index) and, built on
 * first use, the nodes of each type in preorder, so `descendantsOfType` is a binary search, not a walk.
 */
class TreeIndex {
  readonly nodes: PyNode[] = [];
  private byType?: Map<string, PyNode[]>;
  /** Values derived from single nodes (see PyNode.memo), by name, then node id. */
  readonly memos = new Map<string, Map<number, unknown>>();
  /** The depth of the deepest node (the root is 0), when the mirror walk measured it: pruneBelow skips shallow trees. */
  maxDepth: number | undefined = undefined;
  constructor(readonly source: string) {}
  ofType(type: string): PyNode[] | undefined {
    if (!this.byType) {
      const m = new Map<string, PyNode[]>();
      for (const n of this.nodes) {
        const list = m.get(n.type);
        if (list) list.push(n);
        else m.set(n.type, [n]);
      }
      this.byType = m;
    }
    return this.byType.get(type);
  }
}

/** First index in `list` (sorted by id) whose id is >= `id`. */
function lowerBound(list: PyNode[], id: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `a` (sorted by id) merged with list[from, to) (sorted by id). */
function mergeById(a: PyNode[], list: PyNode[], from: number, to: number): PyNode[] {
  const out: PyNode[] = new Array(a.length + to - from);
  let i = 0;
  let j = from;
  let k = 0;
  while (i < a.length && j < to) out[k++] = a[i].id < list[j].id ? a[i++] : list[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < to) out[k++] = list[j++];
  return out;
}

/** The children of every leaf (most nodes): one frozen array instead of an empty one per node. */
const NO_CHILDREN: PyNode[] = Object.freeze([]) as unknown as PyNode[];

/** The named nodes of `children`: the array itself when all are named (most lists), else an exactly sized copy. */
function namedOf(children: PyNode[]): PyNode[] {
  if (children.length === 0) return NO_CHILDREN;
  let named = 0;
  for (let i = 0; i < children.length; i++) if (children[i].isNamed) named++;
  if (named === children.length) return children;
  const out: PyNode[] = new Array(named);
  for (let i = 0, k = 0; i < children.length; i++) if (children[i].isNamed) out[k++] = children[i];
  return out;
}

/** PyNode.flags: named, missing, has an error (itself or below). */
const NAMED = 1;
const MISSING = 2;
const HAS_ERROR = 4;

export class PyNode {
  children: PyNode[] = NO_CHILDREN;
  parent: PyNode | null = null;
  /** Id of the last node of this subtree (ids are preorder): descendants have ids in (id, lastId]. */
  lastId: number;
  private named?: PyNode[] = undefined;
  private cachedText?: string = undefined;
  /** Field name of this node in its parent (e.g. "function", "arguments"), if any. */
  readonly field: string | null;
  /** The booleans in one small integer: a tree has a node per token, each field a word of it. */
  private flags: number;
  constructor(
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    isNamed: boolean,
    isMissing: boolean,
    field: string | null,
    private readonly index: TreeIndex,
  ) {
    this.lastId = id;
    this.field = field;
    this.flags = (isNamed ? NAMED : 0) | (isMissing ? MISSING : 0);
  }
  get isNamed(): boolean {
    return (this.flags & NAMED) !== 0;
  }
  get isMissing(): boolean {
    return (this.flags & MISSING) !== 0;
  }
  /** An ERROR or MISSING node is this one or below it. */
  get hasError(): boolean {
    return (this.flags & HAS_ERROR) !== 0;
  }
  /** Set while the tree is mirrored. */
  markError(): void {
    this.flags |= HAS_ERROR;
  }
  get text(): string {
    return (this.cachedText ??= this.index.source.slice(this.startIndex, this.endIndex));
  }
  get isError(): boolean {
    return this.type === 'ERROR';
  }
  get namedChildren(): PyNode[] {
    return (this.named ??= namedOf(this.children));
  }
  get childCount(): number {
    return this.children.length;
  }
  get namedChildCount(): number {
    return this.namedChildren.length;
  }
  child(i: number): PyNode | null {
    return this.children[i] ?? null;
  }
  namedChild(i: number): PyNode | null {
    return this.namedChildren[i] ?? null;
  }
  get firstChild(): PyNode | null {
    return this.children[0] ?? null;
  }
  get firstNamedChild(): PyNode | null {
    return this.namedChildren[0] ?? null;
  }
  get lastNamedChild(): PyNode | null {
    const n = this.namedChildren;
    return n[n.length - 1] ?? null;
  }
  childForFieldName(name: string): PyNode | null {
    const cs = this.children;
    for (let i = 0; i < cs.length; i++) if (cs[i].field === name) return cs[i];
    return null;
  }
  childrenForFieldName(name: string): PyNode[] {
    return this.children.filter((c) => c.field === name);
  }
  get nextSibling(): PyNode | null {
    const p = this.parent;
    if (!p) return null;
    return p.children[p.children.indexOf(this) + 1] ?? null;
  }
  get nextNamedSibling(): PyNode | null {
    const p = this.parent;
    if (!p) return null;
    const sibs = p.children;
    for (let i = sibs.indexOf(this) + 1; i < sibs.length; i++) if (sibs[i].isNamed) return sibs[i];
    return null;
  }
  get previousNamedSibling(): PyNode | null {
    const p = this.parent;
    if (!p) return null;
    const sibs = p.children;
    for (let i = sibs.indexOf(this) - 1; i >= 0; i--) if (sibs[i].isNamed) return sibs[i];
    return null;
  }
  /**
   * `compute(this)`, computed once per node and `name` (the tree never changes): for what analyzers and rules
   * derive from a node again and again. Kept with the tree (ids as keys), not in a WeakMap.
   */
  memo<T>(name: string, compute: (n: PyNode) => T): T {
    let m = this.index.memos.get(name);
    if (!m) this.index.memos.set(name, (m = new Map()));
    let v = m.get(this.id) as T | undefined;
    if (v === undefined && !m.has(this.id)) {
      v = compute(this);
      m.set(this.id, v);
    }
    return v as T;
  }
  /** Descendants (not this node) of the given type(s), in source order (preorder); a fresh array. */
  descendantsOfType(type: string | string[]): PyNode[] {
    const types = Array.isArray(type) ? type : [type];
    let out: PyNode[] = [];
    let parts = 0;
    const seen: string[] = [];
    for (const t of types) {
      if (seen.includes(t)) continue;
      seen.push(t);
      const list = this.index.ofType(t);
      if (!list) continue;
      const from = lowerBound(list, this.id + 1);
      const to = lowerBound(list, this.lastId + 1);
      if (from >= to) continue;
      // each type's list is in preorder: merge it in (a node has one type, so no duplicates)
      out = parts++ === 0 ? list.slice(from, to) : mergeById(out, list, from, to);
    }
    return out;
  }
}

const interned = new WeakMap<readonly (string | null)[], string[]>();

/**
 * The language's node type (or field) names as internalized strings. web-tree-sitter decodes them from wasm memory,
 * so they are not internalized, and every `n.type === 'call'` in the analyzers would compare characters
 * instead of pointers. A property key is always internalized: round-trip each name through one.
 */
function internedTypes(types: readonly (string | null)[]): string[] {
  let out = interned.get(types);
  if (!out) {
    out = types.map((t) => (typeof t === 'string' ? Object.keys({ [t]: 0 })[0] ?? t : t)) as string[];
    interned.set(types, out);
  }
  return out;
}

/** The name of a field id (0: none). */
function fieldName(id: number, fields: readonly (string | null)[]): string | null {
  return id ? fields[id] ?? null : null;
}

/** Mirror the whole tree. Depth is bounded by the cursor walk (no recursion), so deep nesting cannot overflow. */
export function mirrorTree(tree: Tree, source: string, direct = true): PyNode {
  const calls = direct ? pythonCursorCalls() : undefined;
  return calls ? mirrorDirect(tree, source, calls) : mirrorWithCursor(tree, source);
}

/**
 * The same walk as mirrorWithCursor, calling the runtime's cursor functions directly: the cursor stays in the
 * runtime's transfer buffer for the whole walk (nothing else runs in between) and is copied back at the end.
 */
function mirrorDirect(tree: Tree, source: string, c: CursorCalls): PyNode {
  const cursor = tree.walk();
  const handle = cursor as unknown as Record<number, number>;
  const treeId = (tree as unknown as Record<number, number>)[0];
  const buf = c.buffer;
  for (let i = 0; i < 4; i++) c.setValue(buf + 4 * i, handle[i], 'i32');
  const types = internedTypes(tree.language.types);
  const fields = internedTypes(tree.language.fields as readonly string[]);
  const namedByType: (boolean | undefined)[] = [];
  const index = new TreeIndex(source);
  const nodes = index.nodes;
  let nextId = 0;
  /** The node at the cursor; `inParent`: not the root (the root has no field). */
  const make = (inParent: boolean) => {
    const typeId = c.typeId(treeId);
    const type = types[typeId] ?? 'ERROR';
    let named = namedByType[typeId];
    if (named === undefined) {
      named = c.isNamed(treeId) === 1;
      if (type !== 'ERROR') namedByType[typeId] = named;
    }
    const start = c.startIndex(treeId);
    const end = c.endIndex(treeId);
    const missing = start === end && type !== 'ERROR' && c.isMissing(treeId) === 1;
    const node = new PyNode(nextId++, type, start, end, named, missing, inParent ? fieldName(c.fieldId(treeId), fields) : null, index);
    nodes.push(node);
    return node;
  };
  const finish = (n: PyNode) => {
    n.lastId = nextId - 1;
    if (n.type === 'ERROR' || n.isMissing) n.markError();
    if (n.hasError && n.parent) n.parent.markError();
  };
  // children are gathered on one scratch stack and each list copied out, exactly sized, when its parent is
  // finished: an array grown by push keeps room for 17, and every node's list survives the young generation
  const scratch: PyNode[] = [];
  const starts: number[] = [0];
  const close = (n: PyNode) => {
    const from = starts.pop()!;
    if (scratch.length > from) {
      n.children = scratch.slice(from);
      scratch.length = from;
    }
  };
  const root = make(false);
  let current = root;
  // the depth of the current node is starts.length - 1
  let deepest = 1;
  try {
    for (;;) {
      if (c.firstChild(treeId) === 1) {
        const child = make(true);
        child.parent = current;
        scratch.push(child);
        starts.push(scratch.length);
        if (starts.length > deepest) deepest = starts.length;
        current = child;
        continue;
      }
      // leaf: climb until a next sibling exists
      for (;;) {
        finish(current);
        close(current);
        if (c.nextSibling(treeId) === 1) {
          const sib = make(true);
          sib.parent = current.parent;
          scratch.push(sib);
          starts.push(scratch.length);
          current = sib;
          break;
        }
        if (c.parent(treeId) !== 1) {
          index.maxDepth = deepest - 1;
          return root;
        }
        current = current.parent!;
      }
    }
  } finally {
    // the cursor's state (its stack may have moved) back into the TreeCursor object, which frees it
    for (let i = 0; i < 4; i++) handle[i] = c.getValue(buf + 4 * i, 'i32');
    cursor.delete();
  }
}

function mirrorWithCursor(tree: Tree, source: string): PyNode {
  const cursor: TreeCursor = tree.walk();
  // numeric ids + the language's tables: decoding a type or field string from wasm memory per node is the cost
  const types = internedTypes(tree.language.types);
  const fields = internedTypes(tree.language.fields as readonly string[]);
  const namedByType: (boolean | undefined)[] = [];
  const index = new TreeIndex(source);
  const nodes = index.nodes;
  let nextId = 0;
  const make = (c: TreeCursor, inParent: boolean) => {
    const typeId = c.nodeTypeId;
    const type = types[typeId] ?? c.nodeType;
    let named = namedByType[typeId];
    if (named === undefined) {
      named = c.nodeIsNamed;
      if (type !== 'ERROR') namedByType[typeId] = named;
    }
    const start = c.startIndex;
    const end = c.endIndex;
    // MISSING nodes are zero-width: only those need the extra call
    const missing = start === end && type !== 'ERROR' && c.nodeIsMissing;
    const node = new PyNode(nextId++, type, start, end, named, missing, inParent ? fieldName(c.currentFieldId, fields) : null, index);
    nodes.push(node);
    return node;
  };
  const root = make(cursor, false);
  let current = root;
  const finish = (n: PyNode) => {
    n.lastId = nextId - 1;
    if (n.type === 'ERROR' || n.isMissing) n.markError();
    if (n.hasError && n.parent) n.parent.markError();
  };
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const child = make(cursor, true);
      child.parent = current;
      current.children = [child];
      current = child;
      continue;
    }
    // leaf: climb until a next sibling exists
    for (;;) {
      finish(current);
      if (cursor.gotoNextSibling()) {
        const sib = make(cursor, true);
        sib.parent = current.parent;
        current.parent!.children.push(sib);
        current = sib;
        break;
      }
      if (!cursor.gotoParent()) {
        cursor.delete();
        return root;
      }
      current = current.parent!;
    }
  }
}

/**
 * Cuts the tree below `maxDepth` (an explicit stack, no recursion): a node at that depth keeps its range and text
 * but loses its children, and the nodes below it leave the type index, so no walk of a rule can go deeper than
 * the limit. Returns the cut nodes (for an "incomplete analysis" report). Must run before the first `ofType`.
 */
export function pruneBelow(root: PyNode, maxDepth: number): PyNode[] {
  const cut: PyNode[] = [];
  // only a node deeper than maxDepth can be cut away: a tree the mirror measured shallower needs no walk
  const measured = (root as unknown as { index: TreeIndex }).index.maxDepth;
  if (measured !== undefined && measured <= maxDepth) return cut;
  const stack: [PyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (n.children.length === 0) continue;
    if (d >= maxDepth) {
      cut.push(n);
      n.children = NO_CHILDREN;
      continue;
    }
    for (const c of n.children) stack.push([c, d + 1]);
  }
  if (cut.length) {
    const index = (root as unknown as { index: TreeIndex }).index;
    const gone = new Set<number>();
    for (const n of cut) for (let id = n.id + 1; id <= n.lastId; id++) gone.add(id);
    const kept = index.nodes.filter((n) => !gone.has(n.id));
    index.nodes.length = 0;
    for (const n of kept) index.nodes.push(n);
    for (const n of cut) n.lastId = n.id;
  }
  return cut;
}
