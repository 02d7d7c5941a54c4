import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { jsFlow, pythonFlow } from '../../../server/src/analyzers/flow';
import { jsWalk } from '../../../server/src/analyzers/js/calls';
import { lastSegment } from '../../../server/src/analyzers/python/calls';
import { defineRule } from '../../../server/src/engine/rule';

const LOG_METHODS = /^(debug|info|warning|warn|error|exception|critical|log|trace|fatal|msg)$/;
const PY_LOGGER_RECEIVER = /(^|\.|_|s)(log|logger|logging)$/i;
/** Response fields that are metadata, not content. */
const METADATA = /^(id|usage|\w*tokens|\w*Tokens|model|created|finish_reason|finishReason|status|object|system_fingerprint|length|latency\w*|elapsed\w*)$/;
const JS_LOGGER_RECEIVER = /^(console|logger|log|pino|winston|this\.logger|this\.log)$/;
/** Variables that conventionally hold a prompt or a chat transcript. */
const PROMPT_NAME = /^(prompt|prompts|full_prompt|system_prompt|user_prompt|final_prompt|rendered_prompt|messages|chat_history|conversation|user_message|user_input|fullPrompt|systemPrompt|userPrompt|finalPrompt|chatHistory|userMessage|userInput)$/;

export default defineRule({
  meta: {
    id: 'llm-io-logged',
    name: 'LlmIoLogged',
    shortDescription: 'Prompts or model responses are written to application logs.',
    fullDescription: 'Prompts carry what users typed (personal data, health or financial details, pasted secrets) plus retrieved documents; responses repeat them. Writing them to application logs copies that data into a system with broad read access, long retention and third-party shipping (log SaaS), outside the controls that protect the chat store. Log ids, sizes and token counts; keep transcripts, if at all, in an access-controlled store with redaction and retention limits.',
    views: ['python', 'js'],
    severity: 'info',
    practice: true,
    confidence: 'low',
    owasp: ['LLM02'],
    cwe: [532, 359],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MAP 5.1'], euAiAct: ['Art. 10', 'Art. 12'], iso42001: ['A.7.4', 'A.8.4'] },
    fix: 'none',
    optIn: true,
    messages: {
      response: 'Model output is written to the log by `{{callee}}`: it may repeat personal data or secrets from the conversation. Log ids/token counts, or redact before logging.',
      prompt: '`{{name}}` (a prompt or chat transcript) is written to the log by `{{callee}}`: user data and secrets end up in log storage. Log ids/token counts, or redact before logging.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn || fn.type !== 'attribute') continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        const method = lastSegment(q);
        const receiver = fn.childForFieldName('object')?.text ?? '';
        if (!LOG_METHODS.test(method) || !(PY_LOGGER_RECEIVER.test(receiver) || /^(logging|loguru\.logger|structlog)\b/.test(q))) continue;
        const args = call.childForFieldName('arguments');
        if (!args) continue;
        for (const value of args.namedChildren.flatMap(pyParts)) {
          if (pyIsMetadata(value)) continue;
          if (flow.reaches(value, 'model')) {
            ctx.report({ messageId: 'response', data: { callee: fn.text }, start: value.startIndex, end: value.endIndex });
            break;
          }
          const named = promptIdentifier(value);
          if (named) {
            ctx.report({ messageId: 'prompt', data: { name: named.text, callee: fn.text }, start: named.startIndex, end: named.endIndex });
            break;
          }
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') continue;
        const callee = call.callee;
        const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
        const receiver = ctx.view.text.slice(callee.object.range[0], callee.object.range[1]);
        if (!LOG_METHODS.test(method) || !JS_LOGGER_RECEIVER.test(receiver)) continue;
        const text = ctx.view.text.slice(callee.range[0], callee.range[1]);
        for (const arg of call.arguments.flatMap(jsParts)) {
          if (jsIsMetadata(arg)) continue;
          if (flow.reaches(arg, 'model')) {
            ctx.report({ messageId: 'response', data: { callee: text }, start: arg.range[0], end: arg.range[1] });
            break;
          }
          const named = jsPromptIdentifier(arg);
          if (named) {
            ctx.report({ messageId: 'prompt', data: { name: named.name, callee: text }, start: named.range[0], end: named.range[1] });
            break;
          }
        }
      }
    },
  },
});

/** An identifier (or `x.prompt` attribute) inside the logged expression that names a prompt or transcript. */
function promptIdentifier(n: PyNode): PyNode | undefined {
  const candidates = [n, ...n.descendantsOfType(['identifier', 'attribute'])];
  for (const c of candidates) {
    if (c.type === 'identifier' && c.parent?.type === 'attribute' && c.field === 'object') continue;
    const name = c.type === 'attribute' ? c.childForFieldName('attribute')?.text ?? '' : c.type === 'identifier' ? c.text : '';
    if (c.type === 'identifier' && c.parent?.type === 'keyword_argument' && c.field === 'name') continue;
    if (!PROMPT_NAME.test(name) || c.parent?.type === 'call') continue;
    // len(messages) logs a count, not the content
    const call = c.parent?.type === 'argument_list' ? c.parent.parent : undefined;
    if (call?.type === 'call' && /^(len|type|id|count_tokens|num_tokens)$/.test(call.childForFieldName('function')?.text ?? '')) continue;
    return c;
  }
  return undefined;
}

function jsPromptIdentifier(n: TSESTree.Node): TSESTree.Identifier | undefined {
  let found: TSESTree.Identifier | undefined;
  jsWalk(n, (x, parent) => {
    if (found || x.type !== 'Identifier' || !PROMPT_NAME.test(x.name)) return;
    // a property key is a label, not the value ({ messages: count } logs a count)
    if (parent?.type === 'Property' && parent.key === x && !parent.shorthand) return;
    if (parent?.type === 'MemberExpression' && parent.property === x && parent.computed) return;
    if (parent?.type === 'MemberExpression' && parent.object === x) return;
    found = x;
  });
  return found;
}

/** The logged values of one argument: keyword values, dict values and f-string interpolations separately. */
function pyParts(a: PyNode): PyNode[] {
  if (a.type === 'keyword_argument') {
    const v = a.childForFieldName('value');
    return v ? pyParts(v) : [];
  }
  if (a.type === 'dictionary') return a.namedChildren.filter((p) => p.type === 'pair').flatMap((p) => { const v = p.childForFieldName('value'); return v ? pyParts(v) : []; });
  if (a.type === 'string') {
    const parts = a.namedChildren.filter((c) => c.type === 'interpolation').map((i) => i.namedChildren[0]).filter((x): x is PyNode => !!x);
    return parts;
  }
  return [a];
}

function pyIsMetadata(n: PyNode): boolean {
  if (n.type === 'attribute') return METADATA.test(n.childForFieldName('attribute')?.text ?? '');
  if (n.type === 'call') return /^(len|type|id)$/.test(n.childForFieldName('function')?.text ?? '');
  return false;
}

function jsParts(a: TSESTree.Node): TSESTree.Node[] {
  if (a.type === 'ObjectExpression') return a.properties.flatMap((p) => (p.type === 'Property' ? jsParts(p.value as TSESTree.Node) : [p]));
  if (a.type === 'TemplateLiteral') return a.expressions.flatMap(jsParts);
  return [a];
}

function jsIsMetadata(n: TSESTree.Node): boolean {
  const u = n.type === 'ChainExpression' ? n.expression : n;
  return u.type === 'MemberExpression' && !u.computed && u.property.type === 'Identifier' && METADATA.test(u.property.name);
}
