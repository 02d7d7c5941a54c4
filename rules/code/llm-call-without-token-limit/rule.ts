import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { MOCK_MODEL_CLASS, MOCK_RECEIVER } from '../../../server/src/analyzers/flow/tables';
import { defineRule } from '../../../server/src/engine/rule';

const PY_LIMIT_KEYS = new Set(['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'max_new_tokens', 'num_predict']);
const JS_LIMIT_KEYS = new Set(['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens', 'maxCompletionTokens', 'num_predict']);
/** Calls whose request must carry an output limit (Anthropic requires max_tokens, so it is not listed). */
const PY_CALLS = /(^|\.)(chat\.completions\.create|completions\.create|responses\.create|ChatCompletion\.create|generate_content|generate_content_async)$|^litellm\.(a?completion)$/;
const JS_CALLS = /(^|\.)(chat\.completions\.create|completions\.create|responses\.create|generateContent|generateContentStream)$|^ai\.(generateText|streamText|generateObject|streamObject)$/;
/**
 * The request shape of each JS SDK call: a key it must carry and, for Gemini, the closed set of keys its
 * request accepts. An object with other keys (`modelConfigKey`, `promptId`, `abortSignal`...) or without the
 * required one is an app's own wrapper with its own defaults, or a mock, not the SDK call.
 */
const GEMINI_REQUEST_KEYS = new Set(['model', 'contents', 'config', 'generationConfig', 'safetySettings', 'tools', 'toolConfig', 'systemInstruction', 'cachedContent', 'labels']);
/**
 * Mocks never serve traffic: an unbounded answer from `MockLanguageModelV3` or `mock_client` costs nothing
 * anyone can trigger. (Tests, examples and scripts are not product code: meta.practice keeps the rule there quiet.)
 */
function isMockReceiver(dotted: string): boolean {
  const root = dotted.replace(/^new /, '').split('.')[0].replace(/\(\)$/, '');
  return MOCK_RECEIVER.test(root) || MOCK_MODEL_CLASS.test(root);
}

/** `model: new MockLanguageModelV3(...)`, `model: mockModel`, or a variable initialised with a mock class. */
function jsMockModel(arg: TSESTree.ObjectExpression, text: string): boolean {
  const model = objProp(arg, 'model');
  if (!model) return false;
  const v = unwrap(model.value);
  if (v.type === 'NewExpression' || v.type === 'CallExpression') {
    const callee = unwrap(v.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    return MOCK_MODEL_CLASS.test(name);
  }
  if (v.type === 'Identifier') {
    if (MOCK_RECEIVER.test(v.name)) return true;
    const init = new RegExp(`\\b${v.name.replace(/\$/g, "\\$")}\\s*(?::[^=]+)?=\\s*(?:new\\s+)?([A-Za-z_$][\\w$]*)`).exec(text);
    return !!init && MOCK_MODEL_CLASS.test(init[1]);
  }
  return false;
}

function jsRequestShape(q: string, arg: TSESTree.ObjectExpression): boolean {
  const keys = arg.properties.map((p) => (p.type === 'Property' ? propName(p) : undefined));
  const has = (k: string): boolean => keys.includes(k);
  if (/generateContent(Stream)?$/.test(q)) return has('contents') && keys.every((k) => k !== undefined && GEMINI_REQUEST_KEYS.has(k));
  if (/chat\.completions\.create$/.test(q)) return has('messages');
  if (/responses\.create$/.test(q)) return has('input') || has('prompt');
  if (/completions\.create$/.test(q)) return has('prompt');
  return true;
}

export default defineRule({
  meta: {
    id: 'llm-call-without-token-limit',
    name: 'LlmCallWithoutTokenLimit',
    shortDescription: 'A model call sets no limit on the number of output tokens.',
    fullDescription: 'Without max_tokens / max_output_tokens / maxOutputTokens a single request may generate until the model\'s context limit. An attacker who can trigger the call (or a prompt injection asking for an endless answer) turns each request into the most expensive one possible: denial of wallet, latency spikes and exhausted quotas for everyone else.',
    views: ['python', 'js'],
    severity: 'info',
    practice: true,
    optIn: true,
    confidence: 'medium',
    owasp: ['LLM10'],
    cwe: [770, 400],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MEASURE 2.6'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.6'] },
    fix: 'none',
    messages: {
      missing: '`{{callee}}` sets no output token limit. Pass {{key}} so one request cannot generate unbounded output (cost and availability).',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        if (!PY_CALLS.test(q) || isMockReceiver(fn.text)) continue;
        const args = call.childForFieldName('arguments');
        if (!args || kids(args).some((a) => a.type === 'dictionary_splat')) continue;
        const { keywords } = pyArgs(call);
        if ([...keywords.keys()].some((k) => PY_LIMIT_KEYS.has(k))) continue;
        const google = /generate_content/.test(q);
        if (google) {
          const config = keywords.get('config') ?? keywords.get('generation_config');
          if (config && !configLacksLimit(config)) continue;
          if (!config && fn.type === 'attribute' && !/models\.generate_content/.test(q) && fn.childForFieldName('object')?.type === 'identifier') {
            // model = genai.GenerativeModel(..., generation_config=...) may carry the limit: only flag bare calls on clients
            continue;
          }
        }
        const key = google ? '`max_output_tokens` in the config' : /responses\.create/.test(q) ? '`max_output_tokens`' : '`max_tokens` (or `max_completion_tokens`)';
        ctx.report({ data: { callee: fn.text, key }, start: fn.startIndex, end: fn.endIndex });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const q = flow.qualName(call.callee).replace(/\(\)/g, '');
        if (!JS_CALLS.test(q)) continue;
        const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
        if (!arg || arg.type !== 'ObjectExpression') continue;
        if (arg.properties.some((p) => p.type === 'SpreadElement')) continue;
        if (!jsRequestShape(q, arg) || jsMockModel(arg, ctx.view.text) || isMockReceiver(ctx.view.text.slice(call.callee.range[0], call.callee.range[1]))) continue;
        const has = (o: TSESTree.ObjectExpression): boolean => o.properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && JS_LIMIT_KEYS.has(p.key.name));
        if (has(arg)) continue;
        const gen = objProp(arg, 'generationConfig') ?? objProp(arg, 'config');
        if (gen && (unwrap(gen.value).type !== 'ObjectExpression' || has(unwrap(gen.value) as TSESTree.ObjectExpression))) continue;
        const key = /generateContent/.test(q) ? '`maxOutputTokens` in generationConfig' : /^ai\./.test(q) ? '`maxOutputTokens` (AI SDK 5) or `maxTokens`' : /responses\.create/.test(q) ? '`max_output_tokens`' : '`max_tokens` (or `max_completion_tokens`)';
        const callee = ctx.view.text.slice(call.callee.range[0], call.callee.range[1]);
        ctx.report({ data: { callee, key }, start: call.callee.range[0], end: call.callee.range[1] });
      }
    },
  },
});

/** A literal config (dict or GenerateContentConfig(...)) without max_output_tokens. */
function configLacksLimit(config: Node): boolean {
  if (config.type === 'dictionary') {
    return !kids(config).some((p) => p.type === 'pair' && PY_LIMIT_KEYS.has(pyStringValue(p.childForFieldName('key')) ?? ''));
  }
  if (config.type === 'call') {
    const { keywords } = pyArgs(config);
    return ![...keywords.keys()].some((k) => PY_LIMIT_KEYS.has(k));
  }
  return false;
}
