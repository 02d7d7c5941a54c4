import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsStringValue } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

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
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const seen = new Set<number>();
      const report = (value: Node | undefined | null, where: string): void => {
        if (!value || seen.has(value.startIndex)) return;
        const t = flow.reaches(value, 'input');
        if (!t) return;
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
          if (role && SYSTEM_ROLES.has(role)) report(content, `${role} message`);
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
          for (const [k, v] of keywords) if (PY_SYSTEM_KEYWORDS.has(k)) report(v, `\`${k}=\` system prompt`);
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const report = (value: TSESTree.Node | undefined, where: string): void => {
        if (!value) return;
        const t = flow.reaches(value, 'input');
        if (t) ctx.report({ data: { source: t.origin, where }, start: value.range[0], end: value.range[1] });
      };
      for (const p of flow.properties) {
        const name = propName(p);
        if (name === 'role') {
          const role = jsStringValue(p.value);
          const obj = flow.parentOf(p);
          if (role && SYSTEM_ROLES.has(role) && obj) report(objProp(obj, 'content')?.value, `${role} message`);
        } else if (name && JS_SYSTEM_PROPERTIES.has(name)) {
          const obj = flow.parentOf(p);
          const call = obj ? flow.parentOf(obj) : undefined;
          if (call && (call.type === 'CallExpression' || call.type === 'NewExpression')) report(p.value, `\`${name}\` system prompt`);
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
