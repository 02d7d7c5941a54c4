import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, jsStringValue, kids, memberKey, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Hosts that bind every interface. */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '', '[::]', '*']);
const PY_NETWORK_TRANSPORTS = new Set(['sse', 'streamable-http', 'http']);
const PY_AUTH_KEYWORDS = ['auth', 'auth_server_provider', 'token_verifier'];
const PY_MCP_APPS = /^(streamable_http_app|sse_app|http_app)$/;
const JS_MCP_TRANSPORT = /(^|\.)(StreamableHTTPServerTransport|SSEServerTransport)$/;
/** Reads the credential of a request: `req.get('Authorization')`, `req.headers.authorization`, `req.headers['x-api-key']`. */
const AUTH_HEADER = /\b(get|header)\(\s*['"`](authorization|x-api-key|x-auth-token)['"`]|headers\s*(\??\.\s*authorization\b|\??\.?\[\s*['"`](authorization|x-api-key|x-auth-token)['"`]\s*\])/i;
/** Answers 401 / 403. */
const DENIED = /\b(status|writeHead|sendStatus)\(\s*40[13]\b/;
/** Middleware that authenticates the caller (MCP SDK bearer auth, passport, custom). */
const JS_AUTH = /auth|bearer|jwt|verifyToken|apiKey|api_key|passport|clerk|requireUser|ensureLoggedIn/i;

/**
 * The function that starts the server: the nearest enclosing function that is not an inline callback
 * (`new Promise((resolve) => app.listen(...))`, `main().then(() => ...)` belong to the function around them).
 */
function enclosingJsFunction(n: TSESTree.Node, parentOf: (x: TSESTree.Node) => TSESTree.Node | undefined): TSESTree.Node | undefined {
  for (let p = parentOf(n); p; p = parentOf(p)) {
    if (p.type !== 'FunctionDeclaration' && p.type !== 'FunctionExpression' && p.type !== 'ArrowFunctionExpression') continue;
    const owner = parentOf(p);
    if ((owner?.type === 'CallExpression' || owner?.type === 'NewExpression') && owner.arguments.includes(p as TSESTree.CallExpressionArgument)) continue;
    return p;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'mcp-server-network-exposed',
    name: 'McpServerNetworkExposed',
    shortDescription: 'An MCP server listens on all network interfaces without authentication.',
    fullDescription: 'An MCP server over HTTP/SSE exposes its tools (files, shell, databases, internal APIs) to whoever can reach the port. Bound to 0.0.0.0 (or with no host, which for Node means every interface) and without an auth provider or bearer-token middleware, anyone on the network, or a web page through the user\'s browser, can list and call those tools. Bind to 127.0.0.1 for local use, or require authentication.',
    views: ['python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06'],
    cwe: [306, 1327],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      exposed: 'MCP server `{{server}}` listens on {{host}} without authentication: anyone who can reach this port can call its tools. Bind to 127.0.0.1, or add an auth provider / bearer-token middleware.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      /** FastMCP instances: name -> { host node, authenticated } */
      const servers = new Map<string, { host?: Node; auth: boolean }>();
      const apps = new Map<string, string>(); // app var -> server name
      for (const n of pyNodesInStackOrder(ctx.view.root, ['assignment'])) {
        if (n.type === 'assignment') {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left?.type === 'identifier' && right?.type === 'call') {
            const fn = right.childForFieldName('function');
            const q = fn ? flow.qualName(fn) : '';
            const { keywords } = pyArgs(right);
            if (/(^|\.)FastMCP$/.test(q)) servers.set(left.text, { host: keywords.get('host'), auth: PY_AUTH_KEYWORDS.some((k) => keywords.has(k)) });
            if (fn?.type === 'attribute' && PY_MCP_APPS.test(fn.childForFieldName('attribute')?.text ?? '')) apps.set(left.text, fn.childForFieldName('object')?.text ?? '');
          }
        }
      }
      const exposed = (host: Node | undefined): boolean => {
        const v = host ? pyStringValue(host) : undefined;
        return v !== undefined && ALL_INTERFACES.has(v);
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        if (q !== 'uvicorn.run' && fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'run') {
          const name = fn.childForFieldName('object')?.text ?? '';
          const server = servers.get(name);
          if (!server || server.auth) continue;
          const transport = pyStringValue(keywords.get('transport') ?? positional[0]);
          if (!transport || !PY_NETWORK_TRANSPORTS.has(transport)) continue;
          const host = keywords.get('host') ?? server.host;
          if (host && exposed(host)) ctx.report({ messageId: 'exposed', data: { server: name, host: pyStringValue(host) || 'all interfaces' }, start: host.startIndex, end: host.endIndex });
        } else if (q === 'uvicorn.run') {
          const app = positional[0] ?? keywords.get('app');
          if (!app) continue;
          let serverName: string | undefined;
          if (app.type === 'identifier') serverName = apps.get(app.text);
          else if (app.type === 'call') {
            const afn = app.childForFieldName('function');
            if (afn?.type === 'attribute' && PY_MCP_APPS.test(afn.childForFieldName('attribute')?.text ?? '')) serverName = afn.childForFieldName('object')?.text;
          }
          const server = serverName !== undefined ? servers.get(serverName) : undefined;
          if (!serverName || !server || server.auth) continue;
          const host = keywords.get('host');
          if (host && exposed(host)) ctx.report({ messageId: 'exposed', data: { server: serverName, host: pyStringValue(host) || 'all interfaces' }, start: host.startIndex, end: host.endIndex });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const news = flow.calls.filter((c) => c.type === 'NewExpression' && JS_MCP_TRANSPORT.test(flow.qualName(c.callee)));
      if (!news.length) return;
      let authenticated = false;
      const listens: TSESTree.CallExpression[] = [];
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
        const method = callee.property.name;
        if (method === 'listen') listens.push(call);
        // app.use(requireBearerAuth(...)), app.post('/mcp', authenticate, handler)
        if (/^(use|all|post|get|delete)$/.test(method)) {
          const middle = method === 'use' ? call.arguments : call.arguments.slice(1, -1);
          for (const a of middle) {
            const u = unwrap(a);
            const name = u.type === 'CallExpression' ? flow.qualName(u.callee) : memberKey(u) ?? '';
            if (JS_AUTH.test(name)) authenticated = true;
          }
          // an inline check: a middleware, or the handler that runs the transport, rejects requests without the right token
          for (const a of call.arguments) {
            const u = unwrap(a);
            if (u.type !== 'ArrowFunctionExpression' && u.type !== 'FunctionExpression') continue;
            const body = ctx.view.text.slice(u.range[0], u.range[1]);
            if (AUTH_HEADER.test(body) && DENIED.test(body) && (method === 'use' || /\.handleRequest\(|\.handlePostMessage\(|Transport\(/.test(body))) authenticated = true;
          }
        }
      }
      if (authenticated) return;
      const parentOf = flow.parentOf.bind(flow);
      for (const call of listens) {
        const [port, host] = call.arguments;
        if (!port) continue;
        // the listening server is the MCP one only when the function that starts it also builds the transport
        // (in a route handler inside it); a bundle's other servers (a web UI's `httpServer.listen(port)`) are not
        const fn = enclosingJsFunction(call, parentOf);
        const own = fn ? news.filter((t) => t.range[0] >= fn.range[0] && t.range[1] <= fn.range[1]) : news;
        if (!own.length) continue;
        const transport = flow.qualName(own[0].callee).split('.').pop() ?? 'MCP';
        const hostValue = jsStringValue(host);
        // listen(port) / listen(port, callback): every interface
        const all = host === undefined || unwrap(host).type === 'ArrowFunctionExpression' || unwrap(host).type === 'FunctionExpression' || (hostValue !== undefined && ALL_INTERFACES.has(hostValue));
        if (!all) continue;
        const start = (unwrap(call.callee) as TSESTree.MemberExpression).property.range[0];
        ctx.report({ messageId: 'exposed', data: { server: transport, host: hostValue ? hostValue : 'all interfaces (no host given)' }, start, end: call.range[1] });
      }
    },
  },
});
