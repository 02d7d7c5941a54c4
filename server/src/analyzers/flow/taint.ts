/**
 * Taint values shared by the Python and JS/TS data-flow engines.
 * A value is tainted by one or more source kinds (model output, untrusted input) and may have been
 * sanitized for some sink contexts (escaped for HTML, quoted for a shell, parsed as data...).
 */

/**
 * 'model': model output, including tool-call arguments (a tool argument is text the model chose);
 * 'input': request / CLI / stdin data from a user; 'tool': only tool-call arguments.
 */
export type SourceKind = 'model' | 'input' | 'tool';
/**
 * Where a value ends up. 'image': HTML whose remote images (`<img src>`) load by themselves, so a URL
 * the model wrote can carry data out (markdown image exfiltration); escaping for 'html' often keeps them.
 */
export type SinkContext = 'code' | 'shell' | 'sql' | 'html' | 'path' | 'url' | 'template' | 'dispatch' | 'image' | 'option';

export const MODEL = 1;
export const INPUT = 2;
/** Arguments of an agent tool (MCP, LangChain, OpenAI function calling, Vercel AI): chosen by the model. */
export const TOOL = 4;
/**
 * Set with TOOL when the tool is served by an MCP server (`server.tool`, `registerTool`, a `tools/call`
 * handler, `@mcp.tool()`): the server offers the tool to whichever MCP client connects, and that client (the
 * host) decides whether and when a call runs.
 */
export const MCP_TOOL = 8;
/** 'option': a command-line argument of a program run without a shell, where a value starting with `-` is an option. */
export const CTX: Record<SinkContext, number> = { code: 1, shell: 2, sql: 4, html: 8, path: 16, url: 32, template: 64, dispatch: 128, image: 256, option: 512 };
export const ALL_CONTEXTS = 1023;
/**
 * Not a sink context but a mark kept with the sanitized bits: the path was normalised
 * (realpath/abspath/resolve), so a later `startswith(base)` check really confines it.
 */
export const PATH_NORMALIZED = 1 << 12;
/**
 * Marks kept with the sanitized bits for markdown: MARKDOWN_RENDERED = the value is HTML produced by a
 * markdown renderer (marked, markdown.markdown...); MARKDOWN_IMAGES_STRIPPED = markdown images were
 * removed from the text, so rendering it later loads no remote image.
 */
export const MARKDOWN_RENDERED = 1 << 13;
export const MARKDOWN_IMAGES_STRIPPED = 1 << 14;
/**
 * A mark for paths: the last component is not model-chosen (`path.join(dir, 'app.json')`, a name from a
 * directory listing), so the model picks at most the directory. Reading such a path is not an arbitrary-file
 * read; path rules decide per sink (writing or deleting in a model-chosen directory still is a risk).
 */
export const PATH_NAME_FIXED = 1 << 15;
/**
 * A mark kept with the sanitized bits: a check the engine models with its branches confined the value (an
 * assertion helper called before the use, a tool's validator hook, a file-type check in its branch or before an
 * early exit). Syntactic rules that look for a guard in the handler text defer to it.
 */
export const CHECKED_BY_HELPER = 1 << 16;
/**
 * A mark for paths: a normalised path passed a prefix check whose prefix does not end with a separator
 * (`full.startsWith(base)`): it is the base, inside it, or a sibling whose name starts like it (`/srv/data-x`).
 * Not a confinement for reading, writing or deleting; enough for creating a directory.
 */
export const PATH_PREFIX_CHECKED = 1 << 17;

/** The result of rendering markdown: raw markdown images become `<img>`, unless they were stripped first. */
export function renderMarkdown(t: Taint | undefined): Taint | undefined {
  if (!t) return t;
  const imageSafe = t.sanitized & MARKDOWN_IMAGES_STRIPPED ? CTX.image : 0;
  const out: Taint = { ...t, sanitized: (t.sanitized & ~CTX.image) | imageSafe | MARKDOWN_RENDERED };
  if (t.sourceSanitized) out.sourceSanitized = t.sourceSanitized & ~CTX.image;
  return out;
}

/** Contexts a membership / equality check against constants makes safe. */
export const ALLOWLIST_CONTEXTS = CTX.path | CTX.url | CTX.template | CTX.dispatch | CTX.option;

export interface Taint {
  /** Bit set of source kinds (MODEL | INPUT). */
  kinds: number;
  /** Bit set of sink contexts this value has been sanitized for. */
  sanitized: number;
  /** Short description of where the value came from, e.g. `client.chat.completions.create(...)`. */
  origin: string;
  /** Offset (view text) of the source expression. */
  originStart: number;
  /** Bit set of the parameters of `fn` the value carries (symbolic until a call site or a rule resolves them: flow/core.ts). */
  params?: number;
  /** Key of the function whose parameters `params` names. */
  fn?: string;
  /** The value is this property of the parameters in `params` (`opts.path`), not the whole objects (flow/core.ts fieldOf). */
  field?: string;
  /**
   * The value is text built around the source (concatenation, interpolation, `format`, `join`), not the
   * source value itself: a command or a query with the value inside, as opposed to the value used whole.
   */
  built?: boolean;
  /**
   * Contexts some properties of this object value were checked for, beyond `sanitized`: the arguments of a tool
   * whose validator hook (run by the tool framework before the handler) confined `args.path`. Reading property p
   * gives the object's taint sanitized for `fieldSanitized[p]` too (`narrowField`).
   */
  fieldSanitized?: Readonly<Record<string, number>>;
  /**
   * Contexts the value coming from parameter i (bit i of `params`) was sanitized for beyond `sanitized`: a join
   * of `relative(root, checked)` keeps that `checked` was confined though `root` (another parameter) was not.
   */
  paramSanitized?: Readonly<Record<number, number>>;
  /**
   * Contexts the real-source part of the value (`kinds`) was sanitized for beyond `sanitized`: a join of a
   * confined tool argument with a parameter of the enclosing function (`subdir ? confine(subdir) : config.root`)
   * keeps that the argument was confined while the parameter, resolved later, may bring anything.
   */
  sourceSanitized?: number;
}

/** The contexts the real-source part of `t` (its kinds) was sanitized for. */
export function sourceContexts(t: Taint): number {
  return t.sanitized | (t.sourceSanitized ?? 0);
}

/** The contexts the part of `t` that parameter i contributes was sanitized for. */
export function paramContexts(t: Taint, i: number): number {
  return t.sanitized | (t.paramSanitized?.[i] ?? 0);
}

/** The value now has text built around its sources (string concatenation, interpolation, format, join). */
export function markBuilt(t: Taint | undefined): Taint | undefined {
  return t && !t.built ? { ...t, built: true } : t;
}

export function kindBit(kind: SourceKind | SourceKind[]): number {
  if (Array.isArray(kind)) return kind.reduce((bits, k) => bits | kindBit(k), 0);
  return kind === 'model' ? MODEL | TOOL : kind === 'tool' ? TOOL : INPUT;
}

/** Union of two taints: sources add up; a value is sanitized for a context only if every part is. */
export function join(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  // the origin of a real source wins over a parameter's
  const first = !a.kinds && b.kinds ? b : a;
  const t: Taint = { kinds: a.kinds | b.kinds, sanitized: a.sanitized & b.sanitized, origin: first.origin, originStart: first.originStart };
  // the real sources keep what they were sanitized for when the other part is only parameters (resolved later)
  if (a.kinds || b.kinds) {
    const src = (a.kinds ? sourceContexts(a) : ~0) & (b.kinds ? sourceContexts(b) : ~0) & ~t.sanitized;
    if (src) t.sourceSanitized = src;
  }
  // built on every path: where one path brings the value whole (a query the caller wrote), the sink runs whole values
  if (a.built && b.built) t.built = true;
  // a property is checked only where every part checked it (or is sanitized for it as a whole)
  if (a.fieldSanitized || b.fieldSanitized) {
    const fields: Record<string, number> = {};
    let any = false;
    for (const k of new Set([...Object.keys(a.fieldSanitized ?? {}), ...Object.keys(b.fieldSanitized ?? {})])) {
      const bits = ((a.sanitized | (a.fieldSanitized?.[k] ?? 0)) & (b.sanitized | (b.fieldSanitized?.[k] ?? 0))) & ~t.sanitized;
      if (bits) {
        fields[k] = bits;
        any = true;
      }
    }
    if (any) t.fieldSanitized = fields;
  }
  if (a.params && (!b.params || a.fn === b.fn)) {
    t.params = a.params | (b.params ?? 0);
    t.fn = a.fn;
    // a property survives only when every part with parameters reads that same property
    const field = !b.params ? a.field : a.field === b.field ? a.field : undefined;
    if (field) t.field = field;
    joinParamSanitized(t, a, a.fn === b.fn ? b : undefined);
  } else if (b.params) {
    t.params = b.params;
    t.fn = b.fn;
    if (b.field) t.field = b.field;
    joinParamSanitized(t, b, undefined);
  }
  return t;
}

/** Property `prop` of an object value: sanitized for what a check of that property confined (`fieldSanitized`). */
export function narrowField(t: Taint | undefined, prop: string): Taint | undefined {
  if (!t?.fieldSanitized) return t;
  const { fieldSanitized, ...rest } = t;
  const bits = Object.prototype.hasOwnProperty.call(fieldSanitized, prop) ? fieldSanitized[prop] : 0;
  return bits ? sanitize(rest, bits) : rest;
}

/** Per-parameter sanitization of a join: parameter i is sanitized for what every part carrying it was. */
function joinParamSanitized(t: Taint, a: Taint, b: Taint | undefined): void {
  if (!t.params || (!a.sanitized && !a.paramSanitized && !b?.sanitized && !b?.paramSanitized)) return;
  const out: Record<number, number> = {};
  let any = false;
  for (let i = 0; i < 24; i++) {
    const bit = 1 << i;
    if (!(t.params & bit)) continue;
    let eff = ~0;
    if ((a.params ?? 0) & bit) eff &= paramContexts(a, i);
    if (b && (b.params ?? 0) & bit) eff &= paramContexts(b, i);
    const extra = eff & ~t.sanitized;
    if (extra && eff !== ~0) {
      out[i] = extra;
      any = true;
    }
  }
  if (any) t.paramSanitized = out;
}

export function joinAll(list: (Taint | undefined)[]): Taint | undefined {
  let t: Taint | undefined;
  for (const x of list) t = join(t, x);
  return t;
}

export function sanitize(t: Taint | undefined, contexts: number): Taint | undefined {
  if (!t) return t;
  if ((contexts & ALL_CONTEXTS) === ALL_CONTEXTS) return undefined;
  return { ...t, sanitized: t.sanitized | contexts };
}

/** The taint of a value if it carries `kind` and is not sanitized for `context`. */
export function reaches(t: Taint | undefined, kind: SourceKind | SourceKind[], context?: SinkContext): Taint | undefined {
  if (!t || !(t.kinds & kindBit(kind))) return undefined;
  if (context && sourceContexts(t) & CTX[context]) return undefined;
  return t;
}

/** Shorten a source expression for messages. */
export function describe(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  const paren = one.indexOf('(');
  const head = paren > 0 ? `${one.slice(0, paren)}(...)` : one;
  return head.length > 60 ? `${head.slice(0, 57)}...` : head;
}

/** A scope that records which variables a guarded variable was derived from (`host = urlparse(url).hostname`). */
export interface DerivingScope {
  readonly parent?: DerivingScope;
  readonly derived: Map<string, string[]>;
}

/** The guarded keys plus what they were derived from, up to three steps back, nearest scope first. */
export function expandDerived(keys: string[], env: DerivingScope): string[] {
  const out = new Set(keys);
  for (let depth = 0; depth < 3; depth++) {
    for (const k of [...out]) {
      for (let e: DerivingScope | undefined = env; e; e = e.parent) {
        const from = e.derived.get(k);
        if (from) {
          for (const f of from) out.add(f);
          break;
        }
      }
    }
  }
  return [...out];
}

/**
 * Inputs of the local process (its stdin, command line, a terminal prompt): whoever writes them started the
 * process and can already run code as its user (a parent process handing pickled state to its worker, a CLI
 * launching the server its user names), so they cross no trust boundary. Tool arguments and requests do.
 */
const LOCAL_PROCESS_INPUT = /^(sys\.stdin|sys\.argv|input\(|raw_input\(|process\.stdin|process\.argv)/;

/** The untrusted data of `t` comes only from the process's own invoker (no model, no request). */
export function localProcessOnly(t: Taint): boolean {
  return t.kinds === INPUT && LOCAL_PROCESS_INPUT.test(t.origin);
}
