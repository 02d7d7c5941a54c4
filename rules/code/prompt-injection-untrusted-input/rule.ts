import { jsStackOrder } from '../../../server/src/analyzers/js/calls';
import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsChildren, jsFlow, jsStringValue, kids, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Fix } from '../../../server/src/engine/model';
import { jsValues, pyValues } from '../../../server/src/analyzers/prompt/codeValues';
import { JS_SYSTEM_PROPERTIES, PY_SYSTEM_KEYWORDS, SYSTEM_ROLES, TOOL_RESULT_ROLES, jsCallHasSystem, jsCallHasTools, jsRoleOf, jsThirdParty, pyCallHasSystem, pyCallHasTools, pyRoleOf, pyThirdParty } from '../../../server/src/analyzers/prompt/codeSources';
import { defineRule } from '../../../server/src/engine/rule';

/** Keyword arguments / properties of a model call that hold a plain-text prompt (not messages, not system). */
const PROMPT_KEYS = ['prompt', 'input', 'contents', 'query', 'question', 'text'];
/** Literal text right before / after an interpolation that delimits it: a tag, triple quotes, a code fence. */
const OPEN_DELIMITER = /(<[A-Za-z_][\w-]*[^<>]*>|"""|'''|```|<<<|\[\[|-{3,}|={3,}|#{3,})\s*$/;
const CLOSE_DELIMITER = /^\s*(<\/[A-Za-z_][\w-]*>|"""|'''|```|>>>|\]\]|-{3,}|={3,}|#{3,})/;
const MODEL_BIT = 1;
/** Words of a field label in front of the user's text: `Question:`, `User input:`, `Customer message:`. */
const LABEL_WORDS = new Set(['question', 'questions', 'query', 'input', 'user', 'users', 'text', 'message', 'request', 'prompt', 'q', 'a', 'answer', 'topic', 'task', 'customer', 'human', 'you', 'me', 'the', 'my', 'your', 'here', 'is', 'follow', 'up', 'followup', 'question', 'chat', 'history', 'and', 'query', 'search', 'term', 'terms', 'keywords', 'subject', 'title', 'name', 'language', 'from', 'of', 'to', 'comment', 'review', 'feedback', 'ticket', 'issue', 'description', 'content']);

interface Piece { literal: boolean; text: string; start: number; end: number; node?: unknown }

export default defineRule({
  meta: {
    id: 'prompt-injection-untrusted-input',
    name: 'PromptInjectionUntrustedInput',
    shortDescription: 'Untrusted input is concatenated into an instruction prompt without delimiters, or third-party content enters a model call that has tools.',
    fullDescription: 'When request, CLI or stdin text is pasted into the middle of an instruction prompt ("Summarize: {q}"), the model cannot tell the developer\'s instructions from the user\'s text, so "ignore the above and ..." is obeyed. Send user text as its own user-role message, or at least fence it with explicit delimiters (<user_input>...</user_input>) and tell the model to treat it as data.',
    views: ['python', 'js'],
    severity: 'info',
    confidence: 'low',
    owasp: ['LLM01'],
    cwe: [1427, 77],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MAP 2.3'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      prompt: 'Untrusted input from {{source}} is pasted into an instruction prompt sent to `{{sink}}` without delimiters. Send it as a separate user message or fence it (<user_input>...</user_input>) and tell the model to treat it as data.',
      indirectSystem: 'Third-party content ({{source}}) is placed into the {{where}}: instructions hidden in it get the authority of the system prompt. Pass it in a user message, fenced and marked as data, or extract what you need from it first.',
      indirect: 'Third-party content ({{source}}) enters `{{sink}}`, a model call that can use tools: instructions hidden in it can make the model call those tools. Keep untrusted content away from calls with side-effecting tools, or require confirmation for the tool calls made after reading it.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const assigns: Node[] = [];
      for (const n of pyNodesInStackOrder(ctx.view.root, ['assignment'])) {
        if (n.type === 'assignment' && n.childForFieldName('left')?.type === 'identifier') assigns.push(n);
      }
      const scopeOf = (n: Node): number => {
        for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p.id;
        return -1;
      };
      /** The f-string that built the prompt: the argument itself or the last assignment of the variable. */
      const built = (arg: Node, call: Node): Node | undefined => {
        if (arg.type !== 'identifier') return arg;
        const scope = scopeOf(call);
        let found: Node | undefined;
        for (const a of assigns) if (a.startIndex < call.startIndex && a.childForFieldName('left')?.text === arg.text && scopeOf(a) === scope) found = a.childForFieldName('right') ?? undefined;
        return found;
      };
      const pieces = (s: Node): Piece[] | undefined => {
        if (s.type !== 'string') return undefined;
        return kids(s).filter((c) => c.type === 'string_content' || c.type === 'interpolation' || c.type === 'escape_sequence')
          .map((c) => ({ literal: c.type !== 'interpolation', text: c.text, start: c.startIndex, end: c.endIndex, node: c.childForFieldName('expression') ?? kids(c)[0] }));
      };
      const values = pyValues(ctx.view.root);
      const reported = new Set<number>();
      const userPath = (p: Node): boolean => !!flow.reaches(p, 'input');
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        const q = fn ? flow.qualName(fn) : '';
        const t = flow.taintOf(call);
        const isModelCall = (!!t && !!(t.kinds & MODEL_BIT) && t.originStart === call.startIndex) || /(^|\.)Runner\.(run|run_sync|run_streamed)$/.test(q);
        if (!isModelCall) continue;
        // third-party content entering a call that can use tools (tool results in the tool role are the designated channel)
        if (pyCallHasTools(call, flow.qualName.bind(flow), values)) {
          const skip = (n: Node): boolean => (n.type === 'dictionary' && TOOL_RESULT_ROLES.has(pyRoleOf(n) ?? '')) || (n.type === 'keyword_argument' && /^(tools|functions|tool_choice|model|response_format|toolkit)$/.test(n.childForFieldName('name')?.text ?? ''));
          const hit = pyLocate(call.childForFieldName('arguments'), values, (n) => pyThirdParty(n, flow.qualName.bind(flow), userPath), skip);
          if (hit && !reported.has(hit.node.startIndex)) {
            reported.add(hit.node.startIndex);
            ctx.report({ messageId: 'indirect', data: { source: hit.origin, sink: q.replace(/\(\)/g, '(...)') }, start: hit.node.startIndex, end: hit.node.endIndex });
          }
        }
        if (!t || !(t.kinds & MODEL_BIT)) continue;
        // the user's own turn: with the rules in a separate system prompt, user text in the prompt is where it belongs
        if (pyCallHasSystem(call, flow.qualName.bind(flow), values)) continue;
        const { positional, keywords } = pyArgs(call);
        const arg = positional[0] ?? PROMPT_KEYS.map((k) => keywords.get(k)).find((x) => x);
        if (!arg) continue;
        const s = built(arg, call);
        const ps = s && pieces(s);
        if (!ps) continue;
        checkPieces(ps, (n) => flow.reaches(n as Node, 'input')?.origin, flow.qualName(call.childForFieldName('function') ?? call), ctx.report.bind(ctx));
      }
      // third-party content in the system role, with or without tools (retrieved documents of the app's own store excepted)
      const external = (n: Node): string | undefined => { const o = pyThirdParty(n, flow.qualName.bind(flow), userPath); return o && o !== 'retrieved documents' ? o : undefined; };
      for (const { value, where } of pySystemParts(ctx.view.root, flow.qualName.bind(flow))) {
        const hit = pyLocate(value, values, external, () => false);
        if (!hit || reported.has(hit.node.startIndex)) continue;
        reported.add(hit.node.startIndex);
        ctx.report({ messageId: 'indirectSystem', data: { source: hit.origin, where }, start: hit.node.startIndex, end: hit.node.endIndex });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const decls: TSESTree.VariableDeclarator[] = [];
      for (const n of jsStackOrder(ctx.view.ast)) if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) decls.push(n);
      const text = ctx.view.text;
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const reported = new Set<number>();
      const userPath = (p: TSESTree.Node): boolean => !!flow.reaches(p, 'input');
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const q = flow.qualName(call.callee);
        const t = flow.taintOf(call);
        const isModelCall = (!!t && !!(t.kinds & MODEL_BIT) && t.originStart === call.range[0]) || (/(^|\.)run$/.test(q) && call.callee.type === 'Identifier' && call.arguments.length >= 2);
        if (!isModelCall) continue;
        if (jsCallHasTools(call, flow.qualName.bind(flow), values)) {
          const skip = (n: TSESTree.Node): boolean => (n.type === 'ObjectExpression' && TOOL_RESULT_ROLES.has(jsRoleOf(n) ?? '')) || (n.type === 'Property' && /^(tools|functions|toolChoice|tool_choice|model|schema|response_format)$/.test(propKey(n)));
          const hit = jsLocate(call.arguments, values, (n) => jsThirdParty(n, flow.qualName.bind(flow), userPath), skip);
          if (hit && !reported.has(hit.node.range[0])) {
            reported.add(hit.node.range[0]);
            ctx.report({ messageId: 'indirect', data: { source: hit.origin, sink: q.replace(/\(\)/g, '(...)') }, start: hit.node.range[0], end: hit.node.range[1] });
          }
        }
        if (!t || !(t.kinds & MODEL_BIT)) continue;
        // the user's own turn: with the rules in `system` / `instructions`, user text in `prompt` is where it belongs
        if (jsCallHasSystem(call)) continue;
        const first = call.arguments[0];
        if (!first) continue;
        let arg: TSESTree.Node | undefined = unwrap(first).type === 'ObjectExpression' ? PROMPT_KEYS.map((k) => objProp(first, k)?.value).find((x) => x) : first;
        if (arg && arg.type === 'Identifier') {
          const name = arg.name;
          const d = decls.filter((x) => x.range[0] < call.range[0] && (x.id as TSESTree.Identifier).name === name).pop();
          arg = d?.init ?? undefined;
        }
        if (!arg || unwrap(arg).type !== 'TemplateLiteral') continue;
        const tl = unwrap(arg) as TSESTree.TemplateLiteral;
        const ps: Piece[] = [];
        tl.quasis.forEach((q, i) => {
          ps.push({ literal: true, text: q.value.cooked ?? q.value.raw, start: q.range[0], end: q.range[1] });
          const e = tl.expressions[i];
          // the `${` and `}` belong to the quasis: the interpolation spans from the `${` to the `}`
          if (e) ps.push({ literal: false, text: text.slice(q.range[1] - 2, tl.quasis[i + 1].range[0] + 1), start: q.range[1] - 2, end: tl.quasis[i + 1].range[0] + 1, node: e });
        });
        checkPieces(ps, (n) => flow.reaches(n as TSESTree.Node, 'input')?.origin, flow.qualName(call.callee), ctx.report.bind(ctx));
      }
      const external = (n: TSESTree.Node): string | undefined => { const o = jsThirdParty(n, flow.qualName.bind(flow), userPath); return o && o !== 'retrieved documents' ? o : undefined; };
      for (const { value, where } of jsSystemParts(flow)) {
        const hit = jsLocate([value], values, external, () => false);
        if (!hit || reported.has(hit.node.range[0])) continue;
        reported.add(hit.node.range[0]);
        ctx.report({ messageId: 'indirectSystem', data: { source: hit.origin, where }, start: hit.node.range[0], end: hit.node.range[1] });
      }
    },
  },
});

/**
 * Report each untrusted interpolation that sits inside instruction text (some literal text around it)
 * without a delimiter right before or after it.
 */
function checkPieces(ps: Piece[], sourceOf: (n: unknown) => string | undefined, sink: string, report: (d: { messageId: string; data: Record<string, string>; start: number; end: number; fixes: Fix[] }) => void): void {
  const instructions = ps.filter((p) => p.literal).map((p) => p.text).join('').trim();
  if (!/[A-Za-z]{3,}/.test(instructions)) return; // the input by itself (or with punctuation) is not an instruction prompt
  // behind mere labels ("Question: {q}", "User input: {x}") the text is the user's own turn, not instructions around it
  const words = instructions.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.every((w) => LABEL_WORDS.has(w))) return;
  ps.forEach((p, i) => {
    if (p.literal || !p.node) return;
    const source = sourceOf(p.node);
    if (!source) return;
    const before = ps.slice(0, i).filter((x) => x.literal).map((x) => x.text).join('');
    const after = ps.slice(i + 1).filter((x) => x.literal).map((x) => x.text).join('');
    const prev = ps[i - 1];
    const next = ps[i + 1];
    if ((prev?.literal && OPEN_DELIMITER.test(prev.text)) || (next?.literal && CLOSE_DELIMITER.test(next.text))) return;
    if (!before.trim() && !after.trim()) return;
    report({
      messageId: 'prompt',
      data: { source, sink: sink.replace(/\(\)/g, '(...)') },
      start: p.start,
      end: p.end,
      fixes: [{ title: 'Fence the input with <user_input> tags', kind: 'suggestion', edits: [{ start: p.start, end: p.start, newText: '<user_input>' }, { start: p.end, end: p.end, newText: '</user_input>' }] }],
    });
  });
}

function propKey(p: TSESTree.Node): string {
  if (p.type !== 'Property') return '';
  return p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
}

/**
 * The first argument part of a call (an f-string interpolation, a list element, a keyword value, an identifier)
 * whose value holds a source; `skip` leaves out parts that are not prompt content (tool results, options).
 */
function pyLocate(args: Node | null, values: ReturnType<typeof pyValues>, match: (n: Node) => string | undefined, skip: (n: Node) => boolean): { node: Node; origin: string } | undefined {
  if (!args) return undefined;
  const containers = new Set(['argument_list', 'list', 'tuple', 'dictionary', 'pair', 'string', 'concatenated_string', 'binary_operator', 'parenthesized_expression', 'keyword_argument', 'interpolation', 'set']);
  const visit = (n: Node): { node: Node; origin: string } | undefined => {
    if (skip(n)) return undefined;
    if (n.type === 'string_content' || n.type === 'comment' || n.type === 'escape_sequence') return undefined;
    if (containers.has(n.type)) {
      for (const c of kids(n)) {
        if (n.type === 'pair' && c === n.childForFieldName('key')) continue;
        if (n.type === 'keyword_argument' && c === n.childForFieldName('name')) continue;
        const r = visit(c);
        if (r) return r;
      }
      return undefined;
    }
    const f = values.find(n, match, skip);
    return f ? { node: n, origin: f.origin } : undefined;
  };
  return visit(args);
}

function jsLocate(args: TSESTree.Node[], values: ReturnType<typeof jsValues>, match: (n: TSESTree.Node) => string | undefined, skip: (n: TSESTree.Node) => boolean): { node: TSESTree.Node; origin: string } | undefined {
  const containers = new Set(['ObjectExpression', 'ArrayExpression', 'Property', 'TemplateLiteral', 'BinaryExpression', 'SpreadElement', 'TSAsExpression', 'AwaitExpression']);
  const visit = (n: TSESTree.Node): { node: TSESTree.Node; origin: string } | undefined => {
    if (skip(n) || n.type === 'TemplateElement' || n.type === 'Literal') return undefined;
    if (containers.has(n.type)) {
      for (const c of jsChildren(n)) {
        if (n.type === 'Property' && c === n.key && !n.computed) continue;
        const r = visit(c);
        if (r) return r;
      }
      return undefined;
    }
    const f = values.find(n, match, skip);
    return f ? { node: n, origin: f.origin } : undefined;
  };
  for (const a of args) {
    const r = visit(a);
    if (r) return r;
  }
  return undefined;
}

/** System-prompt values of a Python file: system/developer message dicts and tuples, SystemMessage(...), `system=` style keywords. */
function pySystemParts(root: Node, qualName: (n: Node) => string): { value: Node; where: string }[] {
  const out: { value: Node; where: string }[] = [];
  for (const n of pyNodesInStackOrder(root, ['dictionary', 'tuple', 'call'])) {
    if (n.type === 'dictionary') {
      const role = pyRoleOf(n);
      if (!role || !SYSTEM_ROLES.has(role)) continue;
      for (const p of kids(n)) if (p.type === 'pair' && pyStringValue(p.childForFieldName('key')) === 'content' && p.childForFieldName('value')) out.push({ value: p.childForFieldName('value')!, where: `${role} message` });
    } else if (n.type === 'tuple') {
      const [a, b] = kids(n);
      if (b && kids(n).length === 2 && SYSTEM_ROLES.has(pyStringValue(a) ?? '')) out.push({ value: b, where: 'system message template' });
    } else {
      const fn = n.childForFieldName('function');
      const { positional, keywords } = pyArgs(n);
      if (fn && /(^|\.)(SystemMessage|SystemMessagePromptTemplate\.from_template)$/.test(qualName(fn))) {
        const v = positional[0] ?? keywords.get('content');
        if (v) out.push({ value: v, where: 'system message' });
      }
      for (const [k, v] of keywords) if (PY_SYSTEM_KEYWORDS.has(k)) out.push({ value: v, where: `\`${k}=\` system prompt` });
    }
  }
  return out;
}

function jsSystemParts(flow: ReturnType<typeof jsFlow>): { value: TSESTree.Node; where: string }[] {
  const out: { value: TSESTree.Node; where: string }[] = [];
  for (const p of flow.properties) {
    const name = propKey(p);
    if (name === 'role') {
      const role = jsStringValue(p.value);
      const obj = flow.parentOf(p);
      const content = obj ? objProp(obj, 'content')?.value : undefined;
      if (role && SYSTEM_ROLES.has(role) && content) out.push({ value: content, where: `${role} message` });
    } else if (JS_SYSTEM_PROPERTIES.has(name)) {
      const obj = flow.parentOf(p);
      const call = obj ? flow.parentOf(obj) : undefined;
      if (call && (call.type === 'CallExpression' || call.type === 'NewExpression')) out.push({ value: p.value, where: `\`${name}\` system prompt` });
    }
  }
  for (const call of flow.calls) {
    if (/(^|\.)SystemMessage$/.test(flow.qualName(call.callee)) && call.arguments[0]) {
      const a = call.arguments[0];
      out.push({ value: unwrap(a).type === 'ObjectExpression' ? objProp(a, 'content')?.value ?? a : a, where: 'system message' });
    }
  }
  return out;
}
