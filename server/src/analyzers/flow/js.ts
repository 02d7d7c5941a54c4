/**
 * The JavaScript / TypeScript adapter of the flow engine (typescript-estree AST; flow/core.ts holds the
 * language-neutral part). Same design as flow/python.ts: one linear walk per function in source order
 * records the taint of every identifier read; expression taint is computed structurally from those reads.
 * This file maps syntax onto the core: functions, class methods and fields (`this.x`, parameter properties),
 * `new C()` instances, `super`, React components called through JSX props and `useState` cells, imports of
 * other workspace files, sources, sanitizers and guards.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { JsView } from '../../engine/views';
import {
  DOCUMENT_PASSTHROUGH, JS_MODEL_CALL_SUFFIXES, JS_MODEL_FUNCTIONS, JS_MODEL_METHODS, JS_PASSTHROUGH, JS_REQUEST_ATTRS,
  JS_REQUEST_METHODS, JS_REQUEST_NAMES, JS_SANITIZERS, MUTATING_METHODS, JS_SCHEMA_METHODS, JS_SCHEMA_RECEIVER,
  JS_TOOL_FACTORIES, JS_TOOL_REGISTRATIONS, TOOL_CALL_RECEIVER, TOOL_CONTEXT_PARAMS, PATH_GUARD_METHODS, COLLECTION_GUARD_METHODS,
  VALIDATOR_NAME, GUARD_CONTEXTS, JS_MARKDOWN_RENDERERS, JS_ITERATION_METHODS,
} from './tables';
import type { SinkContext, SourceKind, Taint } from './taint';
import { ALL_CONTEXTS, CHECKED_BY_HELPER, CTX, INPUT, MCP_TOOL, MODEL, PATH_NAME_FIXED, PATH_PREFIX_CHECKED, TOOL, describe, join, joinAll, markBuilt, narrowField, sanitize } from './taint';
import { Env, FlowCore, callTaint, componentOnlyPattern, componentOnlyReplacement, confine, confinedFor, confinedForPath, isModelCallName, isModelMethodCall, isTainted, paramTaint, sanitizerContexts } from './core';
import type { CallSemantics, CallView, LibraryTables } from './core';
import { CrossFile } from './project';
import type { FileSummary, ProjectIndex } from './project';
import { own } from '../own';
import { jsToolGivenToAgent } from '../agentContext';
import type { FileRole } from '../../engine/fileRole';
import { jsWalk } from '../js/calls';

type N = TSESTree.Node;

export interface JsFlow {
  taintOf(node: N): Taint | undefined;
  reaches(node: N, kind: SourceKind | SourceKind[], context?: SinkContext): Taint | undefined;
  /** Dotted callee path with imports resolved: `cp.exec` -> `child_process.exec`. */
  qualName(node: N): string;
  calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** Every JSX attribute, in source order. */
  jsxAttributes: TSESTree.JSXAttribute[];
  /** Every assignment expression, in source order. */
  assignments: TSESTree.AssignmentExpression[];
  /** Object literal properties, in source order. */
  properties: TSESTree.Property[];
  /** Parent of a node (typescript-estree does not set `parent` without type information). */
  parentOf(node: N): N | undefined;
  /** What this file offers the other files of the workspace (cross-file flow). */
  fileSummary(): FileSummary;
}

type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
/** zod constructors whose values carry no free text. */
/** The flow of a tree, with the inputs it was built from (a tree handed from the project index to an analysis gets its own). */
const cache = new WeakMap<object, { flow: JsFlow; view: JsView; path?: string; project?: unknown; role?: string }>();

export function jsFlow(view: JsView): JsFlow {
  const c = cache.get(view.ast);
  if (c && (c.view === view || (c.path === view.path && c.project === view.project && c.role === view.role))) return c.flow;
  const flow = new JsFlowBuilder(view.ast, view.text, view.path, view.project, view.role).build();
  cache.set(view.ast, { flow, view, path: view.path, project: view.project, role: view.role });
  return flow;
}

const SKIP_KEYS = new Set(['parent', 'range', 'loc', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/**
 * Children of a node, computed once and kept on the node under a symbol (invisible to Object.keys, for-in and
 * JSON): the flow walks and several rules each visit every node, and finding a node's children (its keys, then
 * a sort) was the cost of a walk. A WeakMap lookup per visit cost nearly as much as recomputing.
 */
const CHILDREN = Symbol('aisec.children');
/** The parent of a node, kept on the node the same way by the walks over a whole program (linkParent). */
const PARENT = Symbol('aisec.parent');

/** Record `parent` as the parent of `n` (the walks over a whole program; an AST is a tree, so every walk agrees). */
export function linkParent(n: N, parent: N | undefined): void {
  (n as unknown as { [PARENT]?: N })[PARENT] = parent;
}

/** The parent a whole-program walk recorded (undefined for the program, and for nodes no such walk reached). */
export function linkedParent(n: N): N | undefined {
  return (n as unknown as { [PARENT]?: N })[PARENT];
}

/** Child nodes in source order (a shared array: read it, do not change it). */
export function jsChildren(n: N): N[] {
  const holder = n as unknown as { [CHILDREN]?: N[] };
  let out = holder[CHILDREN];
  if (!out) {
    out = computeChildren(n);
    holder[CHILDREN] = out;
  }
  return out;
}

function computeChildren(n: N): N[] {
  const out: N[] = [];
  // for-in lists an AST node's keys in Object.keys order (own enumerable string keys; the nodes are plain objects) without allocating them
  const rec = n as unknown as Record<string, unknown>;
  for (const key in rec) {
    if (SKIP_KEYS.has(key)) continue;
    const v = rec[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i] as N | null;
        if (x && typeof x === 'object' && typeof x.type === 'string') out.push(x);
      }
    } else if (v && typeof v === 'object' && typeof (v as N).type === 'string') out.push(v as N);
  }
  // mostly in source order already: sort (which allocates) only when not
  for (let i = 1; i < out.length; i++) if (out[i].range[0] < out[i - 1].range[0]) return out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}

/** Strip TS wrappers and optional chains: `(x as any)!` -> x. */
export function unwrap(n: N): N {
  for (;;) {
    if (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion') n = n.expression;
    else if (n.type === 'ChainExpression') n = n.expression;
    else return n;
  }
}

export function propName(p: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (p.key.type === 'Identifier' && !p.computed) return p.key.name;
  if (p.key.type === 'Literal' && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/** Property `name` of an object literal. */
export function objProp(obj: N | undefined, name: string): TSESTree.Property | undefined {
  if (!obj) return undefined;
  const o = unwrap(obj);
  if (o.type !== 'ObjectExpression') return undefined;
  for (const p of o.properties) if (p.type === 'Property' && propName(p) === name) return p;
  return undefined;
}

/** The value of a string literal or a template literal without expressions. */
export function jsStringValue(n: N | undefined | null): string | undefined {
  if (!n) return undefined;
  const u = unwrap(n);
  if (u.type === 'Literal' && typeof u.value === 'string') return u.value;
  if (u.type === 'TemplateLiteral' && u.expressions.length === 0) return u.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
  return undefined;
}

class JsFlowBuilder implements CallSemantics<TSESTree.CallExpression> {
  private readonly core = new FlowCore<N>();
  private readonly imports = new Map<string, string>();
  /** Variables holding an instance of a class imported from another workspace file: the class's qualified name. */
  private readonly importedInstances = new Map<string, string>();
  /** Function node -> its key (`name`, `Class.method`) and class. */
  private readonly fnInfo = new Map<N, { key: string; cls?: string }>();
  /** Variables (`x`, `this.x`) holding an instance of a class of this file. */
  private readonly instances = new Map<string, string>();
  /** The first initialiser of each variable name (`const schema = z.object({...})`), to read tool schemas. */
  private readonly inits = new Map<string, N>();
  /** Names declared more than once in the file (their first initialiser says nothing certain). */
  private readonly reinit = new Set<string>();
  /**
   * `const x = C ? a : b` per scope: the test's text and each branch's taint, so that `if (!C) { ...x... }`
   * reads only `b` (the same condition decided both). Cleared when `x` is assigned again.
   */
  private readonly conditionals = new WeakMap<Env, Map<string, { test: string; whenTrue: Taint | undefined; whenFalse: Taint | undefined }>>();
  /** Module-level names bound to a literal array / Set of constants (allow-lists). */
  private readonly constants = new Set<string>();
  /** React state: `const [x, setX] = useState()` -> x and setX name the cell `state:setX`. */
  private readonly stateVars = new Map<string, string>();
  private readonly setters = new Map<string, string>();
  private readonly functions: { node: Fn; env: Env }[] = [];
  private readonly calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  private readonly jsxAttributes: TSESTree.JSXAttribute[] = [];
  private readonly assignments: TSESTree.AssignmentExpression[] = [];
  private readonly properties: TSESTree.Property[] = [];
  private readonly pendingFns: Fn[] = [];
  /** Set once collect() is done (it resolves names while it still gathers imports). */
  private qualNames: Map<N, string> | undefined;

  private readonly cross: CrossFile;
  private readonly compute = (n: N): Taint | undefined => this.computeExpr(n);

  /** Components whose destructured props are parameters of their own. */
  private readonly componentFns = new Set<unknown>();

  constructor(private readonly program: TSESTree.Program, private readonly text: string, path?: string, project?: ProjectIndex, private readonly role?: FileRole) {
    // the file's summary with another project: a new walk over the same tree (the tree is only read)
    this.cross = new CrossFile(this.core, path, project, (other) => new JsFlowBuilder(program, text, path, other, role).build().fileSummary());
    this.cross.assertions = () => {
      const out = new Map<string, Map<number, number>>();
      for (const info of this.core.fns.values()) {
        if (info.cls) continue;
        const a = this.assertedParams(info.name);
        if (a.size) out.set(info.key, a);
      }
      return out;
    };
  }

  build(): JsFlow {
    this.cross.start(this.text);
    this.collect(this.program);
    // imports are complete: from here on a node's qualified name never changes
    this.qualNames = new Map();
    this.core.settle(() => this.walkProgram());
    // what other files pass to this file's functions only matters when taints are resolved, after the walks
    this.cross.finish();
    return {
      ...this.core.freeze((n: N) => this.evalExpr(n)),
      qualName: (n) => this.qualName(n),
      calls: this.calls,
      jsxAttributes: this.jsxAttributes,
      assignments: this.assignments,
      properties: this.properties,
      parentOf: (n) => linkedParent(n),
      fileSummary: () => this.cross.summary(),
    };
  }

  private collect(root: N): void {
    // every node in walk order (parents first, children in source order), each parent recorded: the program's order
    // is listed per top-level statement and kept with it, so after an edit only the changed statements are walked
    jsWalk(root, (n) => {
      switch (n.type) {
        case 'CallExpression':
        case 'NewExpression':
          this.calls.push(n);
          break;
        case 'JSXAttribute':
          this.jsxAttributes.push(n);
          break;
        case 'AssignmentExpression':
          this.assignments.push(n);
          break;
        case 'Property':
          this.properties.push(n);
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          this.pendingFns.push(n);
          break;
        case 'ClassDeclaration':
        case 'ClassExpression': {
          const name = className(n, linkedParent(n));
          const sup = n.superClass ? unwrap(n.superClass) : undefined;
          if (name) this.core.declareClass(name, sup?.type === 'Identifier' ? [sup.name] : sup?.type === 'MemberExpression' ? [memberKey(sup)?.split('.').pop() ?? ''] : []);
          break;
        }
        case 'ImportDeclaration': {
          const mod = normalizeModule(String(n.source.value));
          for (const s of n.specifiers) {
            if (s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') this.imports.set(s.local.name, mod);
            else {
              const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
              this.imports.set(s.local.name, `${mod}.${imported}`);
            }
          }
          break;
        }
        case 'VariableDeclarator': {
          // const cp = require('child_process'); const { exec } = require('child_process')
          const init = n.init ? unwrap(n.init) : undefined;
          if (init && n.id.type === 'Identifier' && isLiteralCollection(init)) this.constants.add(n.id.name);
          if (init && n.id.type === 'Identifier') {
            if (this.inits.has(n.id.name)) this.reinit.add(n.id.name);
            else this.inits.set(n.id.name, init);
          }
          if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'Literal') {
            const mod = normalizeModule(String(init.arguments[0].value));
            if (n.id.type === 'Identifier') this.imports.set(n.id.name, mod);
            else if (n.id.type === 'ObjectPattern') {
              for (const p of n.id.properties) if (p.type === 'Property' && p.value.type === 'Identifier') this.imports.set(p.value.name, `${mod}.${propName(p) ?? p.value.name}`);
            }
          }
          // const run = promisify(exec)
          if (init?.type === 'CallExpression' && /^(util\.)?promisify$/.test(this.qualName(init.callee)) && init.arguments[0] && n.id.type === 'Identifier') {
            this.imports.set(n.id.name, this.qualName(init.arguments[0]).replace(/^util\.promisify\./, ''));
          }
          break;
        }
      }
    });
    // functions are declared once every parent is known (a method's key needs its class)
    for (const fn of this.pendingFns) this.declareFunction(fn);
    this.pendingFns.length = 0;
    const byStart = (a: N, b: N): number => a.range[0] - b.range[0];
    this.calls.sort(byStart);
    this.jsxAttributes.sort(byStart);
    this.assignments.sort(byStart);
    this.properties.sort(byStart);
  }

  qualName(n: N): string {
    const cache = this.qualNames;
    if (!cache) return this.computeQualName(n);
    let q = cache.get(n);
    if (q === undefined) {
      q = this.computeQualName(n);
      cache.set(n, q);
    }
    return q;
  }

  private computeQualName(n: N): string {
    const u = unwrap(n);
    switch (u.type) {
      case 'Identifier':
        return this.imports.get(u.name) ?? u.name;
      case 'MemberExpression': {
        const prop = !u.computed && u.property.type === 'Identifier' ? u.property.name : u.property.type === 'Literal' ? String(u.property.value) : '[]';
        return `${this.qualName(u.object)}.${prop}`;
      }
      case 'CallExpression':
        return `${this.qualName(u.callee)}()`;
      case 'NewExpression':
        return `new ${this.qualName(u.callee)}()`;
      case 'AwaitExpression':
        return this.qualName(u.argument);
      case 'ThisExpression':
        return 'this';
      default:
        return u.type;
    }
  }

  private walkProgram(): void {
    this.functions.length = 0;
    const env = new Env();
    for (const s of this.program.body) this.visit(s, env, undefined);
    for (let i = 0; i < this.functions.length; i++) this.walkFunction(this.functions[i].node, this.functions[i].env);
  }

  private walkFunction(fn: Fn, outer: Env): void {
    const env = new Env(outer);
    const tool = this.handedOver(this.toolName(fn), fn);
    const element = this.iteratedElement(fn);
    const info = this.fnInfo.get(fn);
    fn.params.forEach((p, i) => {
      const name = p.type === 'Identifier' ? p.name : '';
      const tainted = tool !== undefined && i === 0 && !TOOL_CONTEXT_PARAMS.test(name);
      const symbolic = info ? paramTaint(info.key, i, paramLabel(p), p.range[0]) : undefined;
      const checked = tainted ? this.validatedToolProps(fn) : undefined;
      const t: Taint | undefined = tainted
        ? { kinds: TOOL | (this.mcpToolHandler(fn) ? MCP_TOOL : 0), sanitized: 0, origin: `tool argument of ${tool}`, originStart: p.range[0], ...(checked ? { fieldSanitized: checked } : {}) }
        : i === 0 && element ? element : symbolic;
      if (info && !tainted && !element && this.componentFns.has(fn) && p.type === 'ObjectPattern') {
        // prop k holds what the whole props object holds (parameter 0, a plain call) or what the JSX attribute k holds
        let k = 0;
        for (const q of p.properties) {
          if (q.type === 'Property' && k < 22) {
            const own: Taint = { kinds: 0, sanitized: 0, origin: `prop ${paramLabel(q.value as TSESTree.Parameter)}`, originStart: q.range[0], params: 1 | (1 << (1 + k)), fn: info.key };
            this.bindTaint(q.value, own, env);
            k++;
          } else this.bindTaint(q.type === 'Property' ? q.value : q.argument, t, env);
        }
        return;
      }
      this.bindTaint(p, t, env);
      // async ({ languageId, code }) with languageId: z.enum([...]): the schema validation leaves no free text in it
      if (tainted && p.type === 'ObjectPattern') {
        const closed = this.closedToolProps(fn);
        const noOption = this.optionFreeToolProps(fn);
        for (const q of p.properties) {
          const v = q.type === 'Property' ? (q.value.type === 'AssignmentPattern' ? q.value.left : q.value) : undefined;
          if (q.type === 'Property' && v?.type === 'Identifier' && closed.has(propName(q) ?? '')) env.vars.set(v.name, undefined);
          // sha: z.string().regex(/^[0-9a-f]{7,40}$/): the validated value cannot start with "-"
          else if (q.type === 'Property' && v?.type === 'Identifier' && noOption.has(propName(q) ?? '')) env.vars.set(v.name, sanitize(env.lookup(v.name), CTX.option));
        }
      }
      // constructor(private client: Client): a parameter that is also a field
      if (p.type === 'TSParameterProperty' && info?.cls && p.parameter.type === 'Identifier') this.core.setField(info.cls, p.parameter.name, t);
    });
    const ret: JsReturns = { returns: undefined };
    if (fn.body.type === 'BlockStatement') for (const s of fn.body.body) this.visit(s, env, ret);
    else {
      this.visit(fn.body, env, ret);
      ret.returns = this.evalExpr(fn.body);
    }
    if (info) this.core.setSummary(info.key, ret.returns, ret.unset ? this.unsetRootReturns(ret, ret.unset, fn.body) : undefined);
  }

  /**
   * `if (roots == null) return absolutePath;` in a helper whose other returns are confined to those roots: as in
   * python.ts, the helper confines whenever a root is configured; with none configured the application chose to
   * reach any file. Confined for paths when every other return is and the setting is used by the rest of the helper.
   */
  private unsetRootReturns(ret: JsReturns, unset: { t: Taint | undefined; roots: string[] }, body: N): Taint | undefined {
    const confined = ret.returns;
    if (!unset.t || !confined || !confinedForPath(confined)) return unset.t;
    const reads = new Set<string>();
    const stack: N[] = [body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'IfStatement' && unset.roots.includes(this.unsetRoot(n.test) ?? '')) continue;
      if (n.type === 'Identifier' || n.type === 'MemberExpression') {
        const key = memberKey(n);
        if (key) reads.add(key);
      }
      for (const c of jsChildren(n)) stack.push(c);
    }
    return unset.roots.every((r) => reads.has(r)) ? sanitize(unset.t, CTX.path) : unset.t;
  }

  /** `x == null`, `x === undefined`, `!x` with `x` a name or a member chain no source reaches: a setting is absent. */
  private unsetRoot(test0: N): string | undefined {
    const test = unwrap(test0);
    let x: N | undefined;
    if (test.type === 'UnaryExpression' && test.operator === '!') x = unwrap(test.argument);
    else if (test.type === 'BinaryExpression' && /^[=]==?$/.test(test.operator) && test.left.type !== 'PrivateIdentifier') {
      const absent = (e: N): boolean => (e.type === 'Literal' && e.value === null) || (e.type === 'Identifier' && e.name === 'undefined');
      if (absent(unwrap(test.right))) x = unwrap(test.left);
      else if (absent(unwrap(test.left))) x = unwrap(test.right);
    }
    const key = x && (x.type === 'Identifier' || x.type === 'MemberExpression') ? memberKey(x) : undefined;
    return key && key !== 'undefined' && !isTainted(this.evalExpr(x)) ? key : undefined;
  }

  /** Does `e` read the variable or member chain `key`? */
  private readsKey(e: N | null | undefined, key: string): boolean {
    const stack: N[] = e ? [e] : [];
    while (stack.length) {
      const n = stack.pop()!;
      if ((n.type === 'Identifier' || n.type === 'MemberExpression') && memberKey(n) === key) return true;
      for (const c of jsChildren(n)) stack.push(c);
    }
    return false;
  }

  private declareFunction(fn: Fn): void {
    const name = functionName(fn, linkedParent(fn));
    if (!name) return;
    const cls = this.methodClass(fn);
    const key = cls ? `${cls}.${name}` : name;
    this.fnInfo.set(fn, { key, cls });
    // a component `function Card({ title, html })`: each destructured prop is a parameter of its own (JSX passes them by name)
    const props = !cls && /^[A-Z]/.test(name) ? componentProps(fn) : undefined;
    if (props) this.componentFns.add(fn);
    this.core.declareFunction({ key, name, cls, params: props ? ['props', ...props] : fn.params.map(paramLabel) });
  }

  /** The class whose body defines `fn` as a method or a property. */
  private methodClass(fn: Fn): string | undefined {
    const p = linkedParent(fn);
    if (p?.type !== 'MethodDefinition' && p?.type !== 'PropertyDefinition') return undefined;
    const body = linkedParent(p);
    const cls = body ? linkedParent(body) : undefined;
    return cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? className(cls, linkedParent(cls)) : undefined;
  }

  /** The class of the code around `n` (`this` inside a method and the arrow functions in it). */
  private enclosingClass(n: N): string | undefined {
    for (let p = linkedParent(n); p; p = linkedParent(p)) {
      if (p.type === 'ClassBody') {
        const cls = linkedParent(p);
        return cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? className(cls, linkedParent(cls)) : undefined;
      }
    }
    return undefined;
  }

  /** Same-file functions a call may run (`f()`, `this.m()`, `obj.m()` on an instance, `new C()`, `super()`). */
  private calleeKeys(call: TSESTree.CallExpression | TSESTree.NewExpression): { keys: string[]; ctor?: string } {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      if (this.imports.has(callee.name)) return { keys: [] };
      if (this.core.isClass(callee.name) && call.type === 'NewExpression') {
        const ctor = this.core.constructorKey(callee.name, 'constructor');
        return { keys: ctor ? [ctor] : [], ctor: callee.name };
      }
      return { keys: this.core.functionKeys(callee.name) };
    }
    if (callee.type === 'Super') {
      const cls = this.enclosingClass(call);
      const base = cls ? this.core.bases.get(cls)?.[0] : undefined;
      const ctor = base ? this.core.constructorKey(base, 'constructor') : undefined;
      return { keys: ctor ? [ctor] : [] };
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return { keys: [] };
    const method = callee.property.name;
    const obj = unwrap(callee.object);
    if (obj.type === 'ThisExpression') {
      const cls = this.enclosingClass(call);
      return { keys: cls ? this.core.methodKeys(cls, method) : this.core.functionKeys(method) };
    }
    if (obj.type === 'Super') {
      const cls = this.enclosingClass(call);
      const base = cls ? this.core.bases.get(cls)?.[0] : undefined;
      return { keys: base ? this.core.methodKeys(base, method).slice(0, 1) : [] };
    }
    const key = this.instances.size ? memberKey(obj) : undefined;
    const cls = key ? this.instances.get(key) : undefined;
    return { keys: cls ? this.core.methodKeys(cls, method) : [] };
  }

  private visit(n: N, env: Env, ret: JsReturns | undefined): void {
    switch (n.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.functions.push({ node: n, env });
        return;
      case 'VariableDeclarator': {
        if (!n.init) return;
        this.visit(n.init, env, ret);
        this.noteBinding(n.id, n.init);
        this.recordDerived(n.id, n.init, env);
        this.bindTaint(n.id, this.evalExpr(n.init), env);
        if (n.id.type === 'Identifier' && unwrap(n.init).type === 'ObjectExpression') env.literals.set(n.id.name, unwrap(n.init));
        // const safe = await isSafeUrl(current): a later `if (!safe.ok)` checks `current`
        const verdict = n.id.type === 'Identifier' ? this.validatorCall(n.init) : undefined;
        if (verdict && n.id.type === 'Identifier') env.verdicts.set(n.id.name, verdict.arguments.flatMap((a) => this.guardKeys(a, env)));
        // const inside = real === root || real.startsWith(root + path.sep): a later `if (!inside) throw` is that check
        if (n.id.type === 'Identifier') {
          if (!verdict && isCheckExpression(n.init)) env.conditions.set(n.id.name, unwrap(n.init));
          else env.conditions.delete(n.id.name);
        }
        this.noteConditional(n.id, n.init, env);
        return;
      }
      case 'ExpressionStatement': {
        this.visit(n.expression, env, ret);
        // assertInside(root, p); confined(root, p): a same-file helper that throws unless its check holds
        let e = unwrap(n.expression);
        if (e.type === 'AwaitExpression') e = unwrap(e.argument);
        if (e.type === 'CallExpression' && e.callee.type === 'Identifier') {
          const args = e.arguments;
          const local = this.sameFileFunction(e.callee.name);
          // an assertion helper imported from another workspace file
          const target = !local && this.cross.enabled && this.imports.has(e.callee.name) ? this.cross.target(this.qualName(e.callee)) : undefined;
          const asserted = local ? this.assertedParams(e.callee.name) : target ? this.cross.assertsOf(target) ?? new Map<number, number>() : new Map<number, number>();
          for (const [i, contexts] of asserted) {
            const a = args[i];
            if (!a || a.type === 'SpreadElement') continue;
            // the argument itself (not the tool-arguments object it was read from: `args.other` stays unchecked)
            for (const key of this.guardKeys(a, env)) {
              const t = env.lookup(key);
              if (t) env.vars.set(key, sanitize(t, contexts | CHECKED_BY_HELPER));
            }
          }
        }
        return;
      }
      case 'IfStatement': {
        this.visit(n.test, env, ret);
        this.applyGuards(n.test, env);
        // `if (roots == null) return absolutePath;`: an early return when a setting is absent (unsetRootReturns)
        const unset = ret && !n.alternate ? this.unsetRoot(n.test) : undefined;
        const last = unset ? (n.consequent.type === 'BlockStatement' ? n.consequent.body[n.consequent.body.length - 1] : n.consequent) : undefined;
        if (ret && unset && last?.type === 'ReturnStatement' && !this.readsKey(last.argument, unset)) {
          const sub: JsReturns = { returns: undefined };
          this.visit(n.consequent, env, sub);
          ret.unset = { t: join(ret.unset?.t, join(sub.returns, sub.unset?.t)), roots: [...(ret.unset?.roots ?? []), unset] };
          return;
        }
        const narrowed = this.correlated(n.test, env);
        // `else` after `if (C)`: `x = C ? a : b` holds b there (decided before the branch may write x)
        const otherwise = n.alternate ? this.correlated(n.test, env, true) : undefined;
        if (narrowed.size) {
          // inside the branch, `x = C ? a : b` holds the side its condition chose; other writes go on as usual
          const inner = new Env(env);
          for (const [k, t] of narrowed) inner.vars.set(k, t);
          this.visit(n.consequent, inner, ret);
          for (const [k, t] of inner.vars) if (!narrowed.has(k) || t !== narrowed.get(k)) env.vars.set(k, t);
          for (const [k, d] of inner.derived) env.derived.set(k, d);
        } else if (hasExtensionCheck(n.test) && !negatedTest(n.test)) {
          // `if (out.endsWith('.burp')) { write(out) }`: a file-type check holds inside its branch only
          const inner = new Env(env);
          this.applyGuards(n.test, inner, true);
          const checked = new Map(inner.vars);
          this.visit(n.consequent, inner, ret);
          for (const [k, t] of inner.vars) if (!checked.has(k) || t !== checked.get(k)) env.vars.set(k, t);
          for (const [k, d] of inner.derived) env.derived.set(k, d);
        } else this.visit(n.consequent, env, ret);
        if (n.alternate && otherwise?.size) {
          const inner = new Env(env);
          for (const [k, t] of otherwise) inner.vars.set(k, t);
          this.visit(n.alternate, inner, ret);
          for (const [k, t] of inner.vars) if (!otherwise.has(k) || t !== otherwise.get(k)) env.vars.set(k, t);
          for (const [k, d] of inner.derived) env.derived.set(k, d);
        } else if (n.alternate) this.visit(n.alternate, env, ret);
        // `if (!name.endsWith('.md') && !name.endsWith('.txt')) throw ...`: after an early exit it holds from here on
        if (hasExtensionCheck(n.test) && negatedTest(n.test) && !n.alternate && this.exits(n.consequent)) this.applyGuards(n.test, env, true);
        return;
      }
      case 'AssignmentExpression': {
        this.visit(n.right, env, ret);
        this.noteBinding(n.left, n.right);
        if (n.operator === '=') this.noteConditional(n.left, n.right, env);
        if (n.left.type === 'MemberExpression' && n.left.computed) this.visit(n.left.property, env, ret);
        let t: Taint | undefined;
        if (n.operator === '=') t = this.evalExpr(n.right);
        else {
          // the target of `x += y` is no recorded read: its value so far is the variable's
          const left = n.left.type === 'Identifier' ? env.lookup(n.left.name) : this.evalExpr(n.left);
          t = join(left, this.evalExpr(n.right));
          if (n.operator === '+=') t = markBuilt(t);
          // url += `?limit=${n}`: what follows a URL whose origin is fixed cannot change the origin
          if (n.operator === '+=' && t && left && confinedFor(left, CTX.url)) t = sanitize(t, CTX.url);
        }
        this.bindTaint(n.left, t, env);
        return;
      }
      case 'ForOfStatement':
      case 'ForInStatement': {
        this.visit(n.right, env, ret);
        const left = n.left.type === 'VariableDeclaration' ? n.left.declarations[0]?.id : n.left;
        if (left) this.bindTaint(left, n.type === 'ForOfStatement' ? this.evalExpr(n.right) : undefined, env);
        this.visit(n.body, env, ret);
        return;
      }
      case 'ReturnStatement': {
        if (!n.argument) return;
        this.visit(n.argument, env, ret);
        if (ret) ret.returns = join(ret.returns, this.evalExpr(n.argument));
        return;
      }
      case 'Identifier': {
        const cell = this.stateVars.size ? this.stateVars.get(n.name) : undefined;
        this.core.record(n, cell ? join(env.lookup(n.name), this.core.getCell(cell)) : env.lookup(n.name));
        return;
      }
      case 'MemberExpression': {
        this.visit(n.object, env, ret);
        if (n.computed) this.visit(n.property, env, ret);
        const key = memberKey(n);
        if (key && env.has(key)) this.core.record(n, env.lookup(key));
        else if (unwrap(n.object).type === 'ThisExpression' && !n.computed && n.property.type === 'Identifier') {
          // a field another method of the class (or a base / subclass) stored
          const cls = this.enclosingClass(n);
          if (cls && this.core.hasField(cls, n.property.name)) this.core.record(n, this.core.getField(cls, n.property.name));
        }
        return;
      }
      case 'JSXElement': {
        for (const c of jsChildren(n)) this.visit(c, env, ret);
        // <Message html={x} />: a component of this file called with its props
        const name = n.openingElement.name;
        if (name.type === 'JSXIdentifier' && /^[A-Z]/.test(name.name)) {
          // the props by name (a component's destructured props are parameters of their own); spreads and unnamed uses join
          let props: Taint | undefined;
          let spread: Taint | undefined;
          const named = new Map<string, Taint | undefined>();
          for (const a of n.openingElement.attributes) {
            const t = a.type === 'JSXSpreadAttribute' ? this.evalExpr(a.argument) : a.value ? this.evalExpr(a.value) : undefined;
            props = join(props, t);
            if (a.type === 'JSXSpreadAttribute') spread = join(spread, t);
            else if (a.name.type === 'JSXIdentifier') named.set(a.name.name, join(named.get(a.name.name), t));
          }
          // <Markdown>{answer}</Markdown>: the element's children are its `children` prop
          for (const c of n.children) {
            if (c.type !== 'JSXExpressionContainer' || c.expression.type === 'JSXEmptyExpression') continue;
            const t = this.evalExpr(c.expression);
            if (!t) continue;
            props = join(props, t);
            named.set('children', join(named.get('children'), t));
          }
          const keys = this.core.functionKeys(name.name);
          for (const key of keys) {
            const split = (this.core.fns.get(key)?.params.length ?? 0) > 1;
            this.core.addCallArgs(key, split ? this.core.argsFor(key, [spread], named) : [props]);
          }
          // a component imported from another workspace file: its props reach that file's component (by name when it destructures them)
          const imported = !keys.length && this.cross.enabled ? this.imports.get(name.name) : undefined;
          const target = imported ? this.cross.target(imported) : undefined;
          if (target) this.cross.noteJsx(n, target, props, spread, named);
        }
        return;
      }
      case 'Property': {
        if (n.computed) this.visit(n.key, env, ret);
        this.visit(n.value, env, ret);
        return;
      }
      case 'JSXAttribute':
        if (n.value) this.visit(n.value, env, ret);
        return;
      case 'JSXIdentifier':
      case 'JSXMemberExpression':
        return;
      case 'NewExpression':
        for (const c of jsChildren(n)) this.visit(c, env, ret);
        this.passArgs(n, env);
        return;
      case 'CallExpression': {
        for (const c of jsChildren(n)) this.visit(c, env, ret);
        this.passArgs(n, env);
        const callee = unwrap(n.callee);
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && MUTATING_METHODS.has(callee.property.name)) {
          const key = memberKey(callee.object);
          const t = joinAll(n.arguments.map((a) => this.evalExpr(a)));
          this.core.addTo(env, key, t);
        }
        return;
      }
      case 'MethodDefinition':
        this.visit(n.value, env, ret);
        return;
      case 'PropertyDefinition': {
        if (!n.value) return;
        this.visit(n.value, env, ret);
        // class fields: `private client = new OpenAI()`, `lastPlan = ''`
        const cls = n.key.type === 'Identifier' && !n.computed ? this.enclosingClass(n) : undefined;
        if (cls && n.key.type === 'Identifier') {
          this.core.setField(cls, n.key.name, this.evalExpr(n.value));
          this.noteBinding(n.key, n.value, `this.${n.key.name}`);
        }
        return;
      }
      default:
        for (const c of jsChildren(n)) this.visit(c, env, ret);
    }
  }

  /** The taint of each property of an object literal without spreads or computed keys, else undefined. */
  private literalProps(a: N, env: Env): Map<string, Taint | undefined> | undefined {
    let o = unwrap(a);
    // const cmdObj = { config: [p] }; f(cmdObj): the literal the variable still holds here
    if (o.type === 'Identifier') o = (env.literalOf(o.name) as N | undefined) ?? o;
    if (o.type !== 'ObjectExpression') return undefined;
    const out = new Map<string, Taint | undefined>();
    for (const p of o.properties) {
      // { config, ...rest }: what a spread holds may be any property (core.ts SPREAD)
      const name = p.type === 'SpreadElement' ? '...' : !p.computed ? propName(p) : undefined;
      if (name === undefined) return undefined;
      out.set(name, join(out.get(name), this.evalExpr(p.type === 'SpreadElement' ? p.argument : p.value)));
    }
    return out;
  }

  /** A call of a function of this file passes its arguments to the function's parameters; React state setters fill their cell. */
  private passArgs(n: TSESTree.CallExpression | TSESTree.NewExpression, env: Env): void {
    const { keys } = this.calleeKeys(n);
    if (keys.length) {
      const args = n.arguments.map((a) => this.evalExpr(a));
      // f({ config: [p] }): the properties of an object literal, for reads of `param.config` in f
      const literals = n.arguments.map((a) => this.literalProps(a, env));
      for (const key of keys) this.core.addCallArgs(key, args, literals);
    }
    const target = !keys.length && this.cross.enabled && n.type === 'CallExpression' ? this.cross.target(this.qualName(n.callee)) : undefined;
    if (target) this.cross.noteCall(n, target, n.arguments.map((a) => this.evalExpr(a)));
    if (!this.setters.size) return;
    const callee = unwrap(n.callee);
    const setter = callee.type === 'Identifier' ? this.setters.get(callee.name) : undefined;
    if (setter && n.arguments[0]) {
      const a = unwrap(n.arguments[0]);
      this.core.setCell(setter, a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression' ? (a.body.type === 'BlockStatement' ? undefined : this.evalExpr(a.body)) : this.evalExpr(a));
    }
    // promise.then(setX)
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'then') {
      const a = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
      const cell = a?.type === 'Identifier' ? this.setters.get(a.name) : undefined;
      if (cell) this.core.setCell(cell, this.evalExpr(callee.object));
    }
  }

  /** Remember what a binding holds beyond its taint: an instance of a class of this file, a React state pair. */
  private noteBinding(target: N, value0: N, keyOverride?: string): void {
    const value = unwrap(value0);
    const key = keyOverride ?? memberKey(target);
    if (value.type === 'NewExpression' && key) {
      const callee = unwrap(value.callee);
      if (callee.type === 'Identifier' && this.core.isClass(callee.name) && !this.imports.has(callee.name)) this.instances.set(key, callee.name);
      // `const bot = new Assistant()` of an imported class: `bot.answer(q)` runs that file's method (when it resolves there)
      else if (callee.type === 'Identifier' && this.imports.has(callee.name) && this.cross.enabled) this.importedInstances.set(key, this.imports.get(callee.name)!);
    }
    if (value.type === 'CallExpression' && target.type === 'ArrayPattern' && /(^|\.)useState$/.test(this.qualName(value.callee))) {
      const [v, set] = target.elements;
      if (set?.type === 'Identifier') {
        const cell = `state:${set.name}`;
        this.setters.set(set.name, cell);
        if (v?.type === 'Identifier') this.stateVars.set(v.name, cell);
      }
    }
  }

  private bindTaint(target: N, t: Taint | undefined, env: Env): void {
    if (target.type === 'Identifier') {
      env.vars.set(target.name, t);
      env.literals.delete(target.name);
      for (let e: Env | undefined = env; e; e = e.parent) e.conditions.delete(target.name);
      return;
    }
    switch (target.type) {
      case 'ObjectPattern':
        for (const p of target.properties) {
          // const { path } = opts on a parameter: that property of what the callers pass
          const field = p.type === 'Property' && !p.computed ? this.core.fieldOf(t, propName(p) ?? '') ?? narrowField(t, propName(p) ?? '') : undefined;
          this.bindTaint(p.type === 'Property' ? p.value : p.argument, field ?? t, env);
        }
        return;
      case 'ArrayPattern':
        for (const e of target.elements) if (e) this.bindTaint(e, t, env);
        return;
      case 'AssignmentPattern':
        this.bindTaint(target.left, t, env);
        return;
      case 'RestElement':
        this.bindTaint(target.argument, t, env);
        return;
      case 'TSParameterProperty':
        this.bindTaint(target.parameter, t, env);
        return;
      case 'MemberExpression': {
        const key = memberKey(target);
        if (key) env.vars.set(key, t);
        // cmdObj.x = ...: the variable no longer holds only its literal
        const base = unwrap(target.object);
        if (base.type === 'Identifier') env.forgetLiteral(base.name);
        if (unwrap(target.object).type === 'ThisExpression' && !target.computed && target.property.type === 'Identifier') {
          const cls = this.enclosingClass(target);
          if (cls) this.core.setField(cls, target.property.name, t);
        }
        else if (target.computed) this.core.addTo(env, memberKey(target.object), t);
        return;
      }
      default:
        return;
    }
  }

  evalExpr(n0: N | null | undefined): Taint | undefined {
    return n0 ? this.core.evaluate(n0, n0, this.compute) : undefined;
  }

  private computeExpr(n0: N): Taint | undefined {
    const n = unwrap(n0);
    switch (n.type) {
      case 'Identifier':
        return this.core.hasRead(n) ? this.core.recorded(n) : undefined;
      case 'MemberExpression': {
        if (this.core.hasRead(n)) return this.core.recorded(n);
        const prop = !n.computed && n.property.type === 'Identifier' ? n.property.name : '';
        const obj = unwrap(n.object);
        const objText = obj.type === 'Identifier' ? obj.name : obj.type === 'MemberExpression' ? memberKey(obj) ?? '' : '';
        // the request of an MCP `tools/call` handler carries the model's tool arguments, not a user's HTTP input
        if (JS_REQUEST_NAMES.test(objText) && JS_REQUEST_ATTRS.has(prop) && !((this.evalExpr(n.object)?.kinds ?? 0) & TOOL)) return src(INPUT, n, `${objText}.${prop}`);
        if (objText === 'process' && prop === 'argv') return src(INPUT, n, 'process.argv');
        if (/^(window\.)?location$/.test(objText) && /^(search|hash|href)$/.test(prop)) return src(INPUT, n, `location.${prop}`);
        if (prop === 'arguments' && (/(^|\.)function$/.test(objText) || TOOL_CALL_RECEIVER.test(objText.split('.').pop() ?? ''))) return src(TOOL, n, `${objText}.arguments`);
        if (prop === 'input' && /tool_?use/i.test(objText.split('.').pop() ?? '')) return src(TOOL, n, `${objText}.input`);
        const whole = this.evalExpr(n.object);
        // items.length: a number, whatever the items are (it names no file, host or query text)
        if (prop === 'length') return sanitize(whole, ALL_CONTEXTS & ~CTX.dispatch);
        // mimeType.split('/')[1]: one piece between separators, a single path component (as basename leaves)
        if (n.computed && separatorSplit(obj)) return sanitize(whole, CTX.path);
        // opts.path on a parameter: that property of what the callers pass (confined where a check of opts.path was)
        const field = obj.type === 'Identifier' && prop ? this.core.fieldOf(whole, prop) : undefined;
        if (field) {
          const checked = whole?.fieldSanitized && Object.prototype.hasOwnProperty.call(whole.fieldSanitized, prop) ? whole.fieldSanitized[prop] : 0;
          return checked ? sanitize(field, checked) : field;
        }
        return prop ? narrowField(whole, prop) : whole;
      }
      case 'CallExpression':
        return this.evalCall(n);
      case 'NewExpression': {
        const q = this.qualName(n.callee);
        if (q === 'URLSearchParams' || q === 'URL') return joinAll(n.arguments.map((a) => this.evalExpr(a)));
        if (DOCUMENT_PASSTHROUGH.test(q)) return joinAll(n.arguments.map((a) => this.evalExpr(a)));
        return undefined;
      }
      case 'TemplateLiteral': {
        const parts = n.expressions.map((e, i) => {
          const p = this.evalExpr(e);
          // `export-${id.slice(0, 8)}.json`: a few characters after a fixed prefix in the same file name
          return p && shortCutAfterPrefix(e, n.quasis[i]?.value.cooked ?? '') ? sanitize(p, CTX.path) : p;
        });
        let t = joinAll(parts);
        // `${x}` alone is the value itself; any text or a second value around it builds a new string
        if (n.expressions.length > 1 || n.quasis.some((q) => (q.value.cooked ?? q.value.raw) !== '')) t = markBuilt(t);
        if (FIXED_ORIGIN.test(n.quasis[0]?.value.cooked ?? '')) return sanitize(t, CTX.url);
        const head = n.quasis[0]?.value.cooked ?? '';
        const next = n.quasis[1]?.value.cooked ?? '';
        // `${GITLAB_API_URL}/projects/${id}`, `${this.baseUrl}/repos/${id}`, `${url}?${query}`: what follows a base and a
        // `/` or `?` cannot change the base's origin; the base keeps its own taint (a model-chosen base is still reported)
        if (t && n.expressions.length > 1 && head === '' && /^(\/(?!\/)|\?)/.test(next)) {
          return markBuilt(join(parts[0], sanitize(joinAll(parts.slice(1)), CTX.url)));
        }
        // `${new URL(u).origin}/.well-known/x402`: a fixed path on the model's origin names one well-known file there
        if (t && n.expressions.length === 1 && head === '' && /^\/(?!\/)[^?#]*$/.test(next) && next.length > 1 && this.isOrigin(n.expressions[0])) return sanitize(t, CTX.url);
        return t;
      }
      case 'TaggedTemplateExpression':
        return joinAll(n.quasi.expressions.map((e) => this.evalExpr(e)));
      case 'BinaryExpression': {
        if (n.operator !== '+') return undefined;
        // each side evaluated once: a long `a + b + c + ...` chain must stay linear
        const left = this.evalExpr(n.left);
        const t = markBuilt(join(left, this.evalExpr(n.right)));
        const lit = jsStringValue(n.left);
        if (lit !== undefined && FIXED_ORIGIN.test(lit)) return sanitize(t, CTX.url);
        // url + query: what follows a URL whose origin is fixed cannot change the origin
        return t && left && confinedFor(left, CTX.url) ? sanitize(t, CTX.url) : t;
      }
      case 'LogicalExpression':
        return join(this.evalExpr(n.left), this.evalExpr(n.right));
      case 'ConditionalExpression':
        return join(this.membershipBranch(n.test, n.consequent), this.evalExpr(n.alternate));
      case 'AwaitExpression':
        return this.evalExpr(n.argument);
      case 'ArrayExpression': {
        // ['diff', '--', target]: after an end-of-options marker a value is an operand, never an option
        let operands = false;
        return joinAll(n.elements.map((e) => {
          const t = e ? this.evalExpr(e) : undefined;
          const was = operands;
          if (e && END_OF_OPTIONS.test(jsStringValue(e) ?? '')) operands = true;
          return was ? sanitize(t, CTX.option) : t;
        }));
      }
      case 'SpreadElement':
        return this.evalExpr(n.argument);
      case 'ObjectExpression': {
        const values = n.properties.map((p) => (p.type === 'Property' ? this.evalExpr(p.value) : this.evalExpr(p.argument)));
        return constantFields(n, joinAll(values), values);
      }
      case 'SequenceExpression':
        return this.evalExpr(n.expressions[n.expressions.length - 1]);
      case 'AssignmentExpression':
        return this.evalExpr(n.right);
      case 'JSXExpressionContainer':
        return n.expression.type === 'JSXEmptyExpression' ? undefined : this.evalExpr(n.expression);
      default:
        return undefined;
    }
  }

  private evalCall(n: TSESTree.CallExpression): Taint | undefined {
    const callee = unwrap(n.callee);
    const q = this.qualName(callee);
    const model = this.modelSource(n, callee, q);
    if (model) return model;
    const member = callee.type === 'MemberExpression' ? callee : undefined;
    const method = member ? (!member.computed && member.property.type === 'Identifier' ? member.property.name : '') : undefined;
    if (member && method) {
      const obj = unwrap(member.object);
      const objText = obj.type === 'Identifier' ? obj.name : memberKey(obj) ?? '';
      if (JS_REQUEST_NAMES.test(objText) && JS_REQUEST_METHODS.has(method)) return src(INPUT, n, `${objText}.${method}()`);
      if (method === 'get' && /searchParams$/i.test(objText)) return src(INPUT, n, `${objText}.get()`);
    }
    const plain = q.replace(/\(\)/g, '');
    const keys = this.calleeKeys(n).keys;
    const target = !keys.length && this.cross.enabled ? this.importedMethod(member, method) ?? this.cross.target(q) : undefined;
    if (target) {
      // a function of another workspace file: its summary there, with its parameters replaced by the arguments
      const r = this.cross.callResult(target, n.arguments.map((a) => this.evalExpr(a)));
      if (r) return r.t;
    }
    const t = callTaint({ node: n, name: plain, method, receiverName: member ? this.qualName(member.object) : undefined, keys }, this, JS_LIBRARY, this.core);
    return t && JS_PATH_JOIN.test(plain) && this.fixedLastComponent(n.arguments) ? sanitize(t, PATH_NAME_FIXED) : t;
  }

  /** `bot.answer` where `bot` holds an instance of a class of another workspace file: that file's `Assistant.answer`. */
  private importedMethod(member: TSESTree.MemberExpression | undefined, method: string | undefined): { path: string; name: string } | undefined {
    if (!member || !method || !this.importedInstances.size) return undefined;
    const key = memberKey(unwrap(member.object));
    const cls = key ? this.importedInstances.get(key) : undefined;
    const t = cls ? this.cross.target(cls) : undefined;
    return t ? { path: t.path, name: `${t.name}.${method}` } : undefined;
  }

  /** `path.join(dir, 'app.json')`, `path.join(root, entry.name)`: the last part is a constant name or carries no taint at all (not even a parameter's). */
  private fixedLastComponent(args: TSESTree.CallExpressionArgument[]): boolean {
    const last = args.length >= 2 ? args[args.length - 1] : undefined;
    if (!last || last.type === 'SpreadElement' || this.evalExpr(last)) return false;
    const lit = jsStringValue(last);
    return lit === undefined ? last.type !== 'Literal' : lit !== '' && !lit.split(/[\\/]/).includes('..');
  }

  // ---- CallSemantics: the JS/TS answers for callTaint()

  argsTaint(c: CallView<TSESTree.CallExpression>): Taint | undefined {
    return joinAll(c.node.arguments.map((a) => this.evalExpr(a)));
  }

  receiverTaint(c: CallView<TSESTree.CallExpression>): Taint | undefined {
    const callee = unwrap(c.node.callee);
    return callee.type === 'MemberExpression' ? this.evalExpr(callee.object) : undefined;
  }

  argsFor(c: CallView<TSESTree.CallExpression>): (Taint | undefined)[] {
    return c.node.arguments.map((a) => this.evalExpr(a));
  }

  sanitizerOf(c: CallView<TSESTree.CallExpression>): number | undefined {
    const plain = c.name;
    // store.quoteIdentifier(table), client.escapeIdentifier(col), mysql.escapeId(name): a quoted SQL identifier
    if (SQL_QUOTER.test(plain.slice(plain.lastIndexOf('.') + 1)) && this.quotesForSql(c.keys)) return CTX.sql;
    const s = own(JS_SANITIZERS, plain) ?? own(JS_SANITIZERS, plain.split('.').pop() ?? '');
    if (s === undefined || !(unwrap(c.node.callee).type === 'Identifier' || own(JS_SANITIZERS, plain) !== undefined || /sanitize|escape/i.test(plain))) return undefined;
    const opts = c.node.arguments[1];
    return sanitizerContexts(plain, s, (option) => {
      const p = objProp(opts, option);
      return p ? this.text.slice(p.value.range[0], p.value.range[1]) : undefined;
    });
  }

  /**
   * A SQL quoting function: a library's (no same-file definition) is taken at its name; one of this file must
   * escape the quote character (`name.replace(/"/g, '""')`) or call another escaping function.
   */
  private quotesForSql(keys: readonly string[]): boolean {
    if (!keys.length) return true;
    for (const [node, info] of this.fnInfo) {
      if (!keys.includes(info.key)) continue;
      const fn = node as Fn;
      const body = this.text.slice(fn.body.range[0], fn.body.range[1]);
      if (!/\.replace(All)?\(|escape/i.test(body)) return false;
    }
    return true;
  }

  special(c: CallView<TSESTree.CallExpression>): { t: Taint | undefined } | undefined {
    const callee = unwrap(c.node.callee);
    // title.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'): one file-name component is left (core.ts componentOnlyPattern)
    if ((c.method === 'replace' || c.method === 'replaceAll') && this.componentSlug(c.node)) return { t: sanitize(join(this.receiverTaint(c), this.argsTaint(c)), CTX.path) };
    // ids.map(() => '?').join(','): placeholders, one per element, with none of the elements' text
    if ((c.method === 'map' || c.method === 'flatMap') && constantPerElement(c.node.arguments[0] as N | undefined)) return { t: undefined };
    // p.split('/').pop(): the last piece between separators, a single path component
    if ((c.method === 'pop' || c.method === 'shift' || c.method === 'at') && callee.type === 'MemberExpression' && separatorSplit(callee.object)) return { t: sanitize(this.receiverTaint(c), CTX.path) };
    if (callee.type !== 'MemberExpression' || !c.method || !JS_SCHEMA_METHODS.has(c.method) || !JS_SCHEMA_RECEIVER.test(this.qualName(callee.object))) return undefined;
    return { t: sanitize(this.argsTaint(c), CTX.dispatch) };
  }

  /** `u.origin`, or a variable declared once as `u.origin`: a URL's scheme, host and port only. */
  private isOrigin(e0: N): boolean {
    let e = unwrap(e0);
    if (e.type === 'Identifier' && !this.reinit.has(e.name)) {
      const init = this.inits.get(e.name);
      if (init) e = unwrap(init);
    }
    return e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && e.property.name === 'origin';
  }

  /** `path.dirname(p)`: the path `p`, else undefined. */
  private dirnameOf(n0: N): N | undefined {
    const n = unwrap(n0);
    if (n.type !== 'CallExpression' || !/(^|\.)(path|posix|win32)\.dirname$|^(node:)?path\.dirname$/.test(this.qualName(n.callee))) return undefined;
    const a = n.arguments[0];
    return a && a.type !== 'SpreadElement' ? a : undefined;
  }

  /** `.replace(/[^a-z0-9_-]+/g, '-')`, or with a regex held by a constant: every character but a file-name's is replaced. */
  private componentSlug(call: TSESTree.CallExpression): boolean {
    let re = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (re?.type === 'Identifier' && !this.reinit.has(re.name)) {
      const init = this.inits.get(re.name);
      re = init ? unwrap(init) : undefined;
    }
    const regex = re?.type === 'Literal' && 'regex' in re ? re.regex : undefined;
    const repl = call.arguments[1] ? jsStringValue(call.arguments[1]) : undefined;
    if (!regex || !regex.flags.includes('g') || repl === undefined || !componentOnlyReplacement(repl)) return false;
    if (componentOnlyPattern(regex.pattern)) return true;
    // `pipeline-${id}.log`.replace(/[^\w.-]/g, '_'): dots are kept, but no separator, and the fixed text around the
    // value keeps a character that is not a dot, so the one component left is never `.` or `..`
    const callee = unwrap(call.callee);
    return repl !== '' && componentOnlyPattern(regex.pattern, true) && callee.type === 'MemberExpression' && hasFixedNonDotText(callee.object);
  }

  /** `messages.map((m) => ...)`: the callback's first parameter is an element of the receiver, with its taint. */
  private iteratedElement(fn: Fn): Taint | undefined {
    const p = linkedParent(fn);
    if (p?.type !== 'CallExpression' || p.arguments[0] !== fn) return undefined;
    const callee = unwrap(p.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !JS_ITERATION_METHODS.has(callee.property.name)) return undefined;
    return this.evalExpr(callee.object);
  }

  /**
   * Properties of a tool's input schema that hold no free text (zod `enum`, `nativeEnum`, `literal`, `number`,
   * `boolean`...): the MCP SDK, the AI SDK and LangChain validate the arguments against the schema before the handler runs.
   */
  /** Properties of a tool's schema whose validation rejects a leading `-` (`z.string().regex(/^[0-9a-f]+$/)`, `.url()`, `.uuid()`). */
  private optionFreeToolProps(fn: Fn): Set<string> {
    const out = new Set<string>();
    for (const c of this.toolSchemaCandidates(fn)) {
      const shape = this.schemaShape(c, 0);
      if (!shape) continue;
      for (const q of shape.properties) if (q.type === 'Property' && this.optionFreeZod(q.value)) out.add(propName(q) ?? '');
    }
    return out;
  }

  private optionFreeZod(n0: N): boolean {
    for (let n = unwrap(n0); n.type === 'CallExpression' && n.callee.type === 'MemberExpression'; n = unwrap(n.callee.object)) {
      const method = !n.callee.computed && n.callee.property.type === 'Identifier' ? n.callee.property.name : '';
      if (/^(url|uuid|cuid|cuid2|ulid|datetime|ip|ipv4|ipv6|base64|nanoid)$/.test(method)) return true;
      if (method === 'regex' || method === 'startsWith') {
        const a = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
        let re = a?.type === 'Literal' && 'regex' in a ? a.regex : undefined;
        if (!re && a?.type === 'Identifier') {
          const init = this.reinit.has(a.name) ? undefined : this.inits.get(a.name);
          const v = init ? unwrap(init) : undefined;
          re = v?.type === 'Literal' && 'regex' in v ? v.regex : undefined;
        }
        if (method === 'regex' && re && leadingDashRejected(re.pattern)) return true;
        const prefix = method === 'startsWith' && a ? jsStringValue(a) : undefined;
        if (prefix && !prefix.startsWith('-')) return true;
      }
    }
    return false;
  }

  private closedToolProps(fn: Fn): Set<string> {
    const out = new Set<string>();
    for (const c of this.toolSchemaCandidates(fn)) {
      const shape = this.schemaShape(c, 0);
      if (!shape) continue;
      for (const q of shape.properties) if (q.type === 'Property' && isClosedZod(q.value)) out.add(propName(q) ?? '');
    }
    return out;
  }

  /** The expressions that may hold a tool handler's argument schema. */
  private toolSchemaCandidates(fn: Fn): N[] {
    const p = linkedParent(fn);
    const candidates: N[] = [];
    if (p?.type === 'CallExpression') {
      // server.tool(name, [description], shape, handler), server.registerTool(name, { inputSchema }, handler), tool(fn, { schema })
      for (const a of p.arguments) if (a !== fn) candidates.push(a, ...['inputSchema', 'schema', 'parameters'].map((k) => objProp(a, k)?.value).filter((v): v is NonNullable<typeof v> => !!v));
    } else if (p?.type === 'Property') {
      // tool({ parameters: z.object({...}), execute })
      const obj = linkedParent(p);
      for (const k of ['parameters', 'inputSchema', 'schema']) {
        const v = objProp(obj, k)?.value;
        if (v) candidates.push(v);
      }
    }
    return candidates;
  }

  /**
   * Properties of a tool's arguments that the tool's validator hook checks: the framework runs
   * `validator(args)` before `execute(args)` and refuses the call when it fails. The hook is a sibling of
   * `execute` (`tool({ execute, validate })`) or sits next to the tool in the definition that registers it
   * (`export const writeTool = { tool: writeCoreTool, validator: writeValidator }`); a property counts as checked
   * when the hook passes it to a validator-named function (`validatePath(args.path)`, `isWithinRoot(path)`).
   */
  private validatedToolProps(fn: Fn): Record<string, number> | undefined {
    const p = linkedParent(fn);
    if (p?.type !== 'Property') return undefined;
    const obj = linkedParent(p);
    if (obj?.type !== 'ObjectExpression') return undefined;
    const hooks: N[] = [];
    const addHooks = (o: TSESTree.ObjectExpression): void => {
      for (const q of o.properties) if (q.type === 'Property' && !q.computed && TOOL_VALIDATOR_HOOK.test(propName(q) ?? '')) hooks.push(q.value);
    };
    addHooks(obj);
    // const writeCoreTool = tool({ ... execute }); export const writeTool = { tool: writeCoreTool, validator }
    const call = linkedParent(obj);
    const decl = call?.type === 'CallExpression' ? linkedParent(call) : undefined;
    if (decl?.type === 'VariableDeclarator' && decl.id.type === 'Identifier' && !this.reinit.has(decl.id.name)) {
      const name = decl.id.name;
      for (const q of this.properties) {
        const v = unwrap(q.value);
        const owner = v.type === 'Identifier' && v.name === name ? linkedParent(q) : undefined;
        if (owner?.type === 'ObjectExpression' && owner !== obj) addHooks(owner);
      }
    }
    const out: Record<string, number> = {};
    let any = false;
    for (const h of hooks) {
      let hook = unwrap(h);
      if (hook.type === 'Identifier') hook = (this.reinit.has(hook.name) ? undefined : this.inits.get(hook.name)) ?? this.functionDeclaration(hook.name) ?? hook;
      if (hook.type !== 'ArrowFunctionExpression' && hook.type !== 'FunctionExpression' && hook.type !== 'FunctionDeclaration') continue;
      for (const f of checkedProps(hook, (name) => this.confiningValidator(name))) {
        out[f] = GUARD_CONTEXTS | CHECKED_BY_HELPER;
        any = true;
      }
    }
    return any ? out : undefined;
  }

  /**
   * A validator-named function a tool's validator hook calls: imported ones are taken at their name (as guards
   * are); one of this file must contain a check that can confine a value (a prefix or relative-path check, a
   * realpath, a `..` test, an allow-list lookup or another validator), not only an emptiness or type check.
   */
  private confiningValidator(name: string): boolean {
    if (!VALIDATOR_NAME.test(name)) return false;
    const init = this.reinit.has(name) ? undefined : this.inits.get(name);
    const fn = init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') ? init : this.functionDeclaration(name);
    if (!fn) return true;
    const body = this.text.slice(fn.body.range[0], fn.body.range[1]);
    return CONFINING_CHECK.test(body) || [...body.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(/g)].some((m) => m[1] !== name && VALIDATOR_NAME.test(m[1]));
  }

  private readonly assertions = new Map<string, Map<number, number>>();

  /**
   * Parameters a same-file function asserts: its body has `if (<check of the parameter>) <throw>` (a throw, or a
   * call of a same-file function that always throws), so a call of it as a statement confines the argument for
   * the statements after it, as the check inline would. Parameter index -> contexts.
   */
  private assertedParams(name: string): Map<number, number> {
    const cached = this.assertions.get(name);
    if (cached) return cached;
    const out = new Map<number, number>();
    this.assertions.set(name, out);
    const fn = this.sameFileFunction(name);
    if (!fn || fn.body.type !== 'BlockStatement') return out;
    const names = fn.params.map((p) => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : ''));
    // the checks as guards in a scratch scope where each parameter holds a marker value
    const scratch = new Env();
    const marker: Taint = { kinds: TOOL, sanitized: 0, origin: 'parameter', originStart: 0 };
    for (const p of names) if (p) scratch.vars.set(p, marker);
    for (const st of fn.body.body) {
      // const lower = String(p).toLowerCase(): a check of `lower` checks `p`
      if (st.type === 'VariableDeclaration') for (const d of st.declarations) if (d.init) this.recordDerived(d.id, d.init, scratch);
      if (st.type !== 'IfStatement' || st.alternate || !negatedTest(st.test) || !this.alwaysThrows(st.consequent, 0)) continue;
      this.applyGuards(st.test, scratch, true);
    }
    names.forEach((p, i) => {
      const t = p ? scratch.vars.get(p) : undefined;
      if (p && t !== marker) out.set(i, t ? t.sanitized & ALL_CONTEXTS : ALL_CONTEXTS);
    });
    return out;
  }

  /** A statement that always ends in a throw: `throw ...`, a block ending in one, `invalid(msg)` of a same-file function that always throws. */
  private alwaysThrows(st: N, depth: number): boolean {
    if (depth > 2) return false;
    if (st.type === 'ThrowStatement') return true;
    if (st.type === 'BlockStatement') return st.body.length > 0 && this.alwaysThrows(st.body[st.body.length - 1], depth);
    if (st.type === 'ExpressionStatement') {
      const e = unwrap(st.expression);
      if (e.type !== 'CallExpression' || e.callee.type !== 'Identifier') return false;
      const fn = this.sameFileFunction(e.callee.name);
      return !!fn && fn.body.type === 'BlockStatement' && this.alwaysThrows(fn.body, depth + 1);
    }
    return false;
  }

  /** The statement always leaves the enclosing block: throw, return, continue, break, or a block ending in one. */
  private exits(st: N): boolean {
    if (st.type === 'ReturnStatement' || st.type === 'ContinueStatement' || st.type === 'BreakStatement') return true;
    if (st.type === 'BlockStatement' && st.body.length > 0) return this.exits(st.body[st.body.length - 1]);
    return this.alwaysThrows(st, 0);
  }

  private sameFileFunction(name: string): Fn | undefined {
    const init = this.reinit.has(name) ? undefined : this.inits.get(name);
    if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) return init;
    return this.functionDeclaration(name);
  }

  private functionDeclaration(name: string): TSESTree.FunctionDeclaration | undefined {
    for (const s of this.program.body) {
      const d = s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s;
      if (d.type === 'FunctionDeclaration' && d.id?.name === name) return d;
    }
    return undefined;
  }

  /** The object of zod fields behind `{ a: z.string() }`, `z.object({...})`, `Schema.shape`, or a variable holding one. */
  private schemaShape(n0: N, depth: number): TSESTree.ObjectExpression | undefined {
    const n = unwrap(n0);
    if (depth > 4) return undefined;
    if (n.type === 'ObjectExpression') return n.properties.some((q) => q.type === 'Property' && isZodChain(q.value)) ? n : undefined;
    if (n.type === 'Identifier') {
      const init = this.reinit.has(n.name) ? undefined : this.inits.get(n.name);
      return init ? this.schemaShape(init, depth + 1) : undefined;
    }
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'shape') return this.schemaShape(n.object, depth + 1);
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        // z.object({...}), z.object({...}).strict(), schema.describe(...)
        if (/^(object|strictObject|looseObject)$/.test(callee.property.name) && n.arguments[0]) return this.schemaShape(n.arguments[0], depth + 1);
        return this.schemaShape(callee.object, depth + 1);
      }
    }
    return undefined;
  }

  /** The tool name when `fn` handles an agent tool call (its first parameter is filled by the model). */
  /** Remember (or forget) that `target` holds `C ? a : b`. */
  private noteConditional(target: N, value: N, env: Env): void {
    if (target.type !== 'Identifier') return;
    let scope = this.conditionals.get(env);
    let v = unwrap(value);
    if (v.type === 'AwaitExpression') v = unwrap(v.argument);
    if (v.type !== 'ConditionalExpression') {
      scope?.delete(target.name);
      return;
    }
    if (!scope) this.conditionals.set(env, (scope = new Map()));
    scope.set(target.name, { test: this.text.slice(v.test.range[0], v.test.range[1]).replace(/\s+/g, ''), whenTrue: this.evalExpr(v.consequent), whenFalse: this.evalExpr(v.alternate) });
  }

  /**
   * `if (!C && ...)` / `if (C && ...)` after `x = C ? a : b`: what `x` holds inside the branch. `elseBranch`: what it
   * holds in the `else` of a test that is the condition alone (`if (C)`, `if (!C)`; the else of a conjunction is no side).
   */
  private correlated(test: N, env: Env, elseBranch = false): Map<string, Taint | undefined> {
    const out = new Map<string, Taint | undefined>();
    if (elseBranch) {
      const u = unwrap(test);
      if (u.type === 'LogicalExpression') return out;
      const negated = u.type === 'UnaryExpression' && u.operator === '!';
      const inner = negated ? unwrap(u.argument) : u;
      const text = this.text.slice(inner.range[0], inner.range[1]).replace(/\s+/g, '');
      for (let e: Env | undefined = env; e; e = e.parent) {
        for (const [name, c] of this.conditionals.get(e) ?? []) {
          if (out.has(name) || (e !== env && env.vars.has(name)) || c.test !== text) continue;
          out.set(name, negated ? c.whenTrue : c.whenFalse);
        }
      }
      return out;
    }
    const conjuncts: N[] = [];
    const collect = (e: N): void => {
      const u = unwrap(e);
      if (u.type === 'LogicalExpression' && u.operator === '&&') {
        collect(u.left);
        collect(u.right);
      } else conjuncts.push(u);
    };
    collect(test);
    for (let e: Env | undefined = env; e; e = e.parent) {
      const scope = this.conditionals.get(e);
      if (!scope) continue;
      for (const [name, c] of scope) {
        if (out.has(name) || (e !== env && env.vars.has(name))) continue;
        for (const k of conjuncts) {
          const negated = k.type === 'UnaryExpression' && k.operator === '!';
          const inner = negated ? unwrap(k.argument) : k;
          if (this.text.slice(inner.range[0], inner.range[1]).replace(/\s+/g, '') !== c.test) continue;
          out.set(name, negated ? c.whenFalse : c.whenTrue);
          break;
        }
      }
    }
    return out;
  }

  /** `server.tool('name', ..., handler)`, `server.registerTool(...)`, `server.setRequestHandler(CallToolRequestSchema, handler)`: an MCP server's tool. */
  private mcpToolHandler(fn: Fn): boolean {
    const p = linkedParent(fn);
    if (!p || (p.type !== 'CallExpression' && p.type !== 'NewExpression')) return false;
    const callee = unwrap(p.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
    if (callee.property.name === 'setRequestHandler') return !!p.arguments[0] && /CallToolRequestSchema$/.test(this.qualName(p.arguments[0]));
    return JS_TOOL_REGISTRATIONS.has(callee.property.name) && jsStringValue(p.arguments[0]) !== undefined && p.arguments[p.arguments.length - 1] === fn;
  }

  private schemaNames?: Set<string>;

  /**
   * Names of the function-calling schemas written in this file: an object literal with a string `name` next to
   * `parameters` / `input_schema` / `inputSchema` (OpenAI, Anthropic, MCP tool shapes).
   */
  private schemaToolNames(): Set<string> {
    if (this.schemaNames) return this.schemaNames;
    const out = new Set<string>();
    if (/\b(parameters|input_schema|inputSchema)\b/.test(this.text)) {
      const visit = (n: N): void => {
        if (n.type === 'ObjectExpression') {
          const name = jsStringValue(objProp(n, 'name')?.value);
          const schema = ['parameters', 'input_schema', 'inputSchema'].some((k) => {
            const v = objProp(n, k)?.value;
            return !!v && unwrap(v).type !== 'Literal';
          });
          if (name && schema) out.add(name);
        }
        for (const c of jsChildren(n)) visit(c);
      };
      visit(this.program);
    }
    return (this.schemaNames = out);
  }

  /**
   * `function get_weather({ city })` / `const get_weather = async (args) => ...` at the top level, or a
   * registry entry `{ get_weather: async (args) => ... }`, named by a function-calling schema of this file.
   */
  private schemaTool(fn: Fn, p: N): string | undefined {
    let name: string | undefined;
    if (fn.type === 'FunctionDeclaration' && (p.type === 'Program' || p.type === 'ExportNamedDeclaration' || p.type === 'ExportDefaultDeclaration')) name = fn.id?.name;
    else if (p.type === 'VariableDeclarator' && p.id.type === 'Identifier') {
      const decl = linkedParent(p);
      const top = decl ? linkedParent(decl) : undefined;
      if (top && (top.type === 'Program' || top.type === 'ExportNamedDeclaration')) name = p.id.name;
    } else if (p.type === 'Property' && p.value === fn) name = propName(p);
    return name !== undefined && this.schemaToolNames().has(name) ? name : undefined;
  }

  /** A tool's name when its arguments are the model's: in tests, fixtures and scripts only when the file gives the tool to a model or an agent. */
  private handedOver(tool: string | undefined, fn: Fn): string | undefined {
    return tool !== undefined && jsToolGivenToAgent(this.program, fn, this.role) ? tool : undefined;
  }

  private toolName(fn: Fn): string | undefined {
    const p = linkedParent(fn);
    if (!p) return undefined;
    const described = this.schemaTool(fn, p);
    if (described !== undefined) return described;
    if (p.type === 'CallExpression' || p.type === 'NewExpression') {
      const callee = unwrap(p.callee);
      const name = jsStringValue(p.arguments[0]);
      // server.tool('read_file', schema, async ({ path }) => ...), server.registerTool(...)
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && JS_TOOL_REGISTRATIONS.has(callee.property.name)
        && name !== undefined && p.arguments[p.arguments.length - 1] === fn) return name;
      // server.setRequestHandler(CallToolRequestSchema, async (request) => ...)
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'setRequestHandler'
        && p.arguments[0] && /CallToolRequestSchema$/.test(this.qualName(p.arguments[0]))) return 'tools/call';
      // LangChain JS: tool(async ({ q }) => ..., { name: 'search', schema })
      if (JS_TOOL_FACTORIES.test(this.qualName(callee)) && p.arguments[0] === fn) return jsStringValue(objProp(p.arguments[1], 'name')?.value) ?? 'tool';
      return undefined;
    }
    // tool({ execute: async ({ url }) => ... }), new DynamicStructuredTool({ func: async (input) => ... })
    if (p.type === 'Property' && /^(execute|func|handler|invoke)$/.test(propName(p) ?? '')) {
      const obj = linkedParent(p);
      const call = obj ? linkedParent(obj) : undefined;
      if (call && (call.type === 'CallExpression' || call.type === 'NewExpression') && JS_TOOL_FACTORIES.test(this.qualName(call.callee))) {
        const decl = linkedParent(call);
        const declared = decl?.type === 'VariableDeclarator' && decl.id.type === 'Identifier' ? decl.id.name : undefined;
        return jsStringValue(objProp(obj, 'name')?.value) ?? declared ?? 'tool';
      }
    }
    return undefined;
  }

  private recordDerived(target: N, value: N, env: Env): void {
    if (target.type !== 'Identifier') return;
    const v = unwrap(value);
    const computed = v.type === 'CallExpression' || v.type === 'NewExpression' || v.type === 'MemberExpression' || v.type === 'AwaitExpression';
    env.derive(target.name, computed ? this.guardKeys(v, env) : []);
  }

  /** Same as the Python engine: checks that confine values for the statements after them. */
  /**
   * The taint of the `then` branch of `S.has(x) ? x : fallback` (`includes` too): the value is one of the
   * collection's members, constant when the collection is (an allow-list), else checked for the guard contexts.
   */
  private membershipBranch(test: N, value: N): Taint | undefined {
    const t = this.evalExpr(value);
    const c = unwrap(test);
    if (!t || c.type !== 'CallExpression' || c.arguments.length !== 1) return t;
    const callee = unwrap(c.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !COLLECTION_GUARD_METHODS.has(callee.property.name)) return t;
    const recv = unwrap(callee.object);
    const arg = c.arguments[0];
    if (arg.type === 'SpreadElement' || isTainted(this.evalExpr(recv)) || memberKey(unwrap(arg)) === undefined || memberKey(unwrap(arg)) !== memberKey(unwrap(value))) return t;
    return sanitize(t, (recv.type === 'Identifier' && this.constants.has(recv.name)) || isLiteralCollection(recv) ? ALL_CONTEXTS : GUARD_CONTEXTS);
  }

  /** `isSafeUrl(u)`, `await validator.isAllowed(u)`: a call of a validator-named function, else undefined. */
  private validatorCall(init: N): TSESTree.CallExpression | undefined {
    const c = unwrap(init);
    const call = c.type === 'AwaitExpression' ? unwrap(c.argument) : c;
    if (call.type !== 'CallExpression') return undefined;
    const callee = unwrap(call.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
    return VALIDATOR_NAME.test(name) ? call : undefined;
  }

  /** `extensions`: also file-type checks (`name.endsWith('.md')`), which hold only where the branch structure says so. */
  private applyGuards(cond: N, env: Env, extensions = false): void {
    const c = unwrap(cond);
    const guard = (e: N | undefined, contexts: number, needsNormalized = false): void => {
      if (e) confine(env, this.guardKeys(e, env), contexts, needsNormalized);
    };
    // if (!safe.ok) / if (!allowed): the verdict of a validator called above
    const base = c.type === 'MemberExpression' ? unwrap(c.object) : c;
    if (base.type === 'Identifier') {
      const checked = env.verdictOf(base.name);
      if (checked?.length) confine(env, checked, GUARD_CONTEXTS);
      const held = base === c ? env.conditionOf(base.name) as N | undefined : undefined;
      if (held) this.applyGuards(held, env, extensions);
    }
    const constant = (x: N): boolean => jsStringValue(x) !== undefined || (x.type === 'Identifier' && /^[A-Z][A-Z0-9_]*$/.test(x.name));
    switch (c.type) {
      case 'UnaryExpression':
        this.applyGuards(c.argument, env, extensions);
        return;
      case 'LogicalExpression':
        this.applyGuards(c.left, env, extensions);
        this.applyGuards(c.right, env, extensions);
        return;
      case 'BinaryExpression':
        if (c.operator === 'in' && c.left.type !== 'PrivateIdentifier') guard(c.left, GUARD_CONTEXTS & ~CTX.dispatch);
        // path.dirname(target) !== root: a normalised target sits directly in the folder (compared with a constant,
        // the dirname fixes the folder, not the path)
        else if (/^[!=]==?$/.test(c.operator) && c.left.type !== 'PrivateIdentifier' && (this.dirnameOf(c.left) || this.dirnameOf(c.right))) {
          for (const [side, other] of [[c.left, c.right], [c.right, c.left]] as const) {
            const target = this.dirnameOf(side);
            if (target && !isTainted(this.evalExpr(other))) guard(target, CTX.path, true);
          }
        }
        else if (/^[!=]==?$/.test(c.operator) && c.left.type !== 'PrivateIdentifier') {
          // url.protocol === 'https:' fixes the scheme only: the host is still anyone's
          if (constant(c.right) && !urlPartOtherThanHost(c.left)) guard(c.left, GUARD_CONTEXTS);
          else if (constant(c.left) && !urlPartOtherThanHost(c.right)) guard(c.right, GUARD_CONTEXTS);
        }
        return;
      case 'CallExpression': {
        const callee = unwrap(c.callee);
        const q = this.qualName(callee);
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
          const method = callee.property.name;
          const recv = unwrap(callee.object);
          // a prefix check confines when the prefix ends with a separator: "/srv/data-secrets" starts with "/srv/data"
          // name.startsWith('-'): a check for an option (the branch that goes on is the one without)
          if (method === 'startsWith' && /^--?$/.test(jsStringValue(c.arguments[0]) ?? '')) guard(recv, CTX.option);
          else if (PATH_GUARD_METHODS.has(method)) {
            if (method !== 'startsWith' || this.separatorPrefix(c.arguments[0], 0) || this.relativeEscapeCheck(recv, c.arguments[0])) guard(recv, CTX.path, true);
            else guard(recv, PATH_PREFIX_CHECKED, true);
          }
          // name.endsWith('.drawio'): an allow-listed file type (no credential file, no shell rc, no binary)
          else if (method === 'endsWith' && extensionArg(c.arguments[0])) {
            if (extensions) guard(recv, CTX.path | CHECKED_BY_HELPER);
          }
          // allowed.some((dir) => isInside(real, dir)): the check inside the callback holds for the values it reads
          else if (GUARD_CALLBACK_METHODS.has(method) && isFunction(c.arguments[0])) {
            const body = callbackResult(c.arguments[0]);
            if (body) this.applyGuards(body, env, extensions);
          } else if (q === 'Object.hasOwn' || /\.hasOwnProperty\.call$/.test(q)) guard(c.arguments[1], GUARD_CONTEXTS);
          else if (COLLECTION_GUARD_METHODS.has(method) && !isTainted(this.evalExpr(recv))) guard(c.arguments[0], recv.type === 'Identifier' && this.constants.has(recv.name) || isLiteralCollection(recv) ? ALL_CONTEXTS : GUARD_CONTEXTS);
          else if (method === 'test' && (recv.type === 'Literal' || /^[A-Z_]+$|pattern|regex|re$/i.test(memberKey(recv) ?? ''))) guard(c.arguments[0], GUARD_CONTEXTS);
          else if (VALIDATOR_NAME.test(method)) for (const a of c.arguments) guard(a, GUARD_CONTEXTS);
        } else if (callee.type === 'Identifier' && VALIDATOR_NAME.test(callee.name)) for (const a of c.arguments) guard(a, GUARD_CONTEXTS);
        return;
      }
      default:
        return;
    }
  }

  /**
   * `rel.startsWith('..')` where `rel = path.relative(root, target)`: the containment idiom (with `path.isAbsolute(rel)`
   * beside it). The check confines what `rel` was derived from, the target.
   */
  private relativeEscapeCheck(recv: N, arg: N | undefined): boolean {
    if (!arg || arg.type === 'SpreadElement' || !/^\.\.([\\/]|$)/.test(jsStringValue(arg) ?? '') || recv.type !== 'Identifier') return false;
    const init = this.reinit.has(recv.name) ? undefined : this.inits.get(recv.name);
    const call = init ? unwrap(init) : undefined;
    return call?.type === 'CallExpression' && /(^|\.)(path|posix|win32)\.relative$|^(node:)?path\.relative$/.test(this.qualName(call.callee));
  }

  /** `base + path.sep`, `'/srv/data/'`, `` `${root}/` ``, or a variable holding one of them: a directory prefix that ends with a separator. */
  private separatorPrefix(n0: N | undefined, depth: number): boolean {
    if (!n0 || depth > 3 || n0.type === 'SpreadElement') return false;
    const n = unwrap(n0);
    const lit = jsStringValue(n);
    if (lit !== undefined) return /[\\/]$/.test(lit);
    const isSep = (x: N): boolean => /(^|\.)sep$/.test(this.qualName(x));
    switch (n.type) {
      case 'TemplateLiteral': {
        const tail = n.quasis[n.quasis.length - 1]?.value.cooked ?? '';
        return /[\\/]$/.test(tail) || (tail === '' && n.expressions.length > 0 && isSep(n.expressions[n.expressions.length - 1]));
      }
      case 'BinaryExpression':
        return n.operator === '+' && (isSep(n.right) || this.separatorPrefix(n.right, depth + 1));
      case 'Identifier': {
        const init = this.reinit.has(n.name) ? undefined : this.inits.get(n.name);
        return !!init && this.separatorPrefix(init, depth + 1);
      }
      default:
        return false;
    }
  }

  private guardKeys(e0: N, env: Env): string[] {
    const e = unwrap(e0);
    switch (e.type) {
      case 'Identifier':
        return [e.name];
      case 'MemberExpression': {
        const key = memberKey(e);
        if (key && env.has(key)) return [key, ...this.guardKeys(e.object, env)];
        // args.file checked: property `file` of `args`, whose other properties stay as they were
        const obj = unwrap(e.object);
        // (a part of a parsed URL, `parsed.hostname`, is checked for the whole URL)
        if (!e.computed && e.property.type === 'Identifier' && obj.type === 'Identifier' && env.has(obj.name) && !URL_PARTS.has(e.property.name)) return [`${obj.name}#${e.property.name}`];
        return this.guardKeys(e.object, env);
      }
      case 'CallExpression':
      case 'NewExpression': {
        const callee = unwrap(e.callee);
        const out: string[] = [];
        if (callee.type === 'MemberExpression') out.push(...this.guardKeys(callee.object, env).filter((k) => env.has(k)));
        for (const a of e.arguments) out.push(...this.guardKeys(a, env));
        return out;
      }
      case 'AwaitExpression':
        return this.guardKeys(e.argument, env);
      default:
        return [];
    }
  }


  private modelSource(n: TSESTree.CallExpression, callee: N, q: string): Taint | undefined {
    const plain = q.replace(/\(\)/g, '').replace(/^new /, '');
    const origin = (): string => describe(this.text.slice(n.range[0], n.range[1]));
    if (isModelCallName(plain, JS_MODEL_CALL_SUFFIXES, JS_MODEL_FULL_NAMES)) return src(MODEL, n, origin());
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const obj = unwrap(callee.object);
      const name = obj.type === 'Identifier' ? obj.name : obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier' ? obj.property.name : '';
      if (isModelMethodCall(callee.property.name, name, JS_MODEL_METHODS, (x) => this.imports.has(x))) return src(MODEL, n, origin());
    }
    return undefined;
  }
}

function src(kind: number, n: N, origin?: string): Taint {
  return { kinds: kind, sanitized: 0, origin: origin ?? 'model call', originStart: n.range[0] };
}

/** `u.protocol`, `u.port`, `u.pathname`...: a part of a parsed URL that says nothing about its host. */
function urlPartOtherThanHost(n: N): boolean {
  const m = unwrap(n);
  return m.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' && URL_PARTS_NOT_HOST.test(m.property.name);
}
const URL_PARTS_NOT_HOST = /^(protocol|port|pathname|search|hash|username|password)$/;

/** A URL literal prefix that fixes scheme and host (`https://api.example.com/...`) or a same-origin path. */
const FIXED_ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#{}$]+[/?#]|\/(?!\/))/i;

/** A template or concatenation with fixed text that has a character other than a dot (`export-${x}`), through case changes. */
function hasFixedNonDotText(n0: N): boolean {
  const n = unwrap(n0);
  if (n.type === 'TemplateLiteral') return n.quasis.some((q) => /[^.]/.test(q.value.cooked ?? ''));
  if (n.type === 'BinaryExpression' && n.operator === '+') return (hasFixedNonDotText(n.left) || hasFixedNonDotText(n.right) || /[^.]/.test(jsStringValue(n.left) ?? '') || /[^.]/.test(jsStringValue(n.right) ?? ''));
  if (n.type === 'CallExpression' && n.arguments.length === 0) {
    const c = unwrap(n.callee);
    return c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' && /^(toLowerCase|toUpperCase|toLocaleLowerCase|toLocaleUpperCase)$/.test(c.property.name) && hasFixedNonDotText(c.object);
  }
  return false;
}

/** A yes/no check: a comparison, a negation, `a && b` / `a || b` of checks, or a test method (`x.startsWith(root)`). */
function isCheckExpression(n0: N): boolean {
  const n = unwrap(n0);
  if (n.type === 'BinaryExpression') return /^([!=]==?|in)$/.test(n.operator);
  if (n.type === 'UnaryExpression') return n.operator === '!';
  if (n.type === 'LogicalExpression') return n.operator !== '??' && isCheckExpression(n.left) && isCheckExpression(n.right);
  if (n.type !== 'CallExpression') return false;
  const callee = unwrap(n.callee);
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && /^(startsWith|endsWith|includes|has|test|some|every)$/.test(callee.property.name);
}

/** `s.split('/')`, `s.split(/[\\/]/)`, `s.split(path.sep)`: pieces with no path separator in them. */
function separatorSplit(n0: N): boolean {
  const n = unwrap(n0);
  if (n.type !== 'CallExpression' || n.arguments.length !== 1) return false;
  const callee = unwrap(n.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'split') return false;
  const sep = unwrap(n.arguments[0] as N);
  if (sep.type === 'Literal' && 'regex' in sep && sep.regex) return /^(\\\/|\[(\\\/|\/)(\\\\)\]|\[\\\\(\\\/|\/)\])$/.test(sep.regex.pattern);
  if (sep.type === 'Literal') return sep.value === '/';
  return sep.type === 'MemberExpression' && !sep.computed && sep.property.type === 'Identifier' && sep.property.name === 'sep' && sep.object.type === 'Identifier' && /^(path|posix|win32)$/.test(sep.object.name);
}

/**
 * `id.slice(0, 8)` right after fixed text of the same file name (`export-${...}.json`): at most eight characters
 * the caller chose, behind a prefix that is not a separator, so the name cannot be `..` and can climb one folder at
 * most (`/../../x`) to a one- or two-letter name: no file anyone cares about.
 */
function shortCutAfterPrefix(e0: N, before: string): boolean {
  if (before === '' || /[\\/]$/.test(before)) return false;
  const e = unwrap(e0);
  if (e.type !== 'CallExpression' || e.arguments.length !== 2) return false;
  const callee = unwrap(e.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !/^(slice|substring|substr)$/.test(callee.property.name)) return false;
  const [a, b] = e.arguments.map((x) => unwrap(x as N));
  return a.type === 'Literal' && a.value === 0 && b.type === 'Literal' && typeof b.value === 'number' && b.value <= 8;
}

/** `() => '?'`, `(_, i) => `$${i + 1}``: a callback whose result does not depend on the element (a placeholder). */
function constantPerElement(fn0: N | undefined): boolean {
  const fn = fn0 ? unwrap(fn0) : undefined;
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return false;
  let body: N | null | undefined = fn.body;
  if (body.type === 'BlockStatement') {
    const only = body.body.length === 1 ? body.body[0] : undefined;
    body = only?.type === 'ReturnStatement' ? only.argument : undefined;
  }
  if (!body) return false;
  const element = fn.params[0];
  const elementName = element?.type === 'Identifier' ? element.name : undefined;
  if (element && !elementName) return false;
  // the index (second parameter); the third is the whole array
  const index = fn.params[1]?.type === 'Identifier' ? fn.params[1].name : undefined;
  // numbers and text built only from constants, the index and lengths
  const fixed = (x0: N): boolean => {
    const x = unwrap(x0);
    if (x.type === 'Literal') return typeof x.value === 'string' || typeof x.value === 'number';
    if (x.type === 'Identifier') return x.name === index;
    if (x.type === 'TemplateLiteral') return x.expressions.every(fixed);
    if (x.type === 'BinaryExpression') return x.left.type !== 'PrivateIdentifier' && fixed(x.left) && fixed(x.right);
    return x.type === 'MemberExpression' && !x.computed && x.property.type === 'Identifier' && x.property.name === 'length';
  };
  return fixed(body);
}

/** JS_MODEL_FUNCTIONS as full names (the table is constant). */
const JS_MODEL_FULL_NAMES = new Set(Object.entries(JS_MODEL_FUNCTIONS).flatMap(([mod, names]) => names.map((name) => `${mod}.${name}`)));

function normalizeModule(m: string): string {
  return m.replace(/^node:/, '');
}

function functionName(fn: Fn, p: N | undefined): string | undefined {
  if (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') {
    if (fn.id) return fn.id.name;
  }
  if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
  if (p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition' || p?.type === 'Property') return propName(p);
  return undefined;
}

/** `this.x` / `a.b.c` as a variable key when it is a chain of names. */
export function memberKey(n: N): string | undefined {
  const u = unwrap(n);
  if (u.type === 'Identifier') return u.name;
  if (u.type === 'ThisExpression') return 'this';
  if (u.type !== 'MemberExpression' || u.computed || u.property.type !== 'Identifier') return undefined;
  const base = memberKey(u.object);
  return base ? `${base}.${u.property.name}` : undefined;
}

/** The destructured prop names of a component `({ a, b, ...rest })` (its only parameter), or undefined. */
function componentProps(fn: { params: TSESTree.Parameter[] }): string[] | undefined {
  const p = fn.params.length === 1 ? fn.params[0] : undefined;
  if (p?.type !== 'ObjectPattern') return undefined;
  const names: string[] = [];
  for (const q of p.properties) {
    if (q.type !== 'Property' || names.length >= 22) continue;
    names.push(!q.computed && q.key.type === 'Identifier' ? q.key.name : '');
  }
  return names.length ? names : undefined;
}

/** A parameter's name for messages and keyword matching (`{ a, b }` -> `props`). */
function paramLabel(p: TSESTree.Parameter): string {
  if (p.type === 'Identifier') return p.name;
  if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') return p.left.name;
  if (p.type === 'TSParameterProperty' && p.parameter.type === 'Identifier') return p.parameter.name;
  return p.type === 'ObjectPattern' ? 'props' : 'argument';
}

function className(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, parent: N | undefined): string | undefined {
  if (cls.id) return cls.id.name;
  return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
}

/** `['a', 'b']`, `new Set(['a', 'b'])`, `Object.freeze([...])`: a literal collection of constants. */
function isLiteralCollection(n0: N): boolean {
  const n = unwrap(n0);
  if (n.type === 'NewExpression' || n.type === 'CallExpression') {
    const c = unwrap(n.callee);
    const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? memberKey(c) ?? '' : '';
    return /^(Set|Object\.freeze)$/.test(name) && n.arguments.length === 1 && isLiteralCollection(n.arguments[0]);
  }
  if (n.type !== 'ArrayExpression') return false;
  return n.elements.length > 0 && n.elements.every((e) => !!e && e.type === 'Literal' && (typeof e.value === 'string' || typeof e.value === 'number'));
}

const JS_LIBRARY: LibraryTables = { renderers: JS_MARKDOWN_RENDERERS, passthrough: (name) => JS_PASSTHROUGH.has(name) };

/** Array methods whose callback is a check over the elements: `allowed.some((dir) => isInside(p, dir))`. */
const GUARD_CALLBACK_METHODS = new Set(['some', 'every', 'find', 'findIndex']);
/** Path joins whose last part names the file. */
const JS_PATH_JOIN = /^path(\.posix|\.win32)?\.(join|resolve)$/;

function isFunction(n: N | undefined): n is TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression');
}

/** The expression a callback returns: its expression body or a body of a single `return x`. */
function callbackResult(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): N | undefined {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === 'ReturnStatement' && only.argument ? only.argument : undefined;
}

/**
 * `{ command: 'python3', fileName: 'main.py', source: code }`: a property whose value is a literal after the last
 * spread holds no source, whatever the other properties hold; reading it (`runtime.fileName`) is clean. A property
 * whose value was sanitized for some contexts (a confined path beside model data) keeps them when read alone.
 */
function constantFields(n: TSESTree.ObjectExpression, t: Taint | undefined, values: (Taint | undefined)[]): Taint | undefined {
  if (!t) return t;
  let fields: Record<string, number> | undefined;
  const seen = new Set<string>();
  for (let i = n.properties.length - 1; i >= 0; i--) {
    const p = n.properties[i];
    if (p.type !== 'Property' || p.computed) break;
    const key = propName(p);
    // the last definition of a key is the one that holds
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const v = unwrap(p.value);
    if (p.kind !== 'init') continue;
    if (v.type === 'Literal' || (v.type === 'TemplateLiteral' && !v.expressions.length)) (fields ??= { ...t.fieldSanitized })[key] = ALL_CONTEXTS;
    // { base64: modelData, filePath }: a property holding a path confined on its own keeps that when read alone
    else if (values[i]?.sanitized && values[i]!.sanitized & ~t.sanitized & ALL_CONTEXTS) (fields ??= { ...t.fieldSanitized })[key] = values[i]!.sanitized & ALL_CONTEXTS;
  }
  return fields ? { ...t, fieldSanitized: fields } : t;
}

/** Properties of a URL object: a check of one of them is a check of the URL. */
const URL_PARTS = new Set(['hostname', 'host', 'origin', 'href', 'protocol', 'port', 'pathname', 'search', 'hash', 'username', 'password', 'searchParams']);

/** `--` (POSIX) and git's `--end-of-options`: the arguments after it are operands. */
const END_OF_OPTIONS = /^--(end-of-options)?$/;

/** The zod constructor a chain starts from: `z.enum([...]).optional().describe('...')` -> `enum`. */
function zodBase(n0: N): string | undefined {
  let n = unwrap(n0);
  for (let i = 0; i < 12 && n.type === 'CallExpression'; i++) {
    const callee = unwrap(n.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    const obj = unwrap(callee.object);
    if (obj.type === 'Identifier' && obj.name === 'z') return callee.property.name;
    // z.coerce.number()
    if (obj.type === 'MemberExpression' && !obj.computed && unwrap(obj.object).type === 'Identifier' && (unwrap(obj.object) as TSESTree.Identifier).name === 'z') return callee.property.name;
    n = obj;
  }
  return undefined;
}

function isZodChain(n: N): boolean {
  return zodBase(n) !== undefined;
}

/** A zod field that holds no free text: one of fixed values, a number, a boolean, a date. */
/**
 * An anchored pattern whose first character cannot be `-`: `^[0-9a-f]{7,40}$`, `^\w+$`, `^v\d+`. A class that
 * holds `-` (literally or in a range), a negated class, `.`, a group or an unanchored start can.
 */
export function leadingDashRejected(pattern: string): boolean {
  // an alternative (`^[a-z]+|-x`) starts somewhere else
  if (!pattern.startsWith('^') || pattern.includes('|')) return false;
  const rest = pattern.slice(1);
  let next: number;
  if (/^\\[dw]/.test(rest)) next = 2;
  else if (rest.startsWith('[')) {
    let end = -1;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === ']' && i > 1) { end = i; break; }
    }
    if (end < 0) return false;
    const body = rest.slice(1, end);
    if (body.startsWith('^') || /\\[-WSDbBpP]/.test(body)) return false;
    if (body.startsWith('-') || body.endsWith('-')) return false;
    // ranges: a-b holds "-" when a <= "-" <= b
    for (let i = 1; i + 1 < body.length; i++) {
      if (body[i] === '-' && body[i - 1] !== '\\' && body[i - 1] <= '-' && body[i + 1] >= '-') return false;
    }
    next = end + 1;
  } else if (/^[A-Za-z0-9_/@:]/.test(rest)) next = 1;
  else return false;
  // the first element must be there: not optional (`?`, `*`, `{0,`)
  return !/^(\?|\*|\{0[,}])/.test(rest.slice(next));
}

function isClosedZod(n: N): boolean {
  return /^(enum|nativeEnum|literal|number|int|bigint|boolean|date)$/.test(zodBase(n) ?? '');
}

/** `'.drawio'`: a file extension. */
function extensionArg(a: N | undefined): boolean {
  return !!a && a.type !== 'SpreadElement' && /^\.\w+$/.test(jsStringValue(a) ?? '');
}

/** A file-type check somewhere in the condition: `name.endsWith('.md')`. */
function hasExtensionCheck(e0: N): boolean {
  const e = unwrap(e0);
  if (e.type === 'UnaryExpression') return hasExtensionCheck(e.argument);
  if (e.type === 'LogicalExpression') return hasExtensionCheck(e.left) || hasExtensionCheck(e.right);
  if (e.type !== 'CallExpression') return false;
  const callee = unwrap(e.callee);
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'endsWith' && extensionArg(e.arguments[0]);
}

/** `!check`, `a !== b`, `!c1 && !c2`, `!c1 || !c2`: after an early exit, what holds is the check itself. */
function negatedTest(e0: N): boolean {
  const e = unwrap(e0);
  if (e.type === 'UnaryExpression') return e.operator === '!';
  if (e.type === 'BinaryExpression') return e.operator === '!==' || e.operator === '!=';
  if (e.type === 'LogicalExpression') return e.operator !== '??' && negatedTest(e.left) && negatedTest(e.right);
  return false;
}

/** What a function returns: its return statements, and apart those of an early return when a setting is absent. */
interface JsReturns {
  returns?: Taint;
  unset?: { t: Taint | undefined; roots: string[] };
}

/** Text of a same-file validator that can confine a value (prefix, relative path, realpath, `..`, allow-list). */
const CONFINING_CHECK = /\.startsWith\(|\brelative\(|\brealpath|\.includes\(|\.has\(|\.test\(|['"]\.\.['"/\\]|\bisAbsolute\(/;
/** Functions that quote a SQL identifier or literal: `quoteIdentifier`, `quote_ident`, `escapeId` (mysql), `escapeIdentifier` / `escapeLiteral` (pg). */
const SQL_QUOTER = /^(quote_?ident(ifier)?|escape_?ident(ifier)?|escapeId|quote_?(table|column)(_?name)?|escape_?literal|quote_?literal)$/i;
/** Property names of a tool definition whose function checks the arguments before the handler runs. */
const TOOL_VALIDATOR_HOOK = /^(validate|validator|validateInput|validateArgs|validateArguments|validateParams|validateToolParams|validateToolInput)$/;

/**
 * The properties of its first parameter a validator hook passes to a validator-named function:
 * `validatePath(args.path)`, `const { path } = args; validatePath(path)`, `({ source, destination }) => validatePathPair(source, destination)`.
 */
function checkedProps(hook: Fn, confining: (name: string) => boolean): string[] {
  const param = hook.params[0];
  if (!param) return [];
  const alias = new Map<string, string>();
  let whole: string | undefined;
  const destructure = (pattern: TSESTree.ObjectPattern): void => {
    for (const q of pattern.properties) {
      const v = q.type === 'Property' ? (q.value.type === 'AssignmentPattern' ? q.value.left : q.value) : undefined;
      if (q.type === 'Property' && !q.computed && v?.type === 'Identifier') alias.set(v.name, propName(q) ?? '');
    }
  };
  if (param.type === 'Identifier') whole = param.name;
  else if (param.type === 'ObjectPattern') destructure(param);
  else return [];
  const out = new Set<string>();
  const propOf = (a0: N): string | undefined => {
    const a = unwrap(a0);
    if (a.type === 'Identifier') return alias.get(a.name);
    if (a.type === 'MemberExpression' && !a.computed && a.property.type === 'Identifier' && whole !== undefined) {
      const o = unwrap(a.object);
      if (o.type === 'Identifier' && o.name === whole) return a.property.name;
    }
    return undefined;
  };
  const stack: N[] = [hook.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'VariableDeclarator' && n.init && whole !== undefined) {
      const init = unwrap(n.init);
      // const { path, old_str } = args; const target = args.path
      if (n.id.type === 'ObjectPattern' && init.type === 'Identifier' && init.name === whole) destructure(n.id);
      else if (n.id.type === 'Identifier') {
        const f = propOf(init);
        if (f) alias.set(n.id.name, f);
      }
    }
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
      if (confining(name)) for (const a of n.arguments) {
        const f = a.type === 'SpreadElement' ? undefined : propOf(a);
        if (f) out.add(f);
      }
    }
    // nested functions are not the hook's own checks
    if (n !== hook.body && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration')) continue;
    // in source order: `const { path } = args` comes before `validatePath(path)`
    const cs = jsChildren(n);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]);
  }
  return [...out];
}
