/**
 * The workspace side of cross-file flow (server/src/analyzers/flow/project.ts): resolves imports to workspace
 * files, computes each file's summary from that file alone and caches it by content hash, and finds the files
 * that import a file (a cheap text scan for import statements, once per content).
 * Paths are relative to the index root with posix separators, as analyze() gets them; nothing depends on the
 * working directory or on the order files are visited.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { readText } from './files';
import { buildViews } from '../analyzers';
import { jsFlow, pythonFlow } from '../analyzers/flow';
import type { FileSummary, ProjectIndex } from '../analyzers/flow';
import type { FlowSource } from '../analyzers/flow/project';
import type { AnalysisError, FileKind } from '../engine/model';
import type { JsView, PythonView, Views } from '../engine/views';
import { join } from '../analyzers/flow/taint';
import type { Taint } from '../analyzers/flow/taint';
import { foreign } from '../analyzers/flow/project';
import { jsHasApprovalGate, pyHasApprovalGate } from '../analyzers/approval';

export interface ProjectSource {
  /** Text of a workspace file by relative posix path, or undefined when there is none. */
  read(rel: string): string | undefined;
  /** Is there such a file (without reading it)? */
  exists(rel: string): boolean;
  /** Every source file of the workspace (relative posix paths): the candidates for importers. */
  files(): readonly string[];
  /**
   * The files and their contents do not change while the index lives (a scan): `exists` is cheap and final, and a
   * text can be read again instead of being kept (the index keeps a bounded cache of texts, no existence memo).
   */
  fixed?: boolean;
}

/** Summaries by file, level and content hash, shared between the threads of one scan (scanWorker.ts). */
export interface SharedSummaries {
  /** The summary (null: the file has none), or undefined when no thread has computed it yet. */
  get(rel: string, level: 0 | 1, hash: string): FileSummary | null | undefined;
  put(rel: string, level: 0 | 1, hash: string, summary: FileSummary | null): void;
}

const PY = /\.py$/;
const JS = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const JS_EXTS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

interface Entry {
  hash: string;
  /** The text's length (the text itself is in the index's text cache, or read again). */
  length: number;
  /** Computed from the file alone (imports resolved, no other summary): what the level-1 summaries of its importers use. */
  level0?: FileSummary | null;
  /** What other files' level-1 summaries read of `level0` (exports, parameters, classes), as a string. */
  fingerprint?: string;
  /** Computed with the level-0 summaries of its imports: what analysis uses (exports and outgoing calls). */
  summary?: FileSummary | null;
  /** What `summary` read of other files; it holds while they give the same answers. */
  deps?: Map<string, Dep>;
  /** The index's epoch when `deps` were last found to hold. */
  checked?: number;
  /** The flow of the last analysis of this text (its syntax tree): the summaries without parsing the file again. */
  source?: { flow: FlowSource; level1: Level1 };
  /**
   * The flow a summary of this text was computed with, while the summary of the other level is still unknown: that
   * one is then a new walk of the same syntax tree (FlowSource.summaryWith), not a second parse.
   */
  pending?: FlowSource;
}

/** A level-1 summary read the level-0 summary of `path` (its fingerprint), or the subclasses of a class of `path`. */
type Dep = { path: string; fingerprint: string; cls?: undefined } | { path: string; cls: string; value: string };

/** The project a level-1 summary is computed with: the level-0 summaries of the other files, each read recorded. */
interface Level1 extends ProjectIndex {
  readonly deps: Map<string, Dep>;
  /** The flow this project computed the file's summary with (its level-0 summary may be derived from it). */
  flow?: FlowSource;
}

/** How many syntax trees of analysed files the index keeps for their summaries (the files being edited). */
const KEEP_TREES = 4;
/** How many syntax trees parsed for one level of a file's summary the index keeps for the other level. */
const KEEP_PENDING = 64;
/** How many syntax trees parsed for summaries the index keeps for the files' own analyses (a scan). */
const KEEP_PARSED = 64;
/**
 * How many characters of source the syntax trees kept for the other level (pending) and for the files' own analyses
 * (parsed) may cover, each: a tree takes tens of bytes per character (TypeScript's and typescript-estree's nodes).
 */
const KEEP_TREE_CHARS = 400_000;
/** How many characters of file texts the index of a fixed source (a scan) keeps; others are read again when needed. */
const KEEP_TEXT_CHARS = 4_000_000;

export class WorkspaceIndex implements ProjectIndex {
  private readonly entries = new Map<string, Entry>();
  /**
   * Texts the summaries were computed from (only files taking part in cross-file calls), until invalidated; for a
   * fixed source, the most recently used ones only (KEEP_TEXT_CHARS), oldest first.
   */
  private readonly texts = new Map<string, string | undefined>();
  private textChars = 0;
  /** Entries checked against the current text since the last invalidation. */
  private readonly fresh = new Set<string>();
  private readonly exists = new Map<string, boolean>();
  /** Resolved module references: folder and language of the importing file -> module reference -> file. */
  private readonly modules = new Map<string, Map<string, string | undefined>>();
  /**
   * Names the summaries share (function and parameter names, paths): the same strings over both levels of every
   * file's summary, and one frozen array per distinct parameter list (many functions take `self, config` and the
   * like). A scan keeps a summary of each file at two levels: copies of each took about a fifth of its heap.
   */
  private readonly pool = new Map<string, string>();
  private readonly paramLists = new Map<string, string[]>();
  /** Bumped by every invalidation: the dependencies of a level-1 summary are checked once per epoch. */
  private epoch = 0;
  /** Entries holding a syntax tree (source), oldest first. */
  private readonly withTrees: string[] = [];
  /** Entries holding a pending flow (with their text's length), oldest first. */
  private readonly withPending = new Map<string, number>();
  private pendingChars = 0;
  private parsedChars = 0;
  /** Views parsed for summaries, by file, for the file's own analysis (parsedFor); oldest first. */
  private readonly parsed = new Map<string, Parsed>();
  /** Files already analysed: a tree parsed for their summaries is not kept for an analysis. */
  private readonly analysed = new Set<string>();
  /** Level 0: imports resolve, other files' summaries are not consulted. */
  private readonly resolveOnly: ProjectIndex = {
    resolveModule: (from, module) => this.resolveModule(from, module),
    summary: () => undefined,
    incoming: () => new Map(),
  };

  /**
   * `verify` (tests): every summary taken from an analysis's flow or kept across an invalidation is compared
   * with the one a fresh parse gives; a difference throws (AISEC_VERIFY_INDEX=1 turns it on everywhere).
   */
  constructor(private readonly source: ProjectSource, private readonly verify = process.env.AISEC_VERIFY_INDEX === '1') {}

  /**
   * Summaries computed by the other threads of a scan over the same files (scan workers): taken instead of parsing
   * the file again, and this index's own summaries given to them. Only for an index that is never invalidated.
   */
  shared?: SharedSummaries;
  private readonly verified = new WeakMap<Entry, number>();

  /** Importers by imported file, built on the first incoming() from every file's import statements. */
  private importers: Map<string, Set<string>> | undefined;
  private readonly importsByFile = new Map<string, string[]>();

  /**
   * A file changed, appeared or went away: forget what was computed from its text. The summaries of other files
   * stay; each is checked against what it read of other files before it is used again (dependencies).
   */
  invalidate(rel: string): void {
    this.texts.delete(rel);
    this.fresh.delete(rel);
    this.epoch++;
    // a file that appeared or went away changes how imports resolve: start over
    const existed = this.exists.get(rel);
    this.exists.delete(rel);
    if (existed !== undefined && this.has(rel) !== existed) {
      this.exists.clear();
      this.modules.clear();
      this.entries.clear();
      this.pool.clear();
      this.paramLists.clear();
      this.withTrees.length = 0;
      this.withPending.clear();
      this.pendingChars = 0;
      this.parsed.clear();
      this.parsedChars = 0;
      this.importers = undefined;
      this.importsByFile.clear();
      return;
    }
    if (this.importers) {
      for (const target of this.importsByFile.get(rel) ?? []) this.importers.get(target)?.delete(rel);
      this.addImporter(rel);
    }
  }

  /** Workspace files that import `rel` (from their import statements). */
  importersOf(rel: string): string[] {
    if (!this.importers) {
      this.importers = new Map();
      for (const f of this.source.files()) this.addImporter(f);
    }
    return [...(this.importers.get(rel) ?? [])].sort();
  }

  /** Workspace files `rel` imports (from its import statements). */
  importsOf(rel: string): string[] {
    if (!this.importers) this.importersOf(rel);
    return this.importsByFile.get(rel) ?? [];
  }

  private addImporter(file: string): void {
    const text = PY.test(file) || JS.test(file) ? this.source.read(file) : undefined;
    const targets = text ? importedModules(file, text).map((m) => this.resolveModule(file, m)).filter((t): t is string => !!t && t !== file) : [];
    this.importsByFile.set(file, targets);
    for (const t of targets) {
      let set = this.importers!.get(t);
      if (!set) this.importers!.set(t, (set = new Set()));
      set.add(file);
    }
  }

  resolveModule(from: string, module: string): string | undefined {
    // resolution depends only on the folder and the language of the importing file: one entry per folder
    const dir = `${path.posix.dirname(from)}\u0000${PY.test(from) ? 'py' : 'js'}`;
    let known = this.modules.get(dir);
    if (!known) this.modules.set(dir, (known = new Map()));
    if (known.has(module)) return known.get(module);
    const found = PY.test(from) ? this.resolvePython(from, module) : JS.test(from) ? this.resolveJs(from, module) : undefined;
    const out = found === undefined ? undefined : this.intern(found);
    // the module name is a slice of the importing file's text: a copy keeps that text from staying in memory
    known.set(detached(module), out);
    return out;
  }

  summary(rel: string): FileSummary | undefined {
    return this.computed(rel, 1);
  }

  /**
   * The flow of an analysis of `rel` is being built (over `text`): when the text is the one the index reads, the
   * flow gives the file's summaries (level 0 and 1) without parsing it again.
   */
  attach(rel: string, text: string, flow: FlowSource): ProjectIndex[] {
    if (!this.importers) this.importersOf(rel);
    // only files taking part in cross-file calls have summaries anyone reads
    if (!this.importers!.get(rel)?.size && !this.importsByFile.get(rel)?.length) return [];
    const e = this.entry(rel);
    if (!e || !this.isText(rel, e, text)) return [];
    const level1 = this.level1();
    if (!e.source) {
      const at = this.withTrees.indexOf(rel);
      if (at >= 0) this.withTrees.splice(at, 1);
      this.withTrees.push(rel);
      while (this.withTrees.length > KEEP_TREES) {
        const old = this.entries.get(this.withTrees.shift()!);
        if (old) old.source = undefined;
      }
    }
    e.source = { flow, level1 };
    return [level1, this.resolveOnly];
  }

  /** A project for one level-1 summary: level-0 summaries of the other files, every read recorded. */
  private level1(): Level1 {
    const deps = new Map<string, Dep>();
    const project: Level1 = {
      deps,
      resolveModule: (from, module) => this.resolveModule(from, module),
      summary: (rel) => {
        const s = this.computed(rel, 0);
        if (!deps.has(rel)) deps.set(rel, { path: rel, fingerprint: this.fingerprint(rel) });
        return s;
      },
      incoming: () => new Map(),
      subclasses: (rel, cls) => {
        const out = this.subclasses(rel, cls);
        // the class name is a slice of a file's text: copies keep that text from staying in memory
        const name = detached(cls);
        deps.set(detached(`${rel}\u0000${name}`), { path: rel, cls: name, value: JSON.stringify(out) });
        return out;
      },
      // the flow of a level-1 summary: its level-0 summary too, when no cross-file answer differed
      attach: (_rel, _text, flow) => {
        project.flow = flow;
        return [this.resolveOnly];
      },
    };
    return project;
  }

  private computed(rel: string, level: 0 | 1): FileSummary | undefined {
    const e = this.entry(rel);
    if (!e) return undefined;
    if (level === 0) {
      if (e.level0 === undefined) {
        const known = this.shared?.get(rel, 0, e.hash);
        if (known !== undefined) e.level0 = known;
        else if (e.source) e.level0 = this.compact(e.source.flow.summaryWith(this.resolveOnly) ?? null);
        else if (e.pending) e.level0 = this.compact(rewalk(e.pending, this.resolveOnly) ?? null);
        else {
          // the same project as resolveOnly, which also keeps the flow for the level-1 summary (no second parse)
          let flow: FlowSource | undefined;
          const project: ProjectIndex = { ...this.resolveOnly, attach: (_rel, _text, f) => ((flow = f), []) };
          e.level0 = this.compact(summarize(rel, this.textOf(rel), project, this.keepParsed(rel)).summary ?? null);
          if (e.summary === undefined && flow) this.keepPending(rel, e, flow);
        }
        if (known === undefined) this.shared?.put(rel, 0, e.hash, e.level0);
        if (this.verify) this.check(rel, 0, e.level0, summarize(rel, this.textOf(rel), this.resolveOnly).summary);
      }
      this.dropTree(rel, e);
      return e.level0 ?? undefined;
    }
    if (e.summary !== undefined && e.checked !== this.epoch) {
      // computed before the last invalidation: still right if what it read of other files is the same
      if (this.holds(e.deps!)) e.checked = this.epoch;
      else e.summary = undefined;
    }
    if (e.summary === undefined && this.shared) {
      // computed by another thread of the scan (the same files, the same answers)
      const known = this.shared.get(rel, 1, e.hash);
      if (known !== undefined) {
        e.summary = known;
        e.deps = new Map();
        e.checked = this.epoch;
        this.dropTree(rel, e);
      }
    }
    if (e.summary === undefined) {
      let project: Level1;
      let summary: FileSummary | undefined;
      if (e.source) {
        project = e.source.level1;
        summary = e.source.flow.summaryWith(project);
      } else {
        project = this.level1();
        summary = e.pending ? rewalk(e.pending, project) : summarize(rel, this.textOf(rel), project, this.keepParsed(rel)).summary;
        // the same walk without the other files' summaries: the level-0 summary, when no answer differed
        if (e.level0 === undefined && project.flow) {
          const l0 = project.flow.derived(this.resolveOnly);
          if (l0) {
            e.level0 = this.compact(l0);
            this.shared?.put(rel, 0, e.hash, e.level0);
            if (this.verify) this.check(rel, 0, l0, summarize(rel, this.textOf(rel), this.resolveOnly).summary);
          }
        }
      }
      e.summary = this.compact(summary ?? null);
      this.shared?.put(rel, 1, e.hash, e.summary);
      e.deps = project.deps;
      e.checked = this.epoch;
      if (e.level0 === undefined && !e.source && project.flow) this.keepPending(rel, e, project.flow);
      this.dropTree(rel, e);
    }
    if (this.verify && this.verified.get(e) !== this.epoch) {
      this.verified.set(e, this.epoch);
      this.check(rel, 1, e.summary, summarize(rel, this.textOf(rel), this.level1()).summary);
    }
    return e.summary ?? undefined;
  }

  private intern(s: string): string {
    let x = this.pool.get(s);
    if (x === undefined) {
      x = detached(s);
      this.pool.set(x, x);
    }
    return x;
  }

  /** A summary kept for the scan: a copy (detach) whose names, paths and parameter lists are the pool's. */
  private compact<T extends FileSummary | null>(s: T): T {
    const c = detach(s);
    if (!c) return c;
    const names = (list: string[]): string[] => {
      const key = list.join('\u0000');
      let shared = this.paramLists.get(key);
      if (!shared) this.paramLists.set(this.intern(key), (shared = Object.freeze(list.map((n) => this.intern(n))) as string[]));
      return shared;
    };
    c.params = new Map([...c.params].map(([k, v]) => [this.intern(k), names(v)]));
    c.exports = new Map([...c.exports].map(([k, v]) => [this.intern(k), v]));
    for (const call of c.outgoing) {
      call.path = this.intern(call.path);
      call.name = this.intern(call.name);
    }
    if (c.classes) c.classes = new Map([...c.classes].map(([k, v]) => [this.intern(k), v.map((b) => ({ path: this.intern(b.path), name: this.intern(b.name) }))]));
    return c;
  }

  private check(rel: string, level: 0 | 1, got: FileSummary | null | undefined, fresh: FileSummary | undefined): void {
    const a = JSON.stringify(serialize(got ?? undefined));
    const b = JSON.stringify(serialize(fresh));
    if (a === b) return;
    console.error(`AISEC_VERIFY_INDEX: level-${level} summary of ${rel} differs`);
    throw new Error(`project index: the level-${level} summary of ${rel} differs from a fresh one:\n${a}\n${b}`);
  }

  /** Both summaries are known: the syntax tree is not needed any more. */
  private dropTree(rel: string, e: Entry): void {
    if (e.level0 !== undefined && e.summary !== undefined) {
      e.source = undefined;
      if (e.pending) this.unpend(rel);
      e.pending = undefined;
    }
  }

  /** Keep the views of a parse for a summary for the file's own analysis, unless it was analysed already. */
  private keepParsed(rel: string): ((p: Parsed) => void) | undefined {
    if (this.analysed.has(rel)) return undefined;
    return (p) => {
      this.dropParsed(rel);
      this.parsed.set(rel, p);
      this.parsedChars += p.text.length;
      while (this.parsed.size > KEEP_PARSED || (this.parsedChars > KEEP_TREE_CHARS && this.parsed.size)) this.dropParsed(this.parsed.keys().next().value!);
    };
  }

  /** Files whose syntax tree the index keeps for their own analysis (parsed for a summary first), oldest first. */
  waitingTrees(): IterableIterator<string> {
    return this.parsed.keys();
  }

  parsedFor(rel: string, text: string): { views: Views; errors: AnalysisError[]; kind: FileKind } | undefined {
    this.analysed.add(rel);
    const p = this.parsed.get(rel);
    if (!p) return undefined;
    this.dropParsed(rel);
    if (p.text !== text) return undefined;
    return { views: { text: { text }, ...(p.python ? { python: p.python } : {}), ...(p.js ? { js: p.js } : {}) }, errors: p.errors, kind: p.kind };
  }

  private dropParsed(rel: string): void {
    const p = this.parsed.get(rel);
    if (!p) return;
    this.parsed.delete(rel);
    this.parsedChars -= p.text.length;
  }

  /** Keep a flow for the other level's summary (a bounded number of them: each holds a syntax tree). */
  private keepPending(rel: string, e: Entry, flow: FlowSource): void {
    e.pending = flow;
    this.unpend(rel);
    this.withPending.set(rel, e.length);
    this.pendingChars += e.length;
    while (this.withPending.size > KEEP_PENDING || (this.pendingChars > KEEP_TREE_CHARS && this.withPending.size > 1)) {
      const old = this.withPending.keys().next().value!;
      this.unpend(old);
      const oe = this.entries.get(old);
      if (oe) oe.pending = undefined;
    }
  }

  private unpend(rel: string): void {
    const n = this.withPending.get(rel);
    if (n === undefined) return;
    this.withPending.delete(rel);
    this.pendingChars -= n;
  }

  /** Do the files a level-1 summary read still give the same answers? */
  private holds(deps: Map<string, Dep>): boolean {
    for (const d of deps.values()) {
      if (d.cls === undefined ? this.fingerprint(d.path) !== d.fingerprint : JSON.stringify(this.subclasses(d.path, d.cls)) !== d.value) return false;
    }
    return true;
  }

  /** What the level-1 summaries of other files read of the level-0 summary of `rel`. */
  private fingerprint(rel: string): string {
    const e = this.entry(rel);
    if (!e) return '';
    if (e.fingerprint === undefined) e.fingerprint = fingerprintOf(this.computed(rel, 0));
    return e.fingerprint;
  }

  /** Classes of the files importing `rel` derived from its class `cls` (their level-0 summaries: no cycles). */
  subclasses(rel: string, cls: string): { path: string; name: string }[] {
    // the same answer until the next invalidation (every flow over a file of this class asks again)
    const key = `${rel}\u0000${cls}`;
    const memo = this.subclassMemo.get(key);
    if (memo && memo.epoch === this.epoch) return [...memo.out];
    const out = this.findSubclasses(rel, cls);
    this.subclassMemo.set(detached(key), { epoch: this.epoch, out });
    return [...out];
  }

  private readonly subclassMemo = new Map<string, { epoch: number; out: { path: string; name: string }[] }>();

  private findSubclasses(rel: string, cls: string): { path: string; name: string }[] {
    const out: { path: string; name: string }[] = [];
    for (const f of this.importersOf(rel)) {
      const text = this.text(f);
      if (!text || !text.includes(cls)) continue;
      const classes = this.computed(f, 0)?.classes;
      if (classes) for (const [name, bases] of classes) if (bases.some((b) => b.path === rel && b.name === cls)) out.push({ path: f, name });
    }
    return out;
  }

  /** Importers' approval steps, by file and content hash (syntactic: the same with any project). */
  private readonly gates = new Map<string, { hash: string; gated: boolean }>();

  approvalGateFor(rel: string, name: string): boolean {
    const word = new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}([^\\w$]|$)`);
    for (const f of this.importersOf(rel)) {
      const e = this.entry(f);
      if (!e || !word.test(this.textOf(f))) continue;
      // the approval step is in the file, or in a module of its own that it imports (LlamaIndex HITL events)
      if (this.gated(f) || this.importsOf(f).some((m) => m !== rel && this.gated(m))) return true;
    }
    return false;
  }

  private gated(rel: string): boolean {
    const e = this.entry(rel);
    if (!e) return false;
    let g = this.gates.get(rel);
    if (!g || g.hash !== e.hash) this.gates.set(rel, (g = { hash: e.hash, gated: hasApprovalGate(rel, this.textOf(rel)) }));
    return g.gated;
  }

  incoming(rel: string): Map<string, (Taint | undefined)[]> {
    const out = new Map<string, (Taint | undefined)[]>();
    // sorted importers (and imports: a base class's method calling an override here): the joined taints (and
    // their origins) do not depend on the order files were listed
    for (const f of [...new Set([...this.importersOf(rel), ...this.importsOf(rel)])].sort()) {
      const summary = this.summary(f);
      if (!summary) continue;
      for (const call of summary.outgoing) {
        if (call.path !== rel) continue;
        const list = out.get(call.name) ?? [];
        call.args.forEach((a, i) => {
          if (a) list[i] = join(list[i], foreign(a, f));
        });
        out.set(call.name, list);
      }
    }
    return out;
  }

  private text(rel: string): string | undefined {
    if (this.texts.has(rel)) {
      const t = this.texts.get(rel);
      if (this.source.fixed) {
        // most recently used last
        this.texts.delete(rel);
        this.texts.set(rel, t);
      }
      return t;
    }
    const t = this.source.read(rel);
    this.texts.set(rel, t);
    if (this.source.fixed) {
      this.textChars += t?.length ?? 0;
      for (const [old, ot] of this.texts) {
        if (this.textChars <= KEEP_TEXT_CHARS || old === rel) break;
        this.texts.delete(old);
        this.textChars -= ot?.length ?? 0;
      }
    }
    return t;
  }

  /** The text of an entry (kept, or read again: a fixed source's files do not change). */
  private textOf(rel: string): string {
    return this.text(rel) ?? '';
  }

  /** Is `text` the entry's text? */
  private isText(rel: string, e: Entry, text: string): boolean {
    if (e.length !== text.length) return false;
    const kept = this.texts.get(rel);
    return kept !== undefined ? kept === text : createHash('sha1').update(text).digest('hex') === e.hash;
  }

  private entry(rel: string): Entry | undefined {
    const cached = this.entries.get(rel);
    if (cached && this.fresh.has(rel)) return cached;
    const text = this.text(rel);
    if (text === undefined) return undefined;
    // summaries are cached by content: an unchanged file after an invalidation keeps its summary
    const hash = createHash('sha1').update(text).digest('hex');
    this.fresh.add(rel);
    if (cached && cached.hash === hash) return cached;
    const entry: Entry = { hash, length: text.length };
    this.entries.set(rel, entry);
    return entry;
  }

  private has(rel: string): boolean {
    let e = this.exists.get(rel);
    if (e === undefined) {
      if (this.source.fixed) return this.source.exists(rel);
      e = this.texts.has(rel) ? this.texts.get(rel) !== undefined : this.source.exists(rel);
      this.exists.set(rel, e);
    }
    return e;
  }

  /** `.helpers`, `..db.queries` (relative to the importing file), `pkg.tools` (from the file's folder up to the root). */
  private resolvePython(from: string, module: string): string | undefined {
    const level = /^\.*/.exec(module)?.[0].length ?? 0;
    const rest = module.slice(level).split('.').filter(Boolean).join('/');
    const candidates = (dir: string): string[] => {
      const base = dir === '.' || dir === '' ? rest : rest ? `${dir}/${rest}` : dir;
      return rest ? [`${base}.py`, `${base}/__init__.py`] : [`${base}/__init__.py`];
    };
    if (level > 0) {
      let dir = path.posix.dirname(from);
      for (let i = 1; i < level; i++) dir = path.posix.dirname(dir);
      return candidates(dir).find((c) => this.has(normalize(c)));
    }
    if (!rest) return undefined;
    // absolute: a package next to the file or in one of its parent folders (src/ layouts), nearest first
    for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
      const found = candidates(dir).find((c) => this.has(normalize(c)));
      if (found) return normalize(found);
      if (dir === '.' || dir === '/' || dir === '') return undefined;
    }
  }

  /** `./db`, `../lib/run.js` (a .js specifier may name a .ts file). */
  private resolveJs(from: string, module: string): string | undefined {
    if (!module.startsWith('.')) return undefined;
    const base = normalize(path.posix.join(path.posix.dirname(from), module));
    const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    const candidates = [base, ...JS_EXTS.map((e) => `${stripped}${e}`), ...JS_EXTS.map((e) => `${base}/index${e}`)];
    return candidates.find((c) => JS.test(c) && this.has(c));
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from (V8 keeps a whole file's text alive for
 * any longer slice of it): for names kept for the whole scan.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * A summary kept for the whole scan, as a copy: its names and origins are slices of the file's text and its syntax
 * tree, which would otherwise stay in memory with it.
 */
function detach<T extends FileSummary | null>(s: T): T {
  return s && structuredClone(s);
}

function normalize(p: string): string {
  return path.posix.normalize(p).replace(/^\.\//, '');
}

/** Module references of a file's import statements (`from .x import a, b` gives `.x`, `.x.a` and `.x.b`). */
export function importedModules(file: string, text: string): string[] {
  const out: string[] = [];
  if (PY.test(file)) {
    // `from x import a, b` on one line, or `from x import (a,\n b)` over several
    for (const m of text.matchAll(/^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n#]*))/gm)) {
      const mod = m[1];
      out.push(mod);
      const prefix = mod.endsWith('.') ? mod : `${mod}.`;
      for (const name of (m[2] ?? m[3] ?? '').split(',')) {
        const n = name.trim().split(/\s+/)[0];
        if (n && n !== '*') out.push(`${prefix}${n}`);
      }
    }
    for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w.]+)/gm)) out.push(m[1]);
  } else {
    for (const m of text.matchAll(/(?:\bfrom|\brequire\(|\bimport\()\s*['"](\.[^'"]+)['"]/g)) out.push(m[1]);
  }
  return [...new Set(out)];
}

/**
 * Files under `root` (relative posix paths); `overlay` gives the text of open editor documents first.
 * Paths that leave the root are not part of the workspace.
 */
export function fileSource(root: string, files: () => readonly string[], overlay?: (abs: string) => string | undefined): ProjectSource {
  const inside = (rel: string): string | undefined => (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) ? undefined : path.join(root, ...rel.split('/')));
  let list: readonly string[] | undefined;
  let known: Set<string> | undefined;
  const all = (): readonly string[] => (list ??= files());
  return {
    fixed: overlay === undefined,
    read: (rel) => {
      const abs = inside(rel);
      return abs === undefined ? undefined : overlay?.(abs) ?? readText(abs);
    },
    // the listed files are the workspace (no file-system probe per import candidate); open documents count too
    exists: (rel) => {
      const abs = inside(rel);
      if (abs === undefined) return false;
      return (known ??= new Set(all())).has(rel) || overlay?.(abs) !== undefined;
    },
    files: all,
  };
}

/** Does the file have a human approval step for agent tool calls (analyzers/approval.ts)? */
function hasApprovalGate(rel: string, text: string): boolean {
  const kind = PY.test(rel) ? 'python' : JS.test(rel) ? (/\.(ts|tsx|mts|cts)$/.test(rel) ? 'typescript' : 'javascript') : undefined;
  if (!kind || !/interrupt|approv|human|Human/.test(text)) return false;
  try {
    const { views } = buildViews(rel, text, kind);
    if (views.python) {
      const flow = pythonFlow(views.python);
      return pyHasApprovalGate(flow.calls, (n) => flow.qualName(n));
    }
    if (views.js) {
      const flow = jsFlow(views.js);
      return jsHasApprovalGate(views.js.ast, (n) => flow.qualName(n));
    }
  } catch {
    // unreadable or unparsable: no approval step seen
  }
  return false;
}

/** What the analyzer gave for a file parsed for a summary (new view objects over the same syntax tree). */
interface Parsed {
  text: string;
  kind: 'python' | 'javascript' | 'typescript';
  errors: AnalysisError[];
  python?: PythonView;
  js?: JsView;
}

/** The summary with `project` from a walk of a syntax tree already parsed (as summarize(), which it replaces). */
function rewalk(flow: FlowSource, project: ProjectIndex): FileSummary | undefined {
  try {
    return flow.summaryWith(project);
  } catch {
    return undefined;
  }
}

/** The summary of a file's flow, computed with `project` (a fixed level of the index). */
function summarize(rel: string, text: string, project: ProjectIndex, keep?: (p: Parsed) => void): { summary?: FileSummary } {
  const kind = PY.test(rel) ? 'python' : JS.test(rel) ? (/\.(ts|tsx|mts|cts)$/.test(rel) ? 'typescript' : 'javascript') : undefined;
  if (!kind) return {};
  try {
    const { views, errors } = buildViews(rel, text, kind);
    const view = views.python ?? views.js;
    // the analyzer's output as buildViews gave it, before the summary's project is set on the view
    if (keep) keep({ text, kind, errors: [...errors], python: views.python && { ...views.python }, js: views.js && { ...views.js } });
    if (!view) return {};
    Object.assign(view, { path: rel, project });
    return { summary: views.python ? pythonFlow(views.python).fileSummary() : views.js ? jsFlow(views.js).fileSummary() : undefined };
  } catch {
    return {};
  }
}

/** Everything in a summary (tests compare summaries). */
function serialize(s: FileSummary | undefined): unknown {
  if (!s) return null;
  return { exports: [...s.exports], params: [...s.params], outgoing: s.outgoing, classes: [...(s.classes ?? [])] };
}

/** A level-0 summary as its readers see it: exports (origins, not offsets), parameters and classes. */
function fingerprintOf(s: FileSummary | undefined): string {
  if (!s) return '-';
  const exports = [...s.exports].map(([k, t]) => (t ? [k, t.kinds, t.sanitized, t.sourceSanitized ?? 0, t.params ?? 0, t.fn ?? '', t.origin] : [k]));
  return JSON.stringify([exports, [...s.params], [...(s.classes ?? [])]]);
}
