import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsChildren, jsStringValue } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { jsValues, pyValues } from '../../../server/src/analyzers/prompt/codeValues';

const SYSTEM_ROLES = new Set(['system', 'developer']);
/** Keyword arguments / properties that hold the system prompt of a model call. */
const PY_SYSTEM_KEYWORDS = new Set(['system', 'instructions', 'system_instruction', 'system_prompt', 'system_message', 'backstory']);
const JS_SYSTEM_PROPERTIES = new Set(['system', 'instructions', 'systemInstruction', 'systemPrompt']);
/** Constructors whose first argument is a system message / template. */
const PY_SYSTEM_CALLS = /(^|\.)(SystemMessage|SystemMessagePromptTemplate\.from_template|SystemMessagePromptTemplate)$/;
const JS_SYSTEM_CALLS = /(^|\.)(SystemMessage|SystemMessagePromptTemplate\.fromTemplate)$/;

export default defineRule({
  meta: {
    id: 'untrusted-input-in-system-prompt',
    name: 'UntrustedInputInSystemPrompt',
    shortDescription: 'Request data or user input is placed into the system prompt.',
    fullDescription: 'Models give the system (or developer) role more authority than the user role. Interpolating request parameters, form fields or other user-controlled text into the system prompt lets a user rewrite the application\'s instructions: a direct prompt injection with system-level authority. Keep the system prompt constant and send user text in a user message.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM01', 'LLM07'],
    cwe: [1427, 77],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MAP 2.3'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.1.2'] },
    fix: 'none',
    messages: {
      system: 'Untrusted input from `{{source}}` is placed into the {{where}}. Keep the system prompt constant and pass user text in a user-role message.',
      helper: 'Untrusted input from `{{source}}` (passed to `{{helper}}` at line {{line}}) is placed into the {{where}}. Keep the system prompt constant and pass user text in a user-role message.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const values = pyValues(ctx.view.root);
      const seen = new Set<number>();
      const viaHelper = pyHelperInput(ctx.view.root, flow, values);
      const report = (value: Node | undefined | null, where: string): void => {
        if (!value || seen.has(value.startIndex)) return;
        const t = flow.reaches(value, 'input');
        if (!t) {
          const h = viaHelper(value);
          if (!h) return;
          seen.add(value.startIndex);
          ctx.report({ messageId: 'helper', data: { ...h, where }, start: value.startIndex, end: value.endIndex });
          return;
        }
        seen.add(value.startIndex);
        ctx.report({ data: { source: t.origin, where }, start: value.startIndex, end: value.endIndex });
      };
      for (const n of pyNodesInStackOrder(ctx.view.root, ['dictionary', 'tuple', 'call'])) {
        if (n.type === 'dictionary') {
          let role: string | undefined;
          let content: Node | undefined;
          for (const p of kids(n)) {
            if (p.type !== 'pair') continue;
            const key = pyStringValue(p.childForFieldName('key'));
            if (key === 'role') role = pyStringValue(p.childForFieldName('value'));
            if (key === 'content') content = p.childForFieldName('value') ?? undefined;
          }
          if (role && SYSTEM_ROLES.has(role) && !pyRecordNotMessage(n)) report(content, `${role} message`);
        } else if (n.type === 'tuple') {
          // ChatPromptTemplate.from_messages([('system', '...')])
          const [a, b] = kids(n);
          const role = pyStringValue(a);
          if (role && SYSTEM_ROLES.has(role) && kids(n).length === 2) report(b, `${role} message template`);
        } else if (n.type === 'call') {
          const fn = n.childForFieldName('function');
          const q = fn ? flow.qualName(fn) : '';
          const { positional, keywords } = pyArgs(n);
          if (PY_SYSTEM_CALLS.test(q)) report(positional[0] ?? keywords.get('content') ?? keywords.get('template'), 'system message');
          // session.create_message(..., system_prompt=params.systemPrompt): the requester's own system prompt, relayed (see samplingRelay)
          const relay = (k: string, v: Node): boolean => k === 'system_prompt' && /(^|\.)create_message$/.test(q) && v.type === 'attribute' && /^(systemPrompt|system_prompt)$/.test(v.childForFieldName('attribute')?.text ?? '');
          for (const [k, v] of keywords) if (PY_SYSTEM_KEYWORDS.has(k) && !relay(k, v)) report(v, `\`${k}=\` system prompt`);
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const viaHelper = jsHelperInput(ctx.view.ast, ctx.view.text, flow, values);
      const seen = new Set<number>();
      const report = (value: TSESTree.Node | undefined, where: string): void => {
        if (!value || seen.has(value.range[0])) return;
        const t = flow.reaches(value, 'input');
        if (t) {
          seen.add(value.range[0]);
          ctx.report({ data: { source: t.origin, where }, start: value.range[0], end: value.range[1] });
          return;
        }
        const h = viaHelper(value);
        if (!h) return;
        seen.add(value.range[0]);
        ctx.report({ messageId: 'helper', data: { ...h, where }, start: value.range[0], end: value.range[1] });
      };
      for (const p of flow.properties) {
        const name = propName(p);
        if (name === 'role') {
          const role = jsStringValue(p.value);
          const obj = flow.parentOf(p);
          if (role && SYSTEM_ROLES.has(role) && obj && !jsRecordNotMessage(obj)) report(objProp(obj, 'content')?.value, `${role} message`);
        } else if (name && JS_SYSTEM_PROPERTIES.has(name)) {
          const obj = flow.parentOf(p);
          const call = obj ? flow.parentOf(obj) : undefined;
          if (call && (call.type === 'CallExpression' || call.type === 'NewExpression') && !samplingRelay(call, name, p.value)) report(p.value, `\`${name}\` system prompt`);
        }
      }
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee);
        if (JS_SYSTEM_CALLS.test(q)) {
          const a = call.arguments[0];
          const content = a && unwrap(a).type === 'ObjectExpression' ? objProp(a, 'content')?.value : a;
          report(content, 'system message');
        }
      }
      // ChatPromptTemplate.fromMessages([['system', `...${x}`]])
      for (const call of flow.calls) {
        for (const a of call.arguments) {
          const arr = unwrap(a);
          if (arr.type !== 'ArrayExpression') continue;
          for (const el of arr.elements) {
            if (!el || el.type !== 'ArrayExpression' || el.elements.length !== 2) continue;
            const role = jsStringValue(el.elements[0] ?? undefined);
            if (role && SYSTEM_ROLES.has(role)) report(el.elements[1] ?? undefined, `${role} message template`);
          }
        }
      }
    },
  },
});

/**
 * An MCP `sampling/createMessage` request forwarded with the requester's own `systemPrompt`
 * (`createMessage({ ..., systemPrompt: params.systemPrompt })`): the protocol lets the party asking for the
 * completion choose its system prompt, so passing it through unchanged crosses no boundary. Text built around
 * it, or another field placed there, is still reported.
 */
function samplingRelay(call: TSESTree.CallExpression | TSESTree.NewExpression, prop: string, value: TSESTree.Node): boolean {
  const callee = unwrap(call.callee);
  if (prop !== 'systemPrompt' || callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'createMessage') return false;
  const v = unwrap(value);
  return v.type === 'MemberExpression' && !v.computed && v.property.type === 'Identifier' && v.property.name === 'systemPrompt';
}

type PyFlowT = ReturnType<typeof pythonFlow>;
type JsFlowT = ReturnType<typeof jsFlow>;
interface HelperHit { source: string; helper: string; line: string }

function lineOf(text: string, offset: number): string {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return String(n);
}

/**
 * A system-prompt value inside a helper that is built from the helper's parameters, where a same-file
 * caller passes request input for that parameter: `def build_messages(q): return [{"role": "system", "content": f"... {q}"}]`
 * called as `build_messages(request.json["q"])`.
 */
function pyHelperInput(root: Node, flow: PyFlowT, values: ReturnType<typeof pyValues>): (value: Node) => HelperHit | undefined {
  const calls = flow.calls;
  return (value) => {
    let fn: Node | undefined;
    for (let p = value.parent; p; p = p.parent) if (p.type === 'function_definition') { fn = p; break; }
    if (!fn) return undefined;
    const name = fn.childForFieldName('name')?.text ?? '';
    const params: string[] = [];
    for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
      const id = p.type === 'identifier' ? p : p.type === 'typed_parameter' || p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? (p.childForFieldName('name') ?? kids(p)[0]) : undefined;
      if (id?.type === 'identifier') params.push(id.text);
    }
    const isMethod = params[0] === 'self' || params[0] === 'cls';
    const used = values.find(value, (n) => (n.type === 'identifier' && params.includes(n.text) && values.defsOf(n).length === 0 && !(isMethod && params.indexOf(n.text) === 0) ? n.text : undefined));
    if (!used) return undefined;
    const index = params.indexOf(used.origin) - (isMethod ? 1 : 0);
    for (const call of calls) {
      const f = call.childForFieldName('function');
      // functions by name; methods through `self.m(...)` or any `obj.m(...)`
      const callee = f?.type === 'identifier' && !isMethod ? f.text : f?.type === 'attribute' && isMethod ? f.childForFieldName('attribute')?.text : undefined;
      if (callee !== name || (call.startIndex >= fn.startIndex && call.endIndex <= fn.endIndex)) continue;
      const { positional, keywords } = pyArgs(call);
      const arg = keywords.get(used.origin) ?? positional[index];
      const t = arg ? flow.reaches(arg, 'input') : undefined;
      if (t) return { source: t.origin, helper: `${name}()`, line: lineOf(root.text, call.startIndex) };
    }
    return undefined;
  };
}

function jsHelperInput(ast: TSESTree.Node, text: string, flow: JsFlowT, values: ReturnType<typeof jsValues>): (value: TSESTree.Node) => HelperHit | undefined {
  return (value) => {
    const fn = values.functionOf(value) as TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | undefined;
    if (!fn) return undefined;
    let name: string | undefined;
    if (fn.type === 'FunctionDeclaration' && fn.id) name = fn.id.name;
    else {
      const parent = flow.parentOf(fn);
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') name = parent.id.name;
      else if (parent?.type === 'MethodDefinition' && parent.key.type === 'Identifier') name = parent.key.name;
      else if (parent?.type === 'Property') name = propName(parent);
    }
    if (!name) return undefined;
    // parameters: `q` (by position) or `{ q }` (a property of the argument at that position)
    const params: { name: string; index: number; prop: boolean }[] = [];
    fn.params.forEach((p, index) => {
      const q = p.type === 'AssignmentPattern' ? p.left : p;
      if (q.type === 'Identifier') params.push({ name: q.name, index, prop: false });
      else if (q.type === 'ObjectPattern') for (const pp of q.properties) if (pp.type === 'Property' && pp.value.type === 'Identifier') params.push({ name: pp.value.name, index, prop: true });
    });
    const used = values.find(value, (n) => (n.type === 'Identifier' && params.some((p) => p.name === n.name) && values.defsOf(n).length === 0 ? n.name : undefined));
    if (!used) return undefined;
    const param = params.find((p) => p.name === used.origin)!;
    for (const call of flow.calls) {
      const c = call.callee;
      const callee = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && c.property.type === 'Identifier' && (c.object.type === 'ThisExpression' || c.object.type === 'Identifier') ? c.property.name : undefined;
      if (callee !== name || (call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1])) continue;
      const a = call.arguments[param.index];
      const arg = a && param.prop ? objProp(a, param.name)?.value ?? a : a;
      const t = arg ? flow.reaches(arg, 'input') : undefined;
      if (t) return { source: t.origin, helper: `${name}()`, line: lineOf(text, call.range[0]) };
    }
    void ast; void jsChildren;
    return undefined;
  };
}

/**
 * Keys of a chat message across the SDKs (OpenAI, Anthropic, Gemini, Ollama, LangChain, AI SDK). An object with
 * `role: 'system'` and other keys too (`id`, `userId`, `read`, `createdAt`) is a stored record, such as a
 * notification row or an audit entry, not a message a model reads: `db.insert(messages).values(row)`.
 */
const MESSAGE_KEYS = /^(role|content|name|parts|images|tool_calls|toolCalls|tool_call_id|toolCallId|function_call|cache_control|providerOptions|experimental_\w+|refusal|audio|type|id)$/;
const RECORD_KEYS = /^(user_?id|userId|chat_?id|chatId|created_?at|createdAt|updated_?at|updatedAt|read|delivered_?at|deliveredAt|payload|status|timestamp|conversation_?id|conversationId|thread_?id|threadId)$/;
function jsRecordNotMessage(obj: TSESTree.Node): boolean {
  if (obj.type !== 'ObjectExpression') return false;
  const keys = obj.properties.map((p) => (p.type === 'Property' ? propName(p) ?? '' : ''));
  return keys.filter((k) => RECORD_KEYS.test(k)).length >= 2 && keys.some((k) => !MESSAGE_KEYS.test(k));
}
function pyRecordNotMessage(dict: Node): boolean {
  const keys = kids(dict).filter((p) => p.type === 'pair').map((p) => pyStringValue(p.childForFieldName('key')) ?? '');
  return keys.filter((k) => RECORD_KEYS.test(k)).length >= 2 && keys.some((k) => !MESSAGE_KEYS.test(k));
}
