/**
 * Where a value in code comes from, for the prompt and MCP rules: follow a prompt argument or a returned
 * value back through local assignments, loops, `with ... as`, destructuring, attribute reads, calls,
 * f-strings and template literals, and tell whether some part of it is a given kind of source (third-party
 * content, a secret, the environment). Complements the flow engine (which tracks model output and request
 * input): these sources are specific to the rules that use them. Bounded: a resolution depth and a node
 * budget per question. Pure: reads the syntax trees only.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../python/tree';
import { jsChildren } from '../flow';
import { jsStackOrder } from '../js/calls';

const MAX_DEPTH = 5;
const MAX_NODES = 4000;

// ---------------------------------------------------------------- Python

/** A definition of a local name: the value it is bound to. */
interface PyDef { name: string; value: PyNode; scope: number; at: number }

export interface PyValues {
  /** Values bound to `name` before `use` in the same function (module level when the function binds none). */
  defsOf(use: PyNode): PyNode[];
  /** The first part of `node` (itself, a descendant, or through local definitions) that `match` accepts. */
  find(node: PyNode, match: (n: PyNode) => string | undefined, skip?: (n: PyNode) => boolean): { origin: string; node: PyNode } | undefined;
  /** Innermost enclosing function definition id (-1 at module level). */
  scopeOf(n: PyNode): number;
}

const pyCache = new WeakMap<PyNode, PyValues>();

function pyScope(n: PyNode): number {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p.id;
  return -1;
}

function pyClass(n: PyNode): number {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'class_definition') return p.id;
  return -1;
}

/** Calls whose result carries nothing of their arguments (numbers, booleans, hashes). */
const PY_STOP_CALLS = /^(int|float|bool|len|hash|abs|round|isinstance|callable|id|type)$|(^|\.)(sha\d+|md5|hexdigest|uuid\d?|exists|is_file|isfile|isdir|startswith|endswith)$/;

export function pyValues(root: PyNode): PyValues {
  const cached = pyCache.get(root);
  if (cached) return cached;
  const defs = new Map<string, PyDef[]>();
  const add = (target: PyNode | null | undefined, value: PyNode | null | undefined, at: number): void => {
    if (!target || !value) return;
    if (target.type === 'identifier') {
      const list = defs.get(target.text) ?? [];
      list.push({ name: target.text, value, scope: pyScope(target), at });
      defs.set(target.text, list);
    } else if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'tuple' || target.type === 'list_pattern') {
      for (const c of target.namedChildren) add(c, value, at);
    } else if (target.type === 'typed_parameter' || target.type === 'list_splat_pattern') add(target.namedChildren[0], value, at);
    else if (target.type === 'attribute' && /^(self|cls)$/.test(target.childForFieldName('object')?.text ?? '')) {
      // `self.model = ...` in any method binds `self.model` for the whole class
      const key = `self.${target.childForFieldName('attribute')?.text ?? ''}`;
      const list = defs.get(key) ?? [];
      list.push({ name: key, value, scope: pyClass(target), at });
      defs.set(key, list);
    }
  };
  for (const n of root.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'with_item', 'named_expression', 'call'])) {
    if (n.type === 'call') {
      // `messages.append(x)`, `parts.extend(xs)`: the container now holds x
      const fn = n.childForFieldName('function');
      const recv = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      if (recv && (recv.type === 'identifier' || recv.type === 'attribute') && /^(append|extend|insert|appendleft|add|update)$/.test(fn?.childForFieldName('attribute')?.text ?? '')) {
        const args = n.childForFieldName('arguments');
        if (args) add(recv, args, n.startIndex);
      }
    } else if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      add(n.childForFieldName('left'), n.childForFieldName('right'), n.startIndex);
    } else if (n.type === 'for_statement' || n.type === 'for_in_clause') {
      add(n.childForFieldName('left'), n.childForFieldName('right'), n.startIndex);
    } else if (n.type === 'named_expression') {
      add(n.childForFieldName('name'), n.childForFieldName('value'), n.startIndex);
    } else if (n.type === 'with_item') {
      const v = n.childForFieldName('value');
      if (v?.type === 'as_pattern') add(v.childForFieldName('alias')?.namedChildren[0] ?? v.namedChildren[1], v.namedChildren[0], n.startIndex);
    }
  }
  const defsOf = (use: PyNode): PyNode[] => {
    if (use.type === 'attribute') {
      const obj = use.childForFieldName('object')?.text ?? '';
      if (!/^(self|cls)$/.test(obj)) return [];
      const cls = pyClass(use);
      return (defs.get(`self.${use.childForFieldName('attribute')?.text ?? ''}`) ?? []).filter((d) => d.scope === cls && cls !== -1).map((d) => d.value);
    }
    const list = defs.get(use.text);
    if (!list) return [];
    const scope = pyScope(use);
    // comprehension variables are bound inside the expression: any definition in the same scope counts
    let own = list.filter((d) => d.scope === scope && (d.at < use.startIndex || d.value.startIndex > use.startIndex && d.value.parent?.type === 'for_in_clause'));
    if (own.length === 0 && !list.some((d) => d.scope === scope)) own = list.filter((d) => d.scope === -1);
    return own.map((d) => d.value);
  };
  const find = (node: PyNode, match: (n: PyNode) => string | undefined, skip?: (n: PyNode) => boolean): { origin: string; node: PyNode } | undefined => {
    let budget = MAX_NODES;
    const visiting = new Set<number>();
    const walk = (n: PyNode, depth: number): string | undefined => {
      if (--budget < 0 || skip?.(n)) return undefined;
      const hit = match(n);
      if (hit) return hit;
      switch (n.type) {
        case 'identifier': {
          if (depth >= MAX_DEPTH || visiting.has(n.id)) return undefined;
          visiting.add(n.id);
          for (const v of defsOf(n)) {
            const r = walk(v, depth + 1);
            if (r) return r;
          }
          return undefined;
        }
        case 'attribute': {
          if (depth < MAX_DEPTH && !visiting.has(n.id)) {
            const bound = defsOf(n);
            if (bound.length) {
              visiting.add(n.id);
              for (const v of bound) {
                const r = walk(v, depth + 1);
                if (r) return r;
              }
              return undefined;
            }
          }
          break;
        }
        case 'lambda': case 'function_definition': case 'comment': case 'integer': case 'float': case 'true': case 'false': case 'none':
          return undefined;
        case 'call': {
          const fn = n.childForFieldName('function');
          if (fn && PY_STOP_CALLS.test(fn.text)) return undefined;
          break;
        }
        case 'keyword_argument': {
          const v = n.childForFieldName('value');
          return v ? walk(v, depth) : undefined;
        }
        default:
          break;
      }
      const cs = n.namedChildren;
      for (let i = 0; i < cs.length; i++) {
        const r = walk(cs[i], depth);
        if (r) return r;
      }
      return undefined;
    };
    const origin = walk(node, 0);
    return origin ? { origin, node } : undefined;
  };
  const v: PyValues = { defsOf, find, scopeOf: pyScope };
  pyCache.set(root, v);
  return v;
}

// ---------------------------------------------------------------- JS / TS

type N = TSESTree.Node;

export interface JsValues {
  defsOf(use: TSESTree.Identifier): N[];
  find(node: N, match: (n: N) => string | undefined, skip?: (n: N) => boolean): { origin: string; node: N } | undefined;
  /** Innermost enclosing function (undefined at module level). */
  functionOf(n: N): N | undefined;
}

const jsCache = new WeakMap<object, JsValues>();
const JS_STOP_CALLS = /^(Number|parseInt|parseFloat|Boolean|isNaN|Array\.isArray)$|\.(length|includes|startsWith|endsWith|has|test)$/;

/** The elements of `[x, y]`, `await Promise.all([x, y])` (allSettled too), else undefined. */
function arrayItems(v0: N): (N | null)[] | undefined {
  let v = v0;
  while (v.type === 'AwaitExpression' || v.type === 'TSAsExpression' || v.type === 'TSNonNullExpression') v = v.type === 'AwaitExpression' ? v.argument : v.expression;
  if (v.type === 'ArrayExpression') return v.elements.some((e) => e?.type === 'SpreadElement') ? undefined : v.elements;
  if (v.type === 'CallExpression' && v.callee.type === 'MemberExpression' && v.callee.object.type === 'Identifier' && v.callee.object.name === 'Promise'
    && v.callee.property.type === 'Identifier' && /^(all|allSettled)$/.test(v.callee.property.name) && v.arguments[0]) return arrayItems(v.arguments[0]);
  return undefined;
}

export function jsValues(ast: N, parentOf: (n: N) => N | undefined): JsValues {
  const cached = jsCache.get(ast);
  if (cached) return cached;
  const isFn = (n: N): boolean => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
  const functionOf = (n: N): N | undefined => {
    for (let p = parentOf(n); p; p = parentOf(p)) if (isFn(p)) return p;
    return undefined;
  };
  const defs = new Map<string, { value: N; fn: N | undefined; at: number }[]>();
  const bind = (pattern: N | null | undefined, value: N | null | undefined, at: number, owner: N): void => {
    if (!pattern || !value) return;
    if (pattern.type === 'Identifier') {
      const list = defs.get(pattern.name) ?? [];
      list.push({ value, fn: functionOf(owner), at });
      defs.set(pattern.name, list);
    } else if (pattern.type === 'ObjectPattern') {
      for (const p of pattern.properties) bind(p.type === 'Property' ? p.value : p.argument, value, at, owner);
    } else if (pattern.type === 'ArrayPattern') {
      // const [a, b] = [x, y] / await Promise.all([x(), y()]): a holds x only
      const items = arrayItems(value);
      pattern.elements.forEach((e, i) => {
        const item = items?.[i];
        if (e) bind(e, items && e.type !== 'RestElement' && item && item.type !== 'SpreadElement' ? item : value, at, owner);
      });
    } else if (pattern.type === 'AssignmentPattern') bind(pattern.left, value, at, owner);
    else if (pattern.type === 'RestElement') bind(pattern.argument, value, at, owner);
  };
  for (const n of jsStackOrder(ast)) {
    if (n.type === 'VariableDeclarator') bind(n.id, n.init, n.range[0], n);
    else if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.property.type === 'Identifier' && /^(push|unshift)$/.test(n.callee.property.name)) {
      // `messages.push(x)`: the array now holds x
      for (const a of n.arguments) bind(n.callee.object, a, n.range[0], n);
    }
    else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') bind(n.left, n.right, n.range[0], n);
    else if ((n.type === 'ForOfStatement' || n.type === 'ForInStatement') && n.left.type === 'VariableDeclaration') {
      for (const d of n.left.declarations) bind(d.id, n.right, n.range[0], n);
    }
  }
  const defsOf = (use: TSESTree.Identifier): N[] => {
    const list = defs.get(use.name);
    if (!list) return [];
    // the nearest enclosing function that binds the name, else module level
    for (let f: N | undefined = functionOf(use); ; f = f ? functionOf(f) : undefined) {
      const own = list.filter((d) => d.fn === f && (d.at < use.range[0] || d.fn !== functionOf(use)));
      if (own.length) return own.map((d) => d.value);
      if (!f) return [];
    }
  };
  const find = (node: N, match: (n: N) => string | undefined, skip?: (n: N) => boolean): { origin: string; node: N } | undefined => {
    let budget = MAX_NODES;
    const visiting = new Set<N>();
    const walk = (n: N, depth: number): string | undefined => {
      if (--budget < 0 || skip?.(n)) return undefined;
      const hit = match(n);
      if (hit) return hit;
      switch (n.type) {
        case 'Identifier': {
          if (depth >= MAX_DEPTH || visiting.has(n)) return undefined;
          visiting.add(n);
          for (const v of defsOf(n)) {
            const r = walk(v, depth + 1);
            if (r) return r;
          }
          return undefined;
        }
        case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression': case 'Literal':
          return undefined;
        case 'CallExpression': {
          const callee = n.callee;
          const text = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? `.${callee.property.name}` : '';
          if (JS_STOP_CALLS.test(text)) return undefined;
          break;
        }
        case 'MemberExpression':
          // `x.length` is a number
          if (!n.computed && n.property.type === 'Identifier' && n.property.name === 'length') return undefined;
          return walk(n.object, depth) ?? (n.computed ? walk(n.property, depth) : undefined);
        case 'Property':
          return walk(n.value, depth);
        default:
          break;
      }
      for (const c of jsChildren(n)) {
        const r = walk(c, depth);
        if (r) return r;
      }
      return undefined;
    };
    const origin = walk(node, 0);
    return origin ? { origin, node } : undefined;
  };
  const v: JsValues = { defsOf, find, functionOf };
  jsCache.set(ast, v);
  return v;
}
