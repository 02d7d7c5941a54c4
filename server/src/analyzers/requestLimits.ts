/**
 * Is a request value that sets a generation or agent-step limit bounded before it is used? Shared by
 * request-controlled-generation-limit (max_tokens, n) and agent-without-iteration-limit (maxSteps,
 * max_iterations). A bound is syntax the reader can see: `min(x, 1000)`, `Math.min(...)`, a clamp
 * helper, a conditional or allow-list (`x if x in ALLOWED else 1`), a comparison guarding the value in
 * the same function, or a schema field with an upper bound (pydantic `le=`/`lt=`, `conint(le=...)`,
 * zod `.max(...)` / `.lte(...)`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from './python/tree';

const CLAMP_CALL = /(?:^|\.)(?:min|clamp\w*|clip|bound\w*|cap\w*|limit\w*|restrict\w*)$/i;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `x > 100`, `x <= MAX`, `100 < x`, `x in ALLOWED`, `x not in`: the value is compared somewhere in `body`. */
function comparedIn(body: string, expr: string): boolean {
  const e = escapeRe(expr);
  return new RegExp(`(?:^|[^\\w.])${e}\\s*(?:<=?|>=?|(?:not\\s+)?in\\b)(?!=)|(?<![=<>])(?:<=?|>=?)\\s*${e}(?![\\w(])`).test(body);
}

/** A schema in the file bounds the field `name` from above. */
export function schemaBoundsField(fileText: string, name: string): boolean {
  const n = escapeRe(name);
  const py = new RegExp(`^[ \\t]*${n}\\s*:[^\\n]*(?:\\b(?:le|lt)\\s*=|conint\\([^)\\n]*\\b(?:le|lt)\\s*=)`, 'm');
  const zod = new RegExp(`\\b${n}\\s*:\\s*z\\.[^\\n]*\\.(?:max|lte|lt)\\(`, 'm');
  return py.test(fileText) || zod.test(fileText);
}

function pyFunctionOf(n: PyNode): PyNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/** The right-hand side last assigned to `name` before `at` in its function. */
function pyLastAssignment(name: string, at: PyNode, fn: PyNode): PyNode | undefined {
  let found: PyNode | undefined;
  for (const a of fn.descendantsOfType(['assignment', 'augmented_assignment'])) {
    if (a.startIndex >= at.startIndex) continue;
    const left = a.childForFieldName('left');
    if (left?.type === 'identifier' && left.text === name) found = a.childForFieldName('right') ?? undefined;
  }
  return found;
}

/**
 * `body.max_tokens` where `body: Completion` is a parameter and `class Completion` is in the file: only
 * that class's field counts; otherwise (schema imported) any field of that name in the file.
 */
function pySchemaBounds(attr: PyNode, fn: PyNode | undefined, fileText: string): boolean {
  const field = attr.childForFieldName('attribute')?.text ?? '';
  const obj = attr.childForFieldName('object');
  if (fn && obj?.type === 'identifier') {
    for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
      const name = p.type === 'typed_parameter' ? p.namedChild(0)?.text : p.childForFieldName('name')?.text;
      if (name !== obj.text) continue;
      const type = p.childForFieldName('type')?.text ?? '';
      let root: PyNode = fn;
      while (root.parent) root = root.parent;
      const cls = root.descendantsOfType('class_definition').find((c) => c.childForFieldName('name')?.text === type);
      if (cls) return schemaBoundsField(cls.text, field);
    }
  }
  return schemaBoundsField(fileText, field);
}

export function pyBounded(n: PyNode, fileText: string, depth = 3): boolean {
  let v = n;
  while (v.type === 'parenthesized_expression' && v.namedChildCount === 1) v = v.namedChild(0)!;
  if (v.type === 'conditional_expression') return true;
  if (v.type === 'call') {
    const f = v.childForFieldName('function');
    const name = f?.text ?? '';
    if (CLAMP_CALL.test(name)) return true;
    // int(x), int(x or 256): look inside the conversion
    const args = v.childForFieldName('arguments');
    const first = args?.namedChild(0);
    if (/^(?:int|float|round|abs)$/.test(name) && first) return pyBounded(first, fileText, depth);
    return false;
  }
  if (v.type === 'boolean_operator') {
    const l = v.childForFieldName('left');
    return !!l && pyBounded(l, fileText, depth);
  }
  const fn = pyFunctionOf(v);
  if (fn && comparedIn(fn.text, v.text)) return true;
  if (v.type === 'attribute') return pySchemaBounds(v, fn, fileText);
  if (v.type === 'subscript') {
    const key = /\[\s*["'](\w+)["']\s*\]$/.exec(v.text);
    return !!key && schemaBoundsField(fileText, key[1]);
  }
  if (v.type !== 'identifier' || !fn || depth <= 0) return false;
  const def = pyLastAssignment(v.text, v, fn);
  return !!def && pyBounded(def, fileText, depth - 1);
}

type JsNode = TSESTree.Node;

function jsUnwrap(n: JsNode): JsNode {
  let v = n;
  while (v.type === 'TSAsExpression' || v.type === 'TSNonNullExpression' || v.type === 'TSSatisfiesExpression' || v.type === 'AwaitExpression') v = v.type === 'AwaitExpression' ? v.argument : v.expression;
  return v;
}

/**
 * `parentOf` walks up the tree; `definition` finds the initialiser of an identifier (undefined for a
 * destructured name, which then counts as unbounded unless compared in the function).
 */
export function jsBounded(n: JsNode, text: string, parentOf: (x: JsNode) => JsNode | undefined, definition: (name: string, at: JsNode) => JsNode | undefined, depth = 3): boolean {
  const v = jsUnwrap(n);
  const src = text.slice(v.range[0], v.range[1]);
  if (v.type === 'ConditionalExpression') return true;
  if (v.type === 'CallExpression') {
    const callee = text.slice(v.callee.range[0], v.callee.range[1]);
    if (CLAMP_CALL.test(callee)) return true;
    if (/^(?:Number|parseInt|parseFloat|Math\.(?:floor|round|ceil|trunc|abs))$/.test(callee) && v.arguments[0] && v.arguments[0].type !== 'SpreadElement') return jsBounded(v.arguments[0], text, parentOf, definition, depth);
    return false;
  }
  if (v.type === 'LogicalExpression') return jsBounded(v.left, text, parentOf, definition, depth);
  let fn: JsNode | undefined;
  for (let p = parentOf(v); p; p = parentOf(p)) if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') { fn = p; break; }
  if (fn && comparedIn(text.slice(fn.range[0], fn.range[1]), src)) return true;
  if (v.type === 'MemberExpression') {
    const prop = !v.computed && v.property.type === 'Identifier' ? v.property.name : v.property.type === 'Literal' ? String(v.property.value) : '';
    return !!prop && schemaBoundsField(text, prop);
  }
  if (v.type !== 'Identifier' || depth <= 0) return false;
  if (schemaBoundsField(text, v.name) && /\.(?:parse|safeParse|parseAsync)\(/.test(text)) return true;
  const def = definition(v.name, v);
  return !!def && jsBounded(def, text, parentOf, definition, depth - 1);
}

/** The initialiser of `name` declared before `at` in an enclosing function body or the program (for jsBounded). */
export function jsDefinitionFinder(parentOf: (x: JsNode) => JsNode | undefined): (name: string, at: JsNode) => JsNode | undefined {
  return (name, at) => {
    for (let p = parentOf(at); p; p = parentOf(p)) {
      const body = p.type === 'Program' ? p.body : (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') && p.body.type === 'BlockStatement' ? p.body.body : undefined;
      if (!body) continue;
      for (const st of body) {
        if (st.type !== 'VariableDeclaration' || st.range[0] >= at.range[0]) continue;
        for (const d of st.declarations) if (d.id.type === 'Identifier' && d.id.name === name && d.init) return d.init;
      }
    }
    return undefined;
  };
}
