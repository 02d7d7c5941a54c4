import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsChildren, jsFlow, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { JsFlow, PyFlow } from '../../../server/src/analyzers/flow';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { jsBounded, jsDefinitionFinder, pyBounded } from '../../../server/src/analyzers/requestLimits';

/** Above this many steps an agent loop is effectively unbounded for a request/response service. */
const HUGE = 100;
/**
 * Agent constructors and runners (last one or two segments of the callee) and the keyword that bounds their loop.
 * None / infinity / more than HUGE is reported. Defaults are bounded: LangChain 15, CrewAI 25, OpenAI Agents 10,
 * LlamaIndex 10-20, smolagents 20, AutoGen 0.2 100 auto-replies, pydantic-ai 50 requests.
 */
const PY_AGENTS = new Map<string, string>([
  ['AgentExecutor', 'max_iterations'], ['AgentExecutor.from_agent_and_tools', 'max_iterations'], ['initialize_agent', 'max_iterations'],
  ['Agent', 'max_iter'],
  ['Runner.run', 'max_turns'], ['Runner.run_sync', 'max_turns'], ['Runner.run_streamed', 'max_turns'],
  ['initiate_chat', 'max_turns'], ['a_initiate_chat', 'max_turns'],
  ['ConversableAgent', 'max_consecutive_auto_reply'], ['AssistantAgent', 'max_consecutive_auto_reply'], ['UserProxyAgent', 'max_consecutive_auto_reply'],
  ['MagenticOneGroupChat', 'max_turns'],
  ['ReActAgent', 'max_iterations'], ['ReActAgent.from_tools', 'max_iterations'], ['OpenAIAgent.from_tools', 'max_iterations'], ['AgentRunner.from_llm', 'max_iterations'],
  ['CodeAgent', 'max_steps'], ['ToolCallingAgent', 'max_steps'], ['MultiStepAgent', 'max_steps'],
  ['UsageLimits', 'request_limit'],
]);
/** Modules whose `Agent` is a CrewAI agent (`max_iter`), not another framework's. */
const CREWAI = /crewai/;
/** AutoGen AgentChat teams: they run until their termination condition fires or max_turns is reached. */
const PY_TEAMS = /(^|\.)(RoundRobinGroupChat|SelectorGroupChat|Swarm)$/;
/** Termination conditions that bound a run by count, tokens or time (the others end only when a message says so). */
const BOUNDING_TERMINATIONS = /MaxMessageTermination|TokenUsageTermination|TimeoutTermination|ExternalTermination|max_messages|MaxTurns/;
const JS_AGENTS = new Map<string, string>([['AgentExecutor', 'maxIterations'], ['AgentExecutor.fromAgentAndTools', 'maxIterations'], ['initializeAgentExecutorWithOptions', 'maxIterations']]);
/** Vercel AI SDK calls that loop over tool calls (`maxSteps` in v4, `stopWhen` in v5+; default one step, agents 20). */
const JS_AI_LOOPS = /^ai\.(generateText|streamText|Experimental_Agent|Agent|ToolLoopAgent)$|^new ai\.(Experimental_Agent|Agent|ToolLoopAgent)$/;
/** OpenAI Agents JS: run(agent, input, { maxTurns }), runner.run(...). */
const JS_OPENAI_AGENTS_RUN = /^@openai\/agents(-core)?\.(run|Runner\(\)\.run)$|(^|\.)runner\.run$/i;

/** A name that counts steps, time or budget: a comparison of it bounds a loop. */
const BOUND_NAME = /step|iter|turn|round|attempt|count|retr|tries|depth|budget|limit|max|deadline|elapsed|timeout|remaining|hops|n_calls|num_calls|^i$|^n$|^k$|time|cost|tokens/i;
/** In an equality (`step == MAX_STEPS`) only a named maximum bounds; `len(calls) == 0` tests emptiness. */
const MAX_NAME = /max|limit|budget|MAX/;
/** Calls inside a loop that wait for a person or an external event: such a loop is driven from outside, not by the model. */
const PY_WAITS = /(^|\.)(input|raw_input|readline|prompt|ask|getpass|receive|receive_text|receive_json|receive_bytes|recv|accept|sleep|wait|wait_for_message|consume|poll|chat_input|get_message)$|(queue|inbox|channel|^q)(\(\))?\.get(_nowait)?$/i;
/** A variable that holds the person's next turn, read by a call inside the loop. */
const USER_TURN = /^(user_?(input|message|msg|query|question|prompt|text|turn|line)|human_?(input|message|turn))$/i;
const JS_WAITS = /(^|\.)(question|prompt|readline|read|receive|recv|accept|sleep|delay|setTimeout|waitFor\w*|next|poll|getMessage|nextMessage)$/;
/** A `while x:` flag that the loop body sets when the model says it is done. */
const FLAG_NAME = /done|running|finished|stop|continue|active|complete|keep_going|should_|more|goOn|loop/i;

function pyNumber(n: Node): number | undefined {
  if (n.type === 'integer') return Number(n.text.replace(/_/g, ''));
  if (n.type === 'float') return Number(n.text.replace(/_/g, ''));
  if (n.type === 'call' && /^(float|int)$/.test(n.childForFieldName('function')?.text ?? '') && /inf/i.test(n.text)) return Infinity;
  if (n.type === 'attribute' && /^(math|sys)\.(inf|maxsize)$/.test(n.text)) return Infinity;
  return undefined;
}

/** Descendants of `n` outside nested function and class definitions. */
function pyOwn(n: Node, types: string[]): Node[] {
  return n.descendantsOfType(types).filter((d) => {
    for (let p = d.parent; p && p !== n; p = p.parent) if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') return false;
    return true;
  });
}

/**
 * Does a call produce model output itself (not merely carry it)? Either the call is the source, or it calls a
 * same-file helper whose body holds the source (`result = execution_agent(task)`).
 */
/**
 * Method names that model SDKs share with protocol and messaging code (`transport.send_message(m)` of an SSH
 * library): a model call only when the receiver is a model object or the qualified name is an SDK's.
 */
const AMBIGUOUS_MODEL_METHODS = new Set(['send_message', 'send_message_async', 'send', 'chat', 'complete']);
const MODEL_RECEIVER = /model|llm|chat|client|agent|openai|anthropic|claude|gemini|genai|assistant|completion|gpt|bot|mistral|cohere|groq|ollama|vertex|bedrock/i;

/**
 * A retry of one request: the loop body ends in a `try` whose block returns and whose handler rethrows what it
 * cannot recover from, so the loop goes round only when the request failed (`for (;;) { const r = create(); try {
 * await r; return r } catch (e) { if (!recoverable(e)) throw e } }`), never on the model's output.
 */
function jsRetryLoop(body: JsNode): boolean {
  if (body.type !== 'BlockStatement' || !body.body.length) return false;
  const last = body.body[body.body.length - 1];
  if (last.type !== 'TryStatement' || !last.handler) return false;
  const tail = last.block.body[last.block.body.length - 1];
  if (tail?.type !== 'ReturnStatement') return false;
  const throws = (n: JsNode): boolean => n.type === 'ThrowStatement' || jsChildrenForRetry(n).some(throws);
  return throws(last.handler.body);
}

function jsChildrenForRetry(n: JsNode): JsNode[] {
  switch (n.type) {
    case 'BlockStatement': return n.body;
    case 'IfStatement': return [n.consequent, ...(n.alternate ? [n.alternate] : [])];
    default: return [];
  }
}

function pyIsModelCall(flow: PyFlow, call: Node, helpers: Map<string, Node>): boolean {
  const t = flow.reaches(call, 'model');
  if (!t) return false;
  const fnNode = call.childForFieldName('function');
  if (fnNode?.type === 'attribute' && AMBIGUOUS_MODEL_METHODS.has((fnNode.childForFieldName('attribute')?.text ?? '').replace(/^_+/, ''))) {
    const receiver = fnNode.childForFieldName('object')?.text ?? '';
    if (!MODEL_RECEIVER.test(receiver) && !MODEL_RECEIVER.test(flow.qualName(fnNode).split('.')[0])) return false;
  }
  if (t.originStart === call.startIndex) return true;
  const f = call.childForFieldName('function');
  const name = f?.type === 'identifier' ? f.text : f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
  const helper = name ? helpers.get(name) : undefined;
  return !!helper && t.originStart >= helper.startIndex && t.originStart < helper.endIndex;
}

/** An `if` in `body` that leaves the loop or function when a step counter, a clock or a budget passes a limit. */
function pyHasBound(body: Node): boolean {
  for (const stmt of pyOwn(body, ['if_statement', 'elif_clause'])) {
    const cond = stmt.childForFieldName('condition');
    const conseq = stmt.childForFieldName('consequence');
    if (!cond || !conseq) continue;
    const exits = conseq.descendantsOfType(['break_statement', 'return_statement', 'raise_statement']).length > 0 || conseq.type === 'break_statement';
    if (!exits) continue;
    if (pyBoundingCondition(cond)) return true;
  }
  return false;
}

function pyBoundingCondition(cond: Node): boolean {
  const comparisons = cond.type === 'comparison_operator' ? [cond, ...cond.descendantsOfType('comparison_operator')] : cond.descendantsOfType('comparison_operator');
  for (const c of comparisons) {
    const operands = kids(c).filter((o) => o.type !== 'string' && o.type !== 'none');
    const ordering = c.children.some((x) => !x.isNamed && /^(<|>|<=|>=)$/.test(x.text));
    if (ordering && operands.some((o) => BOUND_NAME.test(o.text) || /time\.(time|monotonic|perf_counter)\(\)|datetime\.now|len\(/.test(o.text))) return true;
    if (!ordering && operands.some((o) => MAX_NAME.test(o.text))) return true;
  }
  // if budget.exhausted(): / if is_over_limit(steps): / if timer.expired:
  return /exhaust|exceed|expired|over_?limit|out_of_budget|timed_?out/i.test(cond.text);
}

/** A loop that waits for a person or an event, or leaves unconditionally, or retries one call until it succeeds. */
function pyDrivenFromOutside(flow: PyFlow, body: Node, modelCall: Node): boolean {
  for (const call of pyOwn(body, ['call'])) {
    const fn = call.childForFieldName('function');
    if (fn && PY_WAITS.test(flow.qualName(fn))) return true;
  }
  // `user_input = await read_turn(...)`: each iteration takes the person's next turn from a helper (a REPL)
  for (const a of pyOwn(body, ['assignment'])) {
    const left = a.childForFieldName('left');
    let right = a.childForFieldName('right');
    if (right?.type === 'await') right = kids(right)[0] ?? null;
    if (left?.type === 'identifier' && USER_TURN.test(left.text) && right?.type === 'call') return true;
  }
  if (kids(body).some((s) => s.type === 'break_statement' || s.type === 'return_statement' || s.type === 'raise_statement')) return true;
  // retry: `try: return client.chat(...)` / `try: r = llm(...); break` leaves the loop once the call succeeds
  for (let p = modelCall.parent; p && p !== body; p = p.parent) {
    if (p.type === 'block' && p.parent?.type === 'try_statement' && kids(p).some((s) => s.type === 'return_statement' || s.type === 'break_statement')) return true;
  }
  return false;
}

/**
 * `while True:`, `while 1:`, `while not done:`, `while self.running:`, and conditions on model output with no
 * counter in them (`while response.stop_reason == "tool_use":`, `while msg.tool_calls:`).
 */
function pyUnboundedCondition(flow: PyFlow, cond: Node | null): boolean {
  if (!cond) return false;
  const operands = [cond, ...cond.descendantsOfType(['attribute', 'identifier', 'subscript'])];
  if (operands.some((o) => flow.reaches(o, 'model')) && !pyBoundingCondition(cond)) return true;
  const c = cond.type === 'parenthesized_expression' ? kids(cond)[0] : cond;
  if (!c) return false;
  if (c.type === 'true' || (c.type === 'integer' && c.text !== '0')) return true;
  const flag = c.type === 'not_operator' ? c.childForFieldName('argument') : c;
  return !!flag && (flag.type === 'identifier' || flag.type === 'attribute') && FLAG_NAME.test(flag.text);
}

function pyParamNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  return (params ? kids(params) : []).map((p) => (p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? kids(p)[0])?.text ?? ''));
}

// ---- JS ----

type JsNode = TSESTree.Node;

/** Descendants of `n` outside nested functions. */
function jsOwn(n: JsNode, pred: (x: JsNode) => boolean, out: JsNode[] = []): JsNode[] {
  for (const c of jsChildren(n)) {
    if (c.type === 'FunctionDeclaration' || c.type === 'FunctionExpression' || c.type === 'ArrowFunctionExpression') continue;
    if (pred(c)) out.push(c);
    jsOwn(c, pred, out);
  }
  return out;
}

function jsParamNames(p: JsNode): string[] {
  if (p.type === 'Identifier') return [p.name];
  if (p.type === 'AssignmentPattern') return jsParamNames(p.left);
  if (p.type === 'ObjectPattern') return p.properties.flatMap((x) => (x.type === 'Property' ? jsParamNames(x.value) : []));
  if (p.type === 'TSParameterProperty') return jsParamNames(p.parameter);
  return [];
}

function jsIsModelCall(flow: JsFlow, call: JsNode): boolean {
  const t = flow.reaches(call, 'model');
  return !!t && t.originStart === call.range[0];
}

function jsText(text: string, n: JsNode): string {
  return text.slice(n.range[0], n.range[1]);
}

function jsHasBound(body: JsNode, text: string): boolean {
  for (const s of jsOwn(body, (x) => x.type === 'IfStatement')) {
    const stmt = s as TSESTree.IfStatement;
    const exits = stmt.consequent.type === 'BreakStatement' || stmt.consequent.type === 'ReturnStatement' || stmt.consequent.type === 'ThrowStatement'
      || jsOwn(stmt.consequent, (x) => x.type === 'BreakStatement' || x.type === 'ReturnStatement' || x.type === 'ThrowStatement').length > 0;
    if (exits && jsBoundingCondition(stmt.test, text)) return true;
  }
  return false;
}

function jsBoundingCondition(test: JsNode, text: string): boolean {
  const comparisons = [test, ...jsOwn(test, () => true)].filter((x) => x.type === 'BinaryExpression' && /^(<|>|<=|>=|===|==|!==|!=)$/.test((x as TSESTree.BinaryExpression).operator)) as TSESTree.BinaryExpression[];
  for (const c of comparisons) {
    const ordering = /^(<|>|<=|>=)$/.test(c.operator);
    for (const o of [c.left, c.right]) {
      if (o.type === 'Literal' && typeof o.value === 'string') continue;
      const t = jsText(text, o);
      if (ordering && (BOUND_NAME.test(t) || /Date\.now\(\)|performance\.now\(\)|\.length\b/.test(t))) return true;
      if (!ordering && MAX_NAME.test(t)) return true;
    }
  }
  return /exhaust|exceed|expired|overLimit|over_limit|outOfBudget|timedOut/i.test(jsText(text, test));
}

function jsUnboundedCondition(flow: JsFlow, text: string, test: JsNode | null | undefined): boolean {
  if (!test) return true; // for (;;)
  const operands = [test, ...jsOwn(test, (x) => x.type === 'MemberExpression' || x.type === 'Identifier')];
  if (operands.some((o) => flow.reaches(o, 'model')) && !jsBoundingCondition(test, text)) return true;
  const t = unwrap(test);
  if (t.type === 'Literal' && (t.value === true || t.value === 1)) return true;
  const flag = t.type === 'UnaryExpression' && t.operator === '!' ? unwrap(t.argument) : t;
  if (flag.type === 'Identifier') return FLAG_NAME.test(flag.name);
  if (flag.type === 'MemberExpression' && !flag.computed && flag.property.type === 'Identifier') return FLAG_NAME.test(flag.property.name);
  return false;
}

function jsDrivenFromOutside(flow: JsFlow, body: JsNode, modelCall: JsNode): boolean {
  for (const c of jsOwn(body, (x) => x.type === 'CallExpression')) if (JS_WAITS.test(flow.qualName((c as TSESTree.CallExpression).callee))) return true;
  const stmts = body.type === 'BlockStatement' ? body.body : [body];
  if (stmts.some((s) => s.type === 'BreakStatement' || s.type === 'ReturnStatement' || s.type === 'ThrowStatement')) return true;
  for (let p = flow.parentOf(modelCall); p && p !== body; p = flow.parentOf(p)) {
    if (p.type === 'BlockStatement' && flow.parentOf(p)?.type === 'TryStatement' && (flow.parentOf(p) as TSESTree.TryStatement).block === p
      && p.body.some((s) => s.type === 'ReturnStatement' || s.type === 'BreakStatement')) return true;
  }
  return false;
}

/**
 * Whether a call's value is what its function returns: `return x.withConfig(...)`, an arrow's body, or a local
 * assigned from it and returned (`const agent = x.withConfig(...); return agent`).
 */
function jsReturnedByFunction(flow: JsFlow, call: JsNode): boolean {
  let c: JsNode = call;
  for (let p = flow.parentOf(c); p; c = p, p = flow.parentOf(c)) {
    if (p.type === 'ReturnStatement') return true;
    if (p.type === 'ArrowFunctionExpression') return p.body === c;
    if (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSSatisfiesExpression' || p.type === 'TSNonNullExpression' || p.type === 'ChainExpression') continue;
    if (p.type === 'VariableDeclarator' && p.init === c && p.id.type === 'Identifier') {
      const local = p.id.name;
      let fn = flow.parentOf(p);
      while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') fn = flow.parentOf(fn);
      if (!fn || fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') return false;
      return jsOwn(fn.body, (x) => x.type === 'ReturnStatement' && x.argument?.type === 'Identifier' && x.argument.name === local).length > 0;
    }
    return false;
  }
  return false;
}

/** The Python counterpart: `return graph.with_config(...)`, a lambda's body, or a local assigned from it and returned. */
function pyReturnedByFunction(call: Node): boolean {
  let c: Node = call;
  for (let p = c.parent; p; c = p, p = c.parent) {
    if (p.type === 'return_statement' || p.type === 'lambda') return true;
    if (p.type === 'await' || p.type === 'parenthesized_expression') continue;
    if (p.type === 'assignment' && p.childForFieldName('right')?.startIndex === c.startIndex && p.childForFieldName('left')?.type === 'identifier') {
      const local = p.childForFieldName('left')!.text;
      let fn = p.parent;
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      const body = fn?.childForFieldName('body');
      return !!body && pyOwn(body, ['return_statement']).some((r) => kids(r)[0]?.type === 'identifier' && kids(r)[0].text === local);
    }
    return false;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'agent-without-iteration-limit',
    name: 'AgentWithoutIterationLimit',
    shortDescription: 'An agent loop has no bound (max_iterations=None, while True around a model call) or an excessive one.',
    fullDescription: 'Agent executors call the model and tools in a loop until the model says it is done. A prompt injection or a confused model can keep that loop going: each step costs tokens and may call tools with side effects. LangChain (15), CrewAI (25), LangGraph (25), OpenAI Agents (10) and smolagents (20) bound the loop by default; setting the bound to None, infinity or a very large number removes that protection, and so does a hand-written `while True` / recursion around a model call whose only exit is the model saying "done".',
    views: ['python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM10', 'LLM06'],
    cwe: [770, 834],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MANAGE 2.4'], euAiAct: ['Art. 14', 'Art. 15'], iso42001: ['A.6.2.6', 'A.9.2'] },
    fix: 'suggestion',
    messages: {
      unbounded: '`{{key}}={{value}}` lets this agent loop without a useful bound. Use a small limit (LangChain defaults to 15) and a max execution time.',
      loop: 'This loop calls the model (`{{call}}`) with no step limit: only the model decides when it ends. Count the steps and stop at a maximum (`for step in range(MAX_STEPS)`), and add a time or token budget.',
      recursion: '`{{name}}` calls the model and then itself with no depth limit: only the model decides when it ends. Pass a step counter and stop at a maximum.',
      fromRequest: '`{{key}}` comes from the request ({{origin}}) without an upper bound: the caller decides how many steps this agent runs. Clamp it on the server (e.g. at most 10) or use a fixed limit.',
      modelOnly: 'This run ends only when a model message says so (`{{value}}`). Combine it with a count or time limit (`| MaxMessageTermination(20)`, `stepCountIs(10)`).',
      noTermination: '`{{name}}` has neither termination_condition nor max_turns: the team runs until it is cancelled. Pass `max_turns` or a MaxMessageTermination.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const root = ctx.view.root;
      const check = (key: string, value: Node | undefined, limit: number): void => {
        if (!value) return;
        const n = pyNumber(value);
        if (value.type === 'none' || (n !== undefined && (n > limit || n === Infinity))) {
          ctx.report({ data: { key, value: value.text }, start: value.startIndex, end: value.endIndex, fixes: [{ title: `Set ${key}=15`, kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: '15' }] }] });
          return;
        }
        // the step bound chosen by the caller (request body, query string) and not clamped
        const fromRequest = flow.reaches(value, 'input');
        if (fromRequest && !pyBounded(value, ctx.view.text)) {
          ctx.report({ messageId: 'fromRequest', data: { key, origin: fromRequest.origin }, start: value.startIndex, end: value.endIndex, fixes: [{ title: `Clamp ${key} to at most 15`, kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: `min(${value.text} or 15, 15)` }] }] });
        }
      };
      /** A termination condition, followed through one local assignment. */
      const terminationText = (n: Node): string => {
        if (n.type !== 'identifier') return n.text;
        const a = root.descendantsOfType('assignment').filter((x) => x.childForFieldName('left')?.text === n.text && x.startIndex < n.startIndex).pop();
        return a?.childForFieldName('right')?.text ?? '';
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const last2 = q.split('.').slice(-2).join('.');
        const last = q.split('.').pop() ?? '';
        const { keywords, all } = pyArgs(call);
        const key = PY_AGENTS.get(last2) ?? (last === 'Agent' && !CREWAI.test(q) ? undefined : PY_AGENTS.get(last));
        if (key && key !== 'request_limit') check(key, keywords.get(key), HUGE);
        else if (key === 'request_limit' && /pydantic_ai/.test(q)) check(key, keywords.get(key), HUGE * 10);
        // LangGraph: graph.invoke(inputs, config={"recursion_limit": 10_000})
        const config = keywords.get('config');
        if (config?.type === 'dictionary') {
          for (const p of kids(config)) {
            if (p.type === 'pair' && pyStringValue(p.childForFieldName('key')) === 'recursion_limit') check('recursion_limit', p.childForFieldName('value') ?? undefined, HUGE * 2);
          }
        }
        // a default on an agent a factory returns (`return graph.with_config(recursion_limit=10_000)`): the caller runs it
        // and sets the run's own limit, so only no bound at all (None, infinity) is reported there
        if (/\.with_config$/.test(q)) check('recursion_limit', keywords.get('recursion_limit'), pyReturnedByFunction(call) ? Infinity : HUGE * 2);
        // AutoGen AgentChat teams
        if (PY_TEAMS.test(q) && /autogen/.test(q)) {
          const maxTurns = keywords.get('max_turns');
          check('max_turns', maxTurns, HUGE);
          if (maxTurns && maxTurns.type !== 'none') continue;
          if (all.some((a) => a.type === 'dictionary_splat')) continue;
          const term = keywords.get('termination_condition');
          if (!term || term.type === 'none') {
            ctx.report({ messageId: 'noTermination', data: { name: last }, start: fn.startIndex, end: fn.endIndex });
            continue;
          }
          const t = terminationText(term);
          if (t && /Termination\(/.test(t) && !BOUNDING_TERMINATIONS.test(t)) ctx.report({ messageId: 'modelOnly', data: { value: term.text }, start: term.startIndex, end: term.endIndex });
        }
      }
      const helpers = new Map<string, Node>();
      for (const f of root.descendantsOfType('function_definition')) {
        const name = f.childForFieldName('name')?.text;
        if (name) helpers.set(name, f);
      }
      // hand-written agent loops: while True around a model call
      for (const loop of root.descendantsOfType('while_statement')) {
        const cond = loop.childForFieldName('condition');
        const body = loop.childForFieldName('body');
        if (!body || !pyUnboundedCondition(flow, cond)) continue;
        const modelCall = pyOwn(body, ['call']).find((c) => pyIsModelCall(flow, c, helpers));
        if (!modelCall || pyDrivenFromOutside(flow, body, modelCall) || pyHasBound(body)) continue;
        const flag = cond?.type === 'not_operator' ? cond.childForFieldName('argument')?.text : cond?.text;
        if (pyOwn(body, ['assignment']).some((a) => a.childForFieldName('left')?.text === flag && pyBoundingCondition(a.childForFieldName('right') ?? a))) continue;
        const callee = modelCall.childForFieldName('function')?.text ?? 'model';
        ctx.report({ messageId: 'loop', data: { call: callee }, start: loop.startIndex, end: (cond ?? loop).endIndex });
      }
      // recursion: def step(messages): ... model call ... return step(messages)
      for (const fn of root.descendantsOfType('function_definition')) {
        const name = fn.childForFieldName('name')?.text;
        const body = fn.childForFieldName('body');
        if (!name || !body) continue;
        const calls = pyOwn(body, ['call']);
        const self = calls.find((c) => {
          const f = c.childForFieldName('function');
          return f?.text === name || f?.text === `self.${name}` || f?.text === `cls.${name}`;
        });
        if (!self || !calls.some((c) => c !== self && pyIsModelCall(flow, c, helpers))) continue;
        if (pyParamNames(fn).some((p) => BOUND_NAME.test(p)) || pyHasBound(body)) continue;
        // the model decides whether to recurse: the call sits under a condition on model output, or passes it on
        let modelDriven = pyArgs(self).all.some((a) => !!flow.reaches(a, 'model'));
        for (let p = self.parent; p && p !== body && !modelDriven; p = p.parent) {
          const c = p.type === 'if_statement' || p.type === 'elif_clause' || p.type === 'conditional_expression' ? p.childForFieldName('condition') ?? kids(p)[1] : undefined;
          if (c && [c, ...c.descendantsOfType(['attribute', 'identifier', 'subscript'])].some((o) => flow.reaches(o, 'model'))) modelDriven = true;
        }
        if (!modelDriven) continue;
        const f = self.childForFieldName('function') ?? self;
        ctx.report({ messageId: 'recursion', data: { name }, start: f.startIndex, end: f.endIndex });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const text = ctx.view.text;
      const hugeValue = (v: JsNode, limit: number): boolean =>
        (v.type === 'Literal' && (v.value === null || (typeof v.value === 'number' && v.value > limit))) || (v.type === 'Identifier' && (v.name === 'Infinity' || v.name === 'undefined')) || (v.type === 'MemberExpression' && /Number\.(MAX_SAFE_INTEGER|POSITIVE_INFINITY|MAX_VALUE)/.test(jsText(text, v)));
      const reportHuge = (k: string, v: JsNode): void => {
        const fix: Fix = { title: `Set ${k} to 15`, kind: 'suggestion', edits: [{ start: v.range[0], end: v.range[1], newText: '15' }] };
        ctx.report({ data: { key: k, value: jsText(text, v) }, start: v.range[0], end: v.range[1], fixes: [fix] });
      };
      /** A step bound the caller chooses (request body, query string), not clamped on the way. */
      const checkRequest = (k: string, v: JsNode): void => {
        const t = flow.reaches(v, 'input');
        if (!t || jsBounded(v, text, (x) => flow.parentOf(x), jsDefinitionFinder((x) => flow.parentOf(x)))) return;
        const p = flow.parentOf(v);
        const shorthand = p?.type === 'Property' && p.shorthand;
        const clamped = `Math.min(Number(${jsText(text, v)}) || 10, 10)`;
        const fix: Fix = { title: `Clamp ${k} to at most 10`, kind: 'suggestion', edits: [shorthand ? { start: p.range[0], end: p.range[1], newText: `${k}: ${clamped}` } : { start: v.range[0], end: v.range[1], newText: clamped }] };
        ctx.report({ messageId: 'fromRequest', data: { key: k, origin: t.origin }, start: v.range[0], end: v.range[1], fixes: [fix] });
      };
      for (const call of flow.calls) {
        const full = flow.qualName(call.callee);
        const q = full.replace(/^.*?((AgentExecutor(\.fromAgentAndTools)?)|initializeAgentExecutorWithOptions)$/, '$1');
        const key = JS_AGENTS.get(q);
        const opts = key ? call.arguments.find((a) => objProp(a, key)) : undefined;
        const prop = key && opts ? objProp(opts, key) : undefined;
        const cfg = call.arguments.find((a) => objProp(a, 'recursionLimit'));
        // a default on an agent a factory returns (`return createAgent(...).withConfig({ recursionLimit: 1e4 })`): the
        // caller runs it and passes the run's own recursionLimit, so only no bound at all (Infinity, null) is reported there
        const factoryDefault = /(^|\.)withConfig$/.test(full) && jsReturnedByFunction(flow, call);
        for (const [k, p, limit] of [[key, prop, HUGE], ['recursionLimit', cfg ? objProp(cfg, 'recursionLimit') : undefined, factoryDefault ? Infinity : HUGE * 2]] as const) {
          if (!k || !p) continue;
          const v = unwrap(p.value);
          if (hugeValue(v, limit)) reportHuge(k, v);
        }
        const newPrefix = call.type === 'NewExpression' ? 'new ' : '';
        // Vercel AI SDK: maxSteps (v4), stopWhen (v5+)
        if (JS_AI_LOOPS.test(`${newPrefix}${full}`) || JS_AI_LOOPS.test(full)) {
          const o = call.arguments[0];
          const maxSteps = o ? objProp(o, 'maxSteps') : undefined;
          if (maxSteps && hugeValue(unwrap(maxSteps.value), HUGE)) reportHuge('maxSteps', unwrap(maxSteps.value));
          else if (maxSteps) checkRequest('maxSteps', unwrap(maxSteps.value));
          const stop = o ? objProp(o, 'stopWhen') : undefined;
          if (stop) {
            const v = unwrap(stop.value);
            const conditions = v.type === 'ArrayExpression' ? v.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement') : [v];
            const calls = conditions.map(unwrap).filter((c): c is TSESTree.CallExpression => c.type === 'CallExpression');
            const stepCount = calls.find((c) => /^ai\.(stepCountIs|isStepCount)$/.test(flow.qualName(c.callee)));
            const arg = stepCount?.arguments[0] ? unwrap(stepCount.arguments[0]) : undefined;
            if (arg && hugeValue(arg, HUGE)) reportHuge('stepCountIs', arg);
            else if (arg && flow.reaches(arg, 'input')) checkRequest('stepCountIs', arg);
            else if (!stepCount && calls.length === conditions.length && calls.every((c) => /^ai\.hasToolCall$/.test(flow.qualName(c.callee)))) {
              ctx.report({ messageId: 'modelOnly', data: { value: jsText(text, v) }, start: v.range[0], end: v.range[1] });
            }
          }
        }
        // OpenAI Agents JS: run(agent, input, { maxTurns })
        if (JS_OPENAI_AGENTS_RUN.test(full)) {
          const o = call.arguments[2];
          const mt = o ? objProp(o, 'maxTurns') : undefined;
          if (mt && hugeValue(unwrap(mt.value), HUGE)) reportHuge('maxTurns', unwrap(mt.value));
        }
      }
      // hand-written loops and recursion around a model call
      const visit = (n: JsNode, fnName: string | undefined, fnNode: JsNode | undefined): void => {
        if (n.type === 'WhileStatement' || n.type === 'DoWhileStatement' || n.type === 'ForStatement') {
          const test = n.test;
          const body = n.body;
          if ((n.type !== 'ForStatement' || (!n.test && !n.update)) && jsUnboundedCondition(flow, text, test)) {
            const modelCall = jsOwn(body, (x) => (x.type === 'CallExpression' || x.type === 'NewExpression') && jsIsModelCall(flow, x))[0];
            if (modelCall && !jsDrivenFromOutside(flow, body, modelCall) && !jsHasBound(body, text) && !jsRetryLoop(body)) {
              const callee = jsText(text, (modelCall as TSESTree.CallExpression).callee);
              const end = n.type === 'DoWhileStatement' ? n.range[0] + 2 : test ? test.range[1] + 1 : body.range[0];
              ctx.report({ messageId: 'loop', data: { call: callee }, start: n.range[0], end: Math.min(end, n.range[1]) });
            }
          }
        }
        let name = fnName;
        let fnn = fnNode;
        if (n.type === 'FunctionDeclaration' && n.id) { name = n.id.name; fnn = n; }
        else if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && (n.init.type === 'ArrowFunctionExpression' || n.init.type === 'FunctionExpression')) { name = n.id.name; fnn = n.init; }
        else if (n.type === 'MethodDefinition' && n.value.type === 'FunctionExpression') { name = propName(n); fnn = n.value; }
        if (fnn !== fnNode && name && fnn && (fnn.type === 'FunctionDeclaration' || fnn.type === 'FunctionExpression' || fnn.type === 'ArrowFunctionExpression')) {
          const fun = fnn;
          const body = fun.body;
          const calls = jsOwn(body, (x) => x.type === 'CallExpression') as TSESTree.CallExpression[];
          const selfCall = calls.find((c) => {
            const callee = unwrap(c.callee);
            return (callee.type === 'Identifier' && callee.name === name) || (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === name);
          });
          const params = fun.params.flatMap((p) => jsParamNames(p));
          let modelDriven = !!selfCall && selfCall.arguments.some((a) => flow.reaches(a, 'model'));
          for (let p = selfCall ? flow.parentOf(selfCall) : undefined; p && p !== body && !modelDriven; p = flow.parentOf(p)) {
            const test = p.type === 'IfStatement' || p.type === 'ConditionalExpression' ? p.test : undefined;
            if (test && [test, ...jsOwn(test, (x) => x.type === 'MemberExpression' || x.type === 'Identifier')].some((o) => flow.reaches(o, 'model'))) modelDriven = true;
          }
          if (selfCall && modelDriven && calls.some((c) => c !== selfCall && jsIsModelCall(flow, c)) && !params.some((p) => BOUND_NAME.test(p)) && !jsHasBound(body, text)) {
            ctx.report({ messageId: 'recursion', data: { name }, start: selfCall.callee.range[0], end: selfCall.callee.range[1] });
          }
        }
        for (const c of jsChildren(n)) visit(c, name, fnn);
      };
      visit(ctx.view.ast, undefined, undefined);
    },
  },
});
