import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, localProcessOnly, objProp, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Taint } from '../../../server/src/analyzers/flow';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

/** Python deserializers that run code chosen by the data (object reconstruction), by qualified name. */
const PY_ALWAYS_UNSAFE = new Set([
  'pickle.loads', 'cPickle.loads', '_pickle.loads', 'dill.loads', 'cloudpickle.loads', 'marshal.loads', 'jsonpickle.decode',
  'jsonpickle.loads', 'shelve.loads', 'yaml.unsafe_load', 'yaml.unsafe_load_all', 'ruamel.yaml.unsafe_load',
]);
const PY_YAML_LOAD = new Set(['yaml.load', 'yaml.load_all', 'yaml.full_load', 'yaml.full_load_all']);
/** Loaders that build arbitrary Python objects (FullLoader: still more than plain data). */
const UNSAFE_LOADER = /(^|\.)(C?Loader|C?FullLoader|C?UnsafeLoader)$/;
const SAFE_LOADER = /(^|\.)(C?SafeLoader|C?BaseLoader)$/;
/** JS deserializers that revive functions (`_$$ND_FUNC$$_`, `!!js/function`) and so run code. */
const JS_ALWAYS_UNSAFE = new Set(['node-serialize.unserialize', 'serialize-to-js.deserialize', 'funcster.deepDeserialize']);
const JS_YAML_LOAD = /^js-yaml\.(load|loadAll)$/;
const FULL_SCHEMA = /FULL_SCHEMA|js-yaml-js-types|jsTypes|JS_SCHEMA/;

export default defineRule({
  meta: {
    id: 'llm-output-unsafe-deserialization',
    name: 'LlmOutputUnsafeDeserialization',
    shortDescription: 'Model output, a tool argument or request data is deserialized with a format that can run code.',
    fullDescription: 'pickle, dill, cloudpickle, marshal, jsonpickle, yaml.load with a full or unsafe Loader, node-serialize and js-yaml with the full schema rebuild objects the data names, which runs code chosen by whoever wrote the bytes. When that is a model (steerable by prompt injection), a tool-call argument or an HTTP request, it is remote code execution. Parse data formats only: json.loads, yaml.safe_load, a schema validator.',
    views: ['python', 'js'],
    // pre-filter: the first segment of the sink's qualified name (Python modules; the JS module specifiers node-serialize, serialize-to-js, funcster, js-yaml hold these words)
    prefilter: { words: ['pickle', 'cPickle', '_pickle', 'dill', 'cloudpickle', 'marshal', 'jsonpickle', 'shelve', 'yaml', 'ruamel', 'serialize', 'funcster'] },
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM05'],
    cwe: [502],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      deserialize: '{{source}} is deserialized by `{{sink}}`, which can run code chosen by the data: a prompt injection or a crafted request becomes remote code execution. Parse it with json.loads or a schema instead.',
      yaml: '{{source}} is parsed by `{{sink}}` with {{loader}}, which builds arbitrary objects from YAML tags. Use yaml.safe_load (or Loader=yaml.SafeLoader).',
      jsYaml: '{{source}} is parsed by `{{sink}}` with the full schema, whose `!!js/function` tags run code. Use the default schema of js-yaml 4 (`yaml.load(text)`).',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const tainted = (n: Node | undefined): Taint | undefined => (n ? flow.reaches(n, ['model', 'input']) : undefined);
      const label = describeSource;
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        const arg = positional[0] ?? keywords.get('data') ?? keywords.get('stream') ?? keywords.get('s') ?? keywords.get('string');
        const t = tainted(arg);
        if (!arg || !t || localProcessOnly(t)) continue;
        if (PY_ALWAYS_UNSAFE.has(q)) {
          const fixes = q.startsWith('yaml.unsafe_load') && fn.type === 'attribute' ? renameFix(fn, q.endsWith('_all') ? 'safe_load_all' : 'safe_load', []) : [];
          ctx.report({ messageId: q.startsWith('yaml.') ? 'yaml' : 'deserialize', data: { source: label(t), sink: q, loader: 'no safe loader' }, start: arg.startIndex, end: arg.endIndex, fixes });
          continue;
        }
        if (!PY_YAML_LOAD.has(q)) continue;
        const loaderNode = keywords.get('Loader') ?? positional[1];
        const full = /full_load/.test(q);
        const loader = loaderNode?.text ?? (full ? 'FullLoader' : '');
        if (loaderNode && SAFE_LOADER.test(loaderNode.text)) continue;
        if (loaderNode && !UNSAFE_LOADER.test(loaderNode.text)) continue; // a custom loader: cannot tell
        const removals: Node[] = [];
        const kw = kids(call.childForFieldName('arguments')!).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'Loader');
        if (kw) removals.push(kw);
        else if (loaderNode) removals.push(loaderNode);
        const fixes = fn.type === 'attribute' ? renameFix(fn, q.endsWith('_all') ? 'safe_load_all' : 'safe_load', removals, ctx.view.text) : [];
        ctx.report({ messageId: 'yaml', data: { source: label(t), sink: q, loader: loader ? `Loader=${loader.replace(/^yaml\./, '')}` : 'no Loader (the default is not safe on PyYAML < 6)' }, start: arg.startIndex, end: arg.endIndex, fixes });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const q = flow.qualName(unwrap(call.callee)).replace(/\(\)/g, '');
        const arg = call.arguments[0] as TSESTree.Node | undefined;
        const t = arg ? flow.reaches(arg, ['model', 'input']) : undefined;
        if (!arg || !t || localProcessOnly(t)) continue;
        const source = describeSource(t);
        if (JS_ALWAYS_UNSAFE.has(q)) {
          ctx.report({ messageId: 'deserialize', data: { source, sink: q }, start: arg.range[0], end: arg.range[1] });
        } else if (JS_YAML_LOAD.test(q)) {
          const opts = call.arguments.slice(1).find((a) => objProp(a, 'schema'));
          const schema = opts ? objProp(opts, 'schema') : undefined;
          if (schema && FULL_SCHEMA.test(ctx.view.text.slice(schema.value.range[0], schema.value.range[1]))) {
            ctx.report({ messageId: 'jsYaml', data: { source, sink: q.replace(/^js-yaml\./, 'yaml.') }, start: arg.range[0], end: arg.range[1] });
          }
        }
      }
    },
  },
});

function describeSource(t: Taint): string {
  const what = t.kinds & 1 ? 'Model output' : t.kinds & 4 ? 'Tool argument' : 'Untrusted input';
  return `${what} \`${t.origin}\``;
}

/** `yaml.load(x, Loader=yaml.FullLoader)` -> `yaml.safe_load(x)`: rename the method and drop the Loader argument. */
function renameFix(fn: Node, method: string, removals: Node[], text = ''): Fix[] {
  const attr = fn.childForFieldName('attribute');
  if (!attr) return [];
  const edits = [{ start: attr.startIndex, end: attr.endIndex, newText: method }];
  for (const r of removals) {
    // remove ", Loader=..." including the comma before it
    const before = text.lastIndexOf(',', r.startIndex);
    edits.push({ start: before >= 0 && /^\s*$/.test(text.slice(before + 1, r.startIndex)) ? before : r.startIndex, end: r.endIndex, newText: '' });
  }
  return [{ title: `Use yaml.${method} (tagged documents stop loading as Python objects)`, kind: 'suggestion', edits }];
}
