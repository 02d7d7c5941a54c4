import { contentRange, expandedTokens, isLoopbackHost, mcpConfig, packageLaunch, programName } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';

const PLAIN_URL = /^\s*(http|ws):\/\/(\[[^\]]*\]|[^\/:?#\s]+)/i;
/** Local proxies that connect a stdio client to a remote server URL given as an argument. */
const REMOTE_BRIDGES = /^(mcp-remote|@modelcontextprotocol\/mcp-remote|supergateway|mcp-proxy|@mcp-proxy\/.*)(@.*)?$/i;

export default defineRule({
  meta: {
    id: 'mcp-insecure-transport',
    name: 'McpInsecureTransport',
    shortDescription: 'A remote MCP server is reached over plain `http://` or `ws://`, so tool calls, results and credentials cross the network unencrypted.',
    fullDescription: 'Everything an agent exchanges with a remote MCP server (tool arguments, file contents, tool results that the model then trusts, and the Authorization header) travels in clear text over `http://` or `ws://`. Anyone on the path (public Wi-Fi, a compromised router, a proxy) can read the token and rewrite tool results to inject instructions. Plain HTTP is only acceptable to the loopback interface.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM02', 'LLM03'],
    cwe: [319],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      url: 'MCP server "{{server}}" is reached over {{scheme}}:// at {{host}}: traffic and credentials are not encrypted. Use {{secure}}://.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const check = (server: string, value: string, start: number, end: number): void => {
        if (value.includes('${')) return;
        const m = PLAIN_URL.exec(value);
        if (!m || isLoopbackHost(m[2])) return;
        const scheme = m[1].toLowerCase();
        const secure = scheme === 'http' ? 'https' : 'wss';
        const schemeAt = start + value.indexOf(m[1]);
        const fix: Fix = { title: `Use ${secure}://`, kind: 'suggestion', edits: [{ start: schemeAt, end: schemeAt + m[1].length, newText: secure }] };
        ctx.report({ data: { server, scheme, secure, host: m[2] }, start, end, fixes: [fix] });
      };
      for (const server of mcpConfig(view)?.servers ?? []) {
        if (server.url) {
          const r = contentRange(view, server.url);
          // only map exactly: the fix edits the scheme characters
          if (view.text.slice(r.start, r.end) === String(server.url.value)) check(server.name, String(server.url.value), r.start, r.end);
        }
        const tokens = expandedTokens(view, server);
        const launch = packageLaunch(tokens);
        const bridged = (launch && REMOTE_BRIDGES.test(launch.pkg.value)) || tokens.some((t) => REMOTE_BRIDGES.test(programName(t.value)));
        if (!bridged) continue;
        for (const t of tokens) {
          if (view.text.slice(t.start, t.end) === t.value && PLAIN_URL.test(t.value)) check(server.name, t.value, t.start, t.end);
        }
      }
    },
  },
});
