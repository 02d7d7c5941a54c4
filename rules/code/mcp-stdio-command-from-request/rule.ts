import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsChildren, jsFlow, kids, linkedParent, localProcessOnly, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Taint } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { jsValues } from '../../../server/src/analyzers/prompt/codeValues';

/** What an MCP client launches: the program, its arguments and its environment (NODE_OPTIONS, LD_PRELOAD run code too). */
const LAUNCH_KEYS = new Set(['command', 'args', 'env', 'cwd']);
const SOURCES = ['input', 'model'] as const;

/**
 * MCP client transports and clients that spawn a stdio server from what they are given (the qualified name ends
 * with one of these): the MCP SDKs, the AI SDK, LangChain / LangGraph adapters, Mastra, the OpenAI Agents SDK,
 * Pydantic AI, FastMCP, LlamaIndex.
 */
const JS_LAUNCHERS = /(^|\.)(StdioClientTransport|Experimental_StdioMCPTransport|StdioMCPTransport|MultiServerMCPClient|MCPClient|MCPConfiguration|experimental_createMCPClient|createMCPClient)$/;
const PY_LAUNCHERS = /(^|\.)(StdioServerParameters|StdioTransport|MCPServerStdio|MCPServerStdioParams|MultiServerMCPClient|BasicMCPClient|PythonStdioTransport|NodeStdioTransport)$/;
/** Launchers whose first positional argument is the command (`MCPServerStdio('uvx', args=[...])`, `BasicMCPClient(cmd, args=[...])`). */
/** Express-style route registrations and the middleware names that authenticate the caller. */
const JS_ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use']);
const JS_AUTH_MIDDLEWARE = /auth|bearer|jwt|verifyToken|apiKey|api_key|passport|clerk|requireUser|ensureLoggedIn/i;
/** The URL of the request being served (or of the page): what `new URL(...)` parses when its query is request input. */
const REQUEST_URL = /\b(req|request|event|ctx|c)(\.\w+)*\.(url|href|originalUrl|nextUrl|URL)\b|\blocation\b|\bdocument\.URL\b/;
const PY_POSITIONAL_COMMAND = /(^|\.)(StdioServerParameters|StdioTransport|MCPServerStdio|BasicMCPClient|PythonStdioTransport|NodeStdioTransport)$/;

export default defineRule({
  meta: {
    id: 'mcp-stdio-command-from-request',
    name: 'McpStdioCommandFromRequest',
    shortDescription: 'The command, arguments or environment of an MCP stdio server come from a request or from the model.',
    fullDescription: 'MCP clients launch stdio servers as local processes. When the command, its arguments or its environment come from an HTTP request (an inspector, playground or gateway that connects to "any server" the browser names) or from a tool argument the model writes, whoever reaches that endpoint or injects that prompt runs any program on the host: CVE-2025-49596 in MCP Inspector was this flaw. Let the request pick a server from the operator\'s own table, or check the command and package against an allow-list, and authenticate the endpoint.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM06', 'LLM03'],
    cwe: [78, 94],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      request: 'The `{{part}}` of an MCP stdio server comes from `{{source}}`: whoever sends this request runs any program on this host. Let the request choose a server from the operator\'s table (or check it against an allow-list) and authenticate the endpoint.',
      model: 'The `{{part}}` of an MCP stdio server comes from `{{source}}`, which the model writes: a prompt injection makes the agent launch any program. Map the model\'s choice to a table of approved servers.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const report = (value: Node, part: string): void => {
        const t = flow.reaches(value, [...SOURCES], 'shell');
        if (t && !localProcessOnly(t)) ctx.report({ messageId: messageId(t), data: { part, source: t.origin }, start: value.startIndex, end: value.endIndex });
      };
      // dict literals: {"command": ..., "args": [...]} and nested {"name": {"command": ...}}
      const fromDict = (d: Node, depth: number): void => {
        if (depth > 3) return;
        for (const pair of kids(d)) {
          if (pair.type !== 'pair') continue;
          const key = pyStringValue(pair.childForFieldName('key'));
          const value = pair.childForFieldName('value');
          if (!value) continue;
          if (key !== undefined && LAUNCH_KEYS.has(key)) report(value, key);
          else if (value.type === 'dictionary') fromDict(value, depth + 1);
        }
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        if (!PY_LAUNCHERS.test(q)) continue;
        const { positional, keywords } = pyArgs(call);
        for (const [k, v] of keywords) {
          if (LAUNCH_KEYS.has(k)) report(v, k);
          else if (v.type === 'dictionary') fromDict(v, 1); // MCPServerStdio(params={...}), connections={...}
        }
        if (positional[0] && PY_POSITIONAL_COMMAND.test(q) && positional[0].type !== 'dictionary') report(positional[0], 'command');
        for (const p of positional) if (p.type === 'dictionary') fromDict(p, 0);
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const report = (value: TSESTree.Node, part: string): void => {
        const t = flow.reaches(value, [...SOURCES], 'shell');
        // behind authentication (every route of the file, or the whole app): the request comes from the operator's session
        if (t && !localProcessOnly(t) && !(authenticated && messageId(t) === 'request') && !parsedUrlOnly(t)) ctx.report({ messageId: messageId(t), data: { part, source: t.origin }, start: value.range[0], end: value.range[1] });
      };
      const fromObject = (o: TSESTree.Node, depth: number): void => {
        const obj = unwrap(o);
        if (obj.type !== 'ObjectExpression' || depth > 4) return;
        for (const p of obj.properties) {
          if (p.type !== 'Property') continue;
          const key = propName(p);
          if (key !== undefined && LAUNCH_KEYS.has(key)) report(p.value, key);
          else fromObject(p.value, depth + 1); // { mcpServers: { name: { command } } }, { transport: { type: 'stdio', command } }
        }
      };
      // `new URL(s).searchParams.get('args')`: the flow counts any `searchParams.get()` as request input (a page's
      // query string, `new URL(req.url)`); a URL the code parses from its own parameter or config is not a request
      // unless that string is one. The taint names the source by offset: find it and look at the parsed string.
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const parsedUrlOnly = (t: Taint): boolean => {
        if (!/(^|\.)searchParams\.get\(\)$/.test(t.origin)) return false;
        // the `x.searchParams.get(...)` call at the source's offset (`x.searchParams.get(...)?.split(',')` starts there too)
        let params: TSESTree.MemberExpression | undefined;
        for (const c of flow.calls) {
          if (c.range[0] !== t.originStart || c.type !== 'CallExpression') continue;
          const callee = unwrap(c.callee);
          if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'get') continue;
          const obj = unwrap(callee.object);
          if (obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier' && obj.property.name === 'searchParams') params = obj;
        }
        if (!params) return false;
        let url: TSESTree.Node = unwrap(params.object);
        if (url.type === 'Identifier') {
          const defs = values.defsOf(url);
          if (defs.length !== 1) return false;
          url = unwrap(defs[0]);
        }
        if (url.type !== 'NewExpression' || url.callee.type !== 'Identifier' || url.callee.name !== 'URL' || !url.arguments[0]) return false;
        // `new URL(req.url)`, `new URL(request.nextUrl)`, `new URL(location.href)`: the request's own URL
        const arg = url.arguments[0];
        if (REQUEST_URL.test(ctx.view.text.slice(arg.range[0], arg.range[1]))) return false;
        return !flow.reaches(arg, [...SOURCES]);
      };
      let authenticated = false;
      for (const call of flow.calls) {
        if (!JS_LAUNCHERS.test(flow.qualName(call.callee))) continue;
        authenticated = jsRoutesAuthenticated(flow.calls, call, (n) => flow.qualName(n));
        for (const a of call.arguments) fromObject(a, 0);
      }
    },
  },
});

/**
 * The HTTP routes of this file that lead to `launch` all authenticate the caller: `app.use(authMiddleware)` for the
 * whole app, or each `app.get(path, ..., authMiddleware, handler)` whose handler runs the launch (directly or through
 * functions of this file) lists a middleware named for authentication. The fix of CVE-2025-49596 put a session-token
 * middleware on every proxy route. When no route is seen to lead to the launch, every route of the file must be guarded.
 */
function jsRoutesAuthenticated(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], launch: TSESTree.Node, qualName: (n: TSESTree.Node) => string): boolean {
  const isAuth = (a: TSESTree.Node): boolean => {
    const u = unwrap(a);
    const named = u.type === 'CallExpression' ? u.callee : u;
    if (named.type !== 'Identifier' && named.type !== 'MemberExpression') return false;
    const name = qualName(named);
    // an auth router or login callback serves the sign-in routes; it guards nothing else
    return JS_AUTH_MIDDLEWARE.test(name) && !/router|routes|login|logout|callback|signin|signup/i.test(name);
  };
  const leads = leadsTo(launch);
  let routes = 0;
  let guarded = 0;
  let relevant = 0;
  let relevantGuarded = 0;
  for (const c of calls) {
    if (c.type !== 'CallExpression') continue;
    const callee = unwrap(c.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !JS_ROUTE_METHODS.has(callee.property.name)) continue;
    const args = c.arguments;
    if (callee.property.name === 'use') {
      // app.use(authMiddleware), app.use(requireAuth()): the whole app; app.use('/auth', authRouter) only its path
      if (args[0] && args[0].type !== 'Literal' && args[0].type !== 'TemplateLiteral' && args.some((a) => isAuth(a))) return true;
      continue;
    }
    if (args.length < 2 || (args[0].type !== 'Literal' && args[0].type !== 'TemplateLiteral')) continue;
    const auth = args.slice(1, -1).some((a) => isAuth(a));
    routes++;
    if (auth) guarded++;
    if (leads(args[args.length - 1])) {
      relevant++;
      if (auth) relevantGuarded++;
    }
  }
  return relevant > 0 ? relevantGuarded === relevant : routes > 0 && guarded === routes;
}

/** Does a handler run `launch`: contain it, or call (a few levels deep) a named function of this file that does? */
function leadsTo(launch: TSESTree.Node): (handler: TSESTree.Node) => boolean {
  // the named functions around the launch, then the named functions that call those (3 levels)
  const names = new Set<string>();
  const nameOf = (fn: TSESTree.Node): string | undefined => {
    if (fn.type === 'FunctionDeclaration') return fn.id?.name;
    const p = linkedParent(fn);
    return p?.type === 'VariableDeclarator' && p.id.type === 'Identifier' ? p.id.name : undefined;
  };
  const enclosingNames = (n: TSESTree.Node): string[] => {
    const out: string[] = [];
    for (let p = linkedParent(n); p; p = linkedParent(p)) {
      if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') {
        const name = nameOf(p);
        if (name) out.push(name);
      }
    }
    return out;
  };
  for (const n of enclosingNames(launch)) names.add(n);
  let root: TSESTree.Node = launch;
  for (let p = linkedParent(launch); p; p = linkedParent(p)) root = p;
  const callsOf = (n: TSESTree.Node, found: (c: TSESTree.CallExpression) => void): void => {
    const stack: TSESTree.Node[] = [n];
    let budget = 200_000;
    while (stack.length && budget-- > 0) {
      const x = stack.pop()!;
      if (x.type === 'CallExpression') found(x);
      for (const c of jsChildren(x)) stack.push(c);
    }
  };
  for (let level = 0; level < 3 && names.size; level++) {
    const more: string[] = [];
    callsOf(root, (c) => {
      const callee = unwrap(c.callee);
      if (callee.type === 'Identifier' && names.has(callee.name)) for (const n of enclosingNames(c)) if (!names.has(n)) more.push(n);
    });
    if (!more.length) break;
    for (const n of more) names.add(n);
  }
  return (handler) => {
    if (launch.range[0] >= handler.range[0] && launch.range[1] <= handler.range[1]) return true;
    let hit = false;
    callsOf(handler, (c) => {
      const callee = unwrap(c.callee);
      if (callee.type === 'Identifier' && names.has(callee.name)) hit = true;
    });
    return hit;
  };
}

function messageId(t: Taint): 'request' | 'model' {
  // INPUT = 2: an HTTP request value; otherwise the model (output or a tool argument)
  return t.kinds & 2 ? 'request' : 'model';
}
