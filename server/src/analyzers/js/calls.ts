/**
 * Small syntax helpers for JS/TS rules that match calls, properties and imports (no data flow).
 * Data-flow helpers live in ../flow; these only read the AST.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsChildren } from '../flow';

type N = TSESTree.Node;

/** Visit every node in source order with its parent. */
export function jsWalk(root: N, visit: (node: N, parent: N | undefined) => void): void {
  const stack: [N, N | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    visit(n, p);
    const cs = jsChildren(n);
    for (let i = cs.length - 1; i >= 0; i--) stack.push([cs[i], n]);
  }
}

/** Module specifiers the file imports or requires. */
export function jsImportedModules(program: TSESTree.Program): string[] {
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
