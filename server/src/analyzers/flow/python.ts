/**
 * The Python adapter of the flow engine (flow/core.ts holds the language-neutral part).
 *
 * One linear walk per scope (module, then each function) in source order records, for every
 * identifier read, the taint its variable held at that point. The taint of any expression is then
 * computed structurally from those reads (attributes, subscripts, f-strings, `%`, `+`, `.format`,
 * `.join`, `await`...). Assignments are strong updates (the last one wins), which keeps it linear.
 * This file maps tree-sitter syntax onto the core: definitions (functions, methods with their class,
 * classes with their bases), parameters, assignments and `self.x` fields, calls (same-file functions,
 * methods through `self`/instances/`super()`, imported functions of other workspace files), sources,
 * sanitizers and guards.
 */
import type { PyNode as Node } from '../python/tree';
import type { TextEdit } from '../../engine/model';
import type { PythonView } from '../../engine/views';
import {
  MUTATING_METHODS, PY_INPUT_CALLS, PY_INPUT_READS, PY_LLM_MODULES, PY_MODEL_CALL_SUFFIXES,
  PY_MODEL_FACTORIES, PY_MODEL_FUNCTIONS, PY_MODEL_METHODS, PY_PASSTHROUGH, PY_REQUEST_ATTRS, PY_REQUEST_METHODS, PY_SANITIZERS, REQUEST_NAMES, PY_SANITIZER_METHODS, PY_PATH_NAME_ATTRS, PY_TOOL_DECORATORS, TOOL_CONTEXT_PARAMS,
  TOOL_CONTEXT_TYPES, PY_TOOL_BASES, TOOL_CALL_RECEIVER, PATH_GUARD_METHODS, COLLECTION_GUARD_METHODS, VALIDATOR_NAME, GUARD_CONTEXTS,
  PY_MARKDOWN_RENDERERS, } from './tables';
import type { SinkContext, SourceKind, Taint } from './taint';
import { ALL_CONTEXTS, CTX, INPUT, MCP_TOOL, MODEL, PATH_NAME_FIXED, PATH_PREFIX_CHECKED, TOOL, describe, join, joinAll, markBuilt, sanitize } from './taint';
import { Env, FlowCore, callTaint, componentOnlyPattern, componentOnlyReplacement, confine, confinedFor, confinedForPath, isModelCallName, isModelMethodCall, isTainted, paramTaint, sanitizerContexts } from './core';
import type { CallSemantics, CallView, LibraryTables } from './core';
import { CrossFile } from './project';
import type { FileSummary, ProjectIndex } from './project';
import { own } from '../own';
import { pyToolGivenToAgent } from '../agentContext';
import type { FileRole } from '../../engine/fileRole';

export interface PyFlow {
  /** The taint of an expression, at the point it is evaluated. */
  taintOf(node: Node): Taint | undefined;
  /** The taint of `node` if it carries `kind` and is not sanitized for `context`. */
  reaches(node: Node, kind: SourceKind | SourceKind[], context?: SinkContext): Taint | undefined;
  /** Dotted callee path with import aliases resolved (`sp.run` -> `subprocess.run`). */
  qualName(node: Node): string;
  /** Every call node of the file, in source order. */
  calls: Node[];
  /** What this file offers the other files of the workspace (cross-file flow). */
  fileSummary(): FileSummary;
}

/** The flow of a tree, with the inputs it was built from (a tree handed from the project index to an analysis gets its own). */
const cache = new WeakMap<object, { flow: PyFlow; view: PythonView; path?: string; project?: unknown; role?: string }>();

export function pythonFlow(view: PythonView): PyFlow {
  const c = cache.get(view.root);
  if (c && (c.view === view || (c.path === view.path && c.project === view.project && c.role === view.role))) return c.flow;
  const flow = new PythonFlowBuilder(view.root, view.text, view.path, view.project, view.role).build();
  cache.set(view.root, { flow, view, path: view.path, project: view.project, role: view.role });
  return flow;
}

/** Named children (the mirror's cached array: read it, do not change it). */
export function kids(n: Node): Node[] {
  return n.namedChildren;
}

/** The arguments of a call, as pyArgs lists them (shared: read them, do not change them). */
export interface PyArgs {
  readonly positional: readonly Node[];
  readonly keywords: ReadonlyMap<string, Node>;
  readonly all: readonly Node[];
}

/** `f(a, b=1)` -> positional args and keyword args; listed once per call node (the flow and many rules ask again and again). */
export function pyArgs(call: Node): PyArgs {
  return call.memo('pyArgs', listArgs);
}

function listArgs(call: Node): PyArgs {
  const args = call.childForFieldName('arguments');
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const all: Node[] = [];
  if (args && args.type === 'argument_list') {
    for (const a of kids(args)) {
      if (a.type === 'comment') continue;
      all.push(a);
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name');
        const value = a.childForFieldName('value');
        if (name && value) keywords.set(name.text, value);
      } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') positional.push(a);
    }
  }
  return { positional, keywords, all };
}

/** The keyword_argument node named `name`, if present. */
export function pyKeywordNode(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  return kids(args).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

/** Annotations of tool parameters that hold no free text (FastMCP, LangChain and pydantic validate the arguments against them). */
const CLOSED_TOOL_TYPE = /^(Optional\[\s*)?((typing\.)?Literal\[|(int|float|bool)\s*(\]|\||$))/;

/** Path joins whose last argument names the file. */
const PY_PATH_JOIN = /^(os\.path\.join|posixpath\.join|ntpath\.join|(pathlib\.)?(Path|PurePath|PosixPath|PurePosixPath))$/;

/** The value of a plain string literal (no interpolation), else undefined. */
export function pyStringValue(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'parenthesized_expression') return pyStringValue(kids(n)[0]);
  if (n.type === 'concatenated_string') {
    let s = '';
    for (const c of kids(n)) {
      const v = pyStringValue(c);
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  }
  if (n.type !== 'string') return undefined;
  let s = '';
  for (const c of kids(n)) {
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_content' || c.type === 'escape_sequence') s += c.text;
  }
  return s;
}

/** The function/lambda body text offsets of a string's content (between the quotes). */
export function pyStringContent(n: Node): { start: number; end: number } | undefined {
  const start = kids(n).find((c) => c.type === 'string_start');
  const end = kids(n).find((c) => c.type === 'string_end');
  if (!start || !end) return undefined;
  return { start: start.endIndex, end: end.startIndex };
}

/** An edit adding `keyword` (e.g. `weights_only=True`) at the end of the closing parenthesis of a call's argument list. */
export function pyAddKeywordEdit(text: string, call: Node, keyword: string): TextEdit | undefined {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const close = args.child(args.childCount - 1);
  if (!close || close.type !== ')') return undefined;
  const last = args.child(args.childCount - 2);
  if (!last || last.type === '(') return { start: close.startIndex, end: close.startIndex, newText: keyword };
  if (last.type !== ',') return { start: last.endIndex, end: last.endIndex, newText: `, ${keyword}` };
  // one argument per line with a trailing comma: add a line in the same style
  const lastArg = args.child(args.childCount - 3);
  const lineStart = text.lastIndexOf('\n', (lastArg ?? last).startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const multiline = text.slice(args.startIndex, close.startIndex).includes('\n');
  return multiline
    ? { start: last.endIndex, end: last.endIndex, newText: `\n${indent}${keyword},` }
    : { start: last.endIndex, end: last.endIndex, newText: ` ${keyword}` };
}

class PythonFlowBuilder implements CallSemantics<Node> {
  private readonly core: FlowCore<number>;
  private readonly imports = new Map<string, string>();
  private readonly modelObjects = new Set<string>();
  /** Variables (names or `self.x`) holding an instance of a class of this file. */
  private readonly instances = new Map<string, string>();
  /** Variables holding an instance of a class imported from another workspace file: the class's qualified name. */
  private readonly importedInstances = new Map<string, string>();
  /** `self.x` fields assigned a function of this file: `self.x(...)` calls it. */
  private readonly fnFields = new Map<string, string>();
  private readonly calls: Node[] = [];
  /** Methods read as attributes (`@property`): `self.script` runs `Class.script`. */
  private readonly properties = new Set<string>();
  /** Module-level names bound to a literal collection of constants (allow-lists). */
  private readonly constants = new Set<string>();
  /** The first value assigned to each name (`BASE = ROOT + os.sep`), to read what a prefix check compares with. */
  private readonly inits = new Map<string, Node>();
  private readonly functions: { node: Node; env: Env }[] = [];
  /** Function definition node id -> its key and class. */
  private readonly fnInfo = new Map<number, { key: string; cls?: string; method: boolean }>();

  private readonly cross: CrossFile;
  private readonly compute = (n: Node): Taint | undefined => this.computeExpr(n);
  private readonly classSupers: { name: string; supers: Node[] }[] = [];

  /** `self.method(...)`: the methods of other workspace files it may run (overrides in subclasses there, an imported base's method). */
  private selfTargets(fn: Node, keys: string[]): { path: string; name: string }[] {
    if (!this.cross.enabled || fn.type !== 'attribute') return [];
    const recv = fn.childForFieldName('object');
    if (recv?.type !== 'identifier' || (recv.text !== 'self' && recv.text !== 'cls')) return [];
    const cls = this.enclosingClass(fn);
    if (!cls) return [];
    return this.cross.methodTargets(this.core.ancestors(cls), fn.childForFieldName('attribute')?.text ?? '', !keys.length);
  }

  constructor(private readonly root: Node, private readonly text: string, path?: string, project?: ProjectIndex, private readonly role?: FileRole) {
    this.qualNames = new Array<string | undefined>(root.lastId + 1).fill(undefined);
    // node ids are the tree's preorder numbers: the reads are kept in arrays
    this.core = new FlowCore<number>(root.lastId + 1);
    // the file's summary with another project: a new walk over the same tree (the tree is only read)
    this.cross = new CrossFile(this.core, path, project, (other) => new PythonFlowBuilder(root, text, path, other, role).build().fileSummary());
  }

  build(): PyFlow {
    this.cross.start(this.text);
    this.collect(this.root);
    // bases imported from other workspace files (after collect: the imports are known)
    for (const c of this.classSupers) this.cross.noteClass(c.name, c.supers.map((b) => this.qualName(b)));
    // summaries first (helpers calling helpers: a few rounds), then the recording pass
    let modelObjectsBefore = 0;
    this.core.settle(() => {
      modelObjectsBefore = this.modelObjects.size;
      this.walkModule();
    }, () => this.modelObjects.size === modelObjectsBefore);
    // what other files pass to this file's functions only matters when taints are resolved, after the walks
    this.cross.finish();
    return {
      ...this.core.freeze((n: Node) => this.evalExpr(n)),
      qualName: (n) => this.qualName(n),
      calls: this.calls,
      fileSummary: () => this.cross.summary(),
    };
  }

  /** One pass over the file: imports and the list of calls. */
  private collect(root: Node): void {
    const stack: Node[] = [root];
    const calls: Node[] = [];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'call') calls.push(n);
      else if (n.type === 'function_definition') this.declareFunction(n);
      else if (n.type === 'assignment') {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (n.parent?.parent?.type === 'module' && left?.type === 'identifier' && right && isLiteralCollection(right)) this.constants.add(left.text);
        if (left?.type === 'identifier' && right && !this.inits.has(left.text)) this.inits.set(left.text, right);
      }
      else if (n.type === 'class_definition') {
        const name = n.childForFieldName('name')?.text;
        const supers = n.childForFieldName('superclasses');
        const superNodes = supers ? kids(supers).filter((b) => b.type === 'identifier' || b.type === 'attribute') : [];
        if (name) this.core.declareClass(name, superNodes.map((b) => b.text.split('.').pop() ?? b.text));
        if (name && superNodes.length) this.classSupers.push({ name, supers: superNodes });
      }
      else if (n.type === 'import_statement') {
        for (const c of kids(n)) {
          if (c.type === 'dotted_name') this.imports.set(c.text.split('.')[0], c.text.split('.')[0]);
          else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) this.imports.set(alias, name);
          }
        }
      } else if (n.type === 'import_from_statement') {
        const mod = n.childForFieldName('module_name')?.text ?? '';
        for (const c of n.childrenForFieldName('name')) {
          if (!c) continue;
          // `from . import x` is `.x`, `from .m import x` is `.m.x`
          const prefix = mod.endsWith('.') ? mod : `${mod}.`;
          if (c.type === 'dotted_name') this.imports.set(c.text, `${prefix}${c.text}`);
          else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) this.imports.set(alias, `${prefix}${name}`);
          }
        }
      }
      const cs = n.namedChildren;
      for (let i = cs.length - 1; i >= 0; i--) {
        const c = cs[i];
        if (c) stack.push(c);
      }
    }
    calls.sort((a, b) => a.startIndex - b.startIndex);
    this.calls.push(...calls);
  }

  /**
   * qualName by node id: imports are fixed once collect() has run, so a node's name never changes. One slot per
   * node of the tree, filled up front: an array written at scattered ids from empty turns into a dictionary.
   */
  private readonly qualNames: (string | undefined)[];

  qualName(n: Node): string {
    let q = this.qualNames[n.id];
    if (q === undefined) {
      q = this.computeQualName(n);
      this.qualNames[n.id] = q;
    }
    return q;
  }

  private computeQualName(n: Node): string {
    switch (n.type) {
      case 'identifier':
        return this.imports.get(n.text) ?? n.text;
      case 'attribute': {
        const obj = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute')?.text ?? '';
        return obj ? `${this.qualName(obj)}.${attr}` : attr;
      }
      case 'call': {
        const fn = n.childForFieldName('function');
        return fn ? `${this.qualName(fn)}()` : '()';
      }
      case 'subscript': {
        const v = n.childForFieldName('value');
        return v ? `${this.qualName(v)}[]` : '[]';
      }
      case 'parenthesized_expression': {
        const k = kids(n)[0];
        return k ? this.qualName(k) : '';
      }
      default:
        return n.type === 'string' ? '""' : n.type;
    }
  }

  // ---------------------------------------------------------------- walking

  private walkModule(): void {
    this.functions.length = 0;
    const env = new Env();
    this.walkBlock(this.root, env, undefined);
    // functions are analysed after the scope that defines them, with that scope's final state visible
    for (let i = 0; i < this.functions.length; i++) {
      const { node, env: outer } = this.functions[i];
      this.walkFunction(node, outer);
    }
  }

  /** Record a function definition: its key (`name`, or `Class.name` for a method) and parameter names. */
  private declareFunction(fn: Node): void {
    const name = fn.childForFieldName('name')?.text;
    if (!name) return;
    const cls = classOf(fn);
    const method = !!cls && !isStatic(fn);
    const key = cls ? `${cls}.${name}` : name;
    const params = fn.childForFieldName('parameters');
    const names = (params ? kids(params) : []).map((p) => paramName(p) ?? '').filter((p, i) => !(method && i === 0));
    this.fnInfo.set(fn.id, { key, cls, method });
    if (cls && fn.parent?.type === 'decorated_definition' && kids(fn.parent).some((d) => d.type === 'decorator' && /^@\s*(property|cached_property|functools\.cached_property)\b/.test(d.text))) this.properties.add(key);
    this.core.declareFunction({ key, name, cls, params: names });
  }

  private walkFunction(fn: Node, outer: Env): void {
    const env = new Env(outer);
    const params = fn.childForFieldName('parameters');
    const routeHandler = isRouteHandler(fn);
    const tool = this.handedOver(this.toolName(fn), fn);
    const mcp = tool !== undefined && this.mcpTool(fn);
    const info = this.fnInfo.get(fn.id);
    if (params) {
      let index = info?.method ? -1 : 0;
      for (const p of kids(params)) {
        const i = index++;
        const name = paramName(p);
        if (!name) continue;
        const type = p.childForFieldName('type')?.text ?? '';
        const dflt = p.childForFieldName('value')?.text ?? '';
        if (tool !== undefined && !TOOL_CONTEXT_PARAMS.test(name) && !TOOL_CONTEXT_TYPES.test(type)) {
          // language: Literal["python", "js"], count: int: the framework validates the arguments against the annotations
          env.vars.set(name, CLOSED_TOOL_TYPE.test(type) ? undefined : { kinds: TOOL | (mcp ? MCP_TOOL : 0), sanitized: 0, origin: `tool argument ${name} of ${tool}`, originStart: p.startIndex });
          continue;
        }
        const untrusted = routeHandler && name !== 'self' && name !== 'request' && name !== 'req' && !/Request|Session|Depends|BackgroundTasks|WebSocket|Response|Db|Connection/.test(type) && !/Depends|Security/.test(dflt);
        if (untrusted) env.vars.set(name, { kinds: INPUT, sanitized: 0, origin: `route parameter ${name}`, originStart: p.startIndex });
        else env.vars.set(name, info && i >= 0 && p.type !== 'list_splat_pattern' && p.type !== 'dictionary_splat_pattern' ? paramTaint(info.key, i, name, p.startIndex) : undefined);
      }
    }
    const ret: Returns = { returns: undefined };
    const body = fn.childForFieldName('body');
    if (body) this.walkBlock(body, env, ret);
    if (info) this.core.setSummary(info.key, ret.returns, ret.unset ? this.unsetRootReturns(ret, ret.unset, body) : undefined);
  }

  /**
   * `if self.root_dir is None: return Path(p)` in a helper whose other returns are confined to that root
   * (`return confine(Path(self.root_dir), p)`): the helper confines whenever a root is configured, and with no root
   * configured there is nothing to confine to (the tool was set up to reach any file, the owner's choice). Its
   * summary is confined for paths. When another return is not confined, or the root is not used by the rest of
   * the function, the early return is what it is.
   */
  private unsetRootReturns(ret: Returns, unset: { t: Taint | undefined; roots: string[] }, body: Node | null): Taint | undefined {
    const confined = ret.returns;
    if (!unset.t || !confined || !body || !confinedForPath(confined)) return unset.t;
    const reads = new Set<string>();
    const stack: Node[] = [body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'if_statement' && unset.roots.includes(this.unsetRoot(n.childForFieldName('condition')) ?? '')) continue;
      if (n.type === 'identifier' || n.type === 'attribute') {
        const key = dottedKey(n);
        if (key) reads.add(key);
      }
      for (const c of kids(n)) stack.push(c);
    }
    return unset.roots.every((r) => reads.has(r)) ? sanitize(unset.t, CTX.path) : unset.t;
  }

  /**
   * `x is None`, `x == None`, `not x` where `x` is a plain name or a `self.` field no source reaches: a check that a
   * setting is absent. The key of `x`, else undefined.
   */
  private unsetRoot(cond: Node | null | undefined): string | undefined {
    if (!cond) return undefined;
    let x: Node | undefined;
    if (cond.type === 'not_operator') x = cond.childForFieldName('argument') ?? kids(cond)[0];
    else if (cond.type === 'comparison_operator') {
      const [left, right] = kids(cond);
      const ops = cond.children.filter((c): c is Node => !!c && !c.isNamed).map((c) => c.type);
      if (ops.length === 1 && (ops[0] === 'is' || ops[0] === '==') && right?.type === 'none') x = left;
    }
    const key = x && (x.type === 'identifier' || x.type === 'attribute') ? dottedKey(x) : undefined;
    return key && !isTainted(this.evalExpr(x)) ? key : undefined;
  }

  /** The class of the method that encloses `n` (a closure inside a method sees its `self`). */
  private enclosingClass(n: Node): string | undefined {
    for (let p: Node | null = n.parent; p; p = p.parent) {
      if (p.type === 'function_definition') {
        const info = this.fnInfo.get(p.id);
        if (info?.cls) return info.cls;
      }
    }
    return undefined;
  }

  /** Same-file functions a call may run, and whether it constructs an instance. */
  private calleeKeys(fn: Node): { keys: string[]; ctor?: string } {
    if (fn.type === 'identifier') {
      if (this.core.isClass(fn.text) && !this.imports.has(fn.text)) {
        const init = this.core.constructorKey(fn.text, '__init__');
        return { keys: init ? [init] : [], ctor: fn.text };
      }
      return { keys: this.imports.has(fn.text) ? [] : this.core.functionKeys(fn.text) };
    }
    if (fn.type === 'attribute') {
      const recv = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text ?? '';
      if (!recv) return { keys: [] };
      if (recv.type === 'identifier' && (recv.text === 'self' || recv.text === 'cls')) {
        const cls = this.enclosingClass(fn);
        const keys = cls ? this.core.methodKeys(cls, method) : [];
        const ref = keys.length || !this.fnFields.size ? undefined : this.fnFields.get(`self.${method}`);
        return { keys: ref ? this.core.functionKeys(ref) : keys };
      }
      const key = this.instances.size ? dottedKey(recv) : undefined;
      const cls = key ? this.instances.get(key) : undefined;
      if (cls) return { keys: this.core.methodKeys(cls, method) };
      // Base.__init__(self, ...) / super().method(...)
      if (recv.type === 'identifier' && this.core.isClass(recv.text)) return { keys: this.core.methodKeys(recv.text, method) };
      if (recv.type === 'call' && recv.childForFieldName('function')?.text === 'super') {
        const cls = this.enclosingClass(fn);
        const bases = cls ? this.core.bases.get(cls) ?? [] : [];
        for (const b of bases) {
          const keys = this.core.methodKeys(b, method).slice(0, 1);
          if (keys.length) return { keys };
        }
      }
    }
    return { keys: [] };
  }

  /** `chain.ask` where `chain` holds an instance of a class of another workspace file: that file's `RagChain.ask`. */
  private importedMethod(recv: Node | null, method: string | undefined): { path: string; name: string } | undefined {
    if (!recv || !method || !this.importedInstances.size) return undefined;
    const key = dottedKey(recv);
    const cls = key ? this.importedInstances.get(key) : undefined;
    const t = cls ? this.cross.target(cls) : undefined;
    return t ? { path: t.path, name: `${t.name}.${method}` } : undefined;
  }

  /** Positional and keyword argument taints of a call. */
  private argTaints(call: Node): { positional: (Taint | undefined)[]; keywords: Map<string, Taint | undefined> } {
    const { positional, keywords } = pyArgs(call);
    const kw = new Map<string, Taint | undefined>();
    for (const [name, v] of keywords) kw.set(name, this.evalExpr(v));
    return { positional: positional.map((a) => this.evalExpr(a)), keywords: kw };
  }

  /** Argument taints of a call, mapped onto the parameters of `key` (a `Base.__init__(self, ...)` call passes self first). */
  private callArgs(call: Node, key: string, explicitSelf: boolean): (Taint | undefined)[] {
    const { positional, keywords } = pyArgs(call);
    const pos = (explicitSelf ? positional.slice(1) : positional).map((a) => this.evalExpr(a));
    const kw = new Map<string, Taint | undefined>();
    for (const [name, v] of keywords) kw.set(name, this.evalExpr(v));
    return this.core.argsFor(key, pos, kw);
  }

  /** Does expression `e` read the variable or field `key`? */
  private readsKey(e: Node | undefined, key: string): boolean {
    if (!e) return false;
    const stack: Node[] = [e];
    while (stack.length) {
      const n = stack.pop()!;
      if ((n.type === 'identifier' || n.type === 'attribute') && dottedKey(n) === key) return true;
      for (const c of kids(n)) stack.push(c);
    }
    return false;
  }

  private walkBlock(block: Node, env: Env, ret: Returns | undefined): void {
    // indexed loops in the walk: the array iterators of for-of were a tenth of what an analysis allocated
    for (let i = 0, cs = kids(block); i < cs.length; i++) this.visit(cs[i], env, ret);
  }

  private visit(n: Node, env: Env, ret: Returns | undefined): void {
    switch (n.type) {
      case 'function_definition':
        this.functions.push({ node: n, env });
        return;
      case 'lambda':
        return;
      case 'if_statement':
      case 'elif_clause':
      case 'assert_statement':
      case 'while_statement': {
        const cond = n.childForFieldName('condition') ?? kids(n)[0];
        if (cond) {
          this.visit(cond, env, ret);
          this.applyGuards(cond, env);
        }
        // `if self.root_dir is None: return Path(p)`: an early return when a setting is absent (unsetRootReturns)
        const unset = ret && n.type === 'if_statement' && !n.childForFieldName('alternative') ? this.unsetRoot(cond) : undefined;
        const then = unset ? n.childForFieldName('consequence') : undefined;
        const last = then ? kids(then).filter((c) => c.type !== 'comment').pop() : undefined;
        if (ret && unset && then && last?.type === 'return_statement' && !this.readsKey(kids(last)[0], unset)) {
          const sub: Returns = { returns: undefined };
          this.walkBlock(then, env, sub);
          ret.unset = { t: join(ret.unset?.t, join(sub.returns, sub.unset?.t)), roots: [...(ret.unset?.roots ?? []), unset] };
          return;
        }
        for (let i = 0, cs = kids(n); i < cs.length; i++) if (cs[i].id !== cond?.id) this.visit(cs[i], env, ret);
        return;
      }
      case 'assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!right) return;
        this.visit(right, env, ret);
        if (left) this.visitTargetReads(left, env, ret);
        if (left) this.bind(left, right, env);
        return;
      }
      case 'augmented_assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!left || !right) return;
        this.visit(right, env, ret);
        this.visit(left, env, ret);
        const before = this.evalExpr(left);
        let t = join(before, this.evalExpr(right));
        // url += f"?limit={n}": what follows a URL whose origin is fixed cannot change the origin
        if (n.child(1)?.type === '+=' && t && before && confinedFor(before, CTX.url)) t = sanitize(t, CTX.url);
        this.bindTaint(left, t, env);
        return;
      }
      case 'named_expression': {
        const name = n.childForFieldName('name');
        const value = n.childForFieldName('value');
        if (!value) return;
        this.visit(value, env, ret);
        if (name) this.bind(name, value, env);
        return;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (right) this.visit(right, env, ret);
        if (left && right) this.bindTaint(left, this.evalExpr(right), env);
        for (let i = 0, cs = kids(n); i < cs.length; i++) if (cs[i].id !== left?.id && cs[i].id !== right?.id) this.visit(cs[i], env, ret);
        return;
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension': {
        const clauses = kids(n).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
        for (let i = 0; i < clauses.length; i++) this.visit(clauses[i], env, ret);
        for (let i = 0, cs = kids(n); i < cs.length; i++) if (cs[i].type !== 'for_in_clause' && cs[i].type !== 'if_clause') this.visit(cs[i], env, ret);
        return;
      }
      case 'with_item': {
        const v = n.childForFieldName('value');
        if (!v) return;
        if (v.type === 'as_pattern') {
          const value = kids(v)[0];
          const alias = v.childForFieldName('alias');
          if (value) this.visit(value, env, ret);
          const target = alias ? (alias.type === 'as_pattern_target' ? kids(alias)[0] : alias) : undefined;
          if (value && target) this.bind(target, value, env);
        } else this.visit(v, env, ret);
        return;
      }
      case 'return_statement': {
        const e = kids(n)[0];
        if (!e) return;
        this.visit(e, env, ret);
        if (ret) ret.returns = join(ret.returns, this.evalExpr(e));
        return;
      }
      case 'identifier':
        this.core.record(n.id, env.lookup(n.text));
        return;
      case 'attribute': {
        const obj = n.childForFieldName('object');
        if (obj) this.visit(obj, env, ret);
        const key = dottedKey(n);
        if (key && env.has(key)) this.core.record(n.id, env.lookup(key));
        else if (obj?.type === 'identifier' && obj.text === 'self') {
          // a field another method of the class (or a base / subclass) stored
          const cls = this.enclosingClass(n);
          const attr = n.childForFieldName('attribute')?.text ?? '';
          if (cls && this.core.hasField(cls, attr)) this.core.record(n.id, this.core.getField(cls, attr));
        }
        return;
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        if (v) this.visit(v, env, ret);
        return;
      }
      case 'call': {
        for (let i = 0, cs = kids(n); i < cs.length; i++) this.visit(cs[i], env, ret);
        const fn = n.childForFieldName('function');
        // a call of a function of this file passes its arguments to the function's parameters
        if (fn && (fn.type === 'identifier' || fn.type === 'attribute')) {
          const { keys } = this.calleeKeys(fn);
          const explicitSelf = fn.type === 'attribute' && fn.childForFieldName('object')?.type === 'identifier' && this.core.isClass(fn.childForFieldName('object')!.text);
          for (const key of keys) this.core.addCallArgs(key, this.callArgs(n, key, explicitSelf));
          const target = !keys.length && this.cross.enabled ? this.cross.target(this.qualName(fn)) : undefined;
          if (target) {
            const { positional, keywords } = this.argTaints(n);
            this.cross.noteCall(n.id, target, positional, keywords);
          }
          for (const t of this.selfTargets(fn, keys)) {
            const { positional, keywords } = this.argTaints(n);
            this.cross.noteCall(`${n.id}:${t.path}:${t.name}`, t, positional, keywords);
          }
        }
        // `parts.append(x)` makes `parts` carry x
        if (fn?.type === 'attribute') {
          const method = fn.childForFieldName('attribute')?.text ?? '';
          const recv = fn.childForFieldName('object');
          if (MUTATING_METHODS.has(method) && recv && (recv.type === 'identifier' || dottedKey(recv))) {
            const argT = joinAll(pyArgs(n).all.map((a) => this.evalExpr(a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a)));
            this.core.addTo(env, recv.type === 'identifier' ? recv.text : dottedKey(recv), argT);
          }
        }
        return;
      }
      case 'decorated_definition': {
        const def = n.childForFieldName('definition');
        if (def) this.visit(def, env, ret);
        return;
      }
      case 'class_definition': {
        const body = n.childForFieldName('body');
        if (body) this.walkBlock(body, env, undefined);
        return;
      }
      default:
        for (let i = 0, cs = kids(n); i < cs.length; i++) this.visit(cs[i], env, ret);
    }
  }

  /** Reads inside an assignment target (`d[key] = ...`, `obj.attr = ...`). */
  private visitTargetReads(left: Node, env: Env, ret: Returns | undefined): void {
    if (left.type === 'subscript') {
      const s = left.childForFieldName('subscript');
      if (s) this.visit(s, env, ret);
    }
  }

  private bind(target: Node, value: Node, env: Env): void {
    // pairwise tuple unpacking: a, b = x, y
    const tItems = isSequence(target) ? kids(target) : undefined;
    const vItems = isSequence(value) ? kids(value) : undefined;
    if (tItems && vItems && tItems.length === vItems.length) {
      tItems.forEach((t, i) => this.bind(t, vItems[i], env));
      return;
    }
    if (target.type === 'identifier' && this.isModelFactory(value)) this.modelObjects.add(target.text);
    if (value.type === 'call') {
      const f = value.childForFieldName('function');
      const key = dottedKey(target);
      // `chain = RagChain(...)` of an imported class: `chain.ask(...)` runs that file's method (when it resolves there)
      if (f?.type === 'identifier' && key && this.imports.has(f.text) && this.cross.enabled) this.importedInstances.set(key, this.imports.get(f.text)!);
      if (f?.type === 'identifier' && key && this.core.isClass(f.text) && !this.imports.has(f.text)) {
        this.instances.set(key, f.text);
        // `runner: Runner = Runner()` in a class body (pydantic / dataclass field): `self.runner` is that instance
        if (target.type === 'identifier' && target.parent?.parent?.parent?.type === 'block' && target.parent.parent.parent.parent?.type === 'class_definition') this.instances.set(`self.${key}`, f.text);
      }
    }
    // `self.processor = default_processor`: a field holding a function of this file, called later as `self.processor(x)`
    if (value.type === 'identifier' && !this.imports.has(value.text) && this.core.functionKeys(value.text).length) {
      const key = dottedKey(target);
      if (key?.startsWith('self.')) this.fnFields.set(key, value.text);
    }
    if (target.type === 'identifier' && value.type === 'binary_operator' && this.isModelChain(value)) this.modelObjects.add(target.text);
    if (target.type === 'identifier' && (value.type === 'call' || value.type === 'attribute' || value.type === 'subscript')) {
      env.derive(target.text, this.guardKeys(value, env));
    }
    this.bindTaint(target, this.evalExpr(value), env);
    // ok = is_safe_url(url): a later `if not ok:` checks url
    const call = value.type === 'await' ? kids(value)[0] : value;
    const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn?.type === 'identifier' ? fn.text : '';
    if (target.type === 'identifier' && call && VALIDATOR_NAME.test(name)) env.verdicts.set(target.text, pyArgs(call).positional.flatMap((a) => this.guardKeys(a, env)));
  }

  private bindTaint(target: Node, t: Taint | undefined, env: Env): void {
    switch (target.type) {
      case 'identifier':
        env.vars.set(target.text, t);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
        for (const c of kids(target)) this.bindTaint(c.type === 'list_splat_pattern' ? kids(c)[0] ?? c : c, t, env);
        return;
      case 'attribute': {
        const key = dottedKey(target);
        if (key) env.vars.set(key, t);
        const obj = target.childForFieldName('object');
        if (obj?.type === 'identifier' && obj.text === 'self') {
          const cls = this.enclosingClass(target);
          if (cls) this.core.setField(cls, target.childForFieldName('attribute')?.text ?? '', t);
        }
        return;
      }
      case 'subscript': {
        // a container that receives a tainted element carries it (weak update)
        const v = target.childForFieldName('value');
        if (v) this.core.addTo(env, v.type === 'identifier' ? v.text : dottedKey(v), t);
        return;
      }
      default:
        return;
    }
  }

  // ---------------------------------------------------------------- evaluation

  evalExpr(n: Node | null | undefined): Taint | undefined {
    return n ? this.core.evaluate(n.id, n, this.compute) : undefined;
  }

  private computeExpr(n: Node): Taint | undefined {
    switch (n.type) {
      case 'identifier': {
        if (this.core.hasRead(n.id)) return this.core.recorded(n.id);
        const q = this.qualName(n);
        if (PY_INPUT_READS.has(q)) return src(INPUT, n);
        return undefined;
      }
      case 'attribute': {
        if (this.core.hasRead(n.id)) return this.core.recorded(n.id);
        const obj = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute')?.text ?? '';
        if (obj && REQUEST_NAMES.test(obj.text) && PY_REQUEST_ATTRS.has(attr)) return src(INPUT, n);
        if (PY_INPUT_READS.has(this.qualName(n))) return src(INPUT, n);
        if (obj && isToolCallArguments(obj, attr)) return src(TOOL, n);
        if (obj && this.properties.size) {
          // a property of a class of this file: what its getter returns
          const cls = obj.type === 'identifier' && obj.text === 'self' ? this.enclosingClass(n) : this.instances.get(dottedKey(obj) ?? '');
          const keys = cls ? this.core.methodKeys(cls, attr).filter((k) => this.properties.has(k)) : [];
          if (keys.length) return this.core.callResult(keys, []);
        }
        if (obj && PY_PATH_NAME_ATTRS.has(attr) && obj.type === 'call' && /(^|\.)(Path|PurePath|PurePosixPath|PosixPath)$/.test(this.qualName(obj.childForFieldName('function') ?? obj))) {
          return sanitize(this.evalExpr(obj), CTX.path);
        }
        return this.evalExpr(obj);
      }
      case 'subscript':
        return this.evalExpr(n.childForFieldName('value'));
      case 'call':
        return this.evalCall(n);
      case 'string': {
        let t: Taint | undefined;
        const interpolated = new Map<Node, Taint | undefined>();
        for (const c of kids(n)) {
          if (c.type !== 'interpolation') continue;
          const v = this.evalExpr(c.childForFieldName('expression') ?? kids(c)[0]);
          interpolated.set(c, v);
          t = join(t, v);
        }
        // f"{x}" alone is the value itself; text or another value around it builds a new string
        if (t && kids(n).filter((c) => c.type === 'interpolation' || c.type === 'string_content').length > 1) t = markBuilt(t);
        const parts = kids(n).filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
        const head = parts[0];
        if (head?.type === 'string_content' && FIXED_ORIGIN.test(head.text)) return sanitize(t, CTX.url);
        // f"{API_BASE}/projects/{pid}": the server's own base URL (configuration, not the model) fixes the origin
        if (t && head?.type === 'interpolation' && parts[1]?.type === 'string_content' && /^(\/(?!\/)|\?)/.test(parts[1].text)
          && !interpolated.get(head)) return sanitize(t, CTX.url);
        return t;
      }
      case 'binary_operator': {
        const op = n.child(1)?.type;
        // each operand evaluated once: a long `a + b + c + ...` chain must stay linear
        const operands = kids(n).map((c) => this.evalExpr(c));
        const joined = joinAll(operands);
        const t = op === '+' || op === '%' ? markBuilt(joined) : joined;
        const [left, right] = kids(n);
        const lit = left ? pyStringValue(left) : undefined;
        // Path(base) / "app.json": the model picks at most the directory
        if (t && n.child(1)?.type === '/' && this.fixedLastComponent(right)) return sanitize(t, PATH_NAME_FIXED);
        if (n.child(1)?.type === '+' && lit !== undefined && FIXED_ORIGIN.test(lit)) return sanitize(t, CTX.url);
        // url + query: what follows a URL whose origin is fixed cannot change the origin
        const leftTaint = n.child(1)?.type === '+' && left ? operands[0] : undefined;
        return t && leftTaint && confinedFor(leftTaint, CTX.url) ? sanitize(t, CTX.url) : t;
      }
      case 'concatenated_string':
      case 'parenthesized_expression':
      case 'await':
      case 'tuple':
      case 'list': {
        // ["git", "diff", "--", target]: after an end-of-options marker a value is an operand, never an option
        let operands = false;
        return joinAll(kids(n).map((c) => {
          const t = this.evalExpr(c);
          const was = operands;
          if (/^--(end-of-options)?$/.test(pyStringValue(c) ?? '')) operands = true;
          return was ? sanitize(t, CTX.option) : t;
        }));
      }
      case 'set':
      case 'expression_list':
      case 'boolean_operator':
      case 'list_splat':
      case 'dictionary_splat':
      case 'starred_expression':
        return joinAll(kids(n).map((c) => this.evalExpr(c)));
      case 'conditional_expression': {
        const [a, cond, b] = kids(n);
        return join(this.membershipBranch(cond, a), this.evalExpr(b));
      }
      case 'dictionary':
        return joinAll(kids(n).map((p) => (p.type === 'pair' ? this.evalExpr(p.childForFieldName('value')) : this.evalExpr(p))));
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
        return this.evalExpr(n.childForFieldName('body'));
      case 'dictionary_comprehension': {
        const body = n.childForFieldName('body');
        return body?.type === 'pair' ? this.evalExpr(body.childForFieldName('value')) : this.evalExpr(body);
      }
      case 'named_expression':
        return this.evalExpr(n.childForFieldName('value'));
      default:
        return undefined;
    }
  }

  private evalCall(n: Node): Taint | undefined {
    const fn = n.childForFieldName('function');
    if (!fn) return undefined;
    const q = this.qualName(fn);
    const model = this.modelSource(n, fn, q);
    if (model) return model;
    const recv = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
    const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : undefined;
    if (recv && method !== undefined && REQUEST_NAMES.test(recv.text) && PY_REQUEST_METHODS.has(method)) return src(INPUT, n);
    if (PY_INPUT_CALLS.has(q)) return src(INPUT, n);
    // f(...)(...): e.g. pipeline("text-generation")(prompt)
    if (fn.type === 'call') return this.isModelFactory(fn) ? src(MODEL, n) : undefined;
    const callee = fn.type === 'identifier' || fn.type === 'attribute' ? this.calleeKeys(fn) : { keys: [] as string[], ctor: undefined };
    if (callee.ctor) {
      // a data class of this file (no __init__ of its own: @dataclass, pydantic, NamedTuple, attrs): the instance holds
      // what it is built from, and `answer.text` reads it (attribute reads of instances are their object's taint)
      if (!callee.keys.length) {
        const { positional, keywords } = this.argTaints(n);
        return joinAll([...positional, ...keywords.values()]);
      }
      return undefined;
    }
    const target = !callee.keys.length && this.cross.enabled ? this.importedMethod(recv, method) ?? this.cross.target(q) : undefined;
    if (target) {
      // a function of another workspace file: its summary there, with its parameters replaced by the arguments
      const { positional, keywords } = this.argTaints(n);
      const r = this.cross.callResult(target, positional, keywords);
      if (r) return r.t;
    }
    let local = callTaint({ node: n, name: q, method, receiverName: recv ? this.qualName(recv) : undefined, keys: callee.keys }, this, PY_LIBRARY, this.core);
    if (local && (PY_PATH_JOIN.test(q) || method === 'joinpath')) {
      // os.path.join(root, "app.json"), Path(root, entry.name), base.joinpath(name): is the last part fixed?
      const parts = pyArgs(n).positional;
      if ((method === 'joinpath' || parts.length >= 2) && this.fixedLastComponent(parts[parts.length - 1])) local = sanitize(local, PATH_NAME_FIXED);
    }
    const others = this.selfTargets(fn, callee.keys);
    if (!others.length) return local;
    let out = local;
    const { positional, keywords } = this.argTaints(n);
    for (const t of others) out = join(out, this.cross.callResult(t, positional, keywords)?.t);
    return out;
  }

  /** The last part of a path built by joining: a constant name, or a value with no taint at all (not even a parameter's). */
  private fixedLastComponent(last: Node | undefined | null): boolean {
    if (!last || last.type === 'list_splat' || this.evalExpr(last)) return false;
    const lit = pyStringValue(last);
    if (lit !== undefined) return lit !== '' && !lit.split(/[\\/]/).includes('..');
    return last.type !== 'string' && last.type !== 'concatenated_string';
  }

  // ---- CallSemantics: the Python answers for callTaint()

  argsTaint(c: CallView<Node>): Taint | undefined {
    return joinAll(pyArgs(c.node).all.map((a) => this.evalExpr(a.type === 'keyword_argument' ? a.childForFieldName('value') : a)));
  }

  receiverTaint(c: CallView<Node>): Taint | undefined {
    return this.evalExpr(c.node.childForFieldName('function')?.childForFieldName('object'));
  }

  argsFor(c: CallView<Node>, key: string): (Taint | undefined)[] {
    const recv = c.node.childForFieldName('function')?.childForFieldName('object');
    return this.callArgs(c.node, key, recv?.type === 'identifier' && this.core.isClass(recv.text));
  }

  sanitizerOf(c: CallView<Node>): number | undefined {
    if (c.method === 'sub' || c.name === 're.sub') {
      if (this.componentSlug(c)) return CTX.path;
    }
    const s = own(PY_SANITIZERS, c.name) ?? own(PY_SANITIZERS, stripCall(c.name));
    return s === undefined ? undefined : sanitizerContexts(c.name, s, (option) => pyArgs(c.node).keywords.get(option)?.text);
  }

  special(c: CallView<Node>): { t: Taint | undefined } | undefined {
    const byMethod = c.method !== undefined ? PY_SANITIZER_METHODS[c.method] : undefined;
    if (byMethod !== undefined) return { t: sanitize(c.method === 'resolve' ? this.receiverTaint(c) : join(this.receiverTaint(c), this.argsTaint(c)), byMethod) };
    const lit = c.method === 'format' ? pyStringValue(c.node.childForFieldName('function')?.childForFieldName('object')) : undefined;
    if (lit !== undefined && FIXED_ORIGIN.test(lit)) return { t: sanitize(join(this.receiverTaint(c), this.argsTaint(c)), CTX.url) };
    return undefined;
  }

  /**
   * `re.sub(r"[^a-z0-9_-]+", "-", title)` or `SAFE.sub("-", title)` with `SAFE = re.compile(r"[^a-z0-9_-]+")`: the
   * result keeps one file-name component (core.ts componentOnlyPattern), as `os.path.basename` does.
   */
  private componentSlug(c: CallView<Node>): boolean {
    const args = pyArgs(c.node).positional;
    let pattern: Node | undefined;
    let repl: Node | undefined;
    const count = pyArgs(c.node).keywords.get('count');
    // a count replaces only the first matches
    if ((count && count.text !== '0') || args.length > (c.name === 're.sub' ? 3 : 2)) return false;
    if (c.name === 're.sub') [pattern, repl] = args;
    else {
      const recv = c.node.childForFieldName('function')?.childForFieldName('object');
      const init = recv?.type === 'identifier' ? this.inits.get(recv.text) : recv ?? undefined;
      if (init?.type !== 'call' || this.qualName(init.childForFieldName('function') ?? init) !== 're.compile') return false;
      pattern = pyArgs(init).positional[0];
      repl = args[0];
    }
    const p = pattern ? pyRegexText(pattern) : undefined;
    const r = pyStringValue(repl);
    return p !== undefined && r !== undefined && componentOnlyPattern(p) && componentOnlyReplacement(r);
  }

  /** Is this call a model invocation? */
  private modelSource(n: Node, fn: Node, q: string): Taint | undefined {
    if (isModelCallName(stripCall(q), MODEL_SUFFIXES, MODEL_FUNCTIONS) || MODEL_FUNCTIONS.has(q)) return src(MODEL, n);
    if (fn.type === 'identifier' && this.modelObjects.has(fn.text)) return src(MODEL, n);
    if (fn.type === 'attribute') {
      const recv = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text ?? '';
      if (recv && PY_MODEL_METHODS.has(method)) {
        const recvName = recv.type === 'attribute' ? recv.childForFieldName('attribute')?.text ?? '' : recv.text;
        if (recv.type === 'identifier' && this.modelObjects.has(recv.text)) return src(MODEL, n);
        if ((recv.type === 'identifier' || recv.type === 'attribute') && isModelMethodCall(method, recvName, PY_MODEL_METHODS, (x) => this.imports.has(x))) return src(MODEL, n);
        if (recv.type === 'call' && this.isModelFactory(recv)) return src(MODEL, n);
      }
    }
    return undefined;
  }

  /** The tool name when `fn` is an agent tool whose parameters the model fills, else undefined. */
  /** `@mcp.tool()` / `@server.call_tool()` on a server object of this program (not a decorator imported from a library): an MCP server's tool. */
  private mcpTool(fn: Node): boolean {
    const parent = fn.parent;
    if (parent?.type !== 'decorated_definition') return false;
    return kids(parent).some((d) => {
      if (d.type !== 'decorator') return false;
      const e = kids(d)[0];
      const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
      if (callee?.type !== 'attribute') return false;
      const attr = callee.childForFieldName('attribute')?.text ?? '';
      const obj = callee.childForFieldName('object');
      return (attr === 'tool' || attr === 'call_tool') && obj?.type === 'identifier' && !this.imports.has(obj.text);
    });
  }

  private schemaNames?: Set<string>;

  /**
   * Names of the function-calling schemas written in this file: a dict with a string `"name"` next to
   * `"parameters"` / `"input_schema"` / `"inputSchema"` (OpenAI, Anthropic, MCP tool shapes).
   */
  private schemaToolNames(): Set<string> {
    if (this.schemaNames) return this.schemaNames;
    const out = new Set<string>();
    if (/["'](parameters|input_schema|inputSchema)["']/.test(this.text)) {
      for (const d of this.root.descendantsOfType('dictionary')) {
        let name: string | undefined;
        let schema = false;
        for (const pair of kids(d)) {
          if (pair.type !== 'pair') continue;
          const key = pyStringValue(pair.childForFieldName('key'));
          if (key === 'name') name = pyStringValue(pair.childForFieldName('value'));
          else if (key === 'parameters' || key === 'input_schema' || key === 'inputSchema') schema = pair.childForFieldName('value')?.type === 'dictionary';
        }
        if (name && schema) out.add(name);
      }
    }
    return (this.schemaNames = out);
  }

  /** A tool's name when its arguments are the model's: in tests, fixtures and scripts only when the file gives the tool to a model or an agent. */
  private handedOver(tool: string | undefined, fn: Node): string | undefined {
    if (tool === undefined) return undefined;
    // a tool method (`_run`) is its class; a tool function is its name
    const name = fn.childForFieldName('name');
    const cls = name?.text === '_run' || name?.text === '_arun' ? fn.parent?.type === 'block' ? fn.parent.parent : fn.parent?.parent?.type === 'block' ? fn.parent.parent.parent : undefined : undefined;
    const at = (cls?.type === 'class_definition' ? cls.childForFieldName('name') : name) ?? fn;
    return pyToolGivenToAgent(this.root, at, this.role) ? tool : undefined;
  }

  private toolName(fn: Node): string | undefined {
    const name = fn.childForFieldName('name')?.text ?? 'tool';
    const parent = fn.parent;
    if (parent?.type === 'decorated_definition') {
      for (const d of kids(parent)) {
        if (d.type !== 'decorator') continue;
        const e = kids(d)[0];
        const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
        if (!callee) continue;
        const last = this.qualName(callee).split('.').pop() ?? '';
        if (PY_TOOL_DECORATORS.test(last)) return name;
      }
    }
    // def get_weather(city: str) next to {"type": "function", "function": {"name": "get_weather", "parameters": ...}}:
    // a module-level function the file describes to a model in a function-calling schema (dispatched by name)
    if (fn.parent?.type === 'module' || (fn.parent?.type === 'decorated_definition' && fn.parent.parent?.type === 'module')) {
      if (this.schemaToolNames().has(name)) return name;
    }
    // class MyTool(BaseTool): def _run(self, query: str)
    if (name === '_run' || name === '_arun') {
      const cls = fn.parent?.type === 'block' ? fn.parent.parent : fn.parent?.parent?.type === 'block' ? fn.parent.parent.parent : undefined;
      const bases = cls?.type === 'class_definition' ? cls.childForFieldName('superclasses') : undefined;
      if (bases && kids(bases).some((b) => PY_TOOL_BASES.test(this.qualName(b)))) return cls?.childForFieldName('name')?.text ?? name;
    }
    return undefined;
  }

  /**
   * A condition that confines values for the statements after it (and inside the `if`):
   * `x in ALLOWED`, `x == "const"`, `resolved.startswith(base)` on a normalised path,
   * `re.fullmatch(pattern, x)`, `is_allowed(x)`. Flow-insensitive about which branch raises.
   */
  private applyGuards(cond: Node, env: Env): void {
    const guard = (e: Node | undefined | null, contexts: number, needsNormalized = false): void => {
      // parsed.scheme in ("http", "https") fixes the scheme only: the host is still anyone's
      if (e && !urlPartOtherThanHost(e)) confine(env, this.guardKeys(e, env), contexts, needsNormalized);
    };
    switch (cond.type) {
      case 'not_operator':
      case 'parenthesized_expression':
      case 'boolean_operator':
        for (const c of kids(cond)) this.applyGuards(c, env);
        return;
      case 'identifier':
      case 'attribute': {
        // if not ok: / if not verdict.allowed: the verdict of a validator called above
        const base = cond.type === 'attribute' ? cond.childForFieldName('object') : cond;
        const checked = base?.type === 'identifier' ? env.verdictOf(base.text) : undefined;
        if (checked?.length) confine(env, checked, GUARD_CONTEXTS);
        return;
      }
      case 'comparison_operator': {
        const [left, right] = kids(cond);
        const ops = cond.children.filter((c): c is Node => !!c && !c.isNamed).map((c) => c.type);
        if (!left || !right) return;
        if (ops.includes('in') || ops.includes('not in')) {
          // membership in a constant collection of literals: the value is one of them, safe everywhere
          if (pyStringValue(left) === undefined && this.isConstantCollection(right)) guard(left, ALL_CONTEXTS);
          else if (pyStringValue(left) === undefined && !isTainted(this.evalExpr(right)) && pyStringValue(right) === undefined) guard(left, GUARD_CONTEXTS);
          else if (pyStringValue(left) !== undefined && pyStringValue(left)!.includes('..')) guard(right, CTX.path);
        } else if (ops.includes('==') || ops.includes('!=')) {
          const constant = (x: Node): boolean => pyStringValue(x) !== undefined || /^[A-Z][A-Z0-9_]*$/.test(x.text);
          // `p.parent == BASE` fixes the folder, not the path (below)
          if (constant(right) && !this.parentOf(left)) guard(left, GUARD_CONTEXTS);
          else if (constant(left) && !this.parentOf(right)) guard(right, GUARD_CONTEXTS);
          // os.path.commonpath([base, p]) == base
          for (const side of [left, right]) {
            const fn = side.type === 'call' ? side.childForFieldName('function') : undefined;
            if (fn && /commonpath$/.test(this.qualName(fn))) guard(side, CTX.path, true);
          }
          // target.parent != reports_dir / os.path.dirname(target) == base: a normalised target sits directly in the folder
          for (const [side, other] of [[left, right], [right, left]]) {
            const target = this.parentOf(side);
            if (target && !isTainted(this.evalExpr(other))) guard(target, CTX.path, true);
          }
        }
        return;
      }
      case 'call': {
        const fn = cond.childForFieldName('function');
        if (!fn) return;
        const { positional } = pyArgs(cond);
        const q = this.qualName(fn);
        if (fn.type === 'attribute') {
          const method = fn.childForFieldName('attribute')?.text ?? '';
          const recv = fn.childForFieldName('object');
          // a prefix check confines when the prefix ends with a separator: "/srv/data-secrets" starts with "/srv/data"
          // name.startswith("-"): a check for an option (the branch that goes on is the one without)
          if (method === 'startswith' && /^--?$/.test(pyStringValue(positional[0]) ?? '')) guard(recv, CTX.option);
          else if (PATH_GUARD_METHODS.has(method)) {
            if (method !== 'startswith' || this.separatorPrefix(positional[0], 0)) guard(recv, CTX.path, true);
            else guard(recv, PATH_PREFIX_CHECKED, true);
          } else if (COLLECTION_GUARD_METHODS.has(method) && recv && !isTainted(this.evalExpr(recv))) guard(positional[0], this.isConstantCollection(recv) ? ALL_CONTEXTS : GUARD_CONTEXTS);
          else if (/^(fullmatch|match)$/.test(method)) guard(/^re\./.test(q) ? positional[1] : positional[0], GUARD_CONTEXTS);
          else if (VALIDATOR_NAME.test(method)) for (const a of positional) guard(a, GUARD_CONTEXTS);
        } else if (fn.type === 'identifier' && /^(any|all)$/.test(fn.text)) {
          // any(is_within(p, d) for d in ALLOWED): the check inside holds for the values it reads
          const args = cond.childForFieldName('arguments');
          const gen = args?.type === 'generator_expression' ? args : positional[0];
          const body = gen && /^(generator_expression|list_comprehension)$/.test(gen.type) ? gen.childForFieldName('body') : undefined;
          if (body) this.applyGuards(body, env);
        } else if (fn.type === 'identifier' && /(^|_)relative_to$/.test(fn.text)) {
          // is_relative_to(p, root): the function form of Path.is_relative_to, which confines only a normalised path
          guard(positional[0], CTX.path, true);
        } else if (fn.type === 'identifier' && VALIDATOR_NAME.test(fn.text)) for (const a of positional) guard(a, GUARD_CONTEXTS);
        return;
      }
      default:
        return;
    }
  }

  /** `p.parent` or `os.path.dirname(p)`: the path `p`, else undefined. */
  private parentOf(n: Node): Node | undefined {
    if (n.type === 'attribute' && n.childForFieldName('attribute')?.text === 'parent') return n.childForFieldName('object') ?? undefined;
    const fn = n.type === 'call' ? n.childForFieldName('function') : undefined;
    if (fn && /^(os\.path|posixpath|ntpath)\.dirname$/.test(this.qualName(fn))) return pyArgs(n).positional[0];
    return undefined;
  }

  /** `BASE + os.sep`, `"/srv/data/"`, `f"{root}/"`, or a name assigned one of them: a directory prefix that ends with a separator. */
  private separatorPrefix(n: Node | undefined | null, depth: number): boolean {
    if (!n || depth > 3) return false;
    const lit = pyStringValue(n);
    if (lit !== undefined) return /[\\/]$/.test(lit);
    switch (n.type) {
      case 'string': {
        const last = kids(n).filter((c) => c.type !== 'string_end').pop();
        return last?.type === 'string_content' && /[\\/]$/.test(last.text);
      }
      case 'binary_operator': {
        const right = kids(n)[1];
        return n.child(1)?.type === '+' && (/(^|\.)(sep|altsep)$/.test(right ? this.qualName(right) : '') || this.separatorPrefix(right, depth + 1));
      }
      case 'parenthesized_expression':
        return this.separatorPrefix(kids(n)[0], depth + 1);
      case 'identifier':
        return this.separatorPrefix(this.inits.get(n.text), depth + 1);
      default:
        return false;
    }
  }

  /** Variables an expression reads through attribute / call / subscript chains (`urlparse(url).hostname` -> url). */
  private guardKeys(e: Node, env: Env): string[] {
    switch (e.type) {
      case 'identifier':
        return [e.text];
      case 'attribute': {
        const key = dottedKey(e);
        const obj = e.childForFieldName('object');
        const inner = obj ? this.guardKeys(obj, env) : [];
        return key && env.has(key) ? [key, ...inner] : inner;
      }
      case 'subscript': {
        const v = e.childForFieldName('value');
        return v ? this.guardKeys(v, env) : [];
      }
      case 'call': {
        const fn = e.childForFieldName('function');
        const out: string[] = [];
        if (fn?.type === 'attribute') {
          const recv = fn.childForFieldName('object');
          if (recv) out.push(...this.guardKeys(recv, env));
        }
        for (const a of pyArgs(e).positional) out.push(...this.guardKeys(a, env));
        return out;
      }
      case 'list':
      case 'tuple':
      case 'parenthesized_expression':
      case 'binary_operator':
      case 'await':
        return kids(e).flatMap((c) => this.guardKeys(c, env));
      default:
        return [];
    }
  }


  /**
   * The taint of `x` in `x if x in S else fallback`: one of the collection's members, constant when the
   * collection is (an allow-list), else checked for the guard contexts.
   */
  private membershipBranch(cond: Node | undefined, value: Node | undefined): Taint | undefined {
    const t = this.evalExpr(value);
    if (!t || !cond || !value || cond.type !== 'comparison_operator') return t;
    const [left, right] = kids(cond);
    const ops = cond.children.filter((c): c is Node => !!c && !c.isNamed).map((c) => c.type);
    if (!left || !right || ops.length !== 1 || ops[0] !== 'in' || left.text !== value.text || isTainted(this.evalExpr(right))) return t;
    return sanitize(t, this.isConstantCollection(right) ? ALL_CONTEXTS : GUARD_CONTEXTS);
  }

  /** `{"a", "b"}`, `("a", "b")`, `frozenset({...})`, or a module constant bound to one. */
  private isConstantCollection(n: Node): boolean {
    if (n.type === 'identifier') return this.constants.has(n.text);
    return isLiteralCollection(n);
  }

  private isModelFactory(value: Node): boolean {
    if (value.type !== 'call') return false;
    const fn = value.childForFieldName('function');
    if (!fn) return false;
    const q = this.qualName(fn);
    if (q === 'transformers.pipeline' || q === 'pipeline') return true;
    if (/\.from_pretrained$/.test(q) && /(ForCausalLM|ForSeq2SeqLM|AutoModel\w*)\.from_pretrained$/.test(q)) return true;
    const last = q.split('.').pop() ?? '';
    if (!PY_MODEL_FACTORIES.test(last)) return false;
    // `OpenAI()` from the openai package is a client, not a model object
    if (/^(OpenAI|AzureOpenAI)$/.test(last)) return PY_LLM_MODULES.test(q);
    return true;
  }

  /** `prompt | llm | parser` (LangChain expression language). */
  private isModelChain(n: Node): boolean {
    if (n.type !== 'binary_operator' || n.child(1)?.type !== '|') return false;
    for (const c of kids(n)) {
      if (c.type === 'identifier' && (this.modelObjects.has(c.text) || /llm|model/i.test(c.text))) return true;
      if (c.type === 'binary_operator' && this.isModelChain(c)) return true;
      if (c.type === 'call' && this.isModelFactory(c)) return true;
    }
    return false;
  }
}

/** The text of a pattern literal as the regex engine reads it: a raw string as written; in a plain string, `"\\"` is one backslash. */
function pyRegexText(n: Node): string | undefined {
  const v = pyStringValue(n);
  if (v === undefined) return undefined;
  const start = n.type === 'string' ? kids(n).find((c) => c.type === 'string_start')?.text ?? '' : '';
  return /r/i.test(start) ? v : v.replace(/\\\\/g, '\\');
}

/** What a function returns: its return statements, and apart those of an early return when a setting is absent. */
interface Returns {
  returns?: Taint;
  unset?: { t: Taint | undefined; roots: string[] };
}

function src(kind: number, n: Node): Taint {
  return { kinds: kind, sanitized: 0, origin: describe(n.text), originStart: n.startIndex };
}

/** `u.scheme`, `u.port`, `u.path`... of a parsed URL (urllib.parse, httpx.URL, yarl): a part that says nothing about its host. */
function urlPartOtherThanHost(n: Node): boolean {
  return n.type === 'attribute' && /^(scheme|port|path|query|fragment|params|username|password|raw_path)$/.test(n.childForFieldName('attribute')?.text ?? '')
    && /url|parsed|parts|uri|link|target|endpoint|^u$|^p$/i.test(n.childForFieldName('object')?.text ?? '');
}

/** A URL literal prefix that fixes scheme and host (`https://api.example.com/...`) or a same-origin path. */
const FIXED_ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#{}]+[/?#]|\/(?!\/))/i;

/** `tool_call.function.arguments`, `call.arguments`, `tool_use.input`. */
function isToolCallArguments(obj: Node, attr: string): boolean {
  if (attr === 'arguments') {
    if (obj.type === 'attribute' && obj.childForFieldName('attribute')?.text === 'function') return true;
    const name = obj.type === 'attribute' ? obj.childForFieldName('attribute')?.text ?? '' : obj.text;
    return obj.type === 'identifier' || obj.type === 'attribute' ? TOOL_CALL_RECEIVER.test(name) : false;
  }
  if (attr === 'input') {
    const name = obj.type === 'attribute' ? obj.childForFieldName('attribute')?.text ?? '' : obj.text;
    return /tool_?use/i.test(name);
  }
  return false;
}

function stripCall(q: string): string {
  return q.includes('()') ? q.replace(/\(\)/g, '') : q;
}

/** PY_MODEL_CALL_SUFFIXES with call markers removed, and PY_MODEL_FUNCTIONS as full names (tables are constant). */
const MODEL_SUFFIXES = PY_MODEL_CALL_SUFFIXES.map((x) => x.replace(/\(\)/g, ''));
const MODEL_FUNCTIONS = new Set(Object.entries(PY_MODEL_FUNCTIONS).flatMap(([mod, names]) => names.map((name) => `${mod}.${name}`)));

function isSequence(n: Node): boolean {
  return n.type === 'pattern_list' || n.type === 'tuple_pattern' || n.type === 'tuple' || n.type === 'expression_list' || n.type === 'list_pattern';
}

/** `self.x` / `a.b.c` as a variable key when it is a chain of names. */
function dottedKey(n: Node): string | undefined {
  if (n.type === 'identifier') return n.text;
  if (n.type !== 'attribute') return undefined;
  const obj = n.childForFieldName('object');
  const attr = n.childForFieldName('attribute');
  if (!obj || !attr) return undefined;
  const base = dottedKey(obj);
  return base ? `${base}.${attr.text}` : undefined;
}

function paramName(p: Node): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'typed_parameter') return kids(p).find((c) => c.type === 'identifier')?.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  return undefined;
}

const ROUTE_METHODS = /^(get|post|put|patch|delete|route|api_route|websocket)$/;

/** A Flask/FastAPI route handler: its parameters come from the request. */
function isRouteHandler(fn: Node): boolean {
  const parent = fn.parent;
  if (!parent || parent.type !== 'decorated_definition') return false;
  for (const d of kids(parent)) {
    if (d.type !== 'decorator') continue;
    const e = kids(d)[0];
    const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
    if (callee?.type === 'attribute' && ROUTE_METHODS.test(callee.childForFieldName('attribute')?.text ?? '')) return true;
  }
  return false;
}

/** The class whose body defines `fn` directly (through a decorator too). */
function classOf(fn: Node): string | undefined {
  let p = fn.parent;
  if (p?.type === 'decorated_definition') p = p.parent;
  if (p?.type !== 'block') return undefined;
  const cls = p.parent;
  return cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
}

/** `@staticmethod`: no self parameter. */
function isStatic(fn: Node): boolean {
  const p = fn.parent;
  return p?.type === 'decorated_definition' && kids(p).some((d) => d.type === 'decorator' && /staticmethod/.test(d.text));
}

/** A literal list / tuple / set / dict (keys) of strings and numbers, or `frozenset(...)` / `set(...)` of one. */
function isLiteralCollection(n: Node): boolean {
  if (n.type === 'call') {
    const f = n.childForFieldName('function')?.text;
    const a = pyArgs(n).positional;
    return (f === 'frozenset' || f === 'set' || f === 'tuple' || f === 'list') && a.length === 1 && isLiteralCollection(a[0]);
  }
  if (n.type !== 'list' && n.type !== 'tuple' && n.type !== 'set' && n.type !== 'dictionary') return false;
  const items = kids(n).filter((c) => c.type !== 'comment');
  return items.length > 0 && items.every((c) => {
    const v = c.type === 'pair' ? c.childForFieldName('key') : c;
    return !!v && (pyStringValue(v) !== undefined || v.type === 'integer');
  });
}

const PY_LIBRARY: LibraryTables = { renderers: PY_MARKDOWN_RENDERERS, passthrough: (name) => PY_PASSTHROUGH.has(name) };
