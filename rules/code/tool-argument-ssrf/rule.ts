import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, kids, linkedParent, objProp, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'send', 'fetch']);
/** Python HTTP client modules whose module-level functions take a URL. */
const PY_HTTP_MODULES = /^(requests|httpx|aiohttp|urllib3|niquests)$/;
/** Constructors of HTTP client objects whose methods take a URL. */
const PY_CLIENT_FACTORIES = /^(requests\.Session|requests\.session|httpx\.Client|httpx\.AsyncClient|aiohttp\.ClientSession|urllib3\.PoolManager|niquests\.Session)$/;
const PY_URL_FUNCTIONS = new Set(['urllib.request.urlopen', 'urllib.request.Request', 'urllib.request.urlretrieve', 'urllib.urlopen', 'urllib2.urlopen']);

const JS_URL_FUNCTIONS = /^(fetch|undici\.fetch|undici\.request|node-fetch|cross-fetch|axios|got|ky|needle|superagent|http\.get|http\.request|https\.get|https\.request)$/;
const JS_HTTP_OBJECTS = /^(axios|got|ky|superagent|needle|undici)$/;
const JS_FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * One finding per URL expression, source and function: a retry of the same request (the paid retry after a 402, a
 * second attempt after a redirect) sends the same URL again and adds nothing to the first report.
 */
class Requests {
  private readonly seen = new Set<string>();
  first(fnStart: number, urlText: string, origin: string, originStart: number): boolean {
    const key = `${fnStart}\u0000${urlText}\u0000${originStart}\u0000${origin}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

export default defineRule({
  meta: {
    id: 'tool-argument-ssrf',
    name: 'ToolArgumentSsrf',
    shortDescription: 'A model-controlled URL (tool argument or model output) is fetched without an allow-list check.',
    fullDescription: 'When an agent tool fetches whatever URL the model passes, a prompt injection can make the server request internal addresses (cloud metadata at 169.254.169.254, admin panels, databases on localhost) or send data to an attacker\'s host. Check the parsed host against an allow-list before the request, or build the URL from a fixed base and only let the model fill a path or query parameter.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM06', 'LLM05'],
    cwe: [918],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      ssrf: 'Model-controlled {{source}} is requested by `{{sink}}` without an allow-list check: a prompt injection can reach internal hosts or exfiltrate data. Compare the parsed hostname to an allow-list first.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const requests = new Requests();
      const fnStart = (n: Node): number => {
        for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p.startIndex;
        return -1;
      };
      // names bound to HTTP client objects: s = requests.Session(); async with httpx.AsyncClient() as client
      const clients = new Set<string>();
      const isFactory = (v: Node | null | undefined): boolean => v?.type === 'call' && PY_CLIENT_FACTORIES.test(flow.qualName(v.childForFieldName('function') ?? v));
      for (const n of pyNodesInStackOrder(ctx.view.root, ['assignment', 'as_pattern'])) {
        if (n.type === 'assignment' && isFactory(n.childForFieldName('right'))) clients.add(n.childForFieldName('left')?.text ?? '');
        if (n.type === 'as_pattern' && isFactory(kids(n)[0])) {
          const alias = n.childForFieldName('alias');
          clients.add((alias?.type === 'as_pattern_target' ? kids(alias)[0] : alias)?.text ?? '');
        }
      }
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        let url: Node | undefined;
        if (PY_URL_FUNCTIONS.has(q)) url = positional[0] ?? keywords.get('url');
        else if (fn.type === 'attribute') {
          const method = fn.childForFieldName('attribute')?.text ?? '';
          const recv = fn.childForFieldName('object');
          if (!recv || !HTTP_VERBS.has(method)) continue;
          const module = PY_HTTP_MODULES.test(flow.qualName(recv));
          if (!module && !clients.has(recv.text) && !isFactory(recv)) continue;
          url = method === 'request' ? positional[1] ?? keywords.get('url') : positional[0] ?? keywords.get('url');
        }
        if (!url) continue;
        const t = flow.reaches(url, 'model', 'url');
        if (!t || !requests.first(fnStart(call), url.text, t.origin, t.originStart)) continue;
        ctx.report({ messageId: 'ssrf', data: { source: t.origin, sink: q }, start: url.startIndex, end: url.endIndex });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const requests = new Requests();
      const fnStart = (n: TSESTree.Node): number => {
        for (let p = linkedParent(n); p; p = linkedParent(p)) if (JS_FUNCTION.has(p.type)) return p.range[0];
        return -1;
      };
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        const q = flow.qualName(callee);
        let url: TSESTree.Node | undefined;
        if (JS_URL_FUNCTIONS.test(q)) {
          const first = call.arguments[0];
          url = first && unwrap(first).type === 'ObjectExpression' ? objProp(first, 'url')?.value : first;
        } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && HTTP_VERBS.has(callee.property.name.toLowerCase())) {
          const base = flow.qualName(callee.object).split('.')[0];
          if (!JS_HTTP_OBJECTS.test(base) && !/^axios\.create\(\)/.test(flow.qualName(callee.object))) continue;
          url = call.arguments[0];
        }
        if (!url) continue;
        const t = flow.reaches(url, 'model', 'url');
        if (!t || !requests.first(fnStart(call), ctx.view.text.slice(url.range[0], url.range[1]), t.origin, t.originStart)) continue;
        ctx.report({ messageId: 'ssrf', data: { source: t.origin, sink: q }, start: url.range[0], end: url.range[1] });
      }
    },
  },
});
