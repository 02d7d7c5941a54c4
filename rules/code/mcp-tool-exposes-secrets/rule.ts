import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, jsStringValue, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { jsValues, pyValues } from '../../../server/src/analyzers/prompt/codeValues';
import { isSecretName } from '../../../server/src/analyzers/prompt/secretPatterns';
import { CREDENTIAL_FILE, jsBodyNodes, jsHandlers, jsReturns, pyHandlers, pyReturns } from '../../../server/src/analyzers/prompt/codeMcp';
import { JS_HANDLER_HINT, PY_HANDLER_HINT } from '../../../server/src/analyzers/prompt/codeMcp';

/**
 * MCP tools and resources (and agent tools) that hand secrets to the model or send them out: the whole
 * environment, any variable the model names, a credential file, a secret from env/config, returned to the
 * model or placed in an outbound request's URL or body.
 */
type Kind = 'env' | 'anyEnv' | 'file' | 'secret';
interface Hit { kind: Kind; what: string; node: unknown }

const WHAT: Record<Kind, string> = {
  env: 'the whole process environment',
  anyEnv: 'any environment variable the model names',
  file: 'a credential file',
  secret: 'a secret',
};
const MAX_WALK = 3000;
/**
 * Reads of a secret store whose result holds secret values: Kubernetes Secrets (Python client and
 * @kubernetes/client-node), AWS Secrets Manager, Google Secret Manager, HashiCorp Vault (hvac).
 */
const SECRET_STORE_READS = /(^|\.)(read_namespaced_secret|list_namespaced_secret|list_secret_for_all_namespaces|readNamespacedSecret|listNamespacedSecret|listSecretForAllNamespaces|get_secret_value|access_secret_version|read_secret_version|getSecretValue|accessSecretVersion)$/;
/** Attributes of a secret store's answer that hold the values (the rest is metadata: names, types, labels). */
const SECRET_VALUE_ATTRS = /^(data|string_data|stringData|SecretString|SecretBinary|payload|secret|items|body|value)$/;
const PY_HTTP = /^(requests|httpx|aiohttp|urllib3)\.(get|post|put|patch|request|delete)$|^urllib\.request\.(urlopen|Request)$|(^|\.)urlopen$/;
const PY_HTTP_METHOD = /^(get|post|put|patch|request)$/;
const PY_HTTP_RECEIVER = /session|http|^s$|requests|httpx/i;
/** Parts of a request that carry data to the host (headers and auth carry the credential to the service it belongs to). */
const PY_SEND_KEYWORDS = new Set(['url', 'data', 'json', 'params', 'files', 'content']);
const JS_HTTP = /^(fetch|node-fetch|axios|axios\.(get|post|put|patch|request)|got|got\.(get|post|put)|ky|ky\.(get|post|put)|superagent\.(get|post|put)|undici\.(request|fetch))$/;
const PY_STOP = /^(len|bool|int|float|hash|isinstance|sorted\(\)\.keys)$|(^|\.)(keys|hexdigest|sha\d+|md5|mask\w*|redact\w*|exists|is_file|isfile|startswith|endswith)$/;
const JS_STOP = /^(Boolean|Number|Object\.keys)$|\.(length|includes|has|startsWith|endsWith|test|slice|substring|substr|at)$/;
/** Calls whose result holds their arguments: conversions, serialisers, formatters, MCP / HTTP result wrappers. */
const PY_PASS = /(^|\.)(str|repr|dict|list|tuple|set|sorted|format|format_map|dumps|dump|safe_dump|pformat|TextContent|EmbeddedResource|TextResourceContents|CallToolResult|ReadResourceResult|JSONResponse|PlainTextResponse|join|encode|decode|b64encode|urlsafe_b64encode|b64decode|urlsafe_b64decode|urlencode|quote|strip|replace|upper|lower|fill|dedent|indent)$/;
const JS_PASS = /(^|\.)(String|JSON\.stringify|stringify|join|concat|format|encode|toString|trim|replace|entries|fromEntries|assign|values|from|of|Buffer\.from|btoa|encodeURIComponent|URLSearchParams)$/;
const EXAMPLE_FILE = /\.(example|sample|template|dist|defaults?)$/i;

export default defineRule({
  meta: {
    id: 'mcp-tool-exposes-secrets',
    name: 'McpToolExposesSecrets',
    shortDescription: 'An MCP tool or resource (or agent tool) returns secrets, credentials or the whole environment to the model, or sends them to a remote host.',
    fullDescription: 'Whatever a tool or resource returns is read by the model and by the MCP client, and prompt injection decides what the model does next: a tool that returns `os.environ` / `process.env`, any environment variable the model names, `~/.aws/credentials`, an SSH key or a `.env` file, or that puts them in the URL or body of a request, hands every credential of the server process to whoever wrote the last web page or issue the model read. Return only what the task needs and keep credentials inside the server.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM02', 'LLM06'],
    cwe: [200, 522, 526],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.10'], euAiAct: ['Art. 15'], iso42001: ['A.7.4', 'A.6.2.4'] },
    fix: 'none',
    messages: {
      returns: '{{kindLabel}} `{{handler}}` returns {{what}} (`{{expr}}`) to the model. Whatever a tool returns can be repeated or exfiltrated by injected instructions: return only the values the task needs and keep credentials in the server.',
      sends: '{{kindLabel}} `{{handler}}` sends {{what}} (`{{expr}}`) to {{dest}}. Credentials must never leave the server in a request the model can steer: remove them from the URL and body.',
    },
  },
  check: {
    python(ctx) {
      if (!PY_HANDLER_HINT.test(ctx.view.text)) return;
      const flow = pythonFlow(ctx.view);
      const values = pyValues(ctx.view.root);
      const text = ctx.view.text;
      const seen = new Set<number>();
      for (const h of pyHandlers(ctx.view.root)) {
        const handlerText = h.fn.text;
        const isParam = (n: Node): boolean => !!values.find(n, (x) => (x.type === 'identifier' && h.params.includes(x.text) && values.defsOf(x).length === 0 ? x.text : undefined));
        const guarded = (key: Node): boolean => {
          const k = key.type === 'identifier' ? key.text : key.type === 'subscript' ? pyStringValue(key.childForFieldName('subscript')) ?? key.text : key.text;
          const esc = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          return new RegExp(`\\b${esc}['"]?\\]?\\s+(not\\s+)?in\\s+\\w|startswith\\(|\\bALLOW|\\ballow(ed)?_?(list|names|keys|vars)`, 'i').test(handlerText);
        };
        const pathText = (n: Node, depth = 0): string => {
          if (depth > 4) return '';
          if (n.type === 'string') return pyStringValue(n) ?? n.text.replace(/^[rbuf]*["']+|["']+$/gi, '');
          if (n.type === 'identifier') return values.defsOf(n).map((d) => pathText(d, depth + 1)).join('|');
          if (n.type === 'call') {
            const q = flow.qualName(n.childForFieldName('function') ?? n);
            if (/(^|\.)(home|homedir|expanduser)$/.test(q) && pyArgs(n).positional.length === 0) return '~';
            if (/(^|\.)getenv$|environ\.get$/.test(q) && /HOME|USERPROFILE/.test(n.text)) return '~';
          }
          return n.namedChildren.map((c) => pathText(c, depth)).filter(Boolean).join('/');
        };
        const credentialPath = (p: Node | undefined): string | undefined => {
          if (!p) return undefined;
          const t = pathText(p).replace(/\/+/g, '/');
          return t.split('|').find((x) => CREDENTIAL_FILE.test(x) && !EXAMPLE_FILE.test(x));
        };
        let budget = MAX_WALK;
        let metadata = 0;
        const visiting = new Set<number>();
        const walk = (n: Node, entry: Node | undefined, depth: number): Hit | undefined => {
          if (--budget < 0 || depth > 5) return undefined;
          const at = entry ?? n;
          switch (n.type) {
            case 'comparison_operator': case 'not_operator': case 'lambda': case 'function_definition': case 'string_content': case 'integer': case 'true': case 'false': case 'none':
              return undefined;
            case 'identifier': {
              if (flow.qualName(n) === 'os.environ') return { kind: 'env', what: 'os.environ', node: at };
              const defs = values.defsOf(n);
              if (isSecretName(n.text) && defs.some((d) => /environ|getenv|settings|config|secret|^["']/i.test(d.text))) return { kind: 'secret', what: n.text, node: at };
              if (visiting.has(n.id)) return undefined;
              visiting.add(n.id);
              for (const d of defs) { const r = walk(d, at, depth + 1); if (r) return r; }
              return undefined;
            }
            case 'attribute': {
              const q = flow.qualName(n);
              if (q === 'os.environ') return { kind: 'env', what: 'os.environ', node: at };
              const attr = n.childForFieldName('attribute')?.text ?? '';
              const obj = n.childForFieldName('object');
              if (isSecretName(attr) && obj && /settings|config|secrets|env|conf/i.test(obj.text)) return { kind: 'secret', what: n.text, node: at };
              // `secret.metadata.name`, `s.type`: a secret store's metadata, not its values
              if (!SECRET_VALUE_ATTRS.test(attr)) {
                metadata++;
                try {
                  if (obj && !values.defsOf(n).length) return walk(obj, entry, depth);
                } finally {
                  metadata--;
                }
              }
              const bound = values.defsOf(n);
              if (bound.length && !visiting.has(n.id)) {
                visiting.add(n.id);
                if (isSecretName(attr) && bound.some((d) => /environ|getenv|settings|config|secret/i.test(d.text))) return { kind: 'secret', what: n.text, node: at };
                for (const d of bound) { const r = walk(d, at, depth + 1); if (r) return r; }
                return undefined;
              }
              return obj ? walk(obj, entry, depth) : undefined;
            }
            case 'subscript': {
              const v = n.childForFieldName('value');
              const key = n.childForFieldName('subscript');
              if (key?.type === 'slice') return undefined; // `key[-4:]`: a masked fragment
              if (v && flow.qualName(v) === 'os.environ' && key) return envKey(key, at, n);
              const k = pyStringValue(key);
              if (v && k && isSecretName(k) && /settings|config|secrets|env|conf/i.test(v.text)) return { kind: 'secret', what: n.text, node: at };
              return v ? walk(v, entry, depth) : undefined;
            }
            case 'call': {
              const fn = n.childForFieldName('function');
              const q = fn ? flow.qualName(fn) : '';
              const { positional, keywords } = pyArgs(n);
              if (PY_STOP.test(q)) return undefined;
              if (SECRET_STORE_READS.test(q.replace(/\(\)/g, '')) && metadata === 0) return { kind: 'secret', what: n.text, node: at };
              if (/^os\.(getenv|environ\.get)$/.test(q)) {
                const key = positional[0] ?? keywords.get('key');
                return key ? envKey(key, at, n) : undefined;
              }
              if (/(^|\.)dotenv_values$/.test(q)) {
                const p = positional[0] ?? keywords.get('dotenv_path');
                if (!p || credentialPath(p)) return { kind: 'file', what: n.text, node: at };
              }
              // `subprocess.run(["env"])`, `os.popen("printenv")`: the environment as text
              if (/^(subprocess\.(run|check_output|getoutput|getstatusoutput|Popen)|os\.popen)$/.test(q) && positional[0] && /^[\[(]?\s*[rbuf]*["'](env|printenv|set|export -p)["']?\s*[\])]?$/.test(positional[0].text.replace(/\s+/g, ' '))) return { kind: 'env', what: n.text, node: at };
              if (/^(open|io\.open|codecs\.open|aiofiles\.open)$/.test(q) && credentialPath(positional[0] ?? keywords.get('file'))) return { kind: 'file', what: n.text, node: at };
              if (fn?.type === 'attribute' && /^(read_text|read_bytes|open)$/.test(fn.childForFieldName('attribute')?.text ?? '')) {
                const recv = fn.childForFieldName('object');
                if (recv && credentialPath(recv)) return { kind: 'file', what: n.text, node: at };
              }
              // a call's result holds its receiver's data (`os.environ.items()`, `f.read()`); its arguments only
              // when it formats or wraps them (`str(x)`, `json.dumps(x)`, `TextContent(text=x)`), not an API's answer
              const recv = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
              if (recv) { const r = walk(recv, entry, depth); if (r) return r; }
              if (!PY_PASS.test(q.replace(/\(\)/g, ''))) return undefined;
              for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) { const r = walk(a, entry, depth); if (r) return r; }
              return undefined;
            }
            default:
              break;
          }
          for (const c of n.namedChildren) {
            if (n.type === 'keyword_argument' && c === n.childForFieldName('name')) continue;
            if (n.type === 'pair' && c === n.childForFieldName('key')) continue;
            const r = walk(c, entry, depth);
            if (r) return r;
          }
          return undefined;
        };
        const envKey = (key: Node, at: Node, whole: Node): Hit | undefined => {
          const k = pyStringValue(key);
          if (k !== undefined) return isSecretName(k) ? { kind: 'secret', what: whole.text, node: at } : undefined;
          if (isParam(key) && !guarded(key)) return { kind: 'anyEnv', what: whole.text, node: at };
          return undefined;
        };
        const report = (hit: Hit, messageId: 'returns' | 'sends', dest: string): void => {
          const node = hit.node as Node;
          if (seen.has(node.startIndex)) return;
          seen.add(node.startIndex);
          ctx.report({ messageId, data: { kindLabel: h.kind === 'tool' ? 'Tool' : 'Resource', handler: h.name, what: WHAT[hit.kind], expr: hit.what.replace(/\s+/g, ' ').slice(0, 60), dest }, start: node.startIndex, end: node.endIndex });
        };
        for (const r of pyReturns(h.fn)) {
          const hit = walk(r, undefined, 0);
          if (hit) report(hit, 'returns', '');
        }
        // outbound requests from the handler
        for (const call of h.fn.descendantsOfType('call')) {
          const fn = call.childForFieldName('function');
          if (!fn) continue;
          const q = flow.qualName(fn);
          const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
          const recv = fn.type === 'attribute' ? fn.childForFieldName('object')?.text ?? '' : '';
          if (!PY_HTTP.test(q) && !(PY_HTTP_METHOD.test(method) && PY_HTTP_RECEIVER.test(recv))) continue;
          const { positional, keywords } = pyArgs(call);
          const url = positional[0] ?? keywords.get('url');
          const parts = [...positional, ...[...keywords].filter(([k]) => PY_SEND_KEYWORDS.has(k)).map(([, v]) => v)];
          for (const p of parts) {
            const hit = walk(p, undefined, 0);
            if (!hit) continue;
            // one secret sent to the service it belongs to is ordinary API use; to a host the model picks it is exfiltration
            const steered = !!url && !pyHostFixed(url, values) && (!!flow.reaches(url, 'model') || isParam(url));
            if (hit.kind === 'secret' && !steered) continue;
            report(hit, 'sends', steered ? 'a host the model chooses' : 'a remote host');
          }
        }
        void text;
      }
    },
    js(ctx) {
      if (!JS_HANDLER_HINT.test(ctx.view.text)) return;
      const flow = jsFlow(ctx.view);
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const text = ctx.view.text;
      const seen = new Set<number>();
      const src = (n: TSESTree.Node): string => text.slice(n.range[0], n.range[1]).replace(/\s+/g, ' ').slice(0, 60);
      for (const h of jsHandlers(flow.calls, flow.qualName.bind(flow), flow.parentOf.bind(flow), values.defsOf)) {
        const handlerText = text.slice(h.fn.range[0], h.fn.range[1]);
        const isParam = (n: TSESTree.Node): boolean => !!values.find(n, (x) => (x.type === 'Identifier' && h.params.includes(x.name) && values.defsOf(x).every((d) => d.range[0] < h.fn.range[0] || d.range[0] > h.fn.range[1]) ? x.name : undefined));
        const guarded = (key: TSESTree.Node): boolean => {
          const k = src(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          return new RegExp(`\\.(includes|has)\\(\\s*${k}\\s*\\)|${k}\\s+in\\s+\\w|startsWith\\(|\\bALLOW|\\ballow(ed)?_?(list|names|keys|vars)|allowed(Names|Keys|Vars)`, 'i').test(handlerText);
        };
        const pathText = (n0: TSESTree.Node, depth = 0): string => {
          if (depth > 4) return '';
          const n = unwrap(n0);
          const s = jsStringValue(n);
          if (s !== undefined) return s;
          if (n.type === 'TemplateLiteral') return n.quasis.map((q, i) => (q.value.cooked ?? '') + (n.expressions[i] ? pathText(n.expressions[i], depth) : '')).join('');
          if (n.type === 'Identifier') return values.defsOf(n).map((d) => pathText(d, depth + 1)).join('|');
          if (n.type === 'CallExpression') {
            const q = flow.qualName(n.callee);
            if (/(^|\.)homedir$/.test(q)) return '~';
            if (/(^|\.)(join|resolve)$/.test(q)) return n.arguments.map((a) => pathText(a, depth)).join('/');
          }
          if (n.type === 'MemberExpression' && /process\.env\.(HOME|USERPROFILE)$/.test(flow.qualName(n))) return '~';
          if (n.type === 'BinaryExpression') return pathText(n.left, depth) + pathText(n.right, depth);
          return '';
        };
        const credentialPath = (p: TSESTree.Node | undefined): string | undefined => {
          if (!p) return undefined;
          return pathText(p).replace(/\/+/g, '/').split('|').find((x) => CREDENTIAL_FILE.test(x) && !EXAMPLE_FILE.test(x));
        };
        const isEnv = (n: TSESTree.Node): boolean => /(^|\.)process\.env$|^import\.meta\.env$/.test(flow.qualName(n)) || (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'env' && n.object.type === 'Identifier' && n.object.name === 'process');
        let budget = MAX_WALK;
        const visiting = new Set<TSESTree.Node>();
        /** `client` of `const client = new SlackClient(botToken)`: a service client, not a value to return. */
        const constructedObject = (r0: TSESTree.Node): boolean => {
          let r = unwrap(r0);
          // `client.v1.generations.create(...)`: a namespace of the constructed client is the client's too
          while (r.type === 'MemberExpression' && !r.computed && !isEnv(r) && !isEnv(r.object)) r = unwrap(r.object);
          if (r.type === 'NewExpression') return true;
          if (r.type !== 'Identifier') return false;
          const defs = values.defsOf(r);
          return defs.length > 0 && defs.every((d) => unwrap(d).type === 'NewExpression');
        };
        const envKey = (key: TSESTree.Node, at: TSESTree.Node, whole: TSESTree.Node): Hit | undefined => {
          const k = jsStringValue(key);
          if (k !== undefined) return isSecretName(k) ? { kind: 'secret', what: src(whole), node: at } : undefined;
          if (isParam(key) && !guarded(key)) return { kind: 'anyEnv', what: src(whole), node: at };
          return undefined;
        };
        let jsMetadata = 0;
        const walk = (n0: TSESTree.Node, entry: TSESTree.Node | undefined, depth: number): Hit | undefined => {
          if (--budget < 0 || depth > 5) return undefined;
          const n = unwrap(n0);
          const at = entry ?? n;
          switch (n.type) {
            case 'Literal': case 'TemplateElement': case 'FunctionExpression': case 'ArrowFunctionExpression': case 'UnaryExpression': case 'LogicalExpression':
              if (n.type === 'LogicalExpression') break;
              return undefined;
            case 'BinaryExpression':
              if (/^(===|!==|==|!=|<|>|<=|>=|in|instanceof)$/.test(n.operator)) return undefined;
              break;
            case 'Identifier': {
              const defs = values.defsOf(n);
              if (isSecretName(n.name) && defs.some((d) => /process\.env|import\.meta\.env|config|settings|secret|^["'`]/i.test(src(d)))) return { kind: 'secret', what: n.name, node: at };
              if (visiting.has(n)) return undefined;
              visiting.add(n);
              for (const d of defs) { const r = walk(d, at, depth + 1); if (r) return r; }
              return undefined;
            }
            case 'MemberExpression': {
              if (isEnv(n)) return { kind: 'env', what: src(n), node: at };
              if (isEnv(n.object)) {
                if (n.computed) return envKey(n.property, at, n);
                return n.property.type === 'Identifier' && isSecretName(n.property.name) ? { kind: 'secret', what: src(n), node: at } : undefined;
              }
              const key = !n.computed && n.property.type === 'Identifier' ? n.property.name : jsStringValue(n.property);
              if (key === 'length') return undefined;
              if (key && isSecretName(key) && /settings|config|secrets|env|conf/i.test(src(n.object))) return { kind: 'secret', what: src(n), node: at };
              if (key === 'parsed' && n.object.type === 'CallExpression' && /(^|\.)dotenv\.config$|^config$/.test(flow.qualName(n.object.callee))) return { kind: 'file', what: src(n), node: at };
              // `secret.metadata.name`: a secret store's metadata, not its values
              if (key && !SECRET_VALUE_ATTRS.test(key)) {
                jsMetadata++;
                try {
                  return walk(n.object, entry, depth);
                } finally {
                  jsMetadata--;
                }
              }
              return walk(n.object, entry, depth);
            }
            case 'CallExpression': {
              const q = flow.qualName(n.callee);
              if (JS_STOP.test(q)) return undefined;
              if (SECRET_STORE_READS.test(q.replace(/\(\)/g, '')) && jsMetadata === 0) return { kind: 'secret', what: src(n), node: at };
              if (/(^|\.)(Deno\.env\.toObject)$/.test(q)) return { kind: 'env', what: src(n), node: at };
              if (/(^|\.)dotenv\.parse$/.test(q)) return { kind: 'file', what: src(n), node: at };
              if (/(^|\.)(execSync|exec|execFileSync|spawnSync)$/.test(q) && /^(env|printenv|set)$/.test(jsStringValue(n.arguments[0]) ?? '')) return { kind: 'env', what: src(n), node: at };
              if (/(^|\.)(readFile|readFileSync)$/.test(q) && credentialPath(n.arguments[0])) return { kind: 'file', what: src(n), node: at };
              // a method's result holds its receiver's data (`Object.entries(process.env).map(...)`), but not when the
              // receiver is an object constructed with the secret (`new SlackClient(token).getChannels()` returns channels)
              if (n.callee.type === 'MemberExpression' && !constructedObject(n.callee.object)) { const r = walk(n.callee.object, entry, depth); if (r) return r; }
              if (!JS_PASS.test(q)) return undefined;
              for (const a of n.arguments) { const r = walk(a, entry, depth); if (r) return r; }
              return undefined;
            }
            default:
              break;
          }
          for (const c of jsChildrenOf(n)) {
            const r = walk(c, entry, depth);
            if (r) return r;
          }
          return undefined;
        };
        const report = (hit: Hit, messageId: 'returns' | 'sends', dest: string): void => {
          const node = hit.node as TSESTree.Node;
          if (seen.has(node.range[0])) return;
          seen.add(node.range[0]);
          ctx.report({ messageId, data: { kindLabel: h.kind === 'tool' ? 'Tool' : 'Resource', handler: h.name, what: WHAT[hit.kind], expr: hit.what.slice(0, 60), dest }, start: node.range[0], end: node.range[1] });
        };
        for (const r of jsReturns(h.fn)) {
          const hit = walk(r, undefined, 0);
          if (hit) report(hit, 'returns', '');
        }
        for (const n of jsBodyNodes(h.fn)) {
          if (n.type !== 'CallExpression') continue;
          const q = flow.qualName(n.callee);
          if (!JS_HTTP.test(q)) continue;
          const first = n.arguments[0];
          const options = n.arguments.find((a, i) => i > 0 && unwrap(a).type === 'ObjectExpression');
          const url = first && unwrap(first).type === 'ObjectExpression' ? objProp(first, 'url')?.value : first;
          // URL, body / data / json / params, axios' data argument; never headers
          const parts: TSESTree.Node[] = [];
          if (url) parts.push(url);
          for (const o of [first, options]) for (const k of ['body', 'data', 'json', 'params', 'searchParams', 'form']) { const v = o ? objProp(o, k)?.value : undefined; if (v) parts.push(v); }
          if (/^axios\.(post|put|patch)$/.test(q) && n.arguments[1] && unwrap(n.arguments[1]).type !== 'ObjectExpression') parts.push(n.arguments[1]);
          if (/^axios\.(post|put|patch)$/.test(q) && n.arguments[1] && unwrap(n.arguments[1]).type === 'ObjectExpression') parts.push(n.arguments[1]);
          for (const p of parts) {
            const hit = walk(p, undefined, 0);
            if (!hit) continue;
            const steered = !!url && !jsHostFixed(url, values) && (!!flow.reaches(url, 'model') || isParam(url));
            if (hit.kind === 'secret' && !steered) continue;
            report(hit, 'sends', steered ? 'a host the model chooses' : 'a remote host');
          }
        }
      }
    },
  },
});

/** Children to walk in a JS value: object property values (not keys), elements, arguments. */
function jsChildrenOf(n: TSESTree.Node): TSESTree.Node[] {
  switch (n.type) {
    case 'ObjectExpression': return n.properties.map((p) => (p.type === 'Property' ? p.value : p.argument));
    case 'ArrayExpression': return n.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => !!e);
    case 'SpreadElement': return [n.argument];
    case 'TemplateLiteral': return n.expressions;
    case 'CallExpression': case 'NewExpression': return [...(n.callee.type === 'MemberExpression' ? [n.callee.object] : []), ...n.arguments];
    case 'AwaitExpression': return [n.argument];
    case 'ConditionalExpression': return [n.consequent, n.alternate];
    case 'LogicalExpression': case 'BinaryExpression': return [n.left as TSESTree.Node, n.right];
    case 'MemberExpression': return [n.object];
    case 'Property': return [n.value];
    case 'ChainExpression': return [n.expression];
    default: return [];
  }
}

/** A URL whose scheme and host are written in the code (`f"https://api.x.com/{path}"`, `BASE + path`): the model picks at most the path or query. */
const FIXED_ORIGIN = /^[a-z][\w+.-]*:\/\/[^/{}$\s]+/i;

function pyHostFixed(n: Node, values: ReturnType<typeof pyValues>, depth = 0): boolean {
  if (depth > 3) return false;
  if (n.type === 'string') {
    const head = n.text.replace(/^[rbuf]*("""|\'\'\'|"|')/i, '');
    return FIXED_ORIGIN.test(head);
  }
  if (n.type === 'binary_operator') { const l = n.childForFieldName('left'); return !!l && pyHostFixed(l, values, depth); }
  if (n.type === 'identifier') { const d = values.defsOf(n); return d.length > 0 && d.every((x) => pyHostFixed(x, values, depth + 1)); }
  return false;
}

function jsHostFixed(n0: TSESTree.Node, values: ReturnType<typeof jsValues>, depth = 0): boolean {
  if (depth > 3) return false;
  const n = unwrap(n0);
  if (n.type === 'Literal') return typeof n.value === 'string' && FIXED_ORIGIN.test(n.value);
  if (n.type === 'TemplateLiteral') return FIXED_ORIGIN.test(n.quasis[0]?.value.cooked ?? '');
  if (n.type === 'BinaryExpression' && n.operator === '+') return jsHostFixed(n.left as TSESTree.Node, values, depth);
  if (n.type === 'Identifier') { const d = values.defsOf(n); return d.length > 0 && d.every((x) => jsHostFixed(x, values, depth + 1)); }
  if (n.type === 'NewExpression' && n.arguments[1]) return jsHostFixed(n.arguments[1], values, depth); // new URL(path, BASE)
  return false;
}
