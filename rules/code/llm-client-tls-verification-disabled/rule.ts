import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, propName, pyArgs, pyKeywordNode, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsBool, jsImportedModules, jsMemberName } from '../../../server/src/analyzers/js/calls';
import { pyImportedModules } from '../../../server/src/analyzers/python/calls';
import { isLoopbackHostName, isPlaceholderHost, urlHost } from '../../../server/src/analyzers/hosts';
import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';

const PY_AI_MODULE = /^(openai|anthropic|langchain\w*|llama_index|transformers|huggingface_hub|datasets|sentence_transformers|ollama|litellm|groq|mistralai|cohere|together|google\.genai|google\.generativeai|vertexai|crewai|autogen\w*|instructor|tiktoken)(\.|$)/;
const JS_AI_MODULE = /^(openai|@anthropic-ai\/sdk|ollama|groq-sdk|@mistralai\/mistralai|cohere-ai|together-ai|@langchain\/|langchain|@ai-sdk\/|ai$|@google\/genai|@google\/generative-ai|@huggingface\/|@openai\/agents|llamaindex)/;
/** HTTP clients whose `verify=False` disables certificate checks. */
const PY_HTTP_CLIENTS = /^(httpx\.(Async)?Client|openai\.(DefaultHttpxClient|DefaultAsyncHttpxClient|DefaultAioHttpClient)|anthropic\.(DefaultHttpxClient|DefaultAsyncHttpxClient))$/;
const PY_SDK_HTTP_CLIENTS = /^(openai|anthropic)\./;
const HTTP_CLIENT_KEYS = new Set(['http_client', 'http_async_client', 'async_client', 'client', 'httpx_client', 'sync_client']);
const PY_REQUEST_CALLS = /^(requests|httpx)\.(get|post|put|patch|request|stream)$|^(requests\.Session|httpx\.(Async)?Client)\(\)\.(get|post|put|patch|request|stream)$|^aiohttp\.ClientSession\(\)\.(get|post|request)$/;
/** A URL that names an AI provider API or an OpenAI/Anthropic/Ollama-style path. */
const AI_URL = /api\.openai\.com|openai\.azure\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com|api\.groq\.com|api\.mistral\.ai|api\.cohere\.(ai|com)|openrouter\.ai|api\.together\.(xyz|ai)|api\.deepseek\.com|api-inference\.huggingface\.co|huggingface\.co|\/v1\/(chat\/)?completions|\/v1\/messages|\/v1\/embeddings|\/api\/(generate|chat|embeddings)\b/i;
const TLS_ENV = /^(CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|PYTHONHTTPSVERIFY|SSL_CERT_FILE)$/;

export default defineRule({
  meta: {
    id: 'llm-client-tls-verification-disabled',
    name: 'LlmClientTlsVerificationDisabled',
    shortDescription: 'TLS certificate verification is disabled for traffic to an LLM API or model hub.',
    fullDescription: 'verify=False, ssl._create_unverified_context, an empty CURL_CA_BUNDLE, rejectUnauthorized: false or NODE_TLS_REJECT_UNAUTHORIZED=0 accept any certificate, so anyone who can intercept the connection (a proxy, a hostile network, DNS spoofing) can impersonate the model provider or the model hub: read the API key and prompts, rewrite answers, or serve tampered model files and datasets.',
    views: ['python', 'js'],
    // pre-filter: verify=False, the ssl switch, module flags, an os.environ[...] assignment (names from strings, which Python may concatenate), the JS agent option or env variable
    prefilter: { words: ['verify', '_create_unverified_context', 'ssl_verify', 'verify_ssl_certs', 'rejectUnauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED'], regex: /environ/ },
    severity: 'error',
    practice: true,
    confidence: 'high',
    owasp: ['LLM02', 'LLM03'],
    cwe: [295],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MAP 4.1'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.10.3'] },
    fix: 'suggestion',
    messages: {
      httpClient: '`verify=False` on the HTTP client of this LLM SDK accepts any certificate: an interceptor can read the API key and prompts and forge answers. Remove it, or pass the corporate CA bundle as `verify="/path/ca.pem"`.',
      request: '`verify=False` on a request to a model API accepts any certificate: the key, prompt and answer can be intercepted or forged. Remove it, or pass a CA bundle path.',
      globalContext: '`{{what}}` disables certificate checks for every HTTPS connection in this process, including the model API and model downloads. Install the right CA bundle instead.',
      env: 'Setting `{{name}}` to "{{value}}" disables certificate verification for requests-based downloads (Hugging Face Hub, model APIs). Point it at a CA bundle file, or leave it unset.',
      moduleFlag: '`{{name}} = False` turns off TLS verification for every call of this SDK. Remove it (or configure a CA bundle).',
      agent: '`rejectUnauthorized: false` accepts any certificate for this agent/dispatcher in an AI client file: the API key and prompts can be intercepted. Remove it or pass the CA via `ca`.',
      nodeEnv: '`NODE_TLS_REJECT_UNAUTHORIZED = "0"` disables certificate checks for the whole Node process, including calls to the model API. Remove it and configure `NODE_EXTRA_CA_CERTS` instead.',
    },
  },
  check: {
    python(ctx) {
      // requests to a model API URL are in scope anywhere; process-wide switches only in files that use an AI SDK
      const aiFile = pyImportedModules(ctx.view.root).some((m) => PY_AI_MODULE.test(m));
      const flow = pythonFlow(ctx.view);
      const root = ctx.view.root;
      const fixTrue = (value: PyNode): Fix[] => [{ title: 'Verify certificates', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] }];
      // names later passed as http_client=NAME
      const clientNames = new Set<string>();
      for (const kw of root.descendantsOfType('keyword_argument')) {
        const v = kw.childForFieldName('value');
        if (HTTP_CLIENT_KEYS.has(kw.childForFieldName('name')?.text ?? '') && v?.type === 'identifier') clientNames.add(v.text);
      }
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const verify = pyKeywordNode(call, 'verify');
        const value = verify?.childForFieldName('value');
        if (!verify || value?.type !== 'false') continue;
        if (PY_HTTP_CLIENTS.test(q)) {
          if (!aiFile) continue;
          const parent = call.parent;
          const passed = PY_SDK_HTTP_CLIENTS.test(q)
            || (parent?.type === 'keyword_argument' && HTTP_CLIENT_KEYS.has(parent.childForFieldName('name')?.text ?? ''))
            || (parent?.type === 'assignment' && clientNames.has(parent.childForFieldName('left')?.text ?? ''))
            || (parent?.type === 'as_pattern' && clientNames.has(parent.lastNamedChild?.text ?? ''));
          if (passed) ctx.report({ messageId: 'httpClient', start: verify.startIndex, end: verify.endIndex, fixes: fixTrue(value) });
          continue;
        }
        if (PY_REQUEST_CALLS.test(q) || /\.(get|post|put|request|stream)$/.test(q)) {
          const { positional, keywords } = pyArgs(call);
          const url = positional[0] ?? keywords.get('url');
          if (!url || !AI_URL.test(url.text)) continue;
          // a local model server or a placeholder host: there is no certificate to check against anyone
          const host = urlHost(pyStringValue(url) ?? '');
          if (host && (isLoopbackHostName(host) || isPlaceholderHost(host))) continue;
          ctx.report({ messageId: 'request', start: verify.startIndex, end: verify.endIndex, fixes: fixTrue(value) });
        }
      }
      if (!aiFile) return;
      // ssl._create_default_https_context = ssl._create_unverified_context (and other uses)
      for (const a of root.descendantsOfType('attribute')) {
        if (flow.qualName(a) !== 'ssl._create_unverified_context') continue;
        if (a.parent?.type === 'attribute') continue;
        ctx.report({ messageId: 'globalContext', data: { what: a.text }, start: a.startIndex, end: a.endIndex });
      }
      for (const asg of root.descendantsOfType('assignment')) {
        const left = asg.childForFieldName('left');
        const right = asg.childForFieldName('right');
        if (!left || !right) continue;
        if (left.type === 'subscript' && /environ$/.test(left.childForFieldName('value')?.text ?? '')) {
          const name = pyStringValue(left.childForFieldName('subscript'));
          const value = pyStringValue(right);
          if (!name || value === undefined || !TLS_ENV.test(name)) continue;
          if ((name === 'PYTHONHTTPSVERIFY' && value === '0') || (name !== 'PYTHONHTTPSVERIFY' && name !== 'SSL_CERT_FILE' && value === '')) {
            ctx.report({ messageId: 'env', data: { name, value }, start: asg.startIndex, end: asg.endIndex });
          }
        } else if (left.type === 'attribute' && right.type === 'false' && /^(litellm\.ssl_verify|openai\.verify_ssl_certs)$/.test(flow.qualName(left))) {
          ctx.report({ messageId: 'moduleFlag', data: { name: left.text }, start: asg.startIndex, end: asg.endIndex, fixes: fixTrue(right) });
        }
      }
    },
    js(ctx) {
      if (!jsImportedModules(ctx.view.ast).some((m) => JS_AI_MODULE.test(m))) return;
      const flow = jsFlow(ctx.view);
      for (const p of flow.properties) {
        if (propName(p) !== 'rejectUnauthorized' || jsBool(unwrap(p.value)) !== false) continue;
        ctx.report({ messageId: 'agent', start: p.range[0], end: p.range[1], fixes: [{ title: 'Verify certificates', kind: 'suggestion', edits: [{ start: p.value.range[0], end: p.value.range[1], newText: 'true' }] }] });
      }
      for (const a of flow.assignments) {
        const left = unwrap(a.left);
        if (left.type !== 'MemberExpression' || jsMemberName(left) !== 'NODE_TLS_REJECT_UNAUTHORIZED') continue;
        const v = unwrap(a.right);
        const s = jsStringValue(v) ?? (v.type === 'Literal' && typeof v.value === 'number' ? String(v.value) : undefined);
        if (s !== '0') continue;
        ctx.report({ messageId: 'nodeEnv', start: a.range[0], end: a.range[1], fixes: [{ title: 'Set NODE_TLS_REJECT_UNAUTHORIZED to "1"', kind: 'suggestion', edits: [{ start: v.range[0], end: v.range[1], newText: "'1'" }] }] });
      }
    },
  },
});
