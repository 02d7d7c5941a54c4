import { jsStackOrder } from '../../../server/src/analyzers/js/calls';
import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsChildren, jsStringValue } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { findProviderKeys, isSecretName, isSentinelValue, isTokenOnlyName, personalDataKind } from '../../../server/src/analyzers/prompt/secretPatterns';
import { jsValues, pyValues } from '../../../server/src/analyzers/prompt/codeValues';

/** Credential shapes, matched on the raw source text of a string literal. */
const SECRETS: { name: string; re: RegExp }[] = [
  { name: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'a GitHub token', re: /\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/g },
  { name: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'a Stripe key', re: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}/g },
  { name: 'a private key', re: /-----BEGIN (?:RSA |EC |OPENSSH |)PRIVATE KEY-----/g },
  { name: 'a connection string with a password', re: /\b[a-z][a-z0-9+]*:\/\/[^\s:/@'"]+:[^\s@'"{}]{3,}@[^\s'"]+/gi },
  { name: 'a password', re: /\b(?:password|passwd|pwd|passphrase)\b(?:\s+is)?\s*[:=]?\s*["'`]?(?![{<$])(?=[^\s"'`,;]*\d)[^\s"'`,;]{6,}/gi },
  { name: 'an API key or token', re: /\b(?:api[_ -]?key|secret[_ -]?key|access[_ -]?token|auth[_ -]?token|bearer)\b\s*(?:is|[:=])?\s*["'`]?(?![{<$])[A-Za-z0-9_\-.]{16,}/gi },
];
/**
 * A variable that holds a system prompt, by its words: `SYSTEM_PROMPT`, `systemMessage`, `agent_instructions`,
 * `persona`. Not `system_fingerprint`, `systemInfo` or `system_time` (`system` naming something else), nor
 * `PERSONAL_ACCESS_TOKEN` (`personal` is not `persona`).
 */
const PROMPT_WORDS = /^(instructions?|preambles?|personas?|personality|backstory)$/;
const NOT_PROMPT_WORDS = new Set([
  'fingerprint', 'info', 'information', 'time', 'timestamp', 'timezone', 'platform', 'version', 'path', 'paths', 'id', 'ids', 'uid', 'type',
  'status', 'stats', 'metric', 'metrics', 'load', 'error', 'errors', 'health', 'exit', 'call', 'calls', 'tray', 'font', 'fonts', 'theme', 'clock',
  'date', 'locale', 'os', 'arch', 'cpu', 'disk', 'encoding', 'requirement', 'requirements', 'dependency', 'dependencies', 'command', 'cmd',
  'check', 'checks', 'name', 'event', 'events', 'log', 'logs', 'property', 'properties', 'env', 'environment', 'variable', 'variables', 'service',
  'services', 'user', 'users', 'account', 'process', 'pid', 'level', 'hostname', 'host', 'clipboard', 'proxy', 'cert', 'certs', 'fields', 'field',
]);
function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function isSystemName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => PROMPT_WORDS.test(w))) return true;
  return words.some((w) => w.startsWith('system')) && !words.some((w) => NOT_PROMPT_WORDS.has(w));
}
const SYSTEM_ROLES = new Set(['system', 'developer']);
const PY_SYSTEM_KEYWORDS = new Set(['system', 'instructions', 'system_instruction', 'system_prompt', 'system_message', 'backstory']);
const JS_SYSTEM_PROPERTIES = new Set(['system', 'instructions', 'systemInstruction', 'systemPrompt']);

/** Env / config reads by key: `os.getenv("DB_PASSWORD")`, `os.environ.get(...)`, `config.get("api_key")`. */
const PY_KEYED_READ = /(^|\.)(getenv|environ\.get|environ\.__getitem__|get_secret|get_secret_value|get_parameter|getSecret|config\.get|settings\.get|secrets\.get|st\.secrets\.get)$/;
const JS_KEYED_READ = /(^|\.)(get|getSecret|getSecretValue|getParameter)$/;
const MAX_WALK = 3000;
/** Calls whose result no longer holds the value: a length, a flag, a hash, a masked form. */
const STOP_CALLS = /^(len|bool|int|float|hash|str\.isdigit|Boolean|Number|String\.prototype\.length)$|(^|\.)(hashlib\.\w+|sha\d+|md5|hexdigest|mask\w*|redact\w*|\w*_mask|\w*Mask|last4|startswith|endswith|startsWith|endsWith|includes|test|slice|substring|substr)$/;
/** Calls that construct a client or an object (`ZepClient(api_key=k)`, `createClient(key)`): their methods' results are not their arguments. */
const CONSTRUCTOR_LIKE = /(^|\.)([A-Z][A-Za-z0-9_]*|\w*[Cc]lient|\w*_client)$/;
/** Helper functions that build a system prompt: `build_system_prompt(user)`, `getInstructions()`, `persona()`. */
const SYSTEM_FN = /system_?(prompt|message|instructions?)|instructions|preamble|persona(?!l(?!ity))|backstory/i;

/**
 * Shorter builder names (`buildSystem(persona)`, `system_for(customer)`, `get_system()`): the function's
 * words are `system` plus builder verbs only. They count as prompts only when they return prose (a
 * string or template literal), so a `buildSystem()` returning a config object is not one.
 */
const BUILDER_WORDS = new Set(['build', 'make', 'get', 'render', 'create', 'compose', 'format', 'for', 'text', 'content', 'msg', 'default', 'base', 'the', 'my']);
function isSystemBuilderName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/_+/).filter(Boolean);
  return words.includes('system') && words.every((w) => w === 'system' || BUILDER_WORDS.has(w));
}
function pyIsProse(n: Node): boolean {
  if (n.type === 'string' || n.type === 'concatenated_string') return true;
  if (n.type === 'parenthesized_expression') return kids(n).some((c) => pyIsProse(c));
  if (n.type === 'binary_operator') return pyIsProse(n.childForFieldName('left')!) || pyIsProse(n.childForFieldName('right')!);
  return false;
}
function jsIsProse(n0: TSESTree.Node): boolean {
  const n = unwrap(n0);
  if (n.type === 'TemplateLiteral') return true;
  if (n.type === 'Literal') return typeof n.value === 'string';
  if (n.type === 'BinaryExpression' && n.operator === '+') return jsIsProse(n.left) || jsIsProse(n.right);
  return false;
}

type Report = (start: number, end: number, messageId: string, data: Record<string, string>) => void;

export default defineRule({
  meta: {
    id: 'secret-in-system-prompt',
    name: 'SecretInSystemPrompt',
    shortDescription: 'A credential or personal data is placed inside a system prompt.',
    fullDescription: 'System prompts are not secret: users routinely extract them with a few prompt-injection tricks, and they are logged by providers, proxies and observability tools. A password, API key or connection string written into the prompt (so the model can "use" it), a secret read from the environment or config and interpolated into it, or personal data of a user record (SSN, card number, password) leaks to anyone who asks the model nicely.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM07', 'LLM02'],
    cwe: [798, 200, 359],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.10'], euAiAct: ['Art. 15'], iso42001: ['A.7.4', 'A.6.2.4'] },
    fix: 'none',
    messages: {
      secret: 'This system prompt contains {{what}}. Prompts leak (prompt extraction, logs): keep credentials in server-side tools and a secret store, never in the prompt.',
      secretValue: 'This system prompt includes `{{name}}`, a credential{{from}}. Prompts leak (prompt extraction, logs): let a server-side tool use the credential instead of handing it to the model.',
      pii: 'This system prompt includes `{{name}}`, {{kind}} of a user record. Prompts are extractable and logged: give the model only the fields the task needs, or a tool that checks the value server-side.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const values = pyValues(ctx.view.root);
      const text = ctx.view.text;
      const prompts: Node[] = [];
      const functions = new Map<string, Node[]>();
      for (const n of pyNodesInStackOrder(ctx.view.root, ['assignment', 'dictionary', 'tuple', 'call', 'function_definition'])) {
        if (n.type === 'assignment') {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left?.type === 'identifier' && right && isSystemName(left.text)) prompts.push(right);
        } else if (n.type === 'function_definition') {
          const name = n.childForFieldName('name')?.text ?? '';
          const list = functions.get(name) ?? [];
          list.push(n);
          functions.set(name, list);
        } else if (n.type === 'dictionary') {
          let role: string | undefined;
          let content: Node | undefined;
          for (const p of kids(n)) {
            if (p.type !== 'pair') continue;
            const key = pyStringValue(p.childForFieldName('key'));
            if (key === 'role') role = pyStringValue(p.childForFieldName('value'));
            if (key === 'content') content = p.childForFieldName('value') ?? undefined;
          }
          if (role && SYSTEM_ROLES.has(role) && content) prompts.push(content);
        } else if (n.type === 'tuple') {
          const [a, b] = kids(n);
          if (b && SYSTEM_ROLES.has(pyStringValue(a) ?? '')) prompts.push(b);
        } else if (n.type === 'call') {
          const fn = n.childForFieldName('function');
          const { positional, keywords } = pyArgs(n);
          if (fn && /(^|\.)(SystemMessage|SystemMessagePromptTemplate\.from_template)$/.test(flow.qualName(fn)) && (positional[0] ?? keywords.get('content'))) prompts.push((positional[0] ?? keywords.get('content'))!);
          for (const [k, v] of keywords) if (PY_SYSTEM_KEYWORDS.has(k)) prompts.push(v);
        }
      }
      // helpers that build the system prompt: `def build_system_prompt(user): return f"..."`
      for (const [name, defs] of functions) {
        if (SYSTEM_FN.test(name)) {
          for (const d of defs) for (const r of d.descendantsOfType('return_statement')) if (r.namedChildren[0]) prompts.push(r.namedChildren[0]);
        } else if (isSystemBuilderName(name)) {
          for (const d of defs) for (const r of d.descendantsOfType('return_statement')) if (r.namedChildren[0] && pyIsProse(r.namedChildren[0])) prompts.push(r.namedChildren[0]);
        }
      }
      const seen = new Set<number>();
      const report: Report = (start, end, messageId, data) => {
        if (seen.has(start)) return;
        seen.add(start);
        ctx.report({ messageId, data, start, end });
      };
      let budget = MAX_WALK;
      const visiting = new Set<number>();
      const keyOf = (n: Node | null | undefined): string | undefined => {
        if (!n) return undefined;
        if (n.type === 'identifier') return n.text;
        if (n.type === 'attribute') return n.childForFieldName('attribute')?.text;
        if (n.type === 'subscript') return pyStringValue(n.childForFieldName('subscript'));
        return undefined;
      };
      // recv: the value is the receiver of an attribute read or a method call, whose result is not the
      // arguments it was constructed with (`client = ZepClient(api_key=key); client.memory.get(...)`)
      const walk = (n: Node, entry: Node | undefined, depth: number, recv = false): void => {
        if (--budget < 0 || depth > 4) return;
        const at = entry ?? n;
        switch (n.type) {
          case 'string': {
            scan(text, n.startIndex, n.endIndex, (start, end, what) => report(start, end, 'secret', { what }), n.children.filter((c) => c.type === 'interpolation').map((c) => [c.startIndex, c.endIndex] as [number, number]));
            for (const c of kids(n)) if (c.type === 'interpolation') walk(c, entry, depth);
            return;
          }
          case 'identifier': {
            if (isSecretName(n.text) && sentinel(n.text, values.defsOf(n).map((d) => pyStringValue(d)))) return;
            if (isSecretName(n.text)) { report(at.startIndex, at.endIndex, 'secretValue', { name: n.text, from: fromOf(values.defsOf(n).map((d) => d.text)) }); return; }
            const kind = personalDataKind(n.text);
            if (kind) { report(at.startIndex, at.endIndex, 'pii', { name: n.text, kind }); return; }
            if (visiting.has(n.id)) return;
            visiting.add(n.id);
            for (const v of values.defsOf(n)) walk(v, at, depth + 1, recv);
            return;
          }
          case 'conditional_expression': {
            // `a if cond else b`: the condition is not part of the value
            const [a, , b] = kids(n);
            if (a) walk(a, entry, depth);
            if (b) walk(b, entry, depth);
            return;
          }
          case 'attribute':
          case 'subscript': {
            if (n.type === 'subscript' && n.childForFieldName('subscript')?.type === 'slice') return; // `key[-4:]`: a masked fragment
            const key = keyOf(n);
            const obj = n.childForFieldName(n.type === 'attribute' ? 'object' : 'value');
            const objText = obj ? flow.qualName(obj) : '';
            if (key && isSecretName(key) && n.type === 'attribute' && sentinel(key, values.defsOf(n).map((d) => pyStringValue(d)))) return;
            if (key && isSecretName(key)) {
              const from = /environ$/.test(objText) ? ' read from the environment' : /config|settings|secrets|conf|env/i.test(objText) ? ' read from the configuration' : '';
              report(at.startIndex, at.endIndex, 'secretValue', { name: n.text.replace(/\s+/g, ' ').slice(0, 60), from });
              return;
            }
            const kind = key ? personalDataKind(key) : undefined;
            if (kind) { report(at.startIndex, at.endIndex, 'pii', { name: n.text.replace(/\s+/g, ' ').slice(0, 60), kind }); return; }
            if (n.type === 'attribute' && !visiting.has(n.id)) {
              const bound = values.defsOf(n);
              if (bound.length) { visiting.add(n.id); for (const v of bound) walk(v, at, depth + 1, recv); return; }
            }
            if (obj) walk(obj, entry, depth, n.type === 'attribute');
            return;
          }
          case 'call': {
            const fn = n.childForFieldName('function');
            const q = fn ? flow.qualName(fn) : '';
            const { positional } = pyArgs(n);
            const key = pyStringValue(positional[0]);
            if (PY_KEYED_READ.test(q) && key && isSecretName(key)) {
              report(at.startIndex, at.endIndex, 'secretValue', { name: key, from: /environ|getenv/.test(q) ? ' read from the environment' : ' read from the configuration' });
              return;
            }
            if (STOP_CALLS.test(q)) return;
            if (recv && CONSTRUCTOR_LIKE.test(q)) return;
            if (fn?.type === 'identifier' && isSecretName(fn.text)) { report(at.startIndex, at.endIndex, 'secretValue', { name: `${fn.text}()`, from: '' }); return; }
            // a same-file helper: what it returns
            const helper = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' && /^(self|cls)$/.test(fn.childForFieldName('object')?.text ?? '') ? fn.childForFieldName('attribute')?.text : undefined;
            // helpers named as system-prompt builders are prompts themselves (reported inside them)
            const defs = helper && !SYSTEM_FN.test(helper) && !isSystemBuilderName(helper) ? functions.get(helper) : undefined;
            if (defs && !visiting.has(n.id)) {
              visiting.add(n.id);
              for (const d of defs) for (const r of d.descendantsOfType('return_statement')) if (r.namedChildren[0]) walk(r.namedChildren[0], at, depth + 1);
            }
            if (fn?.type === 'attribute') { const o = fn.childForFieldName('object'); if (o) walk(o, entry, depth, true); }
            for (const a of kids(n.childForFieldName('arguments') ?? n)) if (a !== fn) walk(a, entry, depth);
            return;
          }
          case 'keyword_argument': {
            const v = n.childForFieldName('value');
            if (v) walk(v, entry, depth);
            return;
          }
          case 'lambda': case 'function_definition': case 'comment':
            return;
          default:
            for (const c of kids(n)) walk(c, entry, depth);
        }
      };
      for (const p of prompts) walk(p, undefined, 0);
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const text = ctx.view.text;
      // what this file assigns to a property of that name: `exports.DONE_TOKEN = '...'`, `static DONE_TOKEN = '...'`
      let propertyValues: Map<string, (string | undefined)[]> | undefined;
      const jsPropertyValues = (key: string): (string | undefined)[] => {
        if (!propertyValues) {
          propertyValues = new Map();
          const add = (k: string | undefined, v: TSESTree.Node | null | undefined) => { if (k && v) propertyValues!.set(k, [...(propertyValues!.get(k) ?? []), jsStringValue(v)]); };
          for (const x of jsStackOrder(ctx.view.ast)) {
            if (x.type === 'AssignmentExpression' && x.operator === '=' && x.left.type === 'MemberExpression') add(!x.left.computed && x.left.property.type === 'Identifier' ? x.left.property.name : jsStringValue(x.left.property), x.right);
            else if (x.type === 'PropertyDefinition' && !x.computed && x.key.type === 'Identifier') add(x.key.name, x.value);
          }
        }
        return propertyValues.get(key) ?? [];
      };
      const prompts: TSESTree.Node[] = [];
      const functions = new Map<string, TSESTree.Node[]>();
      for (const n of jsStackOrder(ctx.view.ast)) {
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
          if (isSystemName(n.id.name)) prompts.push(n.init);
          const init = unwrap(n.init);
          if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') functions.set(n.id.name, [...(functions.get(n.id.name) ?? []), init]);
        } else if (n.type === 'FunctionDeclaration' && n.id) functions.set(n.id.name, [...(functions.get(n.id.name) ?? []), n]);
        else if (n.type === 'MethodDefinition' && n.key.type === 'Identifier') functions.set(n.key.name, [...(functions.get(n.key.name) ?? []), n.value]);
      }
      const returnsOf = (fn: TSESTree.Node): TSESTree.Node[] => {
        if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') return [fn.body];
        const out: TSESTree.Node[] = [];
        const st: TSESTree.Node[] = fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression' ? [fn.body] : [];
        while (st.length) {
          const x = st.pop()!;
          if (x.type === 'ReturnStatement' && x.argument) out.push(x.argument);
          else if (x.type !== 'FunctionDeclaration' && x.type !== 'FunctionExpression' && x.type !== 'ArrowFunctionExpression') st.push(...jsChildren(x));
        }
        return out;
      };
      for (const [name, fns] of functions) {
        if (SYSTEM_FN.test(name)) for (const f of fns) prompts.push(...returnsOf(f));
        else if (isSystemBuilderName(name)) for (const f of fns) prompts.push(...returnsOf(f).filter(jsIsProse));
      }
      for (const p of flow.properties) {
        const name = propName(p);
        const obj = flow.parentOf(p);
        if (name === 'role' && SYSTEM_ROLES.has(jsStringValue(p.value) ?? '') && obj) {
          const c = objProp(obj, 'content');
          if (c) prompts.push(c.value);
        } else if (name && JS_SYSTEM_PROPERTIES.has(name)) prompts.push(p.value);
      }
      for (const call of flow.calls) {
        if (/(^|\.)SystemMessage$/.test(flow.qualName(call.callee)) && call.arguments[0]) prompts.push(call.arguments[0]);
      }
      const seen = new Set<number>();
      const report: Report = (start, end, messageId, data) => {
        if (seen.has(start)) return;
        seen.add(start);
        ctx.report({ messageId, data, start, end });
      };
      let budget = MAX_WALK;
      const visiting = new Set<TSESTree.Node>();
      const walk = (n0: TSESTree.Node, entry: TSESTree.Node | undefined, depth: number, recv = false): void => {
        if (--budget < 0 || depth > 4) return;
        const n = unwrap(n0);
        const at = entry ?? n;
        const src = (x: TSESTree.Node): string => text.slice(x.range[0], x.range[1]).replace(/\s+/g, ' ').slice(0, 60);
        switch (n.type) {
          case 'Literal':
            if (typeof n.value === 'string') scan(text, n.range[0], n.range[1], (start, end, what) => report(start, end, 'secret', { what }), []);
            return;
          case 'TemplateLiteral':
            scan(text, n.range[0], n.range[1], (start, end, what) => report(start, end, 'secret', { what }), n.expressions.map((e) => [e.range[0] - 2, e.range[1] + 1] as [number, number]));
            for (const e of n.expressions) walk(e, entry, depth);
            return;
          case 'Identifier': {
            if (isSecretName(n.name) && sentinel(n.name, values.defsOf(n).map((d) => jsStringValue(d)))) return;
            if (isSecretName(n.name)) { report(at.range[0], at.range[1], 'secretValue', { name: n.name, from: fromOf(values.defsOf(n).map((d) => text.slice(d.range[0], d.range[1]))) }); return; }
            const kind = personalDataKind(n.name);
            if (kind) { report(at.range[0], at.range[1], 'pii', { name: n.name, kind }); return; }
            if (visiting.has(n)) return;
            visiting.add(n);
            for (const v of values.defsOf(n)) walk(v, at, depth + 1, recv);
            return;
          }
          case 'ConditionalExpression':
            // `cond ? a : b`: the condition is not part of the value
            walk(n.consequent, entry, depth);
            walk(n.alternate, entry, depth);
            return;
          case 'NewExpression':
            // `new Client({ apiKey })` reached as a receiver: what its methods return is not the key
            if (recv) return;
            for (const c of jsChildren(n)) walk(c, entry, depth);
            return;
          case 'MemberExpression': {
            const key = !n.computed && n.property.type === 'Identifier' ? n.property.name : jsStringValue(n.property);
            const objText = flow.qualName(n.object);
            if (key && isSecretName(key) && sentinel(key, jsPropertyValues(key))) return;
            if (key && isSecretName(key)) {
              const from = /(^|\.)process\.env$|import\.meta\.env$/.test(objText) ? ' read from the environment' : /config|settings|secrets|conf|env/i.test(objText) ? ' read from the configuration' : '';
              report(at.range[0], at.range[1], 'secretValue', { name: src(n), from });
              return;
            }
            const kind = key ? personalDataKind(key) : undefined;
            if (kind) { report(at.range[0], at.range[1], 'pii', { name: src(n), kind }); return; }
            walk(n.object, entry, depth, true);
            return;
          }
          case 'CallExpression': {
            const q = flow.qualName(n.callee);
            if (STOP_CALLS.test(q)) return;
            if (recv && CONSTRUCTOR_LIKE.test(q)) return;
            const key = jsStringValue(n.arguments[0]);
            if (JS_KEYED_READ.test(q) && /config|settings|secret|env|vault|ssm|parameter/i.test(q) && key && isSecretName(key)) {
              report(at.range[0], at.range[1], 'secretValue', { name: key, from: ' read from the configuration' });
              return;
            }
            const helper = n.callee.type === 'Identifier' ? n.callee.name : n.callee.type === 'MemberExpression' && n.callee.object.type === 'ThisExpression' && n.callee.property.type === 'Identifier' ? n.callee.property.name : undefined;
            if (helper && isSecretName(helper)) { report(at.range[0], at.range[1], 'secretValue', { name: `${helper}()`, from: '' }); return; }
            const fns = helper && !SYSTEM_FN.test(helper) && !isSystemBuilderName(helper) ? functions.get(helper) : undefined;
            if (fns && !visiting.has(n)) {
              visiting.add(n);
              for (const f of fns) for (const r of returnsOf(f)) walk(r, at, depth + 1);
            }
            if (n.callee.type === 'MemberExpression') walk(n.callee.object, entry, depth, true);
            for (const a of n.arguments) walk(a, entry, depth);
            return;
          }
          case 'Property':
            walk(n.value, entry, depth);
            return;
          case 'FunctionExpression': case 'ArrowFunctionExpression':
            return;
          default:
            for (const c of jsChildren(n)) walk(c, entry, depth);
        }
      };
      for (const p of prompts) walk(p, undefined, 0);
    },
  },
});

/**
 * A name that is a credential only by its `_token` ending (`DONE_TOKEN`), whose values in this file are all
 * literals that are not secret-shaped (`DONE_DONE_DONE`, `[DONE]`): a sentinel the model is asked to print.
 */
function sentinel(name: string, values: (string | undefined)[]): boolean {
  return isTokenOnlyName(name) && values.length > 0 && values.every((v) => v !== undefined && isSentinelValue(v));
}

/** Where a secret-named variable was read from, by the text of its definitions. */
function fromOf(defs: string[]): string {
  if (defs.some((d) => /\b(os\.environ|getenv|process\.env|import\.meta\.env|Deno\.env)\b/.test(d))) return ' read from the environment';
  if (defs.some((d) => /\b(config|settings|secrets?|vault|ssm|get_secret|getSecret)\b/i.test(d))) return ' read from the configuration';
  return '';
}

/** Credentials in the literal text of a string (`holes`: interpolations, skipped). */
function scan(text: string, start: number, end: number, report: (start: number, end: number, what: string) => void, holes: [number, number][]): void {
  let raw = text.slice(start, end);
  // blank the interpolations so a key never spans code
  for (const [a, b] of holes) if (a >= start && b <= end) raw = raw.slice(0, a - start) + ' '.repeat(b - a) + raw.slice(b - start);
  const taken: [number, number][] = [];
  for (const k of findProviderKeys(raw)) {
    taken.push([k.start, k.end]);
    report(start + k.start, start + k.end, `${/^[aeiouAEIOU]/.test(k.provider) ? 'an' : 'a'} ${k.provider} API key`);
  }
  for (const { name, re } of SECRETS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(raw))) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      report(start + s, start + e, name);
    }
  }
}
