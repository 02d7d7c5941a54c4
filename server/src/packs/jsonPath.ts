/**
 * A small JSONPath subset for declarative rules over JSON/JSONC/YAML data views:
 * `$` root, `.name` / `['name']` child, `.*` / `[*]` any child, `[n]` array index, `..name` / `..*`
 * descendants. Results keep the property (key range) through which a value was reached.
 */
import type { DataNode, DataProperty } from '../engine/views';

export type PathStep = { kind: 'child'; name: string } | { kind: 'any' } | { kind: 'index'; index: number } | { kind: 'descendant'; name?: string };

export interface PathMatch {
  node: DataNode;
  /** The property that holds the node, when reached through an object key. */
  prop?: DataProperty;
}

export function parseJsonPath(src: string): PathStep[] | { error: string } {
  const s = src.trim();
  if (!s.startsWith('$')) return { error: 'a JSON path starts with "$" (e.g. $.mcpServers.*.command)' };
  const steps: PathStep[] = [];
  let i = 1;
  const name = /^[A-Za-z0-9_$@-]+/;
  while (i < s.length) {
    const rest = s.slice(i);
    if (rest.startsWith('..')) {
      i += 2;
      if (s[i] === '*') {
        i++;
        steps.push({ kind: 'descendant' });
        continue;
      }
      const m = name.exec(s.slice(i));
      if (!m) return { error: `expected a key after ".." at column ${i + 1}` };
      i += m[0].length;
      steps.push({ kind: 'descendant', name: m[0] });
    } else if (rest.startsWith('.')) {
      i++;
      if (s[i] === '*') {
        i++;
        steps.push({ kind: 'any' });
        continue;
      }
      const m = name.exec(s.slice(i));
      if (!m) return { error: `expected a key after "." at column ${i + 1}` };
      i += m[0].length;
      steps.push({ kind: 'child', name: m[0] });
    } else if (rest.startsWith('[')) {
      const m = /^\[\s*(\*|\d+|'([^']*)'|"([^"]*)")\s*\]/.exec(rest);
      if (!m) return { error: `bad bracket step at column ${i + 1} (use [*], [0] or ['key'])` };
      i += m[0].length;
      if (m[1] === '*') steps.push({ kind: 'any' });
      else if (/^\d+$/.test(m[1])) steps.push({ kind: 'index', index: Number(m[1]) });
      else steps.push({ kind: 'child', name: m[2] ?? m[3] ?? '' });
    } else return { error: `unexpected "${s[i]}" at column ${i + 1}` };
  }
  return steps;
}

function children(n: DataNode): PathMatch[] {
  if (n.properties) return n.properties.map((p) => ({ node: p.value, prop: p }));
  if (n.items) return n.items.map((node) => ({ node }));
  return [];
}

function descendants(n: DataNode, out: PathMatch[], budget: { left: number }): void {
  const stack: DataNode[] = [n];
  while (stack.length && budget.left > 0) {
    const cur = stack.pop()!;
    const cs = children(cur);
    for (let k = cs.length - 1; k >= 0; k--) {
      if (--budget.left <= 0) return;
      out.push(cs[k]);
      stack.push(cs[k].node);
    }
  }
}

/** Evaluate a parsed path on a root; the number of visited nodes is bounded. */
export function evalJsonPath(root: DataNode, steps: PathStep[], maxNodes = 200_000): PathMatch[] {
  let cur: PathMatch[] = [{ node: root }];
  const budget = { left: maxNodes };
  for (const step of steps) {
    const next: PathMatch[] = [];
    for (const m of cur) {
      if (budget.left <= 0) break;
      switch (step.kind) {
        case 'child':
          for (const p of m.node.properties ?? []) if (p.key === step.name) next.push({ node: p.value, prop: p });
          break;
        case 'any':
          next.push(...children(m.node));
          break;
        case 'index': {
          const it = m.node.items?.[step.index];
          if (it) next.push({ node: it });
          break;
        }
        case 'descendant': {
          const all: PathMatch[] = [];
          descendants(m.node, all, budget);
          for (const d of all) if (!step.name || d.prop?.key === step.name) next.push(d);
          break;
        }
      }
    }
    // a node reached twice through different ".." paths is reported once
    const seen = new Set<DataNode>();
    cur = next.filter((x) => (seen.has(x.node) ? false : (seen.add(x.node), true)));
  }
  return cur;
}
