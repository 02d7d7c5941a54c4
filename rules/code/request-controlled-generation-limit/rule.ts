import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsFlow, propName, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { JsFlow, PyFlow, Taint } from '../../../server/src/analyzers/flow';
import { jsBounded, jsDefinitionFinder, pyBounded } from '../../../server/src/analyzers/requestLimits';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

/**
 * Generation limits of a model call set from the request: output tokens and the number of completions.
 * Agent step bounds (`maxSteps`, `max_iterations`, `stepCountIs`) taken from the request are
 * agent-without-iteration-limit's findings.
 */
const PY_TOKEN_KW = /^(?:max_tokens|max_completion_tokens|max_output_tokens|max_new_tokens|num_predict|max_tokens_to_sample)$/;
const PY_COUNT_KW = /^(?:n|best_of|num_return_sequences|candidate_count)$/;
const JS_TOKEN_PROP = /^(?:max_tokens|maxTokens|max_completion_tokens|maxCompletionTokens|maxOutputTokens|max_output_tokens|maxNewTokens|numPredict)$/;
const JS_COUNT_PROP = /^(?:n|best_of|candidateCount|numReturnSequences)$/;
/** Settings objects / model constructors whose limits apply to every later call. */
const PY_SETTINGS = /(?:^|\.)(?:\w*(?:Generation|Sampling)(?:Config|Params)|Chat[A-Z]\w*|ChatOpenAI|AzureChatOpenAI|OpenAI|Anthropic|Ollama|LLM|SamplingParams)$/;
const JS_MODEL_CALLS = /^ai\.(?:generateText|streamText|generateObject|streamObject)$/;

const TOKEN_CAP = 1024;
const COUNT_CAP = 4;

function capsFor(key: string): { fallback: number; cap: number } {
  return PY_COUNT_KW.test(key) || JS_COUNT_PROP.test(key) ? { fallback: 1, cap: COUNT_CAP } : { fallback: TOKEN_CAP, cap: TOKEN_CAP };
}

/** Numeric conversions the flow core treats as neutralising: still any number the caller likes. */
const PY_NUMERIC = /^(?:int|float|round|abs|Decimal)$/;
const JS_NUMERIC = /^(?:Number|parseInt|parseFloat|Math\.(?:floor|round|ceil|trunc|abs))$/;

/** The request taint of a limit value, looking through `int(...)` and a local variable holding one. */
function pyRequestTaint(flow: PyFlow, v: Node, depth = 2): ReturnType<PyFlow['reaches']> {
  const t = flow.reaches(v, 'input');
  if (t || depth < 0) return t;
  if (v.type === 'call' && PY_NUMERIC.test(v.childForFieldName('function')?.text ?? '')) {
    const first = v.childForFieldName('arguments')?.namedChild(0);
    return first ? pyRequestTaint(flow, first, depth - 1) : undefined;
  }
  if (v.type === 'attribute') return pyModelBodyField(v);
  if (v.type === 'identifier') {
    let fn: Node | null = v.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    if (!fn) return undefined;
    let rhs: Node | undefined;
    for (const a of fn.descendantsOfType('assignment')) {
      if (a.startIndex < v.startIndex && a.childForFieldName('left')?.text === v.text) rhs = a.childForFieldName('right') ?? undefined;
    }
    return rhs ? pyRequestTaint(flow, rhs, depth - 1) : undefined;
  }
  return undefined;
}

const PY_ROUTE_DECORATOR = /^@\s*[\w.]+\.(?:get|post|put|patch|delete|api_route|route|websocket)\(/;

/**
 * `req.max_tokens` where `req: Body` is a parameter of a route handler and `class Body(BaseModel)` is
 * in the file: the request body, whatever the parameter is called (the flow core skips `req` /
 * `request`, which usually name the framework's Request object).
 */
function pyModelBodyField(attr: Node): ReturnType<PyFlow['reaches']> {
  const obj = attr.childForFieldName('object');
  if (obj?.type !== 'identifier') return undefined;
  let fn: Node | null = attr.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn || fn.parent?.type !== 'decorated_definition') return undefined;
  if (!fn.parent.namedChildren.some((d) => d.type === 'decorator' && PY_ROUTE_DECORATOR.test(d.text))) return undefined;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
    const name = p.type === 'typed_parameter' ? p.namedChild(0)?.text : p.childForFieldName('name')?.text;
    if (name !== obj.text) continue;
    const type = p.childForFieldName('type')?.text ?? '';
    let root: Node = fn;
    while (root.parent) root = root.parent;
    const cls = root.descendantsOfType('class_definition').find((c) => c.childForFieldName('name')?.text === type);
    if (cls && /\bBaseModel\b/.test(cls.childForFieldName('superclasses')?.text ?? '')) {
      const t: Taint = { kinds: 0, sanitized: 0, origin: `request body ${obj.text}`, originStart: p.startIndex };
      return t;
    }
  }
  return undefined;
}

function pyIsModelCall(flow: PyFlow, call: Node): boolean {
  const t = flow.reaches(call, 'model');
  if (t && t.originStart === call.startIndex) return true;
  return PY_SETTINGS.test(flow.qualName(call.childForFieldName('function') ?? call));
}

function jsIsModelCall(flow: JsFlow, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const t = flow.reaches(call, 'model');
  if (t && t.originStart === call.range[0]) return true;
  return JS_MODEL_CALLS.test(flow.qualName(call.callee));
}

export default defineRule({
  meta: {
    id: 'request-controlled-generation-limit',
    name: 'RequestControlledGenerationLimit',
    shortDescription: 'A model call takes its output-token limit or number of completions from the request, unclamped.',
    fullDescription: 'max_tokens, maxTokens, maxOutputTokens and n decide how much one call costs and how long it holds a worker. When a web route copies them from the request body or query string, any caller chooses the bill: `n=128, max_tokens=None` asks for 128 completions of the model\'s maximum length, repeated as fast as the endpoint accepts requests (OWASP LLM10 Unbounded Consumption, denial of wallet). Clamp the value on the server (`min(req.max_tokens or 512, 1024)`, `Math.min`), bound it in the request schema (pydantic `le=`, zod `.max()`), or ignore the field and use a server-side setting.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM10'],
    cwe: [770, 400],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.6', 'A.9.2'] },
    fix: 'suggestion',
    messages: {
      limit: '`{{key}}` comes from the request ({{origin}}) without an upper bound: any caller chooses how much this model call generates and costs. Clamp it on the server (at most {{cap}}) or bound it in the request schema.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const text = ctx.view.text;
      for (const call of flow.calls) {
        const { keywords } = pyArgs(call);
        let modelCall: boolean | undefined;
        for (const [key, value] of keywords) {
          if (!PY_TOKEN_KW.test(key) && !PY_COUNT_KW.test(key)) continue;
          const t = pyRequestTaint(flow, value);
          if (!t) continue;
          modelCall ??= pyIsModelCall(flow, call);
          if (!modelCall) break;
          if (pyBounded(value, text)) continue;
          const { fallback, cap } = capsFor(key);
          const fix: Fix = { title: `Clamp ${key} to at most ${cap}`, kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: `min(${value.text} or ${fallback}, ${cap})` }] };
          ctx.report({ messageId: 'limit', data: { key, origin: t.origin, cap: String(cap) }, start: value.startIndex, end: value.endIndex, fixes: [fix] });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const text = ctx.view.text;
      const definition = jsDefinitionFinder((x) => flow.parentOf(x));
      const jsRequestTaint = (v: TSESTree.Node, depth: number): ReturnType<JsFlow['reaches']> => {
        const t = flow.reaches(v, 'input');
        const u = unwrap(v);
        if (t || depth < 0) return t;
        if (u.type === 'CallExpression' && JS_NUMERIC.test(text.slice(u.callee.range[0], u.callee.range[1])) && u.arguments[0] && u.arguments[0].type !== 'SpreadElement') return jsRequestTaint(u.arguments[0], depth - 1);
        if (u.type === 'Identifier') {
          const def = definition(u.name, u);
          return def ? jsRequestTaint(def, depth - 1) : undefined;
        }
        return undefined;
      };
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression' && call.type !== 'NewExpression') continue;
        let modelCall: boolean | undefined;
        for (const arg of call.arguments) {
          const o = unwrap(arg);
          if (o.type !== 'ObjectExpression') continue;
          for (const p of o.properties) {
            if (p.type !== 'Property') continue;
            const key = propName(p) ?? '';
            if (!JS_TOKEN_PROP.test(key) && !JS_COUNT_PROP.test(key)) continue;
            const value = p.value as TSESTree.Expression;
            const t = jsRequestTaint(value, 2);
            if (!t) continue;
            modelCall ??= jsIsModelCall(flow, call);
            if (!modelCall) break;
            if (jsBounded(value, text, (x) => flow.parentOf(x), definition)) continue;
            const { fallback, cap } = capsFor(key);
            const src = text.slice(value.range[0], value.range[1]);
            const clamped = `Math.min(Number(${src}) || ${fallback}, ${cap})`;
            const fix: Fix = p.shorthand
              ? { title: `Clamp ${key} to at most ${cap}`, kind: 'suggestion', edits: [{ start: p.range[0], end: p.range[1], newText: `${key}: ${clamped}` }] }
              : { title: `Clamp ${key} to at most ${cap}`, kind: 'suggestion', edits: [{ start: value.range[0], end: value.range[1], newText: clamped }] };
            ctx.report({ messageId: 'limit', data: { key, origin: t.origin, cap: String(cap) }, start: p.range[0], end: p.range[1], fixes: [fix] });
          }
        }
      }
    },
  },
});
