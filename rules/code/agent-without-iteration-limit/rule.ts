import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsFlow, kids, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Above this many steps an agent loop is effectively unbounded for a request/response service. */
const HUGE = 100;
const PY_AGENTS = new Map<string, string>([['AgentExecutor', 'max_iterations'], ['AgentExecutor.from_agent_and_tools', 'max_iterations'], ['initialize_agent', 'max_iterations'], ['Agent', 'max_iter'], ['Crew', 'max_rpm']]);
const JS_AGENTS = new Map<string, string>([['AgentExecutor', 'maxIterations'], ['AgentExecutor.fromAgentAndTools', 'maxIterations'], ['initializeAgentExecutorWithOptions', 'maxIterations']]);

function pyNumber(n: Node): number | undefined {
  if (n.type === 'integer') return Number(n.text.replace(/_/g, ''));
  if (n.type === 'float') return Number(n.text.replace(/_/g, ''));
  if (n.type === 'call' && /^(float|int)$/.test(n.childForFieldName('function')?.text ?? '') && /inf/i.test(n.text)) return Infinity;
  if (n.type === 'attribute' && /^(math|sys)\.(inf|maxsize)$/.test(n.text)) return Infinity;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'agent-without-iteration-limit',
    name: 'AgentWithoutIterationLimit',
    shortDescription: 'An agent loop has no bound (max_iterations=None) or an excessive one.',
    fullDescription: 'Agent executors call the model and tools in a loop until the model says it is done. A prompt injection or a confused model can keep that loop going: each step costs tokens and may call tools with side effects. LangChain (15), CrewAI (25) and LangGraph (25) bound the loop by default; setting the bound to None, infinity or a very large number removes that protection.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM10', 'LLM06'],
    cwe: [770, 834],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MANAGE 2.4'], euAiAct: ['Art. 14', 'Art. 15'], iso42001: ['A.6.2.6', 'A.9.2'] },
    fix: 'suggestion',
    messages: {
      unbounded: '`{{key}}={{value}}` lets this agent loop without a useful bound. Use a small limit (LangChain defaults to 15) and a max execution time.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const check = (key: string, value: Node | undefined, limit: number): void => {
        if (!value) return;
        const n = pyNumber(value);
        if (value.type === 'none' || (n !== undefined && n > limit)) {
          ctx.report({ data: { key, value: value.text }, start: value.startIndex, end: value.endIndex, fixes: [{ title: `Set ${key}=15`, kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: '15' }] }] });
        }
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const last2 = q.split('.').slice(-2).join('.');
        const last = q.split('.').pop() ?? '';
        const { keywords } = pyArgs(call);
        const key = PY_AGENTS.get(last2) ?? (last === 'Agent' && !/crewai/.test(q) ? undefined : PY_AGENTS.get(last));
        if (key && key !== 'max_rpm') check(key, keywords.get(key), HUGE);
        // LangGraph: graph.invoke(inputs, config={"recursion_limit": 10_000})
        const config = keywords.get('config');
        if (config?.type === 'dictionary') {
          for (const p of kids(config)) {
            if (p.type === 'pair' && pyStringValue(p.childForFieldName('key')) === 'recursion_limit') check('recursion_limit', p.childForFieldName('value') ?? undefined, HUGE * 2);
          }
        }
        if (/\.with_config$/.test(q)) check('recursion_limit', keywords.get('recursion_limit'), HUGE * 2);
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee).replace(/^.*?((AgentExecutor(\.fromAgentAndTools)?)|initializeAgentExecutorWithOptions)$/, '$1');
        const key = JS_AGENTS.get(q);
        const opts = key ? call.arguments.find((a) => objProp(a, key)) : undefined;
        const prop = key && opts ? objProp(opts, key) : undefined;
        const cfg = call.arguments.find((a) => objProp(a, 'recursionLimit'));
        for (const [k, p, limit] of [[key, prop, HUGE], ['recursionLimit', cfg ? objProp(cfg, 'recursionLimit') : undefined, HUGE * 2]] as const) {
          if (!k || !p) continue;
          const v = unwrap(p.value);
          const huge = (v.type === 'Literal' && (v.value === null || (typeof v.value === 'number' && v.value > limit))) || (v.type === 'Identifier' && (v.name === 'Infinity' || v.name === 'undefined')) || (v.type === 'MemberExpression' && /Number\.(MAX_SAFE_INTEGER|POSITIVE_INFINITY|MAX_VALUE)/.test(ctx.view.text.slice(v.range[0], v.range[1])));
          if (huge) ctx.report({ data: { key: k, value: ctx.view.text.slice(v.range[0], v.range[1]) }, start: v.range[0], end: v.range[1], fixes: [{ title: `Set ${k} to 15`, kind: 'suggestion', edits: [{ start: v.range[0], end: v.range[1], newText: '15' }] }] });
        }
      }
    },
  },
});
