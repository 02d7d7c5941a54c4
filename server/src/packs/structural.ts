/**
 * Structural patterns for declarative rules: a pattern is written as code with metavariables
 * (`requests.get($URL, verify=False)`, `$CLIENT.chat.completions.create(...)`), parsed with the same
 * parser as the scanned file (tree-sitter Python mirror / typescript-estree) and matched node by node,
 * ignoring formatting and comments.
 * - `$X` binds any expression (the same name must bind the same text); `$_` binds nothing;
 * - `...` matches any remaining arguments, parameters, statements, properties or a whole body/expression;
 * - keyword arguments (Python) and object properties (JS) match in any order.
 */
import type { parse as ParseJs } from '@typescript-eslint/typescript-estree';
import { parsePython } from '../analyzers/python/parser';
import type { PyNode } from '../analyzers/python/tree';
import { mirrorTree } from '../analyzers/python/tree';

export type PatternLanguage = 'python' | 'js';
export type Bindings = Map<string, string>;

const MV_PREFIX = '__aisec_mv_';
const ELLIPSIS = '__aisec_ellipsis';

export interface CompiledPattern {
  language: PatternLanguage;
  /** Python: PyNode; JS: an ESTree node. */
  root: unknown;
  /** The node type matched at the root (for a quick filter). */
  rootType: string;
  /** Metavariable names used (without $). */
  metavariables: string[];
}

function metavariablesIn(src: string): string[] {
  return [...new Set([...src.matchAll(/\$([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]))];
}

// ---------------------------------------------------------------- Python

function prepPython(src: string): string {
  return src
    .replace(/\$([A-Z_][A-Z0-9_]*)/g, (_m, n: string) => MV_PREFIX + n)
    .replace(/(def\s+[A-Za-z_][A-Za-z0-9_]*\s*)\(\s*\.\.\.\s*\)/g, `$1(${ELLIPSIS})`);
}

const PY_LIST_TYPES = new Set(['module', 'block', 'parameters', 'list', 'tuple', 'set', 'dictionary', 'expression_list', 'pattern_list', 'import_from_statement', 'lambda_parameters']);

function pyIsMv(n: PyNode): string | undefined {
  return n.type === 'identifier' && n.text.startsWith(MV_PREFIX) ? n.text.slice(MV_PREFIX.length) : undefined;
}
function pyIsEllipsis(n: PyNode): boolean {
  if (n.type === 'ellipsis') return true;
  if (n.type === 'identifier' && n.text === ELLIPSIS) return true;
  if (n.type === 'expression_statement' && n.namedChildren.length === 1) return pyIsEllipsis(n.namedChildren[0]);
  return false;
}
const pyKids = (n: PyNode) => n.children.filter((c) => c.type !== 'comment');
const pyNamed = (n: PyNode) => n.namedChildren.filter((c) => c.type !== 'comment');
const norm = (s: string) => s.replace(/\s+/g, '');

function bind(b: Bindings, name: string, text: string): boolean {
  if (name === '_') return true;
  const prev = b.get(name);
  if (prev !== undefined) return prev === norm(text);
  b.set(name, norm(text));
  return true;
}

function pyStringValue(n: PyNode): string | undefined {
  if (n.type !== 'string') return undefined;
  if (n.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  return n.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('') + '\u0000' + /^[a-zA-Z]*/.exec(n.text)![0].toLowerCase().replace(/[^rb]/g, '');
}

function pySeq(ps: PyNode[], ts: PyNode[], b: Bindings, match: (p: PyNode, t: PyNode, b: Bindings) => boolean): Bindings | undefined {
  const go = (pi: number, ti: number, cur: Bindings): Bindings | undefined => {
    if (pi === ps.length) return ti === ts.length ? cur : undefined;
    if (pyIsEllipsis(ps[pi])) {
      for (let k = ti; k <= ts.length; k++) {
        const r = go(pi + 1, k, cur);
        if (r) return r;
      }
      return undefined;
    }
    if (ti >= ts.length) return undefined;
    const next = new Map(cur);
    return match(ps[pi], ts[ti], next) ? go(pi + 1, ti + 1, next) : undefined;
  };
  return go(0, 0, b);
}

/** Each pattern item matches a distinct target item, in any order; extra target items only with `...`. */
function unordered<T>(ps: T[], ts: T[], b: Bindings, isEllipsis: (p: T) => boolean, match: (p: T, t: T, b: Bindings) => boolean): Bindings | undefined {
  const items = ps.filter((p) => !isEllipsis(p));
  const open = items.length !== ps.length;
  if (!open && items.length !== ts.length) return undefined;
  const used = new Set<number>();
  const go = (i: number, cur: Bindings): Bindings | undefined => {
    if (i === items.length) return cur;
    for (let k = 0; k < ts.length; k++) {
      if (used.has(k)) continue;
      const next = new Map(cur);
      if (!match(items[i], ts[k], next)) continue;
      used.add(k);
      const r = go(i + 1, next);
      if (r) return r;
      used.delete(k);
    }
    return undefined;
  };
  return go(0, b);
}

function adopt(b: Bindings, r: Bindings | undefined): boolean {
  if (!r) return false;
  for (const [k, v] of r) b.set(k, v);
  return true;
}

export function pyMatch(p: PyNode, t: PyNode, b: Bindings): boolean {
  const mv = pyIsMv(p);
  if (mv !== undefined) return bind(b, mv, t.text);
  if (pyIsEllipsis(p) && p.type !== 'expression_statement') return true;
  if (t.type === 'parenthesized_expression' && p.type !== 'parenthesized_expression' && pyNamed(t).length === 1) t = pyNamed(t)[0];
  if (p.type !== t.type) return false;
  if (p.type === 'string') {
    const pv = pyStringValue(p);
    return pv !== undefined ? pv === pyStringValue(t) : norm(p.text) === norm(t.text);
  }
  if (p.type === 'argument_list') {
    const isKw = (n: PyNode) => n.type === 'keyword_argument';
    const pk = pyNamed(p);
    const tk = pyNamed(t);
    const pos = pySeq(pk.filter((n) => !isKw(n)), tk.filter((n) => !isKw(n)), b, pyMatch);
    if (!pos) return false;
    const open = pk.some(pyIsEllipsis);
    const kws = pk.filter(isKw);
    return adopt(b, unordered(open ? [...kws, pk.find(pyIsEllipsis)!] : kws, tk.filter(isKw), pos, pyIsEllipsis, pyMatch));
  }
  if (p.type === 'decorated_definition') {
    const pd = pyNamed(p).filter((n) => n.type === 'decorator');
    const td = pyNamed(t).filter((n) => n.type === 'decorator');
    const r = unordered([...pd, p], td, b, (n) => n === p, pyMatch);
    if (!r) return false;
    const pdef = p.childForFieldName('definition');
    const tdef = t.childForFieldName('definition');
    return !!pdef && !!tdef && adopt(b, r) && pyMatch(pdef, tdef, b);
  }
  if (PY_LIST_TYPES.has(p.type)) return adopt(b, pySeq(pyNamed(p), pyNamed(t), b, pyMatch));
  const pc = pyKids(p);
  const tc = pyKids(t);
  if (pc.length === 0) return tc.length === 0 && p.text === t.text;
  // a trailing `...` body or parameter list is handled by the list types; otherwise shapes must agree
  if (pc.length !== tc.length) return false;
  for (let i = 0; i < pc.length; i++) {
    if (pc[i].isNamed !== tc[i].isNamed) return false;
    if (!pc[i].isNamed) {
      if (pc[i].type !== tc[i].type) return false;
      continue;
    }
    if (!pyMatch(pc[i], tc[i], b)) return false;
  }
  return true;
}

function compilePython(src: string): CompiledPattern | { error: string } | undefined {
  const text = prepPython(src);
  const tree = parsePython(text);
  if (!tree) return undefined; // parser not ready: caller retries later
  let root: PyNode;
  try {
    root = mirrorTree(tree, text);
  } finally {
    tree.delete();
  }
  if (root.hasError) return { error: 'the pattern is not valid Python (metavariables are $NAME, "..." matches the rest)' };
  const stmts = pyNamed(root);
  if (stmts.length !== 1) return { error: 'a pattern is one Python expression or statement' };
  let node = stmts[0];
  if (node.type === 'expression_statement' && pyNamed(node).length === 1) node = pyNamed(node)[0];
  if (pyIsMv(node) !== undefined || pyIsEllipsis(node)) return { error: 'a pattern cannot be only a metavariable or "..."' };
  return { language: 'python', root: node, rootType: node.type, metavariables: metavariablesIn(src) };
}

// ---------------------------------------------------------------- JavaScript / TypeScript

interface EsNode {
  type: string;
  range?: [number, number];
  [k: string]: unknown;
}

const JS_SKIP = new Set(['range', 'loc', 'parent', 'raw', 'start', 'end']);
/** Keys a pattern may leave out (TypeScript annotations, optional chaining) without constraining the target. */
const JS_LENIENT = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators', 'optional', 'definite', 'declare', 'accessibility', 'override', 'readonly', 'directive']);

function jsIsMv(n: EsNode): string | undefined {
  return n.type === 'Identifier' && typeof n.name === 'string' && /^\$[A-Z_][A-Z0-9_]*$/.test(n.name) ? n.name.slice(1) : undefined;
}
function jsIsEllipsis(n: unknown): boolean {
  const e = n as EsNode | null;
  if (!e || typeof e !== 'object') return false;
  if (e.type === 'Identifier' && e.name === ELLIPSIS) return true;
  if (e.type === 'ExpressionStatement') return jsIsEllipsis(e.expression);
  if (e.type === 'Property' && e.shorthand) return jsIsEllipsis(e.value);
  return false;
}
function jsUnwrap(n: EsNode): EsNode {
  let cur = n;
  while (cur && (cur.type === 'ChainExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'TSAsExpression' || cur.type === 'TSSatisfiesExpression')) cur = cur.expression as EsNode;
  return cur;
}

function jsSeq(ps: unknown[], ts: unknown[], b: Bindings, text: string): Bindings | undefined {
  const go = (pi: number, ti: number, cur: Bindings): Bindings | undefined => {
    if (pi === ps.length) return ti === ts.length ? cur : undefined;
    if (jsIsEllipsis(ps[pi])) {
      for (let k = ti; k <= ts.length; k++) {
        const r = go(pi + 1, k, cur);
        if (r) return r;
      }
      return undefined;
    }
    if (ti >= ts.length) return undefined;
    const next = new Map(cur);
    return jsValueMatch(ps[pi], ts[ti], next, text) ? go(pi + 1, ti + 1, next) : undefined;
  };
  return go(0, 0, b);
}

function jsValueMatch(pv: unknown, tv: unknown, b: Bindings, text: string): boolean {
  if (pv === null || pv === undefined) return tv === null || tv === undefined;
  if (Array.isArray(pv)) return Array.isArray(tv) && adopt(b, jsSeq(pv, tv, b, text));
  if (typeof pv === 'object') return !!tv && typeof tv === 'object' && jsMatch(pv as EsNode, tv as EsNode, b, text);
  return pv === tv;
}

export function jsMatch(p: EsNode, t: EsNode, b: Bindings, text: string): boolean {
  p = jsUnwrap(p);
  const mv = jsIsMv(p);
  if (mv !== undefined) return !!t.range && bind(b, mv, text.slice(t.range[0], t.range[1]));
  if (jsIsEllipsis(p)) return true;
  t = jsUnwrap(t);
  if (!t || p.type !== t.type) return false;
  if (p.type === 'Literal') {
    if (p.regex || t.regex) return String(p.raw) === String(t.raw);
    return p.value === t.value;
  }
  if (p.type === 'ObjectExpression' || p.type === 'ObjectPattern') {
    return adopt(b, unordered(p.properties as EsNode[], t.properties as EsNode[], b, jsIsEllipsis, (x, y, bb) => jsMatch(x, y, bb, text)));
  }
  for (const key of Object.keys(p)) {
    if (JS_SKIP.has(key) || key === 'type') continue;
    const pv = p[key];
    if (JS_LENIENT.has(key) && (pv === undefined || pv === null || pv === false || (Array.isArray(pv) && !pv.length))) continue;
    if (!jsValueMatch(pv, t[key], b, text)) return false;
  }
  return true;
}

function compileJs(src: string, typescript: boolean): CompiledPattern | { error: string } {
  // `...` that is not a spread (not followed by an expression) is our ellipsis
  const prepped = src.replace(/\.\.\.(?=\s*[,)\]}]|\s*$)/g, ELLIPSIS);
  const attempt = (code: string): EsNode | undefined => {
    try {
      // loaded when a pattern needs it (analyzers/js loads it lazily too)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const parseJs = (require('@typescript-eslint/typescript-estree') as { parse: typeof ParseJs }).parse;
      const ast = parseJs(code, { range: true, loc: false, comment: false, tokens: false, jsx: false, errorOnUnknownASTType: false, allowInvalidAST: false, jsDocParsingMode: 'none', loggerFn: false, filePath: typescript ? 'pattern.ts' : 'pattern.js' } as never) as unknown as { body: EsNode[] };
      if (ast.body.length !== 1) return undefined;
      const stmt = ast.body[0];
      if (stmt.type === 'BlockStatement' || stmt.type === 'LabeledStatement') return undefined;
      return stmt.type === 'ExpressionStatement' ? (stmt.expression as EsNode) : stmt;
    } catch {
      return undefined;
    }
  };
  const root = attempt(prepped) ?? attempt(`(${prepped})`);
  if (!root) return { error: `the pattern is not valid ${typescript ? 'TypeScript' : 'JavaScript'} (one expression or statement; metavariables are $NAME, "..." matches the rest)` };
  if (jsIsMv(root) !== undefined || jsIsEllipsis(root)) return { error: 'a pattern cannot be only a metavariable or "..."' };
  return { language: 'js', root, rootType: jsUnwrap(root).type, metavariables: metavariablesIn(src) };
}

/** Compile a pattern; undefined when the Python parser is not loaded yet (compile again later). */
export function compilePattern(src: string, language: PatternLanguage): CompiledPattern | { error: string } | undefined {
  if (typeof src !== 'string' || !src.trim()) return { error: 'the pattern must be a non-empty string' };
  return language === 'python' ? compilePython(src) : compileJs(src, true);
}

// ---------------------------------------------------------------- search

export interface StructuralMatch {
  start: number;
  end: number;
  bindings: Bindings;
}

export interface PatternQuery {
  pattern: CompiledPattern;
  not: CompiledPattern[];
  inside: CompiledPattern[];
  notInside: CompiledPattern[];
  /** Extra checks on metavariable text. */
  where?: (b: Bindings) => boolean;
}

const MAX_NODES = 500_000;

/** Every node of a Python tree matching the query. */
export function searchPython(root: PyNode, q: PatternQuery, limit: number): StructuralMatch[] {
  const out: StructuralMatch[] = [];
  const p = q.pattern.root as PyNode;
  // iterative walk with an ancestor stack
  const stack: { node: PyNode; depth: number }[] = [{ node: root, depth: 0 }];
  const ancestors: PyNode[] = [];
  let visited = 0;
  while (stack.length && out.length < limit && visited++ < MAX_NODES) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    const t = node;
    if (t.type === q.pattern.rootType || pyIsMv(p) !== undefined) {
      const b: Bindings = new Map();
      if (pyMatch(p, t, b) && conditions(q, b, (c, bb) => pyMatch(c.root as PyNode, t, bb), (c, bb) => ancestors.some((a) => pyMatch(c.root as PyNode, a, bb)))) {
        out.push({ start: t.startIndex, end: t.endIndex, bindings: b });
      }
    }
    ancestors.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], depth: depth + 1 });
  }
  return out;
}

/** Every node of an ESTree program matching the query. */
export function searchJs(program: unknown, text: string, q: PatternQuery, limit: number): StructuralMatch[] {
  const out: StructuralMatch[] = [];
  const p = q.pattern.root as EsNode;
  const stack: { node: EsNode; depth: number }[] = [{ node: program as EsNode, depth: 0 }];
  const ancestors: EsNode[] = [];
  let visited = 0;
  while (stack.length && out.length < limit && visited++ < MAX_NODES) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    if (node.type === q.pattern.rootType && node.range) {
      const b: Bindings = new Map();
      if (jsMatch(p, node, b, text) && conditions(q, b, (c, bb) => jsMatch(c.root as EsNode, node, bb, text), (c, bb) => ancestors.some((a) => jsMatch(c.root as EsNode, a, bb, text)))) {
        out.push({ start: node.range[0], end: node.range[1], bindings: b });
      }
    }
    ancestors.push(node);
    const kids: EsNode[] = [];
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const v = node[key];
      if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && typeof (x as EsNode).type === 'string') kids.push(x as EsNode);
      if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as EsNode).type === 'string') kids.push(v as EsNode);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: depth + 1 });
  }
  // a ChainExpression and its inner call both match: keep the outermost range once
  const seen = new Set<string>();
  return out.filter((m) => (seen.has(`${m.start}:${m.end}`) ? false : (seen.add(`${m.start}:${m.end}`), true)));
}

function conditions(q: PatternQuery, b: Bindings, same: (c: CompiledPattern, b: Bindings) => boolean, anyAncestor: (c: CompiledPattern, b: Bindings) => boolean): boolean {
  for (const c of q.inside) {
    const bb = new Map(b);
    if (!anyAncestor(c, bb)) return false;
    for (const [k, v] of bb) b.set(k, v);
  }
  for (const c of q.notInside) if (anyAncestor(c, new Map(b))) return false;
  for (const c of q.not) if (same(c, new Map(b))) return false;
  return q.where ? q.where(b) : true;
}
