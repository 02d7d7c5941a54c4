/**
 * The language-neutral part of the data-flow engines (flow/python.ts and flow/js.ts only map syntax onto it):
 * scopes, the fixed-point rounds, function summaries, fields of `self`/`this`, class hierarchies, and the
 * interprocedural resolution of parameters.
 *
 * Parameters are symbolic: inside a function, parameter i holds a taint with bit i of `params` set and `fn`
 * naming the function. A summary is the taint of what the function returns, so it says at once what flows
 * from a source to the return (kinds) and from which parameters (params): at a call site the parameter bits
 * are replaced by the arguments' taints (parameter -> return). Every call site also adds its arguments'
 * taints to the callee's parameters; a sink inside the callee resolves its parameter bits with them when a
 * rule asks (parameter -> sink), so the finding sits at the sink and names the caller's source.
 */
import type { SinkContext, SourceKind, Taint } from './taint';
import { ALL_CONTEXTS, CTX, PATH_NORMALIZED, expandDerived, join, markBuilt, narrowField, paramContexts, reaches, renderMarkdown, sanitize, sourceContexts } from './taint';
import {
  ARG_METHODS, DOCUMENT_PASSTHROUGH, IMAGE_SANITIZER_OPTIONS, MARKDOWN_IMAGE_STRIPPER, MARKDOWN_METHODS, MARKDOWN_RECEIVER, MARKDOWN_STRIPPED,
  MOCK_RECEIVER, MODEL_RECEIVER, imageSafeOptions,
} from './tables';

/** A lexical scope: variables (names or dotted keys like `self.x`) and what guarded variables were derived from. */
export class Env {
  readonly vars = new Map<string, Taint | undefined>();
  /** `host = urlparse(url).hostname`: host -> [url], so a check of `host` also confines `url`. */
  readonly derived = new Map<string, string[]>();
  /** `const safe = isSafeUrl(url)`: safe -> the variables the validator checked, confined where `safe` is tested. */
  readonly verdicts = new Map<string, string[]>();
  /** `const inside = real.startsWith(root + sep)`: inside -> the check (a syntax node), applied where `inside` is tested. */
  readonly conditions = new Map<string, unknown>();
  /** The check a boolean variable holds (nearest scope declaring it). */
  conditionOf(name: string): unknown {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.conditions.get(name);
    return undefined;
  }
  /** The variables a validator's verdict held in `name` checked (nearest scope declaring it). */
  verdictOf(name: string): string[] | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.verdicts.get(name);
    return undefined;
  }
  /** Variables declared with an object literal and not changed since (`const opts = { config }`): the literal node. */
  readonly literals = new Map<string, unknown>();
  constructor(readonly parent?: Env) {}
  /** The object literal variable `name` still holds, from the scope that declares it. */
  literalOf(name: string): unknown {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.literals.get(name);
    return undefined;
  }
  /** `name.x = ...`: the variable holds more than its literal now. */
  forgetLiteral(name: string): void {
    for (let e: Env | undefined = this; e; e = e.parent) e.literals.delete(name);
  }
  /** `name` now holds a value computed from the variables `from` (or from nothing). */
  derive(name: string, from: string[]): void {
    const keys = from.filter((k) => k !== name);
    if (keys.length) this.derived.set(name, keys);
    else this.derived.delete(name);
  }
  lookup(name: string): Taint | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.vars.get(name);
    return undefined;
  }
  has(name: string): boolean {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return true;
    return false;
  }
}

/** The taint parameter `index` of function `fn` holds inside its body. */
export function paramTaint(fn: string, index: number, name: string, start: number): Taint | undefined {
  if (index >= 24) return undefined;
  return { kinds: 0, sanitized: 0, origin: `parameter ${name}`, originStart: start, params: 1 << index, fn };
}

/** A real source is in it (not only parameters of the function being analysed). */
export function isTainted(t: Taint | undefined): boolean {
  return !!t && t.kinds !== 0;
}

/** A function or method of the file: its key (`name` or `Class.name`), class and parameter names (without self/cls). */
export interface FnInfo {
  key: string;
  name: string;
  cls?: string;
  params: string[];
}

/**
 * Per-file state shared by the walks: summaries, parameter taints from call sites, class fields and bases.
 * A language adapter walks its syntax tree in rounds through `settle()` until the summaries stop changing.
 */
export class FlowCore<Id> {
  /** Function key -> taint of its return value. */
  readonly summaries = new Map<string, Taint | undefined>();
  /** Bare name -> keys of the functions and methods with that name. */
  readonly byName = new Map<string, string[]>();
  readonly fns = new Map<string, FnInfo>();
  /** Class -> base class names (same file). */
  readonly bases = new Map<string, string[]>();
  /** Function key -> joined taint of each parameter over the file's call sites. */
  readonly callerArgs = new Map<string, (Taint | undefined)[]>();
  /** `Class.field` (or a state cell) -> joined taint of every assignment. */
  readonly fields = new Map<string, Taint | undefined>();
  /** Identifier reads: the taint the variable held where it was read, and the round that recorded it. */
  private readonly reads = new Map<Id, Taint | undefined>();
  private readonly readPass = new Map<Id, number>();
  /**
   * The same for ids that are small integers (`denseIds`: the Python adapter's node ids, below the node count), in
   * arrays: a pass of 0 is no read. Two maps of every identifier of a file cost more than the walk that fills them.
   */
  private readonly denseReads?: (Taint | undefined)[];
  private readonly densePass?: Int32Array;

  constructor(denseIds?: number) {
    if (denseIds !== undefined) {
      this.denseReads = new Array<Taint | undefined>(denseIds).fill(undefined);
      this.densePass = new Int32Array(denseIds);
    }
  }

  /** Has a read of `id` been recorded (in this round or an earlier one)? */
  hasRead(id: Id): boolean {
    const dense = this.densePass;
    if (dense && typeof id === 'number' && id >= 0 && id < dense.length) return dense[id] !== 0;
    return this.reads.has(id);
  }
  private pass = 0;
  private staleRead = false;
  changed = false;
  /** Summaries (`S:key`) and fields (`F:key`) read during the current round: changing one of them later calls for another round. */
  private readonly consulted = new Set<string>();

  /** Run `walk` until summaries, fields and parameters settle (a few rounds), then a recording pass if needed. */
  settle(walk: () => void, extraSettled: () => boolean = () => true): void {
    let settled = false;
    for (let round = 0; round < 3; round++) {
      this.changed = false;
      this.pass++;
      this.staleRead = false;
      this.consulted.clear();
      walk();
      if (!this.changed) {
        // no summary or field changed after something in this round read it: this round's reads are final, unless
        // it consulted a read left over from an earlier round (then a recording pass computes them again)
        settled = !this.staleRead && extraSettled();
        break;
      }
    }
    if (settled) {
      for (const id of [...this.reads.keys()]) if (this.readPass.get(id) !== this.pass) this.reads.delete(id);
      const dense = this.densePass;
      if (dense) {
        for (let i = 0; i < dense.length; i++) {
          if (dense[i] !== 0 && dense[i] !== this.pass) {
            dense[i] = 0;
            this.denseReads![i] = undefined;
          }
        }
      }
    } else {
      this.pass++;
      this.reads.clear();
      if (this.densePass) {
        this.densePass.fill(0);
        this.denseReads!.fill(undefined);
      }
      walk();
    }
  }

  /** Set once the walks are done: expression taints by node, since rules ask for the same expressions again and again. */
  private memo: Map<Id, Taint | undefined> | undefined;

  /** The state is final: from now on expression taints are remembered. The questions rules ask, resolved. */
  freeze<Node>(evalExpr: (n: Node) => Taint | undefined): { taintOf(n: Node): Taint | undefined; reaches(n: Node, kind: SourceKind | SourceKind[], context?: SinkContext): Taint | undefined } {
    this.memo = new Map();
    return {
      taintOf: (n) => this.resolve(evalExpr(n)),
      reaches: (n, kind, context) => reaches(this.resolve(evalExpr(n)), kind, context),
    };
  }

  /** The taint of expression `id`, computed by `compute(node)` (once, after freeze()); `compute` is a bound method, not a fresh closure. */
  evaluate<Node>(id: Id, node: Node, compute: (node: Node) => Taint | undefined): Taint | undefined {
    const memo = this.memo;
    if (!memo) return compute(node);
    if (memo.has(id)) return memo.get(id);
    const t = compute(node);
    memo.set(id, t);
    return t;
  }

  /** A container that receives a tainted element (`d[k] = x`, `parts.append(x)`) carries it: a weak update. */
  addTo(env: Env, key: string | undefined, t: Taint | undefined): void {
    if (key && t) env.vars.set(key, join(env.lookup(key), t));
  }

  record(id: Id, t: Taint | undefined): void {
    const dense = this.densePass;
    if (dense && typeof id === 'number' && id >= 0 && id < dense.length) {
      this.denseReads![id] = t;
      dense[id] = this.pass;
      return;
    }
    this.reads.set(id, t);
    this.readPass.set(id, this.pass);
  }

  recorded(id: Id): Taint | undefined {
    const dense = this.densePass;
    if (dense && typeof id === 'number' && id >= 0 && id < dense.length) {
      if (dense[id] !== this.pass) this.staleRead = true;
      return this.denseReads![id];
    }
    if (this.readPass.get(id) !== this.pass) this.staleRead = true;
    return this.reads.get(id);
  }

  // ---------------------------------------------------------------- declarations

  declareFunction(info: FnInfo): void {
    if (this.fns.has(info.key)) return;
    this.fns.set(info.key, info);
    const list = this.byName.get(info.name);
    if (list) list.push(info.key);
    else this.byName.set(info.name, [info.key]);
  }

  declareClass(name: string, bases: string[]): void {
    if (!this.bases.has(name)) this.bases.set(name, bases);
  }

  isClass(name: string): boolean {
    return this.bases.has(name);
  }

  /** The class and its bases (same file), nearest first. */
  ancestors(cls: string): string[] {
    const out: string[] = [];
    const visit = (c: string): void => {
      if (out.includes(c) || out.length > 16) return;
      out.push(c);
      for (const b of this.bases.get(c) ?? []) if (this.bases.has(b)) visit(b);
    };
    visit(cls);
    return out;
  }

  /** Classes derived from `cls` (same file), transitively. */
  descendants(cls: string): string[] {
    const out: string[] = [];
    let frontier = [cls];
    while (frontier.length && out.length < 32) {
      const next: string[] = [];
      for (const [c, bs] of this.bases) if (!out.includes(c) && c !== cls && bs.some((b) => frontier.includes(b))) next.push(c);
      out.push(...next);
      frontier = next;
    }
    return out;
  }

  /**
   * The methods `self.name(...)` may run from a method of `cls`: the nearest definition in the class or its bases,
   * and the overrides in classes derived from it (an abstract method implemented by a provider subclass).
   */
  methodKeys(cls: string, name: string): string[] {
    const out: string[] = [];
    for (const c of this.ancestors(cls)) {
      if (this.fns.has(`${c}.${name}`)) {
        out.push(`${c}.${name}`);
        break;
      }
    }
    for (const c of this.descendants(cls)) if (this.fns.has(`${c}.${name}`)) out.push(`${c}.${name}`);
    return out;
  }

  /** The constructor a class call runs: its own or the nearest base's. */
  constructorKey(cls: string, ctorName: string): string | undefined {
    for (const c of this.ancestors(cls)) if (this.fns.has(`${c}.${ctorName}`)) return `${c}.${ctorName}`;
    return undefined;
  }

  /** Functions a plain call `name(...)` may run: module-level (or nested) functions of that name. */
  functionKeys(name: string): string[] {
    return this.fns.has(name) ? [name] : [];
  }

  // ---------------------------------------------------------------- summaries and call sites

  /**
   * `t`: what the function's returns carry (joined over the rounds and over definitions of the same key). `current`:
   * a part decided anew each round from the rest of the summary (an early return the rest of the function
   * confines: python.ts unsetRootReturns); a change of it, sanitization included, calls for another round.
   */
  setSummary(key: string, t: Taint | undefined, current?: Taint): void {
    const before = this.summaries.get(key);
    // a key defined twice keeps the tainted summary
    const hasParts = this.currentParts.has(key);
    const stable = join(hasParts ? this.stableSummaries.get(key) : before, t);
    if (hasParts || current) this.stableSummaries.set(key, stable);
    let part = current;
    if (current) {
      const prev = this.currentParts.get(key);
      if (prev && prev.pass === this.pass) part = join(prev.t, current);
      this.currentParts.set(key, { pass: this.pass, t: part });
    } else {
      const prev = this.currentParts.get(key);
      if (prev && prev.pass === this.pass) part = prev.t;
    }
    const next = part ? join(stable, part) : stable;
    const moved = (!!next !== !!before || (next && before && (next.kinds !== before.kinds || (next.params ?? 0) !== (before.params ?? 0) || !!next.built !== !!before.built)))
      || (!!part && !!next && !!before && !sameSanitization(next, before));
    if (moved && this.consulted.has(`S:${key}`)) this.changed = true;
    this.summaries.set(key, next);
  }

  /** Summaries without their per-round parts (setSummary). */
  private readonly stableSummaries = new Map<string, Taint | undefined>();
  private readonly currentParts = new Map<string, { pass: number; t: Taint | undefined }>();

  /** The taint of a call to `keys` with these argument taints (parameter bits replaced by the arguments). */
  callResult(keys: string[], args: (Taint | undefined)[]): Taint | undefined {
    let out: Taint | undefined;
    for (const key of keys) {
      this.consulted.add(`S:${key}`);
      out = join(out, substitute(this.wholeParams(this.summaries.get(key)), key, args));
    }
    return out;
  }

  /**
   * What the other workspace files pass to this file's functions (resolved taints: no parameter bits). Kept apart
   * from `callerArgs` so the file's summaries without them (what the other files read) come from the same walk;
   * `resolve` puts them first, as if their call sites came before this file's own.
   */
  readonly incomingArgs = new Map<string, (Taint | undefined)[]>();

  /**
   * Fills `incomingArgs` (CrossFile, after the walks), run on the first resolution that reads a parameter:
   * `resolve` is the only reader of `incomingArgs`, so a file whose rules never ask about a value built from a
   * parameter does not need what other files pass to it (the summaries of the files around it, each a parse and a
   * walk of another file unless already known). The answers are the ones of filling it right after the walks.
   */
  private incomingLoad?: () => void;
  private incomingError?: unknown;

  deferIncoming(load: () => void): void {
    this.incomingLoad = load;
    this.incomingError = undefined;
  }

  private loadIncoming(): void {
    if (this.incomingError !== undefined) throw this.incomingError;
    const load = this.incomingLoad;
    if (!load) return;
    this.incomingLoad = undefined;
    try {
      load();
    } catch (e) {
      // every later reader fails the same way (no rule reads a partial answer as a complete one)
      this.incomingError = e;
      throw e;
    }
  }

  /**
   * Add a call site's argument taints to the callee's parameters. `literals[i]`: argument i is an object literal
   * with these properties, so a read of `param.p` in the callee sees only property p of it (field reads, below).
   * `into`: `incomingArgs` for what other files pass (whole arguments, already resolved).
   */
  addCallArgs(key: string, args: (Taint | undefined)[], literals?: (Map<string, Taint | undefined> | undefined)[], into = this.callerArgs): void {
    let list = into.get(key);
    if (!list) {
      list = [];
      into.set(key, list);
    }
    for (let i = 0; i < args.length && i < 24; i++) {
      const a = args[i];
      if (a) list[i] = join(list[i], a);
      if (into !== this.callerArgs) continue;
      const props = literals?.[i];
      if (props) {
        for (const [p, t] of props) {
          if (p === '...') this.passWhole(key, i, t);
          else if (t) this.fieldArgs.set(`${key}#${i}.${p}`, join(this.fieldArgs.get(`${key}#${i}.${p}`), t));
        }
      } else this.passWhole(key, i, a);
    }
  }

  // ---------------------------------------------------------------- field reads of parameters

  /** Argument i of a call of `key` that is not an object literal (or a spread in one): any property may come from it. */
  private passWhole(key: string, i: number, a: Taint | undefined): void {
    if (!a) return;
    if (this.isBareParam(a)) {
      // g(opts) passing g's own parameter on: a read of `opts.p` in the callee is a read of g's `opts.p`
      const list = this.forwarded.get(`${key}#${i}`) ?? [];
      if (!list.some((x) => x.fn === a.fn && x.params === a.params)) list.push(a);
      this.forwarded.set(`${key}#${i}`, list);
    } else this.fieldArgs.set(`${key}#${i}.*`, join(this.fieldArgs.get(`${key}#${i}.*`), a));
  }

  /** `fn#i.p` -> what call sites pass as property p of an object literal in argument i; `fn#i.*` -> every other argument i. */
  private readonly fieldArgs = new Map<string, Taint | undefined>();

  /**
   * `opts.path` where `opts` is exactly parameter i of its function: a symbolic taint of that property alone, so a
   * call `f({ config })` does not make `opts.modelOutputs` carry `config`. Undefined when `t` is not a bare parameter.
   */
  fieldOf(t: Taint | undefined, prop: string): Taint | undefined {
    if (!t || !this.isBareParam(t) || !prop) return undefined;
    return { kinds: 0, sanitized: 0, origin: `${t.origin}.${prop}`, originStart: t.originStart, params: t.params, fn: t.fn, field: prop };
  }

  /** Exactly one parameter of a function, unchanged (no source, not sanitized, not a field). */
  private isBareParam(t: Taint): boolean {
    if (t.kinds || t.sanitized || !t.fn || !t.params || t.field) return false;
    return Number.isInteger(Math.log2(t.params));
  }

  /** `fn#i` -> bare parameters of callers passed on as argument i (their fields are read through). */
  private readonly forwarded = new Map<string, Taint[]>();

  /** A taint without its field (the whole parameters): for summaries, which callers substitute with whole arguments. */
  wholeParams(t: Taint | undefined): Taint | undefined {
    if (!t?.field) return t;
    const { field: _field, ...rest } = t;
    return rest;
  }

  /** Map positional and keyword arguments onto the parameters of `key`. */
  argsFor(key: string, positional: (Taint | undefined)[], keywords: Map<string, Taint | undefined> | undefined, spread?: Taint): (Taint | undefined)[] {
    const info = this.fns.get(key);
    const out = positional.slice();
    if (info && keywords) for (const [name, t] of keywords) {
      const i = info.params.indexOf(name);
      if (i >= 0) out[i] = join(out[i], t);
    }
    if (spread && info) for (let i = 0; i < info.params.length; i++) out[i] = join(out[i], spread);
    return out;
  }

  // ---------------------------------------------------------------- fields

  /** `self.x = t` in a method of `cls`. */
  setField(cls: string, field: string, t: Taint | undefined): void {
    this.setCell(`${cls}.${field}`, t);
  }

  /** A storage place written in one function and read in another (a field, a React state cell): joins every write. */
  setCell(key: string, t: Taint | undefined): void {
    if (!t) return;
    const before = this.fields.get(key);
    const next = join(before, t);
    if ((!before || next!.kinds !== before.kinds || (next!.params ?? 0) !== (before.params ?? 0) || !!next!.built !== !!before.built) && this.consulted.has(`F:${key}`)) this.changed = true;
    this.fields.set(key, next);
  }

  /** `self.x` read in a method of `cls`: what any method of the class, its bases or subclasses stored there. */
  getField(cls: string, field: string): Taint | undefined {
    let out: Taint | undefined;
    for (const c of [...this.ancestors(cls), ...this.descendants(cls)]) out = join(out, this.getCell(`${c}.${field}`));
    return out;
  }

  getCell(key: string): Taint | undefined {
    this.consulted.add(`F:${key}`);
    return this.fields.get(key);
  }

  hasField(cls: string, field: string): boolean {
    let found = false;
    for (const c of [...this.ancestors(cls), ...this.descendants(cls)]) {
      // a field not written yet in this round may be written later: that write must call for another round
      this.consulted.add(`F:${c}.${field}`);
      if (this.fields.has(`${c}.${field}`)) found = true;
    }
    return found;
  }

  // ---------------------------------------------------------------- resolution (what rules see)

  private readonly resolved = new WeakMap<Taint, Taint | null>();
  private readonly resolvedLocal = new WeakMap<Taint, Taint | null>();

  /** A taint with its parameter bits replaced by what the call sites pass (recursively, a few levels). */
  resolve(t: Taint | undefined, depth = 0, incoming = true): Taint | undefined {
    if (!t) return undefined;
    if (!t.params) return t.kinds ? t : undefined;
    const cache = incoming ? this.resolved : this.resolvedLocal;
    const cached = depth === 0 ? cache.get(t) : undefined;
    if (cached !== undefined) return cached ?? undefined;
    let out: Taint | undefined = t.kinds ? { kinds: t.kinds, sanitized: sourceContexts(t), origin: t.origin, originStart: t.originStart, built: t.built } : undefined;
    if (depth < 6 && t.fn) {
      if (incoming) this.loadIncoming();
      const local = this.callerArgs.get(t.fn);
      const other = incoming ? this.incomingArgs.get(t.fn) : undefined;
      const n = Math.max(local?.length ?? 0, other?.length ?? 0);
      for (let i = 0; i < n; i++) {
        if (!(t.params & (1 << i))) continue;
        // the other files' taints have no parameter bits: joining them first is the same as adding them first
        let passed = other ? join(other[i], local?.[i]) : local?.[i];
        if (t.field) {
          // a property of the parameter: that property of object literals, every other argument whole
          passed = join(other?.[i], join(this.fieldArgs.get(`${t.fn}#${i}.${t.field}`), this.fieldArgs.get(`${t.fn}#${i}.*`)));
          for (const f of this.forwarded.get(`${t.fn}#${i}`) ?? []) passed = join(passed, this.fieldOf(f, t.field) ?? f);
          passed = narrowField(passed, t.field);
        }
        const r = this.resolve(passed, depth + 1, incoming);
        const contexts = paramContexts(t, i);
        if (r) out = join(out, (contexts & ALL_CONTEXTS) === ALL_CONTEXTS ? undefined : carryBuilt(sanitize(r, contexts), t));
      }
    }
    if (depth === 0) cache.set(t, out ?? null);
    return out;
  }

  /** `resolve` without what the other files pass (the file's summary for them). */
  resolveLocal(t: Taint | undefined): Taint | undefined {
    return this.resolve(t, 0, false);
  }
}

/** The same sanitization, for the sources and for every parameter. */
function sameSanitization(a: Taint, b: Taint): boolean {
  if (a.sanitized !== b.sanitized || (a.sourceSanitized ?? 0) !== (b.sourceSanitized ?? 0)) return false;
  for (let i = 0; i < 24; i++) if (((a.params ?? 0) | (b.params ?? 0)) & (1 << i) && paramContexts(a, i) !== paramContexts(b, i)) return false;
  return true;
}

/** A summary with the callee's parameter bits replaced by the argument taints of one call. */
export function substitute(s: Taint | undefined, key: string, args: (Taint | undefined)[]): Taint | undefined {
  if (!s) return undefined;
  if (!s.params || s.fn !== key) return s;
  let out: Taint | undefined = s.kinds ? { kinds: s.kinds, sanitized: sourceContexts(s), origin: s.origin, originStart: s.originStart, built: s.built } : undefined;
  for (let i = 0; i < args.length; i++) {
    if (!(s.params & (1 << i)) || !args[i]) continue;
    out = join(out, carryBuilt(sanitize(args[i], paramContexts(s, i)), s));
  }
  // the function returns an object whose property k is a constant whatever the arguments are
  if (out && s.fieldSanitized) {
    const fields: Record<string, number> = { ...out.fieldSanitized };
    for (const [k, bits] of Object.entries(s.fieldSanitized)) fields[k] = (fields[k] ?? 0) | bits;
    out = { ...out, fieldSanitized: fields };
  }
  return out;
}

/** A parameter's value seen through a symbolic taint that was built into a string (`"SELECT " + p`): built too. */
function carryBuilt(t: Taint | undefined, through: Taint): Taint | undefined {
  return through.built ? markBuilt(t) : t;
}

// ---------------------------------------------------------------- language-neutral semantics

/** Confine the variables behind a checked expression (a guard) for the statements after it. */
export function confine(env: Env, keys: string[], contexts: number, needsNormalized = false): void {
  for (const key of expandDerived(keys, env)) {
    // `args#file`: property `file` of the object `args` was checked, not the whole object (FIELD_KEY)
    const hash = key.indexOf('#');
    if (hash > 0) {
      const base = key.slice(0, hash);
      const field = key.slice(hash + 1);
      const t = env.lookup(base);
      const ft = narrowField(t, field);
      if (!t || !ft || (needsNormalized && !(ft.sanitized & PATH_NORMALIZED))) continue;
      env.vars.set(base, { ...t, fieldSanitized: { ...t.fieldSanitized, [field]: (t.fieldSanitized?.[field] ?? 0) | contexts } });
      continue;
    }
    const t = env.lookup(key);
    if (!t || (needsNormalized && !(t.sanitized & PATH_NORMALIZED))) continue;
    env.vars.set(key, sanitize(t, contexts));
  }
}

/** Is a dotted callee (call markers removed) one of the model-call suffixes or fully-qualified model functions? */
export function isModelCallName(plain: string, suffixes: readonly string[], fullNames: ReadonlySet<string>): boolean {
  // `plain` ends with `.${s}`, without building that string for every suffix of every call
  for (let i = 0; i < suffixes.length; i++) {
    const s = suffixes[i];
    if (plain === s || (plain.length > s.length && plain.charCodeAt(plain.length - s.length - 1) === 46 && plain.endsWith(s))) return true;
  }
  return fullNames.has(plain);
}

/** `llm.invoke(...)`, `chain.run(...)`, `self.agent.chat(...)`: a model method on a receiver named like a model (not a mock, not a module). */
export function isModelMethodCall(method: string, recvName: string, methods: ReadonlySet<string>, isImport: (name: string) => boolean): boolean {
  return methods.has(method) && !!recvName && MODEL_RECEIVER.test(recvName) && !MOCK_RECEIVER.test(recvName) && !isImport(recvName);
}

/** One language's library tables (flow/tables.ts), as the call semantics below read them. */
export interface LibraryTables {
  renderers: ReadonlySet<string>;
  passthrough: (name: string) => boolean;
}

/**
 * A call as an adapter describes it: the call node, the callee's qualified name, the method and the receiver's
 * name when it is `recv.method(...)`, and the same-file functions it may run. One small record per call; the
 * taints are computed on demand by the adapter's `CallSemantics` (no closures per call).
 */
export interface CallView<Node> {
  node: Node;
  name: string;
  method?: string;
  receiverName?: string;
  keys: string[];
}

/** The language-specific answers the call semantics need, for one call at a time. */
export interface CallSemantics<Node> {
  receiverTaint(c: CallView<Node>): Taint | undefined;
  argsTaint(c: CallView<Node>): Taint | undefined;
  /** Argument taints mapped onto the parameters of the same-file function `key`. */
  argsFor(c: CallView<Node>, key: string): (Taint | undefined)[];
  /** Contexts a sanitizer call makes its arguments safe for (options included), or undefined when it is none. */
  sanitizerOf(c: CallView<Node>): number | undefined;
  /** A language-specific rule about a method call (pydantic validation, zod parse, `"https://x/{}".format`), undefined to go on. */
  special(c: CallView<Node>): { t: Taint | undefined } | undefined;
}

/** What a call returns: sanitizers, markdown, pass-through functions, summaries of same-file functions, methods. */
export function callTaint<Node>(c: CallView<Node>, sem: CallSemantics<Node>, lib: LibraryTables, core: FlowCore<unknown>): Taint | undefined {
  const sanitizer = sem.sanitizerOf(c);
  if (sanitizer !== undefined) return sanitize(sem.argsTaint(c), sanitizer);
  if (MARKDOWN_IMAGE_STRIPPER.test(c.name.slice(c.name.lastIndexOf('.') + 1))) return sanitize(sem.argsTaint(c), MARKDOWN_STRIPPED);
  if (lib.renderers.has(c.name)) return renderMarkdown(sem.argsTaint(c));
  if (lib.passthrough(c.name) || DOCUMENT_PASSTHROUGH.test(c.name)) return sem.argsTaint(c);
  // a function or method of this file: its summary, with its parameters replaced by the arguments
  if (c.keys.length) {
    let t: Taint | undefined;
    for (const key of c.keys) t = join(t, core.callResult([key], sem.argsFor(c, key)));
    return t;
  }
  if (c.method === undefined) return undefined;
  const special = sem.special(c);
  if (special) return special.t;
  const recvT = sem.receiverTaint(c);
  if (MARKDOWN_METHODS.has(c.method) && MARKDOWN_RECEIVER.test(c.receiverName ?? '')) return renderMarkdown(join(recvT, sem.argsTaint(c)));
  if (ARG_METHODS.has(c.method)) {
    const t = join(recvT, sem.argsTaint(c));
    return BUILDING_METHODS.has(c.method) ? markBuilt(t) : t;
  }
  return recvT;
}

/** String methods that build text from their receiver and arguments (`" ".join(parts)`, `"{}".format(x)`, `a.concat(b)`). */
const BUILDING_METHODS = new Set(['join', 'format', 'format_map', 'concat']);

/** Contexts an HTML sanitizer call makes safe, with `<img>` when its options drop it. */
export function sanitizerContexts(name: string, contexts: number, optionText: (option: string) => string | undefined): number {
  const spec = IMAGE_SANITIZER_OPTIONS[name];
  if (!spec) return contexts;
  const safe = imageSafeOptions(spec, spec.forbid ? optionText(spec.forbid) : undefined, spec.allow ? optionText(spec.allow) : undefined);
  return contexts | (safe ? CTX.image : 0);
}

/** A return value confined for paths: its sources and every parameter it carries (an unset-root early return beside it). */
export function confinedForPath(t: Taint): boolean {
  return confinedFor(t, CTX.path);
}

/** Every part of `t` (its real sources and each parameter it carries) was sanitized for the contexts `ctx`. */
export function confinedFor(t: Taint, ctx: number): boolean {
  if (t.kinds && (sourceContexts(t) & ctx) !== ctx) return false;
  for (let i = 0; i < 24; i++) if ((t.params ?? 0) & (1 << i) && (paramContexts(t, i) & ctx) !== ctx) return false;
  return true;
}

/**
 * A regular expression whose replacement leaves one file-name component (`[^a-z0-9_-]+`, `\W+`): every character
 * it keeps is outside the class, and neither a separator (`/`, `\`) nor a dot is kept, so the result names a file
 * in the folder it is joined to (no sub-folder, no `..`). A kept dot (`[^\w.-]`) lets `..` through; anything the
 * parser does not know (other escapes, `\W` or `\S` inside the class) is not such a pattern. `dotKept`: dots may be
 * kept (no separator is), for a caller that knows the result is not only dots.
 */
export function componentOnlyPattern(pattern: string, dotKept = false): boolean {
  if (/^\\W([+*]|\{\d*,?\d*\})?$/.test(pattern)) return true;
  const m = /^\[\^((?:\\.|[^\]\\])+)\]([+*]|\{\d*,?\d*\})?$/.exec(pattern);
  if (!m) return false;
  const body = m[1];
  const kept: [number, number][] = [];
  let i = 0;
  const next = (): number | 'class' | undefined => {
    const ch = body[i++];
    if (ch !== '\\') return ch.charCodeAt(0);
    const e = body[i++];
    if (e === undefined) return undefined;
    if (e === 'w' || e === 'd' || e === 's') return 'class';
    if (/[a-zA-Z0-9]/.test(e)) return undefined;
    return e.charCodeAt(0);
  };
  while (i < body.length) {
    const a = next();
    if (a === undefined) return false;
    if (a === 'class') continue;
    if (body[i] === '-' && i + 1 < body.length) {
      i++;
      const b = next();
      if (b === undefined || b === 'class' || b < a) return false;
      kept.push([a, b]);
    } else kept.push([a, a]);
  }
  return !kept.some(([a, b]) => (dotKept ? [0x2f, 0x5c] : [0x2e, 0x2f, 0x5c]).some((c) => a <= c && c <= b));
}

/** A replacement that adds no separator and no dot. */
export function componentOnlyReplacement(repl: string): boolean {
  return !/[./\\]/.test(repl);
}
