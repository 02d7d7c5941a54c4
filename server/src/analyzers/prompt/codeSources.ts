/**
 * Source and context recognisers for the prompt rules over code: third-party content (fetched pages,
 * retrieved documents, search results, e-mails, user files), model calls that can use tools, and the
 * system prompt of a call. Tables as data; matched on qualified callee names and receiver names.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../python/tree';
import { objProp, propName, pyArgs, pyStringValue, jsStringValue, unwrap } from '../flow';
import type { JsValues, PyValues } from './codeValues';

type N = TSESTree.Node;

// ---------------------------------------------------------------- third-party content

/** HTTP clients and page extractors whose result is content someone else wrote. */
const PY_FETCH = /^(requests|httpx|aiohttp|urllib3|urllib\.request|urllib2)\.(get|post|put|request|urlopen)$|(^|\.)urlopen$|^trafilatura\.(fetch_url|extract)$|^(bs4\.)?BeautifulSoup$|^email\.message_from_(bytes|string|file)$|^(newspaper\.)?Article$|^wikipedia\.(page|summary)$|^html2text\.html2text$|^markdownify\.markdownify$|^feedparser\.parse$/;
const JS_FETCH = /^(fetch|axios|axios\.(get|post|request)|got|got\.(get|post)|ky|ky\.(get|post)|undici\.(request|fetch)|needle|superagent\.(get|post)|node-fetch|cheerio\.load|mailparser\.simpleParser|simpleParser)$/;

interface MethodSource { methods: RegExp; receiver?: RegExp; origin: string }
const METHOD_SOURCES: MethodSource[] = [
  { methods: /^(a?similarity_search\w*|a?max_marginal_relevance_search\w*|similaritySearch\w*|maxMarginalRelevanceSearch)$/, origin: 'retrieved documents' },
  { methods: /^(invoke|ainvoke|get_relevant_documents|aget_relevant_documents|retrieve|aretrieve|getRelevantDocuments)$/, receiver: /retriev/i, origin: 'retrieved documents' },
  { methods: /^(query|search)$/, receiver: /collection|vector_?store|vectorStore|index$|^index|chroma|pinecone|qdrant|weaviate|faiss/i, origin: 'retrieved documents' },
  { methods: /^(load|aload|lazy_load|alazy_load|load_data|aload_data|load_and_split|loadAndSplit|scrape|crawl|scrape_url|crawl_url)$/, receiver: /loader|reader|crawler|scraper|firecrawl|Loader\(|Reader\(/i, origin: 'a loaded web page or document' },
  { methods: /^(get|post|request|fetch)$/, receiver: /session|^http|_http$|httpx|aiohttp|^s$|scraper/i, origin: 'a fetched web page' },
  { methods: /^(search|results|run|arun|invoke|ainvoke|search_results)$/, receiver: /tavily|serp|search|duckduckgo|ddg|bing|brave|^exa|google_?search/i, origin: 'web search results' },
  { methods: /^(content|inner_text|text_content|inner_html|innerText|textContent|innerHTML|evaluate)$/, receiver: /page|browser|tab$|frame/i, origin: 'a browsed web page' },
  { methods: /^(fetch|uid|search)$/, receiver: /imap|mail|inbox/i, origin: 'an e-mail' },
  { methods: /^(execute)$/, receiver: /messages\(\)\.get\(|threads\(\)\.get\(/, origin: 'an e-mail' },
];

/** Third-party content produced by a Python call, or undefined. `userPath` says whether a path comes from the user. */
export function pyThirdParty(n: PyNode, qualName: (n: PyNode) => string, userPath: (n: PyNode) => boolean): string | undefined {
  if (n.type !== 'call') return undefined;
  const fn = n.childForFieldName('function');
  if (!fn) return undefined;
  const q = qualName(fn);
  if (PY_FETCH.test(q)) return PY_FETCH_ORIGIN(q);
  if ((q === 'open' || /(^|\.)(Path|PurePath|io\.open|aiofiles\.open)$/.test(q))) {
    const p = pyArgs(n).positional[0];
    return p && userPath(p) ? 'a file the user chose' : undefined;
  }
  if (fn.type !== 'attribute') return undefined;
  const method = fn.childForFieldName('attribute')?.text ?? '';
  const recv = fn.childForFieldName('object')?.text ?? '';
  for (const s of METHOD_SOURCES) if (s.methods.test(method) && (!s.receiver || s.receiver.test(recv))) return s.origin;
  return undefined;
}

function PY_FETCH_ORIGIN(q: string): string {
  if (/email/.test(q)) return 'an e-mail';
  return 'a fetched web page';
}

/** Third-party content produced by a JS call, or undefined. */
export function jsThirdParty(n: N, qualName: (n: N) => string, userPath: (n: N) => boolean): string | undefined {
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return undefined;
  const q = qualName(n.callee);
  if (JS_FETCH.test(q)) return /mail|Parser/.test(q) ? 'an e-mail' : 'a fetched web page';
  if (/(^|\.)(readFile|readFileSync|fs\/promises\.readFile)$/.test(q)) {
    const p = n.arguments[0];
    return p && userPath(p) ? 'a file the user chose' : undefined;
  }
  if (n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier') return undefined;
  const method = n.callee.property.name;
  const recv = calleeText(n.callee.object);
  for (const s of METHOD_SOURCES) if (s.methods.test(method) && (!s.receiver || s.receiver.test(recv))) return s.origin;
  return undefined;
}

function calleeText(n: N): string {
  const u = unwrap(n);
  if (u.type === 'Identifier') return u.name;
  if (u.type === 'ThisExpression') return 'this';
  if (u.type === 'MemberExpression') return `${calleeText(u.object)}.${u.property.type === 'Identifier' ? u.property.name : '[]'}`;
  if (u.type === 'CallExpression') return `${calleeText(u.callee)}()`;
  if (u.type === 'NewExpression') return `${calleeText(u.callee)}(`;
  if (u.type === 'AwaitExpression') return calleeText(u.argument);
  return '';
}

// ---------------------------------------------------------------- calls with tools

/** Factories whose result is an agent or a model bound to tools. */
const PY_AGENT_FACTORY = /(^|\.)(create_react_agent|create_tool_calling_agent|create_openai_functions_agent|create_openai_tools_agent|create_structured_chat_agent|create_agent|initialize_agent|AgentExecutor|AgentExecutor\.from_agent_and_tools|CodeAgent|ToolCallingAgent|ReActAgent|ReActAgent\.from_tools|FunctionAgent|FunctionCallingAgent|OpenAIAgent|OpenAIAgent\.from_tools|AgentRunner|AssistantAgent|ConversableAgent)$/;
const PY_BIND_TOOLS = /^(bind_tools|bind_functions|with_tools)$/;
const JS_AGENT_FACTORY = /(^|\.)(createReactAgent|createToolCallingAgent|createOpenAIFunctionsAgent|createOpenAIToolsAgent|createAgent|AgentExecutor|AgentExecutor\.fromAgentAndTools|initializeAgentExecutorWithOptions)$/;
const JS_BIND_TOOLS = /^(bindTools|withTools)$/;

function pyEmpty(v: PyNode): boolean {
  return v.type === 'none' || ((v.type === 'list' || v.type === 'dictionary' || v.type === 'tuple') && v.namedChildren.length === 0) || /^(NOT_GIVEN|NotGiven\(\))$/.test(v.text);
}

/** A Python call that produces a model or agent with tools (`llm.bind_tools(t)`, `create_react_agent(llm, tools)`, `Agent(tools=[...])`). */
function pyToolBinding(n: PyNode, qualName: (n: PyNode) => string): boolean {
  if (n.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  if (!fn) return false;
  const q = qualName(fn);
  const { keywords } = pyArgs(n);
  const tools = keywords.get('tools') ?? keywords.get('functions') ?? keywords.get('toolkit');
  if (tools) return !pyEmpty(tools);
  if (fn.type === 'attribute' && PY_BIND_TOOLS.test(fn.childForFieldName('attribute')?.text ?? '')) return true;
  if (PY_AGENT_FACTORY.test(q)) return true;
  return false;
}

/** Does this Python model call offer tools to the model (itself, through its receiver, or through the agent it runs)? */
export function pyCallHasTools(call: PyNode, qualName: (n: PyNode) => string, values: PyValues): boolean {
  const { positional, keywords } = pyArgs(call);
  for (const k of ['tools', 'functions', 'toolkit']) {
    const v = keywords.get(k);
    if (v && !pyEmpty(v)) return true;
  }
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  const q = qualName(fn);
  const bound = (n: PyNode | undefined): boolean => !!n && !!values.find(n, (x) => (pyToolBinding(x, qualName) ? 'tools' : undefined));
  if (/(^|\.)Runner\.(run|run_sync|run_streamed)$/.test(q)) return bound(positional[0] ?? keywords.get('starting_agent'));
  if (fn.type === 'attribute') return bound(fn.childForFieldName('object') ?? undefined);
  return false;
}

function jsToolBinding(n: N, qualName: (n: N) => string): boolean {
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
  const q = qualName(n.callee);
  const opts = n.arguments.find((a) => unwrap(a).type === 'ObjectExpression');
  const tools = opts ? objProp(opts, 'tools')?.value : undefined;
  if (tools) return !jsEmpty(tools);
  if (n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && JS_BIND_TOOLS.test(n.callee.property.name)) return true;
  if (JS_AGENT_FACTORY.test(q)) return true;
  return false;
}

function jsEmpty(v: N): boolean {
  const u = unwrap(v);
  return (u.type === 'ArrayExpression' && u.elements.length === 0) || (u.type === 'ObjectExpression' && u.properties.length === 0) || (u.type === 'Identifier' && u.name === 'undefined') || (u.type === 'Literal' && u.value === null);
}

/** Does this JS model call offer tools to the model? */
export function jsCallHasTools(call: TSESTree.CallExpression | TSESTree.NewExpression, qualName: (n: N) => string, values: JsValues): boolean {
  for (const a of call.arguments) {
    if (unwrap(a).type !== 'ObjectExpression') continue;
    for (const k of ['tools', 'functions']) {
      const v = objProp(a, k)?.value;
      if (v && !jsEmpty(v)) return true;
    }
  }
  const q = qualName(call.callee);
  const bound = (n: N | undefined): boolean => !!n && !!values.find(n, (x) => (jsToolBinding(x, qualName) ? 'tools' : undefined));
  // OpenAI Agents SDK: run(agent, input)
  if (/(^|\.)(@openai\/agents\.)?run$/.test(q) && call.arguments.length >= 2 && !(call.callee.type === 'MemberExpression')) return bound(call.arguments[0]);
  if (call.callee.type === 'MemberExpression') return bound(call.callee.object);
  return false;
}

// ---------------------------------------------------------------- roles

/** Keyword arguments / properties that hold the system prompt of a call. */
export const PY_SYSTEM_KEYWORDS = new Set(['system', 'instructions', 'system_instruction', 'system_prompt', 'system_message', 'preamble', 'backstory']);
export const JS_SYSTEM_PROPERTIES = new Set(['system', 'instructions', 'systemInstruction', 'systemPrompt', 'preamble']);
export const SYSTEM_ROLES = new Set(['system', 'developer']);
/** Roles whose content is the result channel of a tool call (the designated place for tool output). */
export const TOOL_RESULT_ROLES = new Set(['tool', 'function', 'ipython']);

export function pyRoleOf(dict: PyNode): string | undefined {
  if (dict.type !== 'dictionary') return undefined;
  for (const p of dict.namedChildren) {
    if (p.type === 'pair' && pyStringValue(p.childForFieldName('key')) === 'role') return pyStringValue(p.childForFieldName('value'));
  }
  return undefined;
}

export function jsRoleOf(obj: N): string | undefined {
  const u = unwrap(obj);
  if (u.type !== 'ObjectExpression') return undefined;
  for (const p of u.properties) if (p.type === 'Property' && propName(p) === 'role') return jsStringValue(p.value);
  return undefined;
}

/** Does the Python call (or the model object it is called on) carry a separate system prompt? */
export function pyCallHasSystem(call: PyNode, qualName: (n: PyNode) => string, values: PyValues): boolean {
  const { keywords } = pyArgs(call);
  for (const k of keywords.keys()) if (PY_SYSTEM_KEYWORDS.has(k)) return true;
  const fn = call.childForFieldName('function');
  const recv = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  if (!recv) return false;
  return !!values.find(recv, (x) => {
    if (x.type !== 'call') return undefined;
    for (const k of pyArgs(x).keywords.keys()) if (PY_SYSTEM_KEYWORDS.has(k)) return 'system';
    return undefined;
  });
}

export function jsCallHasSystem(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (u.type !== 'ObjectExpression') continue;
    for (const p of u.properties) if (p.type === 'Property' && JS_SYSTEM_PROPERTIES.has(propName(p) ?? '')) return true;
  }
  return false;
}
