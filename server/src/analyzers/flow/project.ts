/**
 * Cross-file flow: what one file's flow needs from the other files of the workspace, and what it offers them.
 *
 * The engine stays pure: a file is analysed from its text and an optional `ProjectIndex` that the CLI scan and
 * the language server supply (server/src/workspace/projectIndex.ts reads files and caches summaries by content).
 * A file's summary is computed from that file alone (imports resolved to paths, no other file's summary), so it
 * never depends on which file was analysed first, on import cycles or on the working directory:
 * - `exports`: what each top-level function returns (sources, and which parameters flow to the result);
 * - `outgoing`: the calls it makes to functions of other workspace files, with the argument taints.
 * Analysing a file then uses its imports' exports (parameter -> return, source -> return across files) and the
 * argument taints its importers pass to its functions (parameter -> sink: the finding sits at the sink).
 */
import type { AnalysisError, FileKind } from '../../engine/model';
import type { Views } from '../../engine/views';
import type { Taint } from './taint';
import { join } from './taint';
import type { FlowCore } from './core';
import { substitute } from './core';

export interface FileSummary {
  /** Top-level function (or class method as `Class.method`) -> the taint of its return value; `params` refer to its own parameters. */
  exports: Map<string, Taint | undefined>;
  /** Parameter names of the exported functions, for keyword arguments. */
  params: Map<string, string[]>;
  /** Calls to functions of other workspace files: the file, the function, the argument taints (by parameter index). */
  outgoing: OutgoingCall[];
  /** Classes of this file derived from classes of other workspace files: class -> its bases there. */
  classes?: Map<string, { path: string; name: string }[]>;
  /** Assertion helpers (`function confine(root, p) { if (!isInside(root, p)) throw ... }`): function -> parameter index -> contexts its check confines. */
  asserts?: Map<string, Map<number, number>>;
}

export interface OutgoingCall {
  path: string;
  name: string;
  args: (Taint | undefined)[];
}

export interface ProjectIndex {
  /**
   * The workspace file a module reference names, seen from `fromPath`: a Python module (`.helpers`, `..db`,
   * `pkg.tools`) or a JS/TS relative specifier (`./db`, `../lib/run`); undefined when it is not a workspace file.
   */
  resolveModule(fromPath: string, module: string): string | undefined;
  /** The summary of a workspace file, computed from that file alone; undefined when it cannot be read or parsed. */
  summary(path: string): FileSummary | undefined;
  /** What the other workspace files pass to the functions of `path`: function name -> argument taints. */
  incoming(path: string): Map<string, (Taint | undefined)[]>;
  /** Classes of other workspace files derived from class `cls` of `path` (their files import it). */
  subclasses?(path: string, cls: string): { path: string; name: string }[];
  /**
   * A workspace file that imports `path` and names `name` (a tool defined there) has a human approval step
   * (analyzers/approval.ts): the tool's calls are approved where the agent is wired.
   */
  approvalGateFor?(path: string, name: string): boolean;
  /**
   * The flow of `path` over `text` is being built with this project: `source` gives the file's summary with
   * another project (a lower level of the index) without parsing the file again. Returns the projects the flow
   * should also answer for (the walk compares their answers with its own: see FlowSource).
   */
  attach?(path: string, text: string, source: FlowSource): ProjectIndex[];
  /**
   * The syntax tree of `path` over `text` that the index parsed for a summary before the file's own analysis (the
   * analyzer's views and errors, handed over once): the analysis does not parse the file again.
   */
  parsedFor?(path: string, text: string): { views: Views; errors: AnalysisError[]; kind: FileKind } | undefined;
}

/**
 * One file's flow as a source of its summaries at other levels of the project index. The walk is a function of
 * the file and of the answers to its cross-file questions (what an imported function returns, which methods of
 * other files `self.m()` may run): when another project gives the same answer to every question the walk asked,
 * a walk with that project is the same walk, and the summary is derived from this one; otherwise a new flow runs
 * over the same syntax tree.
 */
export interface FlowSource {
  /** The summary with `project` when it can be derived from this walk (no new flow), else undefined. */
  derived(project: ProjectIndex): FileSummary | undefined;
  /**
   * The summary with `project` (one of the projects `attach` returned): derived, or computed by a new flow over the
   * same syntax tree.
   */
  summaryWith(project: ProjectIndex): FileSummary | undefined;
}

/** A taint that came from another file: its offset means nothing here, its origin says where it came from. */
export function foreign(t: Taint | undefined, path: string): Taint | undefined {
  if (!t) return t;
  const file = path.split('/').pop() ?? path;
  return { ...t, origin: t.origin.endsWith(`(${file})`) ? t.origin : `${t.origin} (${file})`, originStart: -1 };
}

interface NotedCall {
  target: { path: string; name: string };
  positional: (Taint | undefined)[];
  keywords?: Map<string, Taint | undefined>;
  /** JSX: the props of a component whose parameters are destructured props (chosen with the target's summary). */
  jsx?: { spread: Taint | undefined; named: Map<string, Taint | undefined> };
}

/** Another project the walk answers for: does every answer match, and the summary derived when it does. */
interface Alternative {
  project: ProjectIndex;
  diverged: boolean;
  summary?: FileSummary;
}

/**
 * What the project index keeps of a flow (ProjectIndex.attach): the summaries derived from the walk, and a new walk
 * of the same syntax tree for a project whose answers differed. Apart from the flow itself so that, once every
 * summary is derived, nothing here holds the syntax tree or the flow's state: the index keeps this object while
 * the file is edited, and a tree kept from one edit to the next outlives the young generation of the heap (every
 * edit's tree was promoted, then collected by a full GC).
 */
class AttachedFlow implements FlowSource {
  alternatives: Alternative[] = [];
  /** Set once the walks are done. */
  walked = false;
  constructor(private rerun: ((project: ProjectIndex) => FileSummary | undefined) | undefined) {}

  /** The walks are done and the summaries derived: a new walk is needed only for a project whose answers differed. */
  done(): void {
    this.walked = true;
    // with no alternative at all the project only asked for the flow itself (the index re-walks it with another project)
    if (this.alternatives.length && this.alternatives.every((a) => a.summary)) this.rerun = undefined;
  }

  derived(project: ProjectIndex): FileSummary | undefined {
    if (!this.walked) return undefined;
    return this.alternatives.find((a) => a.project === project)?.summary;
  }

  summaryWith(project: ProjectIndex): FileSummary | undefined {
    return this.derived(project) ?? this.rerun?.(project);
  }
}

function sameTaint(a: Taint | undefined, b: Taint | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.kinds === b.kinds && a.sanitized === b.sanitized && (a.sourceSanitized ?? 0) === (b.sourceSanitized ?? 0) && a.origin === b.origin && a.originStart === b.originStart && (a.params ?? 0) === (b.params ?? 0) && a.fn === b.fn;
}

function sameTargets(a: { path: string; name: string }[], b: { path: string; name: string }[]): boolean {
  return a.length === b.length && a.every((t, i) => t.path === b[i].path && t.name === b[i].name);
}

/** The cross-file side of one file's flow (shared by the Python and JS/TS adapters). */
export class CrossFile {
  private readonly outgoing = new Map<unknown, NotedCall>();
  private readonly targets = new Map<string, { path: string; name: string } | null>();
  /** Classes of this file with bases in other workspace files. */
  private readonly classBases = new Map<string, { path: string; name: string }[]>();
  private readonly methodTargetCache = new Map<string, { path: string; name: string }[]>();
  /** What the project keeps of this flow (`start`): the other projects the walk answers for, their summaries. */
  private readonly attached: AttachedFlow;
  private alternatives: Alternative[] = [];
  /** Set once the walks are done: answers given afterwards (to rules) do not change the summaries. */
  private walked = false;
  /** The language adapter's assertion helpers of this file, for the summary (syntactic: the same with any project). */
  assertions?: () => Map<string, Map<number, number>>;

  constructor(
    private readonly core: FlowCore<unknown>,
    private readonly path: string | undefined,
    private readonly project: ProjectIndex | undefined,
    /** A new flow of the same syntax tree with another project, and its summary. */
    rerun?: (project: ProjectIndex) => FileSummary | undefined,
  ) {
    this.attached = new AttachedFlow(rerun);
  }

  get enabled(): boolean {
    return !!this.project && !!this.path;
  }

  /** Before the walks: offer this flow to the project as the source of the file's summaries at its lower levels. */
  start(text: string): void {
    if (!this.project || !this.path || !this.project.attach) return;
    this.alternatives = this.attached.alternatives = this.project.attach(this.path, text, this.attached).map((project) => ({ project, diverged: false }));
  }

  /** After the walks: the summaries with the projects that gave the same answers; then what other files pass here. */
  finish(): void {
    this.walked = true;
    for (const alt of this.alternatives) if (!alt.diverged) alt.summary = this.summaryFor(alt.project, false);
    this.attached.done();
    // what other files pass here is read when a resolution first needs it (FlowCore.deferIncoming)
    if (this.project && this.path) this.core.deferIncoming(() => this.applyIncoming());
  }

  /** The parameters an assertion helper of another workspace file confines (index -> contexts). */
  assertsOf(target: { path: string; name: string }): Map<number, number> | undefined {
    return this.project?.summary(target.path)?.asserts?.get(target.name);
  }

  /** The workspace function a qualified callee (`.helpers.run_shell`, `./db.runSql`) names, if any. */
  target(q: string): { path: string; name: string } | undefined {
    if (!this.project || !this.path) return undefined;
    let t = this.targets.get(q);
    if (t === undefined) {
      t = null;
      const dot = q.lastIndexOf('.');
      if (dot > 0 && !q.includes('()')) {
        const file = this.project.resolveModule(this.path, q.slice(0, dot));
        if (file && file !== this.path) t = { path: file, name: q.slice(dot + 1) };
      }
      this.targets.set(q, t);
    }
    return t ?? undefined;
  }

  /** A class of this file and the qualified names of its bases: the bases defined in other workspace files are kept. */
  noteClass(name: string, baseQualNames: string[]): void {
    if (!this.enabled) return;
    const bases = baseQualNames.map((q) => this.target(q)).filter((t): t is { path: string; name: string } => !!t);
    if (bases.length) this.classBases.set(name, bases);
  }

  /**
   * Methods of other workspace files that `self.method(...)` may run in a method of `classes` (the class and its
   * same-file bases): overrides in subclasses defined in the files that import this one (an abstract method
   * implemented by a provider subclass), and, when `inherited`, the method of a base class imported from another file.
   */
  methodTargets(classes: string[], method: string, inherited: boolean): { path: string; name: string }[] {
    if (!this.project || !this.path) return [];
    const cacheKey = `${classes.join(',')}\u0000${method}\u0000${inherited}`;
    let out = this.methodTargetCache.get(cacheKey);
    if (out) return out;
    out = this.methodTargetsWith(this.project, classes, method, inherited);
    if (!this.walked) for (const alt of this.alternatives) {
      if (!alt.diverged && !sameTargets(out, this.methodTargetsWith(alt.project, classes, method, inherited))) alt.diverged = true;
    }
    this.methodTargetCache.set(cacheKey, out);
    return out;
  }

  private methodTargetsWith(project: ProjectIndex, classes: string[], method: string, inherited: boolean): { path: string; name: string }[] {
    const out: { path: string; name: string }[] = [];
    const has = (path: string, key: string): boolean => !!project.summary(path)?.exports.has(key);
    for (const c of classes) {
      for (const sub of project.subclasses?.(this.path!, c) ?? []) {
        if (has(sub.path, `${sub.name}.${method}`)) out.push({ path: sub.path, name: `${sub.name}.${method}` });
      }
      if (inherited) for (const base of this.classBases.get(c) ?? []) {
        if (has(base.path, `${base.name}.${method}`)) {
          out.push({ path: base.path, name: `${base.name}.${method}` });
          inherited = false;
        }
      }
    }
    return out;
  }

  /** Argument taints mapped onto the parameters of an exported function (keywords by name). */
  private mapArgs(summary: FileSummary, name: string, positional: (Taint | undefined)[], keywords?: Map<string, Taint | undefined>): (Taint | undefined)[] {
    const out = positional.slice();
    const params = summary.params.get(name);
    if (params && keywords) for (const [k, t] of keywords) {
      const i = params.indexOf(k);
      if (i >= 0) out[i] = join(out[i], t);
    }
    return out;
  }

  /** What a call of an exported function of another file returns here (parameter -> return, source -> return). */
  callResult(target: { path: string; name: string }, positional: (Taint | undefined)[], keywords?: Map<string, Taint | undefined>): { t: Taint | undefined } | undefined {
    const r = this.callResultWith(this.project, target, positional, keywords);
    if (!this.walked) for (const alt of this.alternatives) {
      if (alt.diverged) continue;
      const a = this.callResultWith(alt.project, target, positional, keywords);
      if (!a !== !r || (a && r && !sameTaint(a.t, r.t))) alt.diverged = true;
    }
    return r;
  }

  private callResultWith(project: ProjectIndex | undefined, target: { path: string; name: string }, positional: (Taint | undefined)[], keywords?: Map<string, Taint | undefined>): { t: Taint | undefined } | undefined {
    const summary = project?.summary(target.path);
    if (!summary || !summary.exports.has(target.name)) return undefined;
    const s = summary.exports.get(target.name);
    return { t: foreign(substitute(s, target.name, this.mapArgs(summary, target.name, positional, keywords)), target.path) };
  }

  /** Remember a call to another file's function (the last walk's argument taints win). */
  noteCall(id: unknown, target: { path: string; name: string }, positional: (Taint | undefined)[], keywords?: Map<string, Taint | undefined>): void {
    this.outgoing.set(id, { target, positional, keywords });
  }

  /**
   * JSX of a component of another file: its props by name when the component destructures them (more than one
   * parameter in its summary), else the joined props as one argument.
   */
  noteJsx(id: unknown, target: { path: string; name: string }, props: Taint | undefined, spread: Taint | undefined, named: Map<string, Taint | undefined>): void {
    this.outgoing.set(id, { target, positional: [props], jsx: { spread, named } });
  }

  /** Give this file's functions what the other files pass to them. */
  private applyIncoming(): void {
    if (!this.project || !this.path) return;
    for (const [name, args] of this.project.incoming(this.path)) {
      if (this.core.fns.has(name)) this.core.addCallArgs(name, args, undefined, this.core.incomingArgs);
    }
  }

  /** This file's summary for the others: exports and outgoing calls (arguments resolved in this file). */
  summary(): FileSummary {
    return this.summaryFor(this.project, true);
  }

  /** The summary as the walk with `project` gives it; `incoming`: with what other files pass (this flow's own project). */
  private summaryFor(project: ProjectIndex | undefined, incoming: boolean): FileSummary {
    const resolve = (t: Taint | undefined) => (incoming ? this.core.resolve(t) : this.core.resolveLocal(t));
    const exports = new Map<string, Taint | undefined>();
    const params = new Map<string, string[]>();
    for (const [key, info] of this.core.fns) {
      const s = this.core.summaries.get(key);
      // keep the function's own parameters; parameters of other functions (fields) are resolved here
      exports.set(key, s && s.params && s.fn !== key ? resolve(s) : this.core.wholeParams(s));
      params.set(key, info.params);
    }
    const outgoing: OutgoingCall[] = [];
    for (const call of this.outgoing.values()) {
      const { target } = call;
      const summary = project?.summary(target.path);
      let positional = call.positional;
      let keywords = call.keywords;
      if (call.jsx && (summary?.params.get(target.name)?.length ?? 0) > 1) {
        positional = [call.jsx.spread];
        keywords = call.jsx.named;
      }
      const args = (summary ? this.mapArgs(summary, target.name, positional, keywords) : positional).map(resolve);
      if (args.some((a) => a)) outgoing.push({ path: target.path, name: target.name, args });
    }
    const asserts = this.assertions?.();
    return { exports, params, outgoing, classes: this.classBases.size ? new Map(this.classBases) : undefined, ...(asserts?.size ? { asserts } : {}) };
  }
}
