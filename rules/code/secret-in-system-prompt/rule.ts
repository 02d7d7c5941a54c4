import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsStringValue } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Credential shapes, matched on the raw source text of a string literal. */
const SECRETS: { name: string; re: RegExp }[] = [
  { name: 'an Anthropic API key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { name: 'an OpenAI API key', re: /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}/g },
  { name: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'a GitHub token', re: /\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/g },
  { name: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: 'a Stripe key', re: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}/g },
  { name: 'a private key', re: /-----BEGIN (?:RSA |EC |OPENSSH |)PRIVATE KEY-----/g },
  { name: 'a connection string with a password', re: /\b[a-z][a-z0-9+]*:\/\/[^\s:/@'"]+:[^\s@'"{}]{3,}@[^\s'"]+/gi },
  { name: 'a password', re: /\b(?:password|passwd|pwd|passphrase)\b(?:\s+is)?\s*[:=]?\s*["'`]?(?![{<$])(?=[^\s"'`,;]*\d)[^\s"'`,;]{6,}/gi },
  { name: 'an API key or token', re: /\b(?:api[_ -]?key|secret[_ -]?key|access[_ -]?token|auth[_ -]?token|bearer)\b\s*(?:is|[:=])?\s*["'`]?(?![{<$])[A-Za-z0-9_\-.]{16,}/gi },
];
const SYSTEM_NAME = /system|instruction|preamble|persona|backstory/i;
const SYSTEM_ROLES = new Set(['system', 'developer']);
const PY_SYSTEM_KEYWORDS = new Set(['system', 'instructions', 'system_instruction', 'system_prompt', 'system_message', 'backstory']);
const JS_SYSTEM_PROPERTIES = new Set(['system', 'instructions', 'systemInstruction', 'systemPrompt']);

export default defineRule({
  meta: {
    id: 'secret-in-system-prompt',
    name: 'SecretInSystemPrompt',
    shortDescription: 'A credential is hard-coded inside a system prompt.',
    fullDescription: 'System prompts are not secret: users routinely extract them with a few prompt-injection tricks, and they are logged by providers, proxies and observability tools. A password, API key or connection string written into the prompt (so the model can "use" it) leaks to anyone who asks the model nicely, and also sits in source control.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM07', 'LLM02'],
    cwe: [798, 200],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.10'], euAiAct: ['Art. 15'], iso42001: ['A.7.4', 'A.6.2.4'] },
    fix: 'none',
    messages: {
      secret: 'This system prompt contains {{what}}. Prompts leak (prompt extraction, logs): keep credentials in server-side tools and a secret store, never in the prompt.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const text = ctx.view.text;
      const constants = new Map<string, Node>();
      const prompts: Node[] = [];
      for (const n of pyNodesInStackOrder(ctx.view.root, ['assignment', 'dictionary', 'tuple', 'call'])) {
        if (n.type === 'assignment') {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left?.type === 'identifier' && right) {
            constants.set(left.text, right);
            if (SYSTEM_NAME.test(left.text)) prompts.push(right);
          }
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
      const strings = (n: Node, depth: number, out: Node[]): void => {
        if (depth > 3) return;
        if (n.type === 'string') out.push(n);
        else if (n.type === 'identifier') {
          const v = constants.get(n.text);
          if (v) strings(v, depth + 1, out);
        } else if (n.type === 'concatenated_string' || n.type === 'binary_operator' || n.type === 'parenthesized_expression') for (const c of kids(n)) strings(c, depth, out);
        else if (n.type === 'call') {
          const fn = n.childForFieldName('function');
          if (fn?.type === 'attribute') {
            const recv = fn.childForFieldName('object');
            if (recv) strings(recv, depth, out);
          }
          for (const a of pyArgs(n).positional) strings(a, depth, out);
        }
      };
      const literals: Node[] = [];
      for (const p of prompts) strings(p, 0, literals);
      for (const s of literals) scan(text, s.startIndex, s.endIndex, (start, end, what) => ctx.report({ data: { what }, start, end }));
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const text = ctx.view.text;
      const constants = new Map<string, TSESTree.Node>();
      const prompts: TSESTree.Node[] = [];
      const stack: TSESTree.Node[] = [ctx.view.ast];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
          constants.set(n.id.name, n.init);
          if (SYSTEM_NAME.test(n.id.name)) prompts.push(n.init);
        }
        for (const k of Object.keys(n)) {
          if (k === 'parent' || k === 'range') continue;
          const v = (n as unknown as Record<string, unknown>)[k];
          if (Array.isArray(v)) for (const x of v) { if (x && typeof x === 'object' && 'type' in x) stack.push(x as TSESTree.Node); }
          else if (v && typeof v === 'object' && 'type' in v) stack.push(v as TSESTree.Node);
        }
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
      const strings = (n0: TSESTree.Node, depth: number, out: TSESTree.Node[]): void => {
        if (depth > 3) return;
        const n = unwrap(n0);
        if ((n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateLiteral') out.push(n);
        else if (n.type === 'Identifier') {
          const v = constants.get(n.name);
          if (v) strings(v, depth + 1, out);
        } else if (n.type === 'BinaryExpression') {
          strings(n.left, depth, out);
          strings(n.right, depth, out);
        } else if (n.type === 'ArrayExpression') {
          for (const e of n.elements) if (e) strings(e, depth, out);
        } else if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') strings(n.callee.object, depth, out);
      };
      const literals: TSESTree.Node[] = [];
      for (const p of prompts) strings(p, 0, literals);
      for (const s of literals) scan(text, s.range[0], s.range[1], (start, end, what) => ctx.report({ data: { what }, start, end }));
    },
  },
});

function scan(text: string, start: number, end: number, report: (start: number, end: number, what: string) => void): void {
  const raw = text.slice(start, end);
  const taken: [number, number][] = [];
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
