import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
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
      const report = (name: TSESTree.Node, sink: string): void => {
        const t = flow.reaches(name, 'model', 'dispatch');
        if (t) ctx.report({ messageId: 'dispatch', data: { source: t.origin, sink }, start: name.range[0], end: name.range[1] });
      };
      for (const call of flow.calls) {
        const callee = unwrap(call.callee);
        // handlers[name](...), this[action](...)
        if (call.type === 'CallExpression' && callee.type === 'MemberExpression' && callee.computed && callee.property.type !== 'Literal') {
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
