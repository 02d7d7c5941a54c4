/**
 * AI inventory: what AI a workspace uses, collected from the same views the rules read. Models (ids in SDK
 * calls and loaders), providers (SDK imports), endpoints (base URLs, remote MCP URLs), MCP servers
 * (client configs and servers defined in code), tools (schemas, decorated functions, tool factories) and
 * prompt files. Pure: no I/O; offsets are file offsets. Callers link findings with linkFindings().
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { LineIndex } from '../engine/lineIndex';
import type { Finding, Range } from '../engine/model';
import type { BaseView, DataNode, DataView, JsView, PromptView, PythonView, Views } from '../engine/views';
import { getValue } from './data';
import { mcpConfig, mcpServerOrigin, toolDefinitions } from './data/toolConfig';
import { jsStringValue, pyArgs, pyStringValue } from './flow';
import { jsWalk } from './js/calls';
import type { PyNode } from './python/tree';

export type InventoryKind = 'model' | 'provider' | 'endpoint' | 'mcpServer' | 'tool' | 'prompt';
export const INVENTORY_KINDS: InventoryKind[] = ['model', 'provider', 'endpoint', 'mcpServer', 'tool', 'prompt'];

export interface InventoryItem {
  kind: InventoryKind;
  /** Model id, provider name, URL, server name, tool name or prompt path. */
  name: string;
  /** File path as given to the collector (relative to the workspace root). */
  file: string;
  /** The precise range: the model string, the import, the server's key, the tool name. */
  start: number;
  end: number;
  range: Range;
  /** The construct the item belongs to (call, server object, function, whole file): findings inside it are linked. */
  scopeStart: number;
  scopeEnd: number;
  /** Kind-specific facts: provider, dialect, command, package, transport, format, roles, variables... */
  details: Record<string, string | number | boolean | string[]>;
  /** Fingerprints and rule ids of the findings in the item's scope (filled by linkFindings). */
  findings: { fingerprint: string; ruleId: string; severity: string; line: number; suppressed: boolean }[];
}

type Raw = Omit<InventoryItem, 'range' | 'findings' | 'file'>;

// ---------------------------------------------------------------------------------------------
// Providers

/** Module prefix -> provider, for Python imports and JS module specifiers. */
const PROVIDER_MODULES: [RegExp, string][] = [
  [/^(langchain_openai|@langchain\/openai|@ai-sdk\/openai|openai)(\.|\/|$)/, 'openai'],
  [/^(@azure\/openai|azure\.ai\.inference|@ai-sdk\/azure|azure\.ai\.openai)(\.|\/|$)/, 'azure'],
  [/^(anthropic|@anthropic-ai\/sdk|langchain_anthropic|@langchain\/anthropic|@ai-sdk\/anthropic)(\.|\/|$)/, 'anthropic'],
  [/^(google\.generativeai|google\.genai|vertexai|langchain_google_genai|langchain_google_vertexai|@google\/generative-ai|@google\/genai|@ai-sdk\/google|@langchain\/google-genai)(\.|\/|$)/, 'google'],
  [/^(ollama|langchain_ollama|@langchain\/ollama|ollama-ai-provider)(\.|\/|$)/, 'ollama'],
  [/^(transformers|huggingface_hub|sentence_transformers|diffusers|langchain_huggingface|@huggingface\/inference|@huggingface\/transformers)(\.|\/|$)/, 'huggingface'],
  [/^(mistralai|@mistralai\/mistralai|langchain_mistralai|@ai-sdk\/mistral)(\.|\/|$)/, 'mistral'],
  [/^(cohere|cohere-ai|langchain_cohere|@ai-sdk\/cohere)(\.|\/|$)/, 'cohere'],
  [/^(groq|groq-sdk|langchain_groq|@ai-sdk\/groq)(\.|\/|$)/, 'groq'],
  [/^(litellm)(\.|\/|$)/, 'litellm'],
  [/^(llama_cpp|node-llama-cpp)(\.|\/|$)/, 'llama.cpp'],
  [/^(vllm)(\.|\/|$)/, 'vllm'],
  [/^(@aws-sdk\/client-bedrock-runtime|langchain_aws|@ai-sdk\/amazon-bedrock)(\.|\/|$)/, 'aws-bedrock'],
  [/^(replicate)(\.|\/|$)/, 'replicate'],
  [/^(together)(\.|\/|$)/, 'together'],
];

export function providerOfModule(mod: string): string | undefined {
  for (const [re, p] of PROVIDER_MODULES) if (re.test(mod)) return p;
  return undefined;
}

/** Best guess of a model's provider from its id. */
export function providerOfModelId(id: string): string | undefined {
  const m = id.toLowerCase();
  if (/^(gpt-|o[1-9](-|$)|chatgpt|text-embedding|dall-e|whisper|tts-|davinci|babbage|openai\/)/.test(m)) return 'openai';
  if (/^(claude|anthropic[./])/.test(m)) return 'anthropic';
  if (/^(gemini|models\/gemini|text-bison|chat-bison|gemma|google\/)/.test(m)) return 'google';
  if (/^(mistral|mixtral|codestral|open-mistral|ministral)/.test(m)) return 'mistral';
  if (/^(command(-|$)|embed-english|embed-multilingual)/.test(m)) return 'cohere';
  if (/^[\w.-]+\/[\w.-]+$/.test(m)) return 'huggingface';
  if (/^(llama|phi|qwen|deepseek|codellama|nomic-embed|mxbai)[\w.:-]*$/.test(m)) return 'ollama';
  return undefined;
}

/** Constructor / factory name -> provider (the client a model call goes through). */
const PROVIDER_CALLEES: [RegExp, string][] = [
  [/(^|\.)(AzureOpenAI|AsyncAzureOpenAI|AzureChatOpenAI|AzureOpenAIEmbeddings|createAzure|azure)$/, 'azure'],
  [/(^|\.)(OpenAI|AsyncOpenAI|ChatOpenAI|OpenAIEmbeddings|createOpenAI|openai)$/, 'openai'],
  [/(^|\.)(Anthropic|AsyncAnthropic|ChatAnthropic|createAnthropic|anthropic)$/, 'anthropic'],
  [/(^|\.)(GenerativeModel|ChatGoogleGenerativeAI|ChatVertexAI|GoogleGenerativeAI|createGoogleGenerativeAI|google|genai\.Client)$/, 'google'],
  [/(^|\.)(Ollama|ChatOllama|OllamaEmbeddings|ollama\.\w+|createOllama)$/, 'ollama'],
  [/(^|\.)(from_pretrained|pipeline|hf_hub_download|snapshot_download|SentenceTransformer|InferenceClient|HuggingFaceEndpoint|HuggingFaceHub|HfInference)$/, 'huggingface'],
  [/(^|\.)(Mistral|MistralClient|ChatMistralAI|mistral)$/, 'mistral'],
  [/(^|\.)(ChatBedrock|BedrockChat|Bedrock|ChatBedrockConverse)$/, 'aws-bedrock'],
  [/(^|\.)(Groq|ChatGroq|groq)$/, 'groq'],
  [/(^|\.)(litellm\.\w+|completion|acompletion)$/, 'litellm'],
];

function providerOfCallee(callee: string): string | undefined {
  for (const [re, p] of PROVIDER_CALLEES) if (re.test(callee)) return p;
  return undefined;
}

const MODEL_KEYS = new Set(['model', 'model_name', 'model_id', 'modelId', 'modelName', 'repo_id', 'deployment_name', 'azure_deployment', 'deployment', 'engine', 'pretrained_model_name_or_path']);
const ENDPOINT_KEYS = new Set(['base_url', 'baseURL', 'baseUrl', 'api_base', 'openai_api_base', 'azure_endpoint', 'endpoint', 'endpoint_url', 'host', 'apiBase', 'basePath', 'server_url', 'serverURL']);
/** Calls whose first positional string argument is a model id. */
const POSITIONAL_MODEL_CALLEES = /(^|\.)(from_pretrained|SentenceTransformer|GenerativeModel|CrossEncoder|hf_hub_download|snapshot_download|Llama|openai|anthropic|google|mistral|groq|azure|ollama|cohere|bedrock|LLM)$/;
const HTTP_URL = /^(https?|wss?):\/\/[^\s]+$/i;

// ---------------------------------------------------------------------------------------------
// Python

function pyCallee(n: PyNode | null): string {
  if (!n) return '';
  if (n.type === 'identifier') return n.text;
  if (n.type === 'attribute') {
    const obj = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute');
    const base = obj?.type === 'call' ? `${pyCallee(obj.childForFieldName('function'))}()` : pyCallee(obj);
    return base ? `${base}.${attr?.text ?? ''}` : attr?.text ?? '';
  }
  return '';
}

const PY_TOOL_DECORATOR = /^@?\s*((\w+\.)*)(tool|function_tool|kernel_function|ai_function|ai_callable|prompt|resource)\b/;
const PY_TOOL_FACTORY = /(^|\.)(Tool|StructuredTool\.from_function|StructuredTool|FunctionTool\.from_defaults|FunctionTool)$/;
const PY_TOOL_BASE = /(^|\.)(BaseTool|StructuredTool|Tool)$/;
const PY_MCP_SERVER = /(^|\.)(FastMCP|Server|MCPServer)$/;

function collectPython(view: PythonView, toFile: (o: number) => number, out: Raw[]): void {
  const consts = new Map<string, string>();
  const importsFrom = new Map<string, string>(); // local name -> module
  const calls: PyNode[] = [];
  const decorated: PyNode[] = [];
  const classes: PyNode[] = [];
  const stack: PyNode[] = [view.root];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'call':
        calls.push(n);
        break;
      case 'decorated_definition':
        decorated.push(n);
        break;
      case 'class_definition':
        classes.push(n);
        break;
      case 'assignment': {
        const left = n.childForFieldName('left');
        const v = pyStringValue(n.childForFieldName('right'));
        if (left?.type === 'identifier' && v !== undefined) consts.set(left.text, v);
        break;
      }
      case 'import_statement':
      case 'import_from_statement': {
        const mods: string[] = [];
        if (n.type === 'import_from_statement') {
          const m = n.childForFieldName('module_name')?.text;
          if (m) {
            mods.push(m);
            for (const c of n.childrenForFieldName('name')) importsFrom.set((c.type === 'aliased_import' ? c.childForFieldName('alias') : c)?.text ?? c.text, m);
          }
        } else {
          for (const c of n.childrenForFieldName('name')) mods.push((c.type === 'aliased_import' ? c.childForFieldName('name') : c)?.text ?? c.text);
        }
        for (const m of mods) {
          const p = providerOfModule(m);
          if (p) out.push({ kind: 'provider', name: p, start: toFile(n.startIndex), end: toFile(n.endIndex), scopeStart: toFile(n.startIndex), scopeEnd: toFile(n.endIndex), details: { module: m, language: 'python' } });
        }
        break;
      }
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  const str = (n: PyNode | undefined | null): string | undefined => {
    if (!n) return undefined;
    const v = pyStringValue(n);
    if (v !== undefined) return v;
    return n.type === 'identifier' ? consts.get(n.text) : undefined;
  };
  const range = (n: PyNode) => ({ start: toFile(n.startIndex), end: toFile(n.endIndex) });
  for (const call of calls) {
    const callee = pyCallee(call.childForFieldName('function'));
    if (!callee) continue;
    const head = callee.split('.')[0];
    const viaImport = providerOfModule(importsFrom.get(head) ?? '') ?? providerOfModule(head);
    const { positional, keywords } = pyArgs(call);
    const scope = range(call);
    const models: [string, PyNode][] = [];
    for (const [k, v] of keywords) {
      const s = str(v);
      if (s === undefined || !s.trim()) continue;
      if (MODEL_KEYS.has(k)) models.push([s, v]);
      else if (ENDPOINT_KEYS.has(k) && HTTP_URL.test(s)) out.push({ kind: 'endpoint', name: s, ...range(v), scopeStart: scope.start, scopeEnd: scope.end, details: { via: callee, provider: providerOfCallee(callee) ?? viaImport ?? 'unknown', key: k } });
    }
    if (!models.length && positional[0] && POSITIONAL_MODEL_CALLEES.test(callee)) {
      const s = str(positional[0]);
      if (s && s.trim() && !/^[./~]/.test(s) && !/\.(pt|pth|bin|safetensors|gguf|onnx|pkl|joblib)$/i.test(s)) models.push([s, positional[0]]);
    }
    for (const [id, node] of models) {
      const provider = providerOfCallee(callee) ?? viaImport ?? providerOfModelId(id) ?? 'unknown';
      out.push({ kind: 'model', name: id, ...range(node), scopeStart: scope.start, scopeEnd: scope.end, details: { provider, via: callee, language: 'python' } });
    }
    if (PY_TOOL_FACTORY.test(callee)) {
      const name = str(keywords.get('name')) ?? str(positional[0]);
      if (name) out.push({ kind: 'tool', name, ...range(keywords.get('name') ?? positional[0]!), scopeStart: scope.start, scopeEnd: scope.end, details: { framework: callee, language: 'python' } });
    }
    if (PY_MCP_SERVER.test(callee) && (/mcp/i.test(importsFrom.get(head) ?? '') || /FastMCP/.test(callee))) {
      const name = str(positional[0]) ?? str(keywords.get('name')) ?? callee;
      out.push({ kind: 'mcpServer', name, ...range(positional[0] ?? call), scopeStart: scope.start, scopeEnd: scope.end, details: { dialect: 'code', framework: callee, language: 'python' } });
    }
  }
  for (const d of decorated) {
    const def = d.childForFieldName('definition');
    if (def?.type !== 'function_definition') continue;
    const deco = d.children.filter((c) => c.type === 'decorator').map((c) => c.text.replace(/\(.*$/s, '')).find((t) => PY_TOOL_DECORATOR.test(t) && /tool|function|callable/.test(t));
    if (!deco) continue;
    const nameNode = def.childForFieldName('name');
    if (!nameNode) continue;
    out.push({ kind: 'tool', name: nameNode.text, ...range(nameNode), scopeStart: toFile(d.startIndex), scopeEnd: toFile(d.endIndex), details: { framework: deco.replace(/^@\s*/, ''), language: 'python' } });
  }
  for (const c of classes) {
    const bases = c.childForFieldName('superclasses');
    if (!bases || !bases.namedChildren.some((b) => PY_TOOL_BASE.test(b.text))) continue;
    const nameNode = c.childForFieldName('name');
    if (!nameNode) continue;
    const body = c.childForFieldName('body');
    let toolName = nameNode.text;
    for (const st of body?.namedChildren ?? []) {
      const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
      if (left?.text === 'name') toolName = str(a!.childForFieldName('right')) ?? toolName;
    }
    out.push({ kind: 'tool', name: toolName, ...range(nameNode), scopeStart: toFile(c.startIndex), scopeEnd: toFile(c.endIndex), details: { framework: 'BaseTool subclass', language: 'python' } });
  }
}

// ---------------------------------------------------------------------------------------------
// JavaScript / TypeScript

type N = TSESTree.Node;

function jsCallee(n: N): string {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    const base = jsCallee(n.object);
    return base ? `${base}.${n.property.name}` : n.property.name;
  }
  if (n.type === 'CallExpression') {
    const c = jsCallee(n.callee);
    return c ? `${c}()` : '';
  }
  if (n.type === 'ThisExpression') return 'this';
  return '';
}

const JS_TOOL_FACTORY = /(^|\.)(tool|DynamicStructuredTool|DynamicTool|StructuredTool|createTool|defineTool|betaZodTool)$/;
const JS_TOOL_REGISTRATION = /\.(tool|registerTool|addTool)$/;
const JS_MCP_SERVER = /(^|\.)(McpServer|Server|FastMCP)$/;

function collectJs(view: JsView, toFile: (o: number) => number, out: Raw[]): void {
  const consts = new Map<string, string>();
  const importsFrom = new Map<string, string>();
  const range = (n: N) => ({ start: toFile(n.range[0]), end: toFile(n.range[1]) });
  jsWalk(view.ast, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
      const v = jsStringValue(n.init);
      if (v !== undefined) consts.set(n.id.name, v);
    }
    if (n.type === 'ImportDeclaration') {
      const mod = String(n.source.value);
      for (const s of n.specifiers) importsFrom.set(s.local.name, mod);
      const p = providerOfModule(mod);
      if (p) out.push({ kind: 'provider', name: p, ...range(n), scopeStart: toFile(n.range[0]), scopeEnd: toFile(n.range[1]), details: { module: mod, language: 'javascript' } });
    }
  });
  const str = (n: N | undefined | null): string | undefined => {
    if (!n) return undefined;
    const v = jsStringValue(n);
    if (v !== undefined) return v;
    return n.type === 'Identifier' ? consts.get(n.name) : undefined;
  };
  jsWalk(view.ast, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
    const callee = jsCallee(n.callee);
    if (!callee) return;
    const head = callee.split('.')[0];
    const viaImport = providerOfModule(importsFrom.get(head) ?? '');
    const scope = range(n);
    const args = n.arguments as N[];
    let modelFound = false;
    for (const a of args) {
      if (a.type !== 'ObjectExpression') continue;
      for (const p of a.properties) {
        if (p.type !== 'Property' || p.computed) continue;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
        const s = str(p.value as N);
        if (s === undefined || !s.trim()) continue;
        if (MODEL_KEYS.has(key)) {
          modelFound = true;
          out.push({ kind: 'model', name: s, ...range(p.value as N), scopeStart: scope.start, scopeEnd: scope.end, details: { provider: providerOfCallee(callee) ?? viaImport ?? providerOfModelId(s) ?? 'unknown', via: callee, language: 'javascript' } });
        } else if (ENDPOINT_KEYS.has(key) && HTTP_URL.test(s)) {
          out.push({ kind: 'endpoint', name: s, ...range(p.value as N), scopeStart: scope.start, scopeEnd: scope.end, details: { via: callee, provider: providerOfCallee(callee) ?? viaImport ?? 'unknown', key } });
        }
      }
    }
    const first = args[0];
    const firstStr = first ? str(first) : undefined;
    // Vercel AI SDK provider functions: openai('gpt-4o'), anthropic('claude-...')
    if (!modelFound && firstStr && (viaImport || POSITIONAL_MODEL_CALLEES.test(callee)) && n.type === 'CallExpression' && /^[a-z]\w*$/.test(callee) && (viaImport || providerOfModelId(firstStr))) {
      out.push({ kind: 'model', name: firstStr, ...range(first), scopeStart: scope.start, scopeEnd: scope.end, details: { provider: viaImport ?? providerOfCallee(callee) ?? providerOfModelId(firstStr) ?? 'unknown', via: callee, language: 'javascript' } });
    }
    if (JS_TOOL_REGISTRATION.test(callee) && firstStr) {
      out.push({ kind: 'tool', name: firstStr, ...range(first), scopeStart: scope.start, scopeEnd: scope.end, details: { framework: callee, language: 'javascript' } });
    } else if (JS_TOOL_FACTORY.test(callee) && first?.type === 'ObjectExpression') {
      const nameProp = first.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'name');
      const name = str(nameProp?.value as N | undefined) ?? `${callee}@${view.text.slice(0, n.range[0]).split('\n').length}`;
      out.push({ kind: 'tool', name, ...range(nameProp ?? n), scopeStart: scope.start, scopeEnd: scope.end, details: { framework: callee, language: 'javascript' } });
    }
    if (n.type === 'NewExpression' && JS_MCP_SERVER.test(callee) && /modelcontextprotocol|mcp/i.test(importsFrom.get(head) ?? '')) {
      const nameProp = first?.type === 'ObjectExpression' ? first.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'name') : undefined;
      out.push({ kind: 'mcpServer', name: str(nameProp?.value as N | undefined) ?? callee, ...range(nameProp ?? n), scopeStart: scope.start, scopeEnd: scope.end, details: { dialect: 'code', framework: callee, language: 'javascript' } });
    }
  });
  // tools: { name: tool({...}) } objects (Vercel AI SDK) keep the tool name in the key
  jsWalk(view.ast, (n) => {
    if (n.type !== 'Property' || n.computed || n.value.type !== 'CallExpression') return;
    const callee = jsCallee(n.value.callee);
    if (!/(^|\.)tool$/.test(callee) || n.key.type !== 'Identifier') return;
    const item = out.find((o) => o.kind === 'tool' && o.scopeStart === toFile(n.value.range[0]));
    if (item && item.name.includes('@')) {
      item.name = n.key.name;
      item.start = toFile(n.key.range[0]);
      item.end = toFile(n.key.range[1]);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Data (MCP configs, tool schemas) and prompts

function collectData(view: DataView, toFile: (o: number) => number, out: Raw[]): void {
  const cfg = mcpConfig(view);
  for (const s of cfg?.servers ?? []) {
    const origin = mcpServerOrigin(view, s);
    const details: InventoryItem['details'] = { dialect: s.dialect, transport: s.type };
    if (typeof s.command?.value === 'string') details.command = [s.command.value, ...s.args.map((a) => String(a.value))].join(' ');
    if (origin.pkg) details.package = `${origin.pkg.ecosystem}:${origin.pkg.name}`;
    if (origin.image) details.image = origin.image.name;
    const url = typeof s.url?.value === 'string' ? s.url.value : undefined;
    if (url) details.url = url;
    if (s.disabled) details.disabled = true;
    if (s.env.length) details.env = s.env.map((e) => e.key);
    out.push({ kind: 'mcpServer', name: s.name || '(unnamed)', start: toFile(s.nameStart), end: toFile(s.nameEnd), scopeStart: toFile(s.node.start), scopeEnd: toFile(s.node.end), details });
    if (url && s.url) out.push({ kind: 'endpoint', name: url, start: toFile(s.url.start), end: toFile(s.url.end), scopeStart: toFile(s.url.start), scopeEnd: toFile(s.url.end), details: { via: `MCP server ${s.name}`, provider: 'mcp', transport: s.type } });
  }
  for (const t of toolDefinitions(view)) {
    const details: InventoryItem['details'] = { framework: `${t.format} tool schema` };
    const params = t.schema ? (t.schema.properties ?? []).find((p) => p.key === 'properties')?.value.properties?.map((p) => p.key) : undefined;
    if (params) details.parameters = params;
    out.push({ kind: 'tool', name: t.name, start: toFile(t.nameNode.start), end: toFile(t.nameNode.end), scopeStart: toFile(t.node.start), scopeEnd: toFile(t.node.end), details });
  }
}

/** Models named in prompt front matter: dotprompt `model: provider/name`, prompty `model.configuration`. */
function frontMatterModels(v: PromptView, toFile: (o: number) => number, out: Raw[]): void {
  const fm = v.frontMatter;
  const model = getValue(fm, 'model');
  const push = (node: DataNode | undefined, provider: string | undefined) => {
    if (node?.type !== 'string' || typeof node.value !== 'string' || !node.value.trim() || node.value.includes('${')) return;
    const id = node.value;
    out.push({ kind: 'model', name: id, start: toFile(node.start), end: toFile(node.end), scopeStart: toFile(node.start), scopeEnd: toFile(node.end), details: { provider: provider ?? providerOfModelId(id.replace(/^[\w-]+\//, '')) ?? 'unknown', via: `${v.format} front matter`, language: 'prompt' } });
  };
  if (model?.type === 'string') {
    const m = /^([\w-]+)\//.exec(String(model.value));
    const prefix = m?.[1].toLowerCase();
    push(model, prefix === 'googleai' || prefix === 'vertexai' ? 'google' : prefix === 'openai' ? 'openai' : prefix === 'anthropic' ? 'anthropic' : prefix === 'ollama' ? 'ollama' : undefined);
    return;
  }
  const conf = getValue(model, 'configuration');
  const type = String(getValue(conf, 'type')?.value ?? '');
  const provider = /azure/.test(type) ? 'azure' : /openai/.test(type) ? 'openai' : /serverless|maas/.test(type) ? 'azure' : undefined;
  push(getValue(conf, 'azure_deployment') ?? getValue(conf, 'model') ?? getValue(conf, 'name'), provider);
  const endpoint = getValue(conf, 'azure_endpoint') ?? getValue(conf, 'endpoint') ?? getValue(conf, 'base_url');
  if (endpoint?.type === 'string' && HTTP_URL.test(String(endpoint.value))) out.push({ kind: 'endpoint', name: String(endpoint.value), start: toFile(endpoint.start), end: toFile(endpoint.end), scopeStart: toFile(endpoint.start), scopeEnd: toFile(endpoint.end), details: { via: `${v.format} front matter`, provider: provider ?? 'unknown', key: 'endpoint' } });
}

function collectPrompts(path: string, views: PromptView[], textLength: number, out: Raw[]): void {
  views.forEach((v, i) => {
    const toFile = mapper(v);
    if (v.frontMatter) frontMatterModels(v, toFile, out);
    const start = v.sections.length ? Math.min(...v.sections.map((s) => s.start)) : 0;
    const end = v.sections.length ? Math.max(...v.sections.map((s) => s.end)) : v.text.length;
    const embedded = !!v.map;
    out.push({
      kind: 'prompt',
      name: embedded ? `${path}#${i + 1}` : path,
      start: embedded ? toFile(start) : 0,
      end: embedded ? toFile(Math.max(start, end - 1)) + 1 : Math.min(textLength, 0),
      scopeStart: embedded ? toFile(start) : 0,
      scopeEnd: embedded ? toFile(Math.max(start, end - 1)) + 1 : textLength,
      details: { format: v.format, roles: [...new Set(v.sections.map((s) => s.role))], variables: new Set(v.variables.map((x) => x.name)).size },
    });
  });
}

function mapper(view: BaseView): (o: number) => number {
  const m = view.map;
  return m ? (o) => m.toFile(o) : (o) => o;
}

/** Every inventory item of one file, from its views. */
export function collectInventory(path: string, text: string, views: Views): InventoryItem[] {
  const raw: Raw[] = [];
  try {
    if (views.python) collectPython(views.python, mapper(views.python), raw);
    if (views.js) collectJs(views.js, mapper(views.js), raw);
    if (views.data) collectData(views.data, mapper(views.data), raw);
    if (views.prompt?.length) collectPrompts(path, views.prompt, text.length, raw);
  } catch {
    // broken input is normal input: an unexpected tree shape yields what was collected so far
  }
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const out: InventoryItem[] = [];
  for (const r of raw) {
    // one provider item per provider and file (the first import); one item per kind/name/position otherwise
    const key = r.kind === 'provider' ? `provider\u0000${r.name}` : `${r.kind}\u0000${r.name}\u0000${r.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...r, file: path, range: lines.rangeOf(r.start, Math.max(r.start, r.end)), findings: [] });
  }
  return out.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

/** Attach the findings of the same file whose range lies in an item's scope (provider and prompt items: whole-file scope for prompts). */
export function linkFindings(items: InventoryItem[], findings: readonly Finding[]): void {
  for (const item of items) {
    item.findings = findings
      .filter((f) => f.start >= item.scopeStart && f.start < Math.max(item.scopeEnd, item.scopeStart + 1))
      .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity, line: f.range.start.line + 1, suppressed: !!f.suppression }));
  }
}
