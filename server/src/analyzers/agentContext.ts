/**
 * Is an agent tool given to a model or an agent in the analysed code? Tool rules about what a tool can do
 * (run code, act on the outside world) matter when a model can call it. That holds:
 * - in product and example code, where a tool object or a tool definition exists to be handed to an agent
 *   (possibly in another module);
 * - anywhere else (tests, fixtures, maintainer scripts) only when the file itself hands the tool over: it
 *   reaches the arguments of an agent or model call (`create_react_agent`, `AgentExecutor`, `Agent(tools=)`,
 *   `bind_tools`, `generateText({ tools })`, `client.chat.completions.create(tools=)`...), directly or
 *   through variables, lists, pytest fixtures and factory functions. A unit test that builds the tool
 *   and calls `_run()` / `.invoke()` itself gives it to no model.
 * Syntax only: no flow engine internals, so it stays valid whatever the flow core does.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileRole } from '../engine/fileRole';
import { jsParentIn, jsWalk } from './js/calls';
import type { PyNode } from './python/tree';

type N = TSESTree.Node;

/** Roles where a tool that exists is one an agent gets. */
export function toolRoleImpliesAgent(role: FileRole | undefined): boolean {
  return role === undefined || role === 'product' || role === 'example';
}

/** Calls (last name segment) that hand tools to a model or an agent, whatever their arguments are named. */
const PY_AGENT_CALLS = new Set([
  'create_react_agent', 'create_tool_calling_agent', 'create_openai_tools_agent', 'create_openai_functions_agent',
  'create_structured_chat_agent', 'create_json_chat_agent', 'create_xml_agent', 'initialize_agent', 'create_agent',
  'AgentExecutor', 'from_agent_and_tools', 'from_llm_and_tools', 'Agent', 'CodeAgent', 'ToolCallingAgent',
  'AssistantAgent', 'ConversableAgent', 'FunctionAgent', 'ReActAgent', 'OpenAIAgent', 'AgentWorkflow',
  'FunctionCallingAgent', 'FunctionCallingAgentWorker', 'ReActAgentWorker', 'ToolNode', 'bind_tools', 'bind_functions',
  'with_tools', 'register_function', 'register_for_llm', 'register_tool', 'add_tool', 'add_tools', 'Crew', 'Task',
  'from_tools', 'ToolCollection', 'Runner', 'run_sync', 'create_supervisor', 'create_swarm', 'ChatAgent',
]);
/** Keyword arguments that carry tools into a model or agent call. */
const TOOL_KEYWORDS = new Set(['tools', 'functions', 'toolkit', 'tool_list', 'function_map', 'toolkits']);

function pyCallName(call: PyNode): string {
  const fn = call.childForFieldName('function');
  if (!fn) return '';
  if (fn.type === 'attribute') return fn.childForFieldName('attribute')?.text ?? '';
  return fn.type === 'identifier' ? fn.text : '';
}

/** Per tree: the handoff arguments and the identifiers, computed once however many tools a file defines. */
interface PyFileFacts {
  handoffs: PyNode[];
  /** Identifiers and attributes in preorder, and their texts (whitespace removed). */
  idents?: PyNode[];
  identTexts?: string[];
  /** The handoff arguments not inside another one, by start. */
  outerHandoffs?: PyNode[];
  /** Keys of the bindings whose value reaches a handoff argument (pyReachingBindings). */
  reaching?: Set<string>;
  /** The answer by the keys of the bindings a tool starts from (several tools of a file often share them). */
  answers?: Map<string, boolean>;
}
const pyFileCache = new WeakMap<PyNode, PyFileFacts>();
function pyFileFacts(root: PyNode): PyFileFacts {
  let f = pyFileCache.get(root);
  if (!f) pyFileCache.set(root, (f = { handoffs: pyHandoffArgs(root) }));
  return f;
}

/** The argument nodes of the file's calls that hand tools to an agent or a model. */
function pyHandoffArgs(root: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const call of root.descendantsOfType('call')) {
    const args = call.childForFieldName('arguments');
    if (!args || args.type !== 'argument_list') continue;
    const agentCall = PY_AGENT_CALLS.has(pyCallName(call));
    for (const a of args.namedChildren) {
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text ?? '';
        const value = a.childForFieldName('value');
        if (value && (agentCall || TOOL_KEYWORDS.has(name))) out.push(value);
      } else if (agentCall && a.type !== 'comment') out.push(a);
    }
  }
  return out;
}

function pyIdentifiersIn(n: PyNode): Set<string> {
  const out = new Set<string>();
  const stack = [n];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.type === 'identifier') out.add(c.text);
    else if (c.type === 'attribute') out.add(c.text.replace(/\s+/g, ''));
    for (const k of c.namedChildren) stack.push(k);
  }
  return out;
}

function pyInside(n: PyNode, outer: PyNode): boolean {
  return n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;
}

/** The function a node is in (its scope for local names), or undefined at module level. */
function pyScope(n: PyNode): PyNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return undefined;
}

/** A binding: a name and the function it is local to (undefined: module level, visible everywhere). */
interface Binding { name: string; scope: PyNode | undefined; key?: string }

/** No bindings (shared, never changed: most identifiers have none). */
const NONE: readonly Binding[] = [];

/** `list` and `b` (a new array: the lists may be shared). */
function withBinding(list: readonly Binding[], b: Binding): readonly Binding[] {
  return list === NONE ? [b] : [...list, b];
}

/** Names a value ends up in: assignment targets (`x = ...`, `self.x = ...`) and functions returning it. */
function pyBindingsOf(n: PyNode): readonly Binding[] {
  let out: readonly Binding[] = NONE;
  // the name of a tool function or class (`@tool def write_file`, `class MyTool(BaseTool)`) is its binding
  const def = n.parent;
  if (n.type === 'identifier' && def && (def.type === 'function_definition' || def.type === 'class_definition') && def.childForFieldName('name') === n) return [{ name: n.text, scope: pyScope(def) }];
  for (let p: PyNode | null = n.parent; p; p = p.parent) {
    if (p.type === 'assignment' || p.type === 'augmented_assignment') {
      const left = p.childForFieldName('left');
      const right = p.childForFieldName('right');
      if (left && right && pyInside(n, right)) {
        const targets = p.memo('agentTargets', pyTargetBindings);
        out = out === NONE ? targets : [...out, ...targets];
      }
      break;
    }
    if (p.type === 'return_statement' || p.type === 'yield') {
      for (let f: PyNode | null = p.parent; f; f = f.parent) {
        if (f.type === 'function_definition') {
          const name = f.childForFieldName('name')?.text;
          if (name) out = withBinding(out, { name, scope: pyScope(f) });
          break;
        }
      }
      break;
    }
    // `tools.append(shell)`, `tools.extend([...])`: the receiver holds it
    if (p.type === 'call') {
      const fn = p.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const recv = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      if (recv && (method === 'append' || method === 'extend' || method === 'add' || method === 'insert')) {
        const name = recv.text.replace(/\s+/g, '');
        out = withBinding(out, { name, scope: name.includes('.') ? undefined : pyScope(p) });
      }
      continue; // keep climbing through wrappers like list(...), [*a, b], dict(...)
    }
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'module') break;
  }
  return out;
}

/**
 * The bindings an assignment puts its value in: the names of its left side, once per assignment (every identifier
 * of the right side has them; shared: read them, do not change them).
 */
function pyTargetBindings(assignment: PyNode): readonly Binding[] {
  const left = assignment.childForFieldName('left');
  if (!left) return NONE;
  const out: Binding[] = [];
  // `self.x = ...` is visible to the other methods: module scope
  for (const id of pyIdentifiersIn(left)) out.push({ name: id, scope: id.includes('.') ? undefined : pyScope(assignment) });
  return out;
}

/**
 * Does the tool built or defined at `node` reach a call that gives tools to an agent or a model in this
 * file? Follows assignments, containers, `append`, returns (factories, pytest fixtures used as
 * parameters) a few steps; local names are matched within their function.
 */
export function pyToolGivenToAgent(root: PyNode, node: PyNode, role: FileRole | undefined): boolean {
  if (toolRoleImpliesAgent(role)) return true;
  const facts = pyFileFacts(root);
  const handoffs = facts.handoffs;
  if (!handoffs.length) return false;
  if (handoffs.some((h) => pyInside(node, h))) return true;
  const bindings = pyBindingsOf(node);
  // the rest depends only on the bindings the tool starts from
  const start = bindings.map(bindingKey).join('\u0000');
  const answers = (facts.answers ??= new Map());
  let answer = answers.get(start);
  if (answer === undefined) answers.set(start, (answer = pyBindingsReachHandoff(root, facts, bindings)));
  return answer;
}

/** Do the bindings (names a tool is held in) reach a handoff argument of the file, through assignments and returns? */
function pyBindingsReachHandoff(root: PyNode, facts: PyFileFacts, bindings: readonly Binding[]): boolean {
  const reaching = (facts.reaching ??= pyReachingBindings(root, facts));
  return bindings.some((b) => reaching.has(bindingKey(b)));
}

/**
 * The bindings of the file (keys: scope start and name) whose value reaches a handoff argument, once per file for
 * every tool: a binding reaches one when an identifier it names is inside a handoff argument, or is assigned,
 * returned or appended into a binding that reaches one (`tools = [shell]`, `def make(): return [shell]`). An
 * identifier is named by the bindings of its text in its function, in the functions around it and at module level.
 */
function pyReachingBindings(root: PyNode, facts: PyFileFacts): Set<string> {
  const idents = (facts.idents ??= root.descendantsOfType(['identifier', 'attribute']));
  const texts = (facts.identTexts ??= idents.map((id) => (id.type === 'attribute' ? id.text.replace(/\s+/g, '') : id.text)));
  // which identifiers put their value into a binding, by the binding's key
  const producers = new Map<string, number[]>();
  idents.forEach((id, i) => {
    for (const b of pyBindingsOf(id)) {
      const key = bindingKey(b);
      const list = producers.get(key);
      if (list) list.push(i);
      else producers.set(key, [i]);
    }
  });
  const reaching = new Set<string>();
  const work: string[] = [];
  const namedBy = (i: number) => {
    const text = texts[i];
    const keys = [`-1:${text}`];
    for (let s = pyScope(idents[i]); s; s = pyScope(s)) keys.push(`${s.startIndex}:${text}`);
    for (const k of keys) if (!reaching.has(k)) { reaching.add(k); work.push(k); }
  };
  const outer = (facts.outerHandoffs ??= outermost(facts.handoffs));
  idents.forEach((id, i) => {
    if (insideAny(id, outer)) namedBy(i);
  });
  while (work.length) for (const i of producers.get(work.pop()!) ?? []) namedBy(i);
  return reaching;
}

/** Nodes nest or are apart: a node is inside one of `nodes` when it is inside one of the outermost, sorted by start. */
function outermost(nodes: PyNode[]): PyNode[] {
  const sorted = [...nodes].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const out: PyNode[] = [];
  for (const n of sorted) if (!out.length || n.startIndex >= out[out.length - 1].endIndex) out.push(n);
  return out;
}

function insideAny(n: PyNode, outer: PyNode[]): boolean {
  const i = firstAtOrAfter(outer, (h) => h.startIndex, n.startIndex + 1) - 1;
  return i >= 0 && pyInside(n, outer[i]);
}

/** The identity of a binding: its scope (by start) and name. */
function bindingKey(b: Binding): string {
  return (b.key ??= `${b.scope?.startIndex ?? -1}:${b.name}`);
}

/** First index of `list` (sorted by `start`) whose start is at least `at`. */
function firstAtOrAfter<T>(list: readonly T[], start: (x: T) => number, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- JavaScript / TypeScript ----

const JS_AGENT_CALLS = new Set([
  'createReactAgent', 'createToolCallingAgent', 'createOpenAIToolsAgent', 'createOpenAIFunctionsAgent', 'createStructuredChatAgent',
  'initializeAgentExecutorWithOptions', 'initializeAgentExecutor', 'fromAgentAndTools', 'AgentExecutor', 'Agent', 'ToolNode', 'bindTools',
  'createAgent', 'createSupervisor', 'run', 'Experimental_Agent', 'ToolLoopAgent',
]);
const JS_TOOL_KEYS = new Set(['tools', 'functions', 'toolkit', 'toolkits']);

function jsCallName(callee: N): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return '';
}

function jsHandoffArgs(program: TSESTree.Program): N[] {
  const out: N[] = [];
  jsWalk(program, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
    const agentCall = JS_AGENT_CALLS.has(jsCallName(n.callee));
    for (const a of n.arguments) {
      if (agentCall) out.push(a);
      else if (a.type === 'ObjectExpression') {
        for (const p of a.properties) {
          if (p.type !== 'Property' || p.computed) continue;
          const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
          if (JS_TOOL_KEYS.has(key)) out.push(p.value);
        }
      }
    }
  });
  return out;
}

/** Per program: handoff arguments, parents and identifiers, computed once however many tools a file defines. */
interface JsFileFacts { handoffs: N[]; given?: Map<N, boolean>; parents?: { get(n: N): N | undefined }; idents?: TSESTree.Identifier[]; byName?: Map<string, TSESTree.Identifier[]> }
const jsFileCache = new WeakMap<TSESTree.Program, JsFileFacts>();
function jsFileFacts(program: TSESTree.Program): JsFileFacts {
  let f = jsFileCache.get(program);
  if (!f) jsFileCache.set(program, (f = { handoffs: jsHandoffArgs(program) }));
  return f;
}

function jsInside(n: N, outer: N): boolean {
  return n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];
}

/** JS counterpart of pyToolGivenToAgent: the tool at `node` reaches `tools` of a model/agent call in the file. */
export function jsToolGivenToAgent(program: TSESTree.Program, node: N, role: FileRole | undefined): boolean {
  if (toolRoleImpliesAgent(role)) return true;
  const facts = jsFileFacts(program);
  if (!facts.handoffs.length) return false;
  let given = (facts.given ??= new Map()).get(node);
  if (given === undefined) facts.given.set(node, (given = jsGiven(program, facts, node)));
  return given;
}

function jsGiven(program: TSESTree.Program, facts: JsFileFacts, node: N): boolean {
  const handoffs = facts.handoffs;
  if (handoffs.some((h) => jsInside(node, h))) return true;
  if (!facts.parents) {
    const idents: TSESTree.Identifier[] = [];
    jsWalk(program, (n) => {
      if (n.type === 'Identifier') idents.push(n);
    });
    // the program walk above recorded every node's parent (jsParentIn reads it)
    facts.parents = { get: (n) => jsParentIn(program, n) };
    facts.idents = idents;
  }
  const parents = facts.parents;
  const isFn = (n: N) => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
  const scopeOf = (n: N): N | undefined => {
    for (let p = parents.get(n); p; p = parents.get(p)) if (isFn(p)) return p;
    return undefined;
  };
  type JsBinding = { name: string; scope: N | undefined };
  const bindingsOf = (n: N): JsBinding[] => {
    const out: JsBinding[] = [];
    for (let p = parents.get(n); p; p = parents.get(p)) {
      if (p.type === 'VariableDeclarator') { if (p.id.type === 'Identifier') out.push({ name: p.id.name, scope: scopeOf(p) }); break; }
      if (p.type === 'AssignmentExpression') { if (p.left.type === 'Identifier') out.push({ name: p.left.name, scope: scopeOf(p) }); break; }
      if (p.type === 'ReturnStatement') {
        const f = scopeOf(p);
        if (f?.type === 'FunctionDeclaration' && f.id) out.push({ name: f.id.name, scope: scopeOf(f) });
        else if (f) {
          const d = parents.get(f);
          if (d?.type === 'VariableDeclarator' && d.id.type === 'Identifier') out.push({ name: d.id.name, scope: scopeOf(d) });
        }
        break;
      }
      if (p.type === 'CallExpression' && p.callee.type === 'MemberExpression' && p.callee.property.type === 'Identifier' && p.callee.property.name === 'push' && p.callee.object.type === 'Identifier') out.push({ name: p.callee.object.name, scope: scopeOf(p) });
      if (isFn(p) || p.type === 'Program' || p.type === 'ClassBody') break;
    }
    return out;
  };
  const matches = (b: JsBinding, id: TSESTree.Identifier): boolean => {
    if (b.name !== id.name) return false;
    if (!b.scope) return true;
    for (let s = scopeOf(id); s; s = scopeOf(s)) if (s === b.scope) return true;
    return false;
  };
  // `function get_weather(...)` described in a schema: its name is its binding
  const bindings = node.type === 'FunctionDeclaration' && node.id ? [{ name: node.id.name, scope: scopeOf(node) }] : bindingsOf(node);
  const key = (b: JsBinding) => `${b.scope?.range[0] ?? -1}:${b.name}`;
  const seen = new Set(bindings.map(key));
  if (!facts.byName) {
    facts.byName = new Map();
    for (const id of facts.idents!) {
      const list = facts.byName.get(id.name);
      if (list) list.push(id);
      else facts.byName.set(id.name, [id]);
    }
  }
  const byName = facts.byName;
  const boundBy = (id: TSESTree.Identifier) => bindings.some((b) => matches(b, id));
  // the names a tool is bound to, followed through assignments, returns and pushes: four steps, each from the
  // bindings the step before found (the uses of a name are looked up by name, not by walking every identifier)
  let frontier = bindings.slice();
  for (let round = 0; round < 4 && frontier.length; round++) {
    const next: JsBinding[] = [];
    for (const b of frontier) {
      for (const id of byName.get(b.name) ?? []) {
        if (!matches(b, id)) continue;
        for (const nb of bindingsOf(id)) if (!seen.has(key(nb))) { seen.add(key(nb)); bindings.push(nb); next.push(nb); }
      }
    }
    frontier = next;
  }
  for (const name of new Set(bindings.map((b) => b.name))) {
    for (const id of byName.get(name) ?? []) {
      if (handoffs.some((h) => jsInside(id, h)) && boundBy(id)) return true;
    }
  }
  return false;
}
