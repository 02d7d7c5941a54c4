/**
 * Human approval of agent tool calls: what a file or a tool definition says about a person approving a call
 * before it runs. Shared by the rules that ask "does anyone approve this tool's action?" (a tool that runs the
 * whole command the model writes, a free-form command parameter, a tool that acts on the outside world).
 *
 * Recognised (syntax, resolved through imports):
 * - per tool: `needsApproval` (OpenAI Agents SDK, AI SDK), `requireApproval` (Mastra) not `false`;
 *   `@function_tool(needs_approval=...)` (OpenAI Agents, Python);
 * - per file: LangGraph `interrupt_before` / `interruptBefore` / `interrupt_after` (non-empty), `interrupt()`;
 *   LangChain `HumanApprovalCallbackHandler`, `HumanInTheLoopMiddleware` / `humanInTheLoopMiddleware`;
 *   LlamaIndex workflow human-in-the-loop events (`humanInputEvent` / `humanResponseEvent`).
 * A file-level step in a file that imports the tool counts too (ProjectIndex.approvalGateFor): the common layout
 * keeps tools in `tools.ts` and wires the approval into the graph or workflow elsewhere.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsWalk } from './js/calls';
import type { PyNode } from './python/tree';
import { pyBool, lastSegment } from './python/calls';
import { objProp, propName, unwrap } from './flow/js';
import { kids, pyArgs } from './flow/python';
import type { ProjectIndex } from './flow/project';

type N = TSESTree.Node;

const JS_GATE_CALLS = /(^|\.)(humanInTheLoopMiddleware|HumanInTheLoopMiddleware)$|^@langchain\/langgraph.*\.interrupt$|^(@llamaindex\/(server|workflow|workflow-core)|llamaindex)\.(humanInputEvent|humanResponseEvent)$/;

/** Is there a human approval step anywhere in this JS/TS file? */
export function jsHasApprovalGate(program: TSESTree.Program, qualName: (n: N) => string): boolean {
  let gated = false;
  jsWalk(program, (n) => {
    if (gated) return;
    if (n.type === 'Property' && /^(interruptBefore|interruptAfter)$/.test(propName(n) ?? '')) {
      const v = unwrap(n.value);
      gated = !(v.type === 'ArrayExpression' && v.elements.length === 0);
    } else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      if (JS_GATE_CALLS.test(qualName(n.callee))) gated = true;
    }
  });
  return gated;
}

/** Is there a human approval step anywhere in this Python file? */
export function pyHasApprovalGate(calls: readonly PyNode[], qualName: (n: PyNode) => string): boolean {
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    const q = qualName(fn).replace(/\(\)/g, '');
    const last = lastSegment(q);
    if (last === 'HumanApprovalCallbackHandler' || last === 'HumanInTheLoopMiddleware') return true;
    if (last === 'interrupt' && /^langgraph\./.test(q)) return true;
    if ((last === 'InputRequiredEvent' || last === 'HumanResponseEvent') && /^llama_index\./.test(q)) return true;
    const { keywords } = pyArgs(call);
    for (const k of ['interrupt_before', 'interrupt_after']) {
      const v = keywords.get(k);
      if (v && !((v.type === 'list' || v.type === 'tuple') && kids(v).length === 0) && v.type !== 'none') return true;
    }
  }
  return false;
}

/** `needsApproval` / `requireApproval` on a tool's options object, when not `false`. */
export function jsOptionsNeedApproval(options: N | undefined): boolean {
  for (const key of ['needsApproval', 'requireApproval']) {
    const p = objProp(options, key);
    if (!p) continue;
    const v = unwrap(p.value);
    if (!(v.type === 'Literal' && v.value === false)) return true;
  }
  return false;
}

/**
 * The tool a model-chosen argument at `offset` belongs to (the handler parameter's position): the innermost
 * call among `calls` whose options object holds the handler, and the exported name it is bound to.
 */
function jsToolAt(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], offset: number): { options?: N; call?: N } {
  let best: { options?: N; call?: N } = {};
  let size = Infinity;
  for (const call of calls) {
    if (offset < call.range[0] || offset >= call.range[1]) continue;
    const options = call.arguments.find((a) => unwrap(a).type === 'ObjectExpression' && a.range[0] <= offset && offset < a.range[1]);
    if (!options) continue;
    const s = call.range[1] - call.range[0];
    if (s < size) {
      size = s;
      best = { options, call };
    }
  }
  return best;
}

/** The name a top-level `const x = <node>` (or `export const x = <node>`) binds: what importers import. */
export function jsBoundName(program: TSESTree.Program, node: N | undefined): string | undefined {
  if (!node) return undefined;
  for (const st of program.body) {
    const decl = st.type === 'ExportNamedDeclaration' ? st.declaration : st;
    if (decl?.type !== 'VariableDeclaration') continue;
    for (const d of decl.declarations) {
      if (d.id.type !== 'Identifier' || !d.init) continue;
      let init: N = d.init;
      while (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression') init = init.expression;
      if (init.range[0] === node.range[0] && init.range[1] === node.range[1]) return d.id.name;
    }
  }
  return undefined;
}

/**
 * Does a person approve calls of the tool whose model-chosen argument starts at `offset` before they run? Its
 * options say so, this file has an approval step, or a workspace file importing the tool has one.
 */
export function jsToolCallApproved(
  program: TSESTree.Program,
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  offset: number,
  qualName: (n: N) => string,
  path: string | undefined,
  project: ProjectIndex | undefined,
): boolean {
  const { options, call } = jsToolAt(calls, offset);
  if (options && jsOptionsNeedApproval(options)) return true;
  if (jsHasApprovalGate(program, qualName)) return true;
  const name = jsBoundName(program, call);
  return !!(name && path && project?.approvalGateFor?.(path, name));
}

/**
 * Python: does a person approve calls of the tool function enclosing `offset`? `@function_tool(needs_approval=...)`,
 * an approval step in this file, or in a workspace file that imports the function.
 */
export function pyToolCallApproved(
  root: PyNode,
  calls: readonly PyNode[],
  offset: number,
  qualName: (n: PyNode) => string,
  path: string | undefined,
  project: ProjectIndex | undefined,
): boolean {
  if (pyHasApprovalGate(calls, qualName)) return true;
  // the innermost function whose parameters hold the offset
  let def: PyNode | undefined;
  for (const f of root.descendantsOfType('function_definition')) {
    const params = f.childForFieldName('parameters');
    if (params && params.startIndex <= offset && offset < params.endIndex && (!def || f.startIndex > def.startIndex)) def = f;
  }
  if (!def) return false;
  const decorated = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
  for (const d of decorated ? kids(decorated).filter((k) => k.type === 'decorator') : []) {
    const e = kids(d)[0];
    if (e?.type !== 'call') continue;
    const approval = pyArgs(e).keywords.get('needs_approval');
    if (approval && pyBool(approval) !== false) return true;
  }
  // a method's tool (`class RunTool(BaseTool): def _run(self, cmd)`) is imported by its class name
  let owner: PyNode | null = def.parent;
  while (owner && owner.type !== 'class_definition' && owner.type !== 'module') owner = owner.parent;
  const name = (owner?.type === 'class_definition' ? owner : def).childForFieldName('name')?.text;
  return !!(name && path && project?.approvalGateFor?.(path, name));
}
