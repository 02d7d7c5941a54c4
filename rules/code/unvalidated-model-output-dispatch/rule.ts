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
  jsWalk(ast, (n) => {
    if (n.type === 'VariableDeclaration') {
      for (const d of n.declarations) {
        if (d.id.type !== 'Identifier') continue;
        if (n.kind === 'const' && d.init && unwrap(d.init).type === 'ObjectExpression') literal.add(d.id.name);
        else other.add(d.id.name);
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
