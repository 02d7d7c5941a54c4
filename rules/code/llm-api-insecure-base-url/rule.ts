import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, propName, pyArgs, pyStringContent, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsMemberName } from '../../../server/src/analyzers/js/calls';
import { lastSegment } from '../../../server/src/analyzers/python/calls';
import { isPlaceholderHost } from '../../../server/src/analyzers/hosts';
import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';

/** Keyword / property names that set an LLM endpoint. */
const PY_URL_KEYS = new Set(['base_url', 'api_base', 'openai_api_base', 'azure_endpoint', 'endpoint', 'endpoint_url', 'inference_server_url', 'host']);
const JS_URL_KEYS = new Set(['baseURL', 'baseUrl', 'base_url', 'basePath', 'endpoint', 'host', 'azureOpenAIBasePath', 'configuration']);
/** Env vars / module attributes the SDKs read the endpoint from. */
const ENV_KEYS = /^(OPENAI_BASE_URL|OPENAI_API_BASE|ANTHROPIC_BASE_URL|OLLAMA_HOST|OLLAMA_BASE_URL|AZURE_OPENAI_ENDPOINT|GROQ_BASE_URL|MISTRAL_BASE_URL|LITELLM_API_BASE)$/;
/** Python modules / constructors of LLM clients. */
const PY_LLM_MODULE = /^(openai|anthropic|ollama|groq|mistralai|cohere|together|litellm|langchain\w*|llama_index|instructor|google\.genai|huggingface_hub|text_generation)(\.|$)/;
const LLM_CTOR = /^(Async)?(Azure)?(OpenAI|Anthropic|AnthropicBedrock|Groq|Mistral|Cohere|Together|Cerebras|Fireworks|DeepSeek|Ollama|LiteLLM|InferenceClient)\w*$|^Chat[A-Z]\w*$|^(Ollama|OpenAI)\w*$/;
const JS_LLM_MODULE = /^(openai|@anthropic-ai\/sdk|ollama|ollama\/browser|groq-sdk|@mistralai\/mistralai|cohere-ai|together-ai|@langchain\/\w+|langchain|@ai-sdk\/\w+|@huggingface\/inference)(\.|$)/;

type Where = 'public' | 'private';

/** Classify a literal URL: undefined when it is https, loopback, a container-internal single-label host, or not a URL. */
function plaintextHost(url: string): { where: Where; host: string } | undefined {
  const m = /^http:\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  if (!host) return undefined;
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0' || host === 'host.docker.internal') return undefined;
  // single-label names (http://ollama:11434) are service names on a container network: traffic stays on the host or pod network
  if (!host.includes('.') && !host.startsWith('[')) return undefined;
  // documentation and test placeholders (example.com, foo.com, *.test): not an endpoint anyone deploys
  if (isPlaceholderHost(host)) return undefined;
  if (/^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host) || /^\[f[cd]/.test(host) || /\.(internal|local|lan|svc|cluster\.local|corp|intranet)$/.test(host)) return { where: 'private', host };
  return { where: 'public', host };
}

function httpsFix(start: number): Fix[] {
  // `http` -> `https` right after the opening quote
  return [{ title: 'Use https://', kind: 'suggestion', edits: [{ start: start + 4, end: start + 4, newText: 's' }] }];
}

export default defineRule({
  meta: {
    id: 'llm-api-insecure-base-url',
    name: 'LlmApiInsecureBaseUrl',
    shortDescription: 'An LLM client talks to its API over plaintext http://.',
    fullDescription: 'OpenAI-compatible, Anthropic, Ollama and LangChain clients send the API key in a header and the full prompt and response in the body. Over http:// every network hop (Wi-Fi, proxies, the cloud provider\'s network, a compromised container) can read the key, read confidential prompts and rewrite answers. Loopback addresses are fine; anything else needs TLS, including private addresses.',
    views: ['python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM02'],
    cwe: [319],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      public: 'The model endpoint `{{url}}` is plaintext http: the API key, prompts and answers cross the network unencrypted and can be read or altered. Use https://.',
      private: 'The model endpoint `{{url}}` is plaintext http on a private network: anyone on that network can read prompts, answers and the key. Use https:// (or a loopback/sidecar connection).',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const check = (value: PyNode | undefined | null) => {
        if (!value || value.type !== 'string') return;
        const c = pyStringContent(value);
        if (!c) return;
        // f"http://gpu-box.example.com:8000/{path}": the literal part up to the first interpolation must name the host
        const interp = value.namedChildren.find((k) => k.type === 'interpolation');
        const url = pyStringValue(value) ?? ctx.view.text.slice(c.start, interp ? interp.startIndex : c.end);
        if (interp && !/^http:\/\/[^/{]+[:/]/i.test(url)) return;
        const hit = plaintextHost(url);
        if (!hit) return;
        ctx.report({ messageId: hit.where, data: { url: value.text.slice(c.start - value.startIndex, c.end - value.startIndex) }, start: value.startIndex, end: value.endIndex, fixes: httpsFix(c.start) });
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        const name = lastSegment(q);
        if (!PY_LLM_MODULE.test(q) && !LLM_CTOR.test(name)) continue;
        const { keywords, positional } = pyArgs(call);
        for (const [k, v] of keywords) if (PY_URL_KEYS.has(k) && (k !== 'host' || /ollama/i.test(q))) check(v);
        // ollama.Client("http://...")
        if (/^ollama\.(Async)?Client$/.test(q)) check(positional[0]);
      }
      // os.environ["OPENAI_BASE_URL"] = "http://..."; openai.base_url = "http://..."
      for (const a of ctx.view.root.descendantsOfType('assignment')) {
        const left = a.childForFieldName('left');
        const right = a.childForFieldName('right');
        if (!left || !right) continue;
        if (left.type === 'subscript' && /environ$/.test(left.childForFieldName('value')?.text ?? '')) {
          const key = pyStringValue(left.childForFieldName('subscript'));
          if (key && ENV_KEYS.test(key)) check(right);
        } else if (left.type === 'attribute' && /^(openai|anthropic|litellm)\.(base_url|api_base)$/.test(flow.qualName(left))) check(right);
      }
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn || !/^os\.(environ\.setdefault|putenv)$/.test(flow.qualName(fn))) continue;
        const { positional } = pyArgs(call);
        const key = pyStringValue(positional[0]);
        if (key && ENV_KEYS.test(key)) check(positional[1]);
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const check = (value: TSESTree.Node | undefined) => {
        if (!value) return;
        const v = unwrap(value);
        if (v.type !== 'Literal' && v.type !== 'TemplateLiteral') return;
        let url = jsStringValue(v);
        // `http://gpu-box.example.com:8000/${path}`: the first chunk must name the host
        if (url === undefined && v.type === 'TemplateLiteral') {
          const head = v.quasis[0]?.value.cooked ?? '';
          if (/^http:\/\/[^/]+[:/]/i.test(head)) url = head;
        }
        const hit = url !== undefined ? plaintextHost(url) : undefined;
        if (!hit) return;
        ctx.report({ messageId: hit.where, data: { url: ctx.view.text.slice(v.range[0] + 1, v.range[1] - 1) }, start: v.range[0], end: v.range[1], fixes: httpsFix(v.range[0] + 1) });
      };
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee).replace(/\(\)|^new /g, '');
        const name = q.slice(q.lastIndexOf('.') + 1);
        if (!JS_LLM_MODULE.test(q) && !LLM_CTOR.test(name) && !/^create(OpenAI|Anthropic|Ollama|Groq|Mistral|OpenAICompatible)$/.test(name)) continue;
        for (const arg of call.arguments) {
          const obj = unwrap(arg);
          if (obj.type !== 'ObjectExpression') continue;
          for (const p of obj.properties) {
            if (p.type !== 'Property') continue;
            const k = propName(p);
            if (!k || !JS_URL_KEYS.has(k)) continue;
            if (k === 'configuration') {
              const inner = unwrap(p.value);
              if (inner.type === 'ObjectExpression') for (const ip of inner.properties) if (ip.type === 'Property' && JS_URL_KEYS.has(propName(ip) ?? '')) check(ip.value);
            } else check(p.value);
          }
        }
      }
      // process.env.OPENAI_BASE_URL = 'http://...'
      for (const a of flow.assignments) {
        const left = unwrap(a.left);
        if (left.type !== 'MemberExpression') continue;
        const obj = unwrap(left.object);
        if (obj.type !== 'MemberExpression' || jsMemberName(obj) !== 'env') continue;
        const key = jsMemberName(left);
        if (key && ENV_KEYS.test(key)) check(a.right);
      }
    },
  },
});
