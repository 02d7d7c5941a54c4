/**
 * A plain-JavaScript mirror of a tree-sitter tree, built in one TreeCursor pass.
 * Every property access on a web-tree-sitter Node crosses into WebAssembly and allocates; rules and the
 * data-flow walk touch each node many times, so they read this mirror instead (same names as the subset
 * of the tree-sitter Node API they use).
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';

export class PyNode {
  children: PyNode[] = [];
  parent: PyNode | null = null;
  /** Field name of this node in its parent (e.g. "function", "arguments"), if any. */
  field: string | null = null;
  hasError = false;
  private named?: PyNode[];
  constructor(
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    private readonly source: string,
  ) {}
  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }
  get isError(): boolean {
    return this.type === 'ERROR';
  }
  get namedChildren(): PyNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
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
    for (const c of this.children) if (c.field === name) return c;
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
  descendantsOfType(type: string | string[]): PyNode[] {
    const types = Array.isArray(type) ? type : [type];
    const out: PyNode[] = [];
    const stack: PyNode[] = [...this.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (types.includes(n.type)) out.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
    return out;
  }
}

/** Mirror the whole tree. Depth is bounded by the cursor walk (no recursion), so deep nesting cannot overflow. */
export function mirrorTree(tree: Tree, source: string): PyNode {
  const cursor: TreeCursor = tree.walk();
  // numeric ids + the language's tables: decoding a type or field string from wasm memory per node is the cost
  const types = tree.language.types;
  const fields = tree.language.fields;
  const namedByType = new Map<number, boolean>();
  let nextId = 0;
  const make = (c: TreeCursor) => {
    const typeId = c.nodeTypeId;
    const type = types[typeId] ?? c.nodeType;
    let named = namedByType.get(typeId);
    if (named === undefined) {
      named = c.nodeIsNamed;
      if (type !== 'ERROR') namedByType.set(typeId, named);
    }
    const start = c.startIndex;
    const end = c.endIndex;
    // MISSING nodes are zero-width: only those need the extra call
    return new PyNode(nextId++, type, start, end, named, start === end && type !== 'ERROR' && c.nodeIsMissing, source);
  };
  const fieldOf = (c: TreeCursor) => {
    const id = c.currentFieldId;
    return id ? fields[id] ?? null : null;
  };
  const root = make(cursor);
  let current = root;
  const finish = (n: PyNode) => {
    if (n.type === 'ERROR' || n.isMissing) n.hasError = true;
    if (n.hasError && n.parent) n.parent.hasError = true;
  };
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const child = make(cursor);
      child.field = fieldOf(cursor);
      child.parent = current;
      current.children.push(child);
      current = child;
      continue;
    }
    // leaf: climb until a next sibling exists
    for (;;) {
      finish(current);
      if (cursor.gotoNextSibling()) {
        const sib = make(cursor);
        sib.field = fieldOf(cursor);
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
