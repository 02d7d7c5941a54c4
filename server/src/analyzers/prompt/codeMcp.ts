/**
 * Tool and resource handlers of MCP servers and agent frameworks, found in code: what the model (or the
 * MCP client) calls, which parameters it chooses and what the handler returns to it.
 * Python: `@mcp.tool()`, `@mcp.resource("file://{path}")`, `@server.call_tool()`, `@server.read_resource()`,
 * LangChain `@tool`, OpenAI Agents `@function_tool`. JS/TS: `server.tool(...)`, `registerTool`, `resource`,
 * `registerResource`, `setRequestHandler(CallToolRequestSchema | ReadResourceRequestSchema, ...)`,
 * AI SDK `tool({ execute })`, LangChain `tool(fn, ...)`, `new DynamicStructuredTool({ func })`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../python/tree';
import { jsChildren, objProp, unwrap } from '../flow';

type N = TSESTree.Node;
type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export type HandlerKind = 'tool' | 'resource';

export interface PyHandler {
  kind: HandlerKind;
  /** The tool / resource name for messages. */
  name: string;
  fn: PyNode;
  /** Parameters the model or client chooses (context objects excluded). */
  params: string[];
  /** True for resource templates and low-level handlers, whose parameters the flow engine may not model. */
  lowLevel: boolean;
}

const PY_DECORATORS = new Map<string, HandlerKind>([['tool', 'tool'], ['call_tool', 'tool'], ['function_tool', 'tool'], ['kernel_function', 'tool'], ['resource', 'resource'], ['read_resource', 'resource']]);
const PY_CONTEXT_PARAM = /^(self|cls|ctx|context|config|run_manager|callbacks)$/;

/** Tool and resource handlers of a Python file. */
export function pyHandlers(root: PyNode): PyHandler[] {
  const out: PyHandler[] = [];
  for (const d of root.descendantsOfType('decorated_definition')) {
    const def = d.childForFieldName('definition');
    if (!def || def.type !== 'function_definition') continue;
    for (const dec of d.namedChildren) {
      if (dec.type !== 'decorator') continue;
      const expr = dec.namedChildren[0];
      const target = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      const last = target?.type === 'attribute' ? target.childForFieldName('attribute')?.text : target?.text;
      const kind = last ? PY_DECORATORS.get(last) : undefined;
      if (!kind || !target) continue;
      const params: string[] = [];
      for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
        const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren[0]);
        const type = p.childForFieldName('type')?.text ?? '';
        if (id?.type === 'identifier' && !PY_CONTEXT_PARAM.test(id.text) && !/Context|RunContext|Request/.test(type)) params.push(id.text);
      }
      let name = def.childForFieldName('name')?.text ?? 'handler';
      if (expr?.type === 'call' && kind === 'resource') {
        const uri = expr.childForFieldName('arguments')?.namedChildren[0];
        if (uri?.type === 'string') name = uri.text.replace(/^[rbuf]*["']+|["']+$/gi, '');
      }
      out.push({ kind, name, fn: def, params, lowLevel: kind === 'resource' || last === 'read_resource' });
      break;
    }
  }
  // registration by reference: `mcp.add_tool(fn)`, `Tool.from_function(fn)`, `StructuredTool.from_function(func=fn)`
  const defs = new Map<string, PyNode>();
  for (const f of root.descendantsOfType('function_definition')) defs.set(f.childForFieldName('name')?.text ?? '', f);
  for (const c of root.descendantsOfType('call')) {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'attribute' || !/^(add_tool|from_function|add_resource_fn)$/.test(fn.childForFieldName('attribute')?.text ?? '')) continue;
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    const ref = args.find((a) => a.type === 'identifier') ?? args.find((a) => a.type === 'keyword_argument' && /^(fn|func)$/.test(a.childForFieldName('name')?.text ?? ''))?.childForFieldName('value');
    const def = ref?.type === 'identifier' ? defs.get(ref.text) : undefined;
    if (!def || out.some((h) => h.fn === def)) continue;
    const params: string[] = [];
    for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
      const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren[0]);
      if (id?.type === 'identifier' && !PY_CONTEXT_PARAM.test(id.text)) params.push(id.text);
    }
    out.push({ kind: 'tool', name: ref!.text, fn: def, params, lowLevel: false });
  }
  return out;
}

/** Return values of a Python function (not of nested functions). */
export function pyReturns(fn: PyNode): PyNode[] {
  const out: PyNode[] = [];
  const stack = [...(fn.childForFieldName('body')?.namedChildren ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') continue;
    if (n.type === 'return_statement' && n.namedChildren[0]) out.push(n.namedChildren[0]);
    else stack.push(...n.namedChildren);
  }
  return out;
}

export interface JsHandler {
  kind: HandlerKind;
  name: string;
  fn: Fn;
  /** Names bound to model/client-chosen values: destructured tool arguments, template variables, `request.params.arguments`. */
  params: string[];
  lowLevel: boolean;
}

const isFn = (n: N | undefined): n is Fn => !!n && (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'FunctionDeclaration');

function patternNames(p: N | undefined, out: string[]): void {
  if (!p) return;
  if (p.type === 'Identifier') out.push(p.name);
  else if (p.type === 'ObjectPattern') for (const q of p.properties) patternNames(q.type === 'Property' ? q.value : q.argument, out);
  else if (p.type === 'ArrayPattern') for (const e of p.elements) patternNames(e ?? undefined, out);
  else if (p.type === 'AssignmentPattern') patternNames(p.left, out);
  else if (p.type === 'RestElement') patternNames(p.argument, out);
}

function literalName(n: N | undefined): string | undefined {
  const u = n ? unwrap(n) : undefined;
  if (u?.type === 'Literal' && typeof u.value === 'string') return u.value;
  if (u?.type === 'NewExpression' && u.arguments[0]) return literalName(u.arguments[0]);
  return undefined;
}

/** Tool and resource handlers of a JS/TS file. `qualName` resolves callees through imports. */
export function jsHandlers(calls: (TSESTree.CallExpression | TSESTree.NewExpression)[], qualName: (n: N) => string, parentOf?: (n: N) => N | undefined, defsOf?: (id: TSESTree.Identifier) => N[]): JsHandler[] {
  const nameOf = (n: N | undefined): string | undefined => {
    const u = n ? unwrap(n) : undefined;
    if (u?.type === 'Identifier' && defsOf) for (const d of defsOf(u)) { const s = literalName(d); if (s) return s; }
    return literalName(n);
  };
  const out: JsHandler[] = [];
  for (const call of calls) {
    const callee = call.callee;
    const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    const q = qualName(callee);
    const lastFn = [...call.arguments].reverse().find((a) => isFn(a)) as Fn | undefined;
    if (method && /^(tool|registerTool|resource|registerResource)$/.test(method) && lastFn && call.arguments.length >= 2) {
      const kind: HandlerKind = /resource/i.test(method) ? 'resource' : 'tool';
      const params: string[] = [];
      // tool(args, extra) / resource(uri, variables, extra): the tool's arguments, the template's variables
      if (kind === 'tool') patternNames(lastFn.params[0], params);
      else patternNames(lastFn.params[1], params);
      out.push({ kind, name: nameOf(call.arguments[0]) ?? method, fn: lastFn, params, lowLevel: kind === 'resource' });
    } else if (method === 'setRequestHandler' && lastFn && call.arguments[0]) {
      const schema = qualName(call.arguments[0]);
      const kind: HandlerKind | undefined = /CallToolRequestSchema$/.test(schema) ? 'tool' : /ReadResourceRequestSchema$/.test(schema) ? 'resource' : undefined;
      if (!kind) continue;
      const params: string[] = [];
      patternNames(lastFn.params[0], params);
      out.push({ kind, name: kind === 'tool' ? 'CallTool handler' : 'ReadResource handler', fn: lastFn, params, lowLevel: true });
    } else if (method && /^(addTool|addResource|addResourceTemplate)$/.test(method) && call.arguments[0] && unwrap(call.arguments[0]).type === 'ObjectExpression') {
      // FastMCP (TypeScript): addTool({ name, execute }), addResource({ uri, load }), addResourceTemplate({ uriTemplate, load })
      const opts = call.arguments[0];
      const handler = objProp(opts, 'execute')?.value ?? objProp(opts, 'load')?.value;
      if (!isFn(handler)) continue;
      const kind: HandlerKind = method === 'addTool' ? 'tool' : 'resource';
      const params: string[] = [];
      patternNames(handler.params[0], params);
      out.push({ kind, name: literalName(objProp(opts, 'name')?.value) ?? method, fn: handler, params, lowLevel: method === 'addResourceTemplate' });
    } else if (/(^|\.)(tool|createTool|DynamicStructuredTool|DynamicTool)$/.test(q)) {
      const opts = call.arguments.find((a) => unwrap(a).type === 'ObjectExpression');
      const exec = (opts && (objProp(opts, 'execute')?.value ?? objProp(opts, 'func')?.value)) ?? (isFn(call.arguments[0]) ? call.arguments[0] : undefined);
      if (!isFn(exec)) continue;
      const params: string[] = [];
      patternNames(exec.params[0], params);
      const decl = parentOf?.(call);
      const name = (opts && literalName(objProp(opts, 'name')?.value)) ?? (decl?.type === 'VariableDeclarator' && decl.id.type === 'Identifier' ? decl.id.name : decl?.type === 'Property' && decl.key.type === 'Identifier' ? decl.key.name : 'tool');
      out.push({ kind: 'tool', name, fn: exec, params, lowLevel: false });
    }
  }
  return out;
}

/** Returned expressions of a JS function (the arrow body included), not of nested functions. */
export function jsReturns(fn: Fn): N[] {
  if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') return [fn.body];
  const out: N[] = [];
  const stack: N[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (isFn(n)) continue;
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
    else stack.push(...jsChildren(n));
  }
  return out;
}

/** Every node of a JS function body, nested functions excluded. */
export function jsBodyNodes(fn: Fn): N[] {
  const out: N[] = [];
  const stack: N[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (isFn(n)) continue;
    out.push(n);
    stack.push(...jsChildren(n));
  }
  return out;
}

// ---- credential files, by the text of the path that is read ----

/** Files that hold credentials: cloud and registry logins, SSH keys, dotenv files, service-account keys. */
export const CREDENTIAL_FILE = /(^|[/\\])(\.aws[/\\](credentials|config)|\.ssh[/\\](id_\w+|[\w.-]*_key|authorized_keys)|id_(rsa|ed25519|ecdsa|dsa)|\.env(\.[\w.-]+)?|\.netrc|\.git-credentials|\.docker[/\\]config\.json|\.kube[/\\]config|\.npmrc|\.pypirc|\.config[/\\]gcloud|application_default_credentials\.json|credentials\.json|service[-_]account[\w.-]*\.json|\.azure[/\\]|etc[/\\]shadow|\.gnupg|secrets?\.(json|ya?ml|toml|env)|\.config[/\\]gh[/\\]hosts\.ya?ml|\.pgpass|\.my\.cnf|\.terraformrc|credentials\.tfrc\.json|\.vault-token)$/i;

/** Cheap text checks: does a file possibly register tool or resource handlers (before any flow analysis)? */
export const PY_HANDLER_HINT = /@[\w.]*\b(tool|resource|call_tool|read_resource|function_tool|kernel_function)\b|\.(add_tool|from_function)\(/;
export const JS_HANDLER_HINT = /\.(tool|registerTool|resource|registerResource|setRequestHandler|addTool|addResource|addResourceTemplate)\s*\(|\b(tool|createTool|DynamicStructuredTool|DynamicTool)\s*\(/;
