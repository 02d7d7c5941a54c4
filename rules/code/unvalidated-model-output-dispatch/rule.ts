import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, memberKey, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';
import { own } from '../../../server/src/analyzers/own';

/** Python calls that turn a name into code: callee -> index of the name argument. */
const PY_NAME_SINKS: Record<string, number> = {
  getattr: 1, setattr: 1, delattr: 1, 'builtins.getattr': 1, 'importlib.import_module': 0, __import__: 0,
  'operator.attrgetter': 0, 'operator.methodcaller': 0, 'pydoc.locate': 0, 'importlib.util.find_spec': 0,
};
/** Namespaces whose subscript by a name reaches any function of the program. */
const PY_NAMESPACES = /^(globals\(\)|locals\(\)|vars\(\)|__builtins__|builtins\.__dict__|.*\.__dict__|sys\.modules)$/;
const JS_NAMESPACES = /^(globalThis|window|global|self|module\.exports|exports|process\.env)$/;

export default defineRule({
  meta: {
    id: 'unvalidated-model-output-dispatch',
    name: 'UnvalidatedModelOutputDispatch',
    shortDescription: 'Model output chooses which function, attribute or module the program uses, without validation.',
    fullDescription: 'Agents often let the model name the function to call. Passing that name straight to getattr, globals()[...], importlib.import_module or obj[name]() lets a prompt injection reach any method of the object (including private helpers and inherited ones such as __class__ or constructor), import arbitrary modules, or overwrite attributes. Check the name against an allow-list, look it up in a fixed mapping with .get(name, default) / Map, or validate the output with a schema that enumerates the allowed names.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM05', 'LLM06'],
    cwe: [470, 20],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      dispatch: 'Model output from {{source}} selects the target of `{{sink}}` without validation. Check it against an allow-list or a fixed mapping (dict.get / Map), or validate it with a schema enumerating the allowed names.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const seen = new Set<number>();
      const report = (name: Node | undefined | null, sink: string): void => {
        if (!name || seen.has(name.startIndex) || pyStringValue(name) !== undefined || name.type === 'integer') return;
        const t = flow.reaches(name, 'model', 'dispatch');
        if (!t) return;
        seen.add(name.startIndex);
        ctx.report({ messageId: 'dispatch', data: { source: t.origin, sink }, start: name.startIndex, end: name.endIndex });
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const i = own(PY_NAME_SINKS, q);
        if (i !== undefined) report(pyArgs(call).positional[i], q);
      }
      for (const n of pyNodesInStackOrder(ctx.view.root, ['subscript'])) {
        if (n.type === 'subscript') {
          const value = n.childForFieldName('value');
          const q = value ? flow.qualName(value) : '';
          if (value && PY_NAMESPACES.test(value.type === 'call' ? value.text.replace(/\s+/g, '') : q)) report(n.childForFieldName('subscript'), `${value.text}[...]`);
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const fixed = fixedTables(ctx.view.ast, flow.assignments);
      const instances = classInstances(ctx.view.ast);
      const src = (n: TSESTree.Node): string => ctx.view.text.slice(n.range[0], n.range[1]).replace(/\s+/g, '');
      const report = (name: TSESTree.Node, sink: string): void => {
        const t = flow.reaches(name, 'model', 'dispatch');
        if (t) ctx.report({ messageId: 'dispatch', data: { source: t.origin, sink }, start: name.range[0], end: name.range[1] });
      };
      for (const call of flow.calls) {
        const callee = unwrap(call.callee);
        // handlers[name](...), this[action](...)
        if (call.type === 'CallExpression' && callee.type === 'MemberExpression' && callee.computed && callee.property.type !== 'Literal') {
          // a const object literal nothing adds to: its own functions are the allow-list, and what it inherits
          // (Object.prototype: constructor, toString, hasOwnProperty...) does nothing harmful when called
          const table = unwrap(callee.object);
          if (table.type === 'Identifier' && fixed.has(table.name)) continue;
          // `if (name in HANDLERS) return HANDLERS[name](req)`: the name was checked against this very table's keys
          if (membershipChecked(call, table, unwrap(callee.property), flow.parentOf, src, instances)) continue;
          report(callee.property, `${ctx.view.text.slice(callee.object.range[0], callee.object.range[1])}[...]()`);
          continue;
        }
        const q = flow.qualName(callee);
        if ((q === 'require' || q === 'Reflect.get' || q === 'Reflect.apply') && call.arguments.length) {
          report(q === 'require' ? call.arguments[0] : call.arguments[1] ?? call.arguments[0], q);
        }
      }
      for (const a of flow.assignments) {
        const left = a.left.type === 'MemberExpression' ? a.left : undefined;
        // globalThis[name] = ..., obj[key] = value on a namespace
        if (left?.computed && JS_NAMESPACES.test(flow.qualName(left.object))) report(left.property, `${flow.qualName(left.object)}[...]`);
      }
    },
  },
});

/**
 * Names bound only by `const X = { ... }` (an object literal) and never written through (`X[k] = f`,
 * `X.k = f`, `Object.assign(X, ...)`): the set of functions `X[name]` can reach is fixed in the source.
 */
function fixedTables(ast: TSESTree.Program, assignments: TSESTree.AssignmentExpression[]): Set<string> {
  const literal = new Set<string>();
  const other = new Set<string>();
  const declared = new Set<string>();
  jsWalk(ast, (n) => {
    if (n.type === 'VariableDeclaration') {
      for (const d of n.declarations) {
        if (d.id.type !== 'Identifier') continue;
        // `var HANDLERS = {...}` of bundled output is the same table as `const`; declared twice, it is not one table
        if (d.init && unwrap(d.init).type === 'ObjectExpression' && !declared.has(d.id.name)) literal.add(d.id.name);
        else other.add(d.id.name);
        declared.add(d.id.name);
      }
    } else if (n.type === 'CallExpression' && n.arguments[0]?.type === 'Identifier') {
      const callee = unwrap(n.callee);
      const name = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? `${memberKey(callee.object) ?? ''}.${callee.property.name}` : '';
      if (name === 'Object.assign' || name === 'Object.defineProperty' || name === 'Object.setPrototypeOf' || name === 'Reflect.set') other.add(n.arguments[0].name);
    }
  });
  for (const a of assignments) {
    const left = unwrap(a.left);
    if (left.type === 'MemberExpression') {
      const obj = unwrap(left.object);
      if (obj.type === 'Identifier') other.add(obj.name);
    } else if (left.type === 'Identifier') other.add(left.name);
  }
  for (const name of other) literal.delete(name);
  return literal;
}

/** Names bound to `new C(...)`: `name in obj` is true for every method of C (its prototype), not only its data. */
function classInstances(ast: TSESTree.Program): Set<string> {
  const out = new Set<string>();
  jsWalk(ast, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && unwrap(n.init).type === 'NewExpression') out.add(n.id.name);
  });
  return out;
}

type ParentOf = (n: TSESTree.Node) => TSESTree.Node | undefined;

/**
 * `table[key](...)` runs only where `key` is one of the table's keys: inside `if (key in table)`,
 * `if (table[key])`, `if (Object.hasOwn(table, key))`, `Object.keys(table).includes(key) && ...`, or after
 * `if (!(key in table)) throw/return`. The model then picks one of the handlers the table was given; what a
 * plain object inherits (`constructor`, `toString`...) does nothing harmful when called. Not for `this`, a
 * namespace (`globalThis`, `module.exports`) or a class instance, where `in` and truthiness reach every method.
 */
function membershipChecked(call: TSESTree.Node, table: TSESTree.Node, key: TSESTree.Node, parentOf: ParentOf, src: (n: TSESTree.Node) => string, instances: Set<string>): boolean {
  if (table.type === 'ThisExpression' || table.type === 'Super') return false;
  const tableText = src(table);
  if (JS_NAMESPACES.test(tableText)) return false;
  const ownOnly = table.type === 'Identifier' && instances.has(table.name);
  const keyText = src(key);
  const sameTable = (n: TSESTree.Node | undefined): boolean => !!n && src(unwrap(n)) === tableText;
  const sameKey = (n: TSESTree.Node | undefined): boolean => !!n && n.type !== 'SpreadElement' && src(unwrap(n)) === keyText;
  /** `table[key]` */
  const lookup = (n: TSESTree.Node): boolean => {
    const u = unwrap(n);
    return u.type === 'MemberExpression' && u.computed && sameTable(u.object) && sameKey(u.property);
  };
  /** The condition holds only when key is a key of table. */
  const positive = (n0: TSESTree.Node): boolean => {
    const n = unwrap(n0);
    if (n.type === 'LogicalExpression' && n.operator === '&&') return positive(n.left) || positive(n.right);
    if (n.type === 'BinaryExpression') {
      if (n.operator === 'in') return !ownOnly && n.left.type !== 'PrivateIdentifier' && sameKey(n.left) && sameTable(n.right);
      // typeof table[key] === 'function', table[key] !== undefined
      const other = (x: TSESTree.Node, y: TSESTree.Node): boolean => {
        const u = unwrap(x);
        const target = u.type === 'UnaryExpression' && u.operator === 'typeof' ? u.argument : u;
        const v = unwrap(y);
        const nothing = (v.type === 'Literal' && v.value === null) || (v.type === 'Identifier' && v.name === 'undefined');
        if (!lookup(target)) return false;
        if (/^!==?$/.test(n.operator)) return nothing || (v.type === 'Literal' && v.value === 'undefined');
        return /^===?$/.test(n.operator) && v.type === 'Literal' && v.value === 'function';
      };
      return !ownOnly && (other(n.left, n.right) || other(n.right, n.left));
    }
    if (n.type === 'MemberExpression') return !ownOnly && lookup(n);
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
      const method = callee.property.name;
      const recv = unwrap(callee.object);
      const recvText = src(recv);
      // Object.hasOwn(table, key), Object.prototype.hasOwnProperty.call(table, key), table.hasOwnProperty(key)
      if (recvText === 'Object' && method === 'hasOwn') return sameTable(n.arguments[0]) && sameKey(n.arguments[1]);
      if (method === 'call' && /hasOwnProperty$/.test(recvText)) return sameTable(n.arguments[0]) && sameKey(n.arguments[1]);
      if (method === 'hasOwnProperty') return sameTable(recv) && sameKey(n.arguments[0]);
      // Object.keys(table).includes(key)
      if (method === 'includes' && recv.type === 'CallExpression' && /^Object\.(keys|getOwnPropertyNames)$/.test(src(recv.callee))) return sameTable(recv.arguments[0]) && sameKey(n.arguments[0]);
    }
    return false;
  };
  /** The condition holds whenever key is not a key of table: `!(key in table)`, `!table[key]`, `table[key] === undefined`. */
  const negative = (n0: TSESTree.Node): boolean => {
    const n = unwrap(n0);
    if (n.type === 'LogicalExpression' && n.operator === '||') return negative(n.left) || negative(n.right);
    if (n.type === 'UnaryExpression' && n.operator === '!') return positive(n.argument);
    if (n.type === 'BinaryExpression' && n.left.type !== 'PrivateIdentifier' && !ownOnly) {
      const u = unwrap(n.left);
      const target = u.type === 'UnaryExpression' && u.operator === 'typeof' ? u.argument : u;
      const v = unwrap(n.right);
      if (!lookup(target)) return false;
      if (/^===?$/.test(n.operator)) return (v.type === 'Literal' && (v.value === null || v.value === 'undefined')) || (v.type === 'Identifier' && v.name === 'undefined');
      return /^!==?$/.test(n.operator) && v.type === 'Literal' && v.value === 'function';
    }
    return false;
  };
  /** The statement always leaves the enclosing block (throw / return / continue / break). */
  const exits = (s: TSESTree.Node): boolean => {
    if (s.type === 'ThrowStatement' || s.type === 'ReturnStatement' || s.type === 'ContinueStatement' || s.type === 'BreakStatement') return true;
    if (s.type === 'BlockStatement') return s.body.length > 0 && exits(s.body[s.body.length - 1]);
    if (s.type === 'IfStatement') return !!s.alternate && exits(s.consequent) && exits(s.alternate);
    return false;
  };
  let child: TSESTree.Node = call;
  for (let p = parentOf(call); p; child = p, p = parentOf(p)) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return false;
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && p.consequent === child && positive(p.test)) return true;
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && p.alternate === child && negative(p.test)) return true;
    if (p.type === 'LogicalExpression' && p.operator === '&&' && p.right === child && positive(p.left)) return true;
    const body = p.type === 'BlockStatement' || p.type === 'Program' ? p.body : p.type === 'SwitchCase' ? p.consequent : undefined;
    if (body) {
      const at = body.indexOf(child as never);
      for (let i = at - 1; i >= 0; i--) {
        const s = body[i];
        if (s.type === 'IfStatement' && !s.alternate && exits(s.consequent) && negative(s.test)) return true;
      }
    }
  }
  return false;
}
