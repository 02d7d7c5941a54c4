import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { Taint } from '../../../server/src/analyzers/flow';
import { jsFlow, jsStringValue, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { pyBool } from '../../../server/src/analyzers/python/calls';
import { jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';

type N = TSESTree.Node;

/** `langchain_core.load.loads`, `langchain_core.load.load.load`, legacy `langchain.load.loads`. */
const PY_LOADERS = /^(langchain_core|langchain|langchain_classic)\.load(\.load)?\.(loads|load)$/;
/** `load_chain("path")` reads a chain config and instantiates what it names. */
const PY_LOAD_CHAIN = /^(langchain|langchain_classic)(\.chains)?(\.loading)?\.load_chain$/;
const JS_LOADERS = /^(langchain\/load|@langchain\/core\/load)\.load$/;
const SOURCES: ('input' | 'tool' | 'model')[] = ['input', 'tool', 'model'];

/**
 * Releases with the serialization-injection fix (GHSA-c67j-w6g6-q2cm / CVE-2025-68664, Python;
 * GHSA-r399-636x-v7f6 / CVE-2025-68665, JS): loads defaults to core classes only, no environment secrets, an
 * init validator, and dumps escapes user dicts with an "lc" key. Per package: [major.minor line, first fixed].
 */
type FixedIn = Record<string, [string, string][]>;
const PY_FIXED_CORE: FixedIn = { 'langchain-core': [['0', '0.3.81'], ['1', '1.2.5']] };
/** legacy `langchain.load` re-exports langchain-core's loader from 0.1 on; before that it is its own (unfixed) copy. */
const PY_FIXED_LEGACY: FixedIn = { ...PY_FIXED_CORE, langchain: [['0.0', '0.1.0']] };
const JS_FIXED: FixedIn = { '@langchain/core': [['0', '0.3.80'], ['1', '1.1.8']], langchain: [['0', '0.3.37'], ['1', '1.2.3']] };

export default defineRule({
  meta: {
    id: 'langchain-unsafe-load',
    name: 'LangchainUnsafeLoad',
    shortDescription: 'LangChain deserializes (loads / load / load_chain) data that is not a constant of the application.',
    fullDescription: 'langchain_core.load.loads / load and LangChain.js load() revive objects from JSON: any dict with an "lc" key names a class to instantiate with attacker-chosen arguments and can name secrets to read from the environment (serialization injection, CVE-2025-68664 / GHSA-c67j-w6g6-q2cm). load_chain() instantiates whatever a chain file describes. Only deserialize data your application produced and stored where users cannot change it; keep secrets_from_env off and restrict allowed_objects to the classes you expect.',
    views: ['python', 'js'],
    // pre-filter: every report is on a call whose qualified name starts with a LangChain module (Python) or a `langchain/...`, `@langchain/core/...` specifier (JS)
    prefilter: { words: ['langchain_core', 'langchain', 'langchain_classic'] },
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM05', 'LLM03'],
    cwe: [502],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.8.2'] },
    fix: 'suggestion',
    messages: {
      untrusted: '`{{name}}` deserializes {{source}}: a dict with an "lc" key instantiates LangChain classes with attacker-chosen arguments and can read secrets from the environment. Parse it as plain JSON, or restrict `allowed_objects` to the classes you expect.',
      broad: '`{{name}}` deserializes data that is not a constant of this file with `{{option}}`, which admits classes beyond the core set (chat models and their endpoint URLs, headers, keys): if any part of the data can come from a user (a stored chat, a cache, an upload), it chooses what is built. Restrict `allowed_objects` to the classes you expect.',
      oldVersion: '`{{name}}` deserializes data that is not a constant of this file, and the manifest pins {{pin}}, a release before the serialization-injection fix (CVE-2025-68664 / CVE-2025-68665): any "lc" dict in the data instantiates classes and reads environment secrets. Upgrade, and restrict `allowed_objects` to the classes you expect.',
      secretsFromEnv: '`{{option}}` lets the serialized data name environment variables to read: injected data can pull API keys into objects it controls. Pass the secrets you need in `{{map}}` instead.',
      loadChain: '`load_chain` instantiates whatever the chain file at a non-constant path describes: a user who controls the path or the file controls the objects (and their URLs and keys). Load chains only from fixed paths in your repository.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const constants = new Set<string>();
      for (const a of ctx.view.root.descendantsOfType('assignment')) {
        const left = a.childForFieldName('left');
        if (left?.type === 'identifier' && isPyConstant(a.childForFieldName('right'), constants)) constants.add(left.text);
      }
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        if (PY_LOAD_CHAIN.test(q)) {
          const path = positional[0] ?? keywords.get('path');
          if (path && !isPyConstant(path, constants)) ctx.report({ messageId: 'loadChain', start: call.startIndex, end: call.endIndex });
          continue;
        }
        if (!PY_LOADERS.test(q)) continue;
        const data = positional[0] ?? keywords.get('text') ?? keywords.get('obj');
        if (!data || isPyConstant(data, constants)) continue;
        const name = q.slice(q.lastIndexOf('.') + 1);
        const allowed = keywords.get('allowed_objects');
        const allowedName = allowed ? pyStringValue(allowed) : undefined;
        // an explicit list of classes, or the message classes only, confines what can be instantiated
        const restricted = !!allowed && (allowed.type === 'list' || allowed.type === 'tuple' || allowed.type === 'set' || allowedName === 'messages');
        if (!restricted) {
          const t = flow.reaches(data, SOURCES);
          const ns = keywords.get('valid_namespaces');
          const broad = allowedName === 'all' ? 'allowed_objects="all"'
            : ns && ns.type !== 'none' && !(ns.type === 'list' && ns.namedChildCount === 0) ? 'valid_namespaces' : undefined;
          const old = vulnerablePin(ctx.workspace?.pythonPins, q.startsWith('langchain_core') ? PY_FIXED_CORE : PY_FIXED_LEGACY);
          if (t) ctx.report({ messageId: 'untrusted', data: { name, source: describeSource(t) }, start: fn.startIndex, end: call.endIndex });
          else if (broad) ctx.report({ messageId: 'broad', data: { name, option: broad }, start: fn.startIndex, end: call.endIndex });
          else if (old) ctx.report({ messageId: 'oldVersion', data: { name, pin: old }, start: fn.startIndex, end: call.endIndex });
        }
        const env = keywords.get('secrets_from_env');
        if (env && pyBool(env) === true) {
          const kw = env.parent!;
          ctx.report({
            messageId: 'secretsFromEnv', data: { option: 'secrets_from_env=True', map: 'secrets_map' }, start: kw.startIndex, end: kw.endIndex,
            fixes: [{ title: 'Do not read secrets from the environment (secrets_from_env=False)', kind: 'suggestion', edits: [{ start: env.startIndex, end: env.endIndex, newText: 'False' }] }],
          });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const constants = new Set<string>();
      jsWalk(ctx.view.ast, (n) => {
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && isJsConstant(n.init, constants)) constants.add(n.id.name);
      });
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression' || !JS_LOADERS.test(flow.qualName(call.callee))) continue;
        const data = call.arguments[0];
        if (!data || isJsConstant(data, constants)) continue;
        if (isLoadApiWrapper(call, data, flow.parentOf.bind(flow))) continue;
        const t = flow.reaches(data, SOURCES);
        const broad = objProp(call.arguments[1], 'optionalImportEntrypoints') ? 'optionalImportEntrypoints' : undefined;
        const old = vulnerablePin(ctx.workspace?.npmPins, JS_FIXED);
        if (t) ctx.report({ messageId: 'untrusted', data: { name: 'load', source: describeSource(t) }, start: call.range[0], end: call.range[1] });
        else if (broad) ctx.report({ messageId: 'broad', data: { name: 'load', option: broad }, start: call.range[0], end: call.range[1] });
        else if (old) ctx.report({ messageId: 'oldVersion', data: { name: 'load', pin: old }, start: call.range[0], end: call.range[1] });
        const env = objProp(call.arguments[1], 'secretsFromEnv');
        const v = env ? unwrap(env.value) : undefined;
        if (env && v?.type === 'Literal' && v.value === true) {
          ctx.report({
            messageId: 'secretsFromEnv', data: { option: 'secretsFromEnv: true', map: 'secretsMap' }, start: env.range[0], end: env.range[1],
            fixes: [{ title: 'Do not read secrets from the environment (secretsFromEnv: false)', kind: 'suggestion', edits: [{ start: v.range[0], end: v.range[1], newText: 'false' }] }],
          });
        }
      }
    },
  },
});

/**
 * The library's own definition of a `load` API that forwards its parameter to the core loader
 * (`async function load(text, ...) { return coreLoad(text, ...) }` in langchain/load): the data is whatever
 * the caller passes, so the finding belongs at the callers, where this rule sees `load(...)` again.
 */
function isLoadApiWrapper(call: N, data: N, parentOf: (n: N) => N | undefined): boolean {
  if (data.type !== 'Identifier') return false;
  for (let p = parentOf(call); p; p = parentOf(p)) {
    if (p.type !== 'FunctionDeclaration' && p.type !== 'FunctionExpression' && p.type !== 'ArrowFunctionExpression') continue;
    const params = p.params.map((x) => (x.type === 'AssignmentPattern' ? x.left : x));
    if (!params.some((x) => x.type === 'Identifier' && x.name === data.name)) return false;
    const owner = parentOf(p);
    const name = p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' ? p.id?.name
      : owner?.type === 'VariableDeclarator' && owner.id.type === 'Identifier' ? owner.id.name : undefined;
    return name !== undefined && /^(load|loads)$/.test(name);
  }
  return false;
}

/** `name==version` of the first pinned package whose pinned release predates the fix on its line, or undefined. */
function vulnerablePin(pins: Readonly<Record<string, string>> | undefined, fixed: FixedIn): string | undefined {
  if (!pins) return undefined;
  for (const [pkg, lines] of Object.entries(fixed)) {
    const v = pins[pkg];
    if (!v) continue;
    const line = lines.find(([prefix]) => v === prefix || v.startsWith(`${prefix}.`));
    if (line && compareVersions(v, line[1]) < 0) return `${pkg} ${v}`;
  }
  return undefined;
}

/** Numeric comparison of dotted release numbers (pre-release suffixes compare as their numeric prefix). */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => parseInt(x, 10));
  const pb = b.split(/[.+-]/).map((x) => parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isNaN(pa[i] ?? 0) ? 0 : pa[i] ?? 0;
    const y = Number.isNaN(pb[i] ?? 0) ? 0 : pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function describeSource(t: Taint): string {
  return t.kinds & 2 ? `request data (${t.origin})` : t.kinds & 1 ? `model output (${t.origin})` : `a tool argument (${t.origin})`;
}

/** A literal (string, dict/list of literals), or a name bound to one in this file. */
function isPyConstant(n: Node | null | undefined, constants: Set<string>): boolean {
  if (!n) return false;
  if (pyStringValue(n) !== undefined) return true;
  switch (n.type) {
    case 'identifier':
      return constants.has(n.text);
    case 'integer': case 'float': case 'true': case 'false': case 'none':
      return true;
    case 'dictionary':
      return n.namedChildren.every((p) => p.type === 'pair' && isPyConstant(p.childForFieldName('key'), constants) && isPyConstant(p.childForFieldName('value'), constants));
    case 'list': case 'tuple':
      return n.namedChildren.every((c) => isPyConstant(c, constants));
    case 'parenthesized_expression':
      return isPyConstant(n.namedChildren[0], constants);
    default:
      return false;
  }
}

function isJsConstant(n: N, constants: Set<string>): boolean {
  const u = unwrap(n);
  if (u.type === 'Identifier') return constants.has(u.name);
  if (jsStringValue(u) !== undefined) return true;
  if (u.type === 'Literal') return true;
  if (u.type === 'ObjectExpression') return u.properties.every((p) => p.type === 'Property' && isJsConstant(p.value, constants));
  if (u.type === 'ArrayExpression') return u.elements.every((e) => !!e && e.type !== 'SpreadElement' && isJsConstant(e, constants));
  // JSON.stringify of a constant object
  if (u.type === 'CallExpression' && u.callee.type === 'MemberExpression' && u.arguments[0] && /^JSON$/.test(u.callee.object.type === 'Identifier' ? u.callee.object.name : '')) return isJsConstant(u.arguments[0], constants);
  return false;
}
