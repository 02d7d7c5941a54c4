/**
 * The result cache of `aisec scan --cache` (like ESLint's `--cache`): per file, the analysis outcome (findings,
 * errors, skip reason, size), reused on the next scan when every input the analysis read is unchanged.
 *
 * What a file's result depends on, and how each input is checked (the key is complete by construction):
 * - AISec's code and rules: the digest of the running bundle (and the WebAssembly grammars next to it), the
 *   version, the metadata of the rules given to the scan and the cache format. Any difference: nothing reused.
 * - The scan's options: root, --config, the scanned paths and today's date (suppression expiry).
 * - Workspace-level inputs: every path the scan read or probed through `fs` outside the per-file analysis of
 *   that path itself (configs and everything they extend, packs and pins, .gitignore files, manifests, lockfiles,
 *   tsconfig files, every directory listing of the walk, files probed for existence), recorded while the scan
 *   runs (ReadRecorder) with its state: content digest for a file, names and types for a folder, missing. Any
 *   difference: nothing reused. Inputs recorded by an earlier run stay recorded while results of that run are
 *   reused (a reused result's lazy reads are not repeated), so nothing it read is ever forgotten.
 * - The list of scanned files (it decides how imports resolve): any difference, nothing reused.
 * - The file's own content (digest of the text analysed).
 * - Cross-file facts (workspace/projectIndex.ts): a file's analysis reads summaries of the files it imports and
 *   of the files importing it, which read the level-0 summaries of their own imports and importers (subclasses),
 *   and approval steps in importers and their imports: all within distance 2 of the file in the import graph
 *   (edges in both directions, from the import statements). A result is reused only when no changed file lies
 *   within distance DEPTH (3, one more than needed) of it in the import graph of the last scan (stored with the
 *   entries: an importer that stopped importing it counts) or of this one (a file that started to), and every
 *   scanned file the analysis read through the project index (recorded per file) is unchanged. Then the
 *   neighbourhood within distance 2 is the same set of files with the same contents in both scans.
 * A corrupt or foreign cache file is ignored with a message; the file is written atomically (temp + rename).
 *
 * Checking contents without reading them (strategy `metadata`, the default; like ESLint's `--cache-strategy`):
 * with each digest (of a scanned file, or of a file or folder input) the cache stores the path's status as it
 * was just before it was read: device, inode, size, mtime and ctime. When the status is the same, the stored
 * digest is taken as is; when anything differs, the content is read and hashed again (and a same digest still
 * reuses the result: a `touch` or a fresh checkout costs a read, not an analysis). The ctime makes this
 * correct for a content change that keeps the size and mtime (an edit followed by `touch -d` or `utimes`, a
 * `cp -p`/`tar x`/`rsync -t` of other content): writing the content or setting the mtime sets the ctime to
 * the clock, and no program can set it back. What the ctime cannot tell apart is a change within the same
 * timestamp tick as the read (coarse file-system clocks): a status less than RACY_MS old when it was
 * recorded is not stored (like git's "racily clean" entries), so that file is hashed on the next scan. The
 * `content` strategy ignores the stored status and hashes every input on every scan (a file system whose
 * ctime is not trustworthy, e.g. some network mounts): same results, more reads.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { AnalysisResult } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';

declare const AISEC_VERSION: string;
const VERSION = typeof AISEC_VERSION === 'string' ? AISEC_VERSION : '0.0.0-dev';

export const CACHE_FORMAT = 2;
export const DEFAULT_CACHE_DIR = '.aisec-cache';
export const CACHE_FILE_NAME = 'scan-cache.json';
/** Distance in the import graph within which a changed file invalidates a result (the analysis reads 2). */
export const DEPTH = 3;
/** The skip reason recorded for a file the config ignores (never reported). */
export const IGNORED = '\u0000ignored';
/** How unchanged inputs are recognised: by status then digest (default), or always by digest. */
export type CacheStrategy = 'metadata' | 'content';
/** A status changed less than this before it was recorded is not trusted by the next scan (timestamp ticks, clock skew). */
export const RACY_MS = 2000;

/** The cached outcome of one file. */
export interface CacheEntry {
  /** Digest of the text. */
  hash: string;
  /** Status of the file just before the text was read (statKey), when it was not racy: the digest holds while it is the same. */
  stat?: string;
  /** Set when the file was not analysed (binary, generated, too large...). */
  skip?: string;
  result?: AnalysisResult;
  bytes: number;
  lines: number;
  /** Scanned files the file imports (resolved): the import graph of this scan, for the next one. */
  imports: string[];
  /** Other scanned files the analysis read through the project index, by digest. */
  deps: Record<string, string>;
}

/**
 * An entry as stored (format 2): the paths of imports and dependencies are indexes into the file's `paths`
 * table (each path once, not once per importer), and the result's path (the entry's key) is left out.
 */
interface StoredEntry {
  hash: string;
  stat?: string;
  skip?: string;
  result?: Omit<AnalysisResult, 'path'> & { path?: string };
  bytes: number;
  lines: number;
  imports: number[];
  /** Pairs: index of a scanned file in `paths`, then its digest. */
  deps: (number | string)[];
}

/** What a reused entry gives the scan. */
export type CacheHit = Pick<CacheEntry, 'skip' | 'result' | 'bytes' | 'lines'>;

interface CacheFile {
  format: 'aisec-scan-cache';
  version: number;
  aisec: string;
  key: string;
  /** Digest of the sorted list of scanned files. */
  walked: string;
  /** Workspace-level inputs: absolute path -> state. */
  inputs: Record<string, string>;
  /** Status of an input (file or folder) just before its state was taken, when not racy: the state holds while it is the same. */
  stats?: Record<string, string>;
  /** The scanned files named by the entries' imports and deps. */
  paths: string[];
  files: Record<string, StoredEntry>;
}

export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

let codeDigestMemo: string | undefined;
/** The running code: this bundle and the WebAssembly grammars next to it. */
export function codeDigest(): string {
  if (codeDigestMemo) return codeDigestMemo;
  const h = createHash('sha1').update(VERSION);
  try {
    h.update(fs.readFileSync(__filename));
    const dir = path.dirname(__filename);
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.wasm')).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  } catch {
    h.update(String(Date.now())); // unknown code: never match
  }
  return (codeDigestMemo = h.digest('hex'));
}

export function scanKey(parts: { root: string; configFile?: string; paths: string[]; today: string; rules: readonly RegisteredRule[]; configOptions?: unknown }): string {
  const rules = parts.rules.map((r) => r.meta);
  // configOptions (e.g. --allow-extends-outside) decide which config files load at all: part of the key
  return sha1(JSON.stringify([CACHE_FORMAT, codeDigest(), parts.root, parts.configFile ? path.resolve(parts.configFile) : null, parts.paths, parts.today, rules, parts.configOptions ?? null]));
}

/** The status of a path that changes whenever its content (a file) or its listing (a folder) does. */
export function statKey(st: fs.Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** fs.statSync without an exception for a missing path (exceptions are the cost of a warm scan's many probes). */
function statOf(abs: string): fs.Stats | undefined {
  try {
    return fs.statSync(abs, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The status of `st` to store, or undefined when it is too recent to be trusted (see RACY_MS). */
function trustedStat(st: fs.Stats | undefined, now = Date.now()): string | undefined {
  if (!st || (!st.isFile() && !st.isDirectory())) return undefined;
  return now - Math.max(st.mtimeMs, st.ctimeMs) < RACY_MS ? undefined : statKey(st);
}

/** State of a path as the scan saw it: content digest, folder listing, kind, or missing. Never reads a non-regular file. */
export function probe(abs: string, exclude: ReadonlySet<string>): string {
  return probeStat(abs, exclude).state;
}

/** probe, with the status taken just before (when it can be trusted). */
function probeStat(abs: string, exclude: ReadonlySet<string>): { state: string; stat?: string } {
  const st = statOf(abs);
  if (!st) return { state: 'missing' };
  const stat = trustedStat(st);
  return { state: probeOf(abs, st, exclude), stat };
}

function probeOf(abs: string, st: fs.Stats, exclude: ReadonlySet<string>): string {
  if (st.isFile()) {
    if (st.size > 64 * 1024 * 1024) return `big:${st.size}:${st.mtimeMs}`;
    try {
      return `f:${sha1(fs.readFileSync(abs))}`;
    } catch {
      return 'unreadable';
    }
  }
  if (st.isDirectory()) {
    try {
      const names = fs.readdirSync(abs, { withFileTypes: true })
        .filter((e) => !exclude.has(path.join(abs, e.name)))
        .map((e) => `${e.name}:${e.isSymbolicLink() ? 'l' : e.isDirectory() ? 'd' : e.isFile() ? 'f' : 'o'}`)
        .sort();
      return `d:${sha1(names.join('\n'))}`;
    } catch {
      return 'unreadable-dir';
    }
  }
  return 'other';
}

type Mode = { kind: 'global' } | { kind: 'file'; abs: string; deps: Set<string> } | { kind: 'off' };

/** `fs` functions that read a path's content (or a folder's listing), and those that only look at it. */
const READS = ['readFileSync', 'readdirSync', 'openSync', 'opendirSync'] as const;
const LOOKS = ['existsSync', 'statSync', 'lstatSync', 'accessSync'] as const;

/**
 * Records every path the scan touches through `fs` while it runs: in global mode as workspace-level inputs; while
 * a file is analysed, its own path is its content (checked by digest) and any other path is workspace-level too;
 * reads through the project index are the file's dependencies on other scanned files.
 */
export class ReadRecorder {
  /** Paths whose content or listing the scan read as a workspace input. */
  readonly global = new Set<string>();
  /** Paths the scan only looked at (exists, stat) as a workspace input. */
  readonly looked = new Set<string>();
  private mode: Mode = { kind: 'global' };
  private readonly saved = new Map<string, unknown>();

  start(): void {
    const mod = realFs();
    for (const name of [...READS, ...LOOKS]) {
      const orig = mod[name] as (...a: unknown[]) => unknown;
      if (typeof orig !== 'function') continue;
      this.saved.set(name, orig);
      const self = this;
      const look = (LOOKS as readonly string[]).includes(name);
      const wrapped = function (this: unknown, ...a: unknown[]): unknown {
        self.note(a[0], look);
        return orig.apply(this, a);
      };
      mod[name] = wrapped;
    }
  }

  stop(): void {
    const mod = realFs();
    for (const [name, orig] of this.saved) mod[name] = orig;
    this.saved.clear();
  }

  private note(p: unknown, look: boolean): void {
    if (this.mode.kind === 'off') return;
    let abs: string;
    // an absolute, normalised POSIX path is its own resolution (most calls: spare path.resolve)
    if (typeof p === 'string') abs = isPlainAbsolute(p) ? p : path.resolve(p);
    else if (Buffer.isBuffer(p)) abs = path.resolve(p.toString());
    else if (p instanceof URL) abs = fileURLToPath(p);
    else return; // a file descriptor: its path was recorded when it was opened
    if (this.mode.kind === 'file') {
      if (abs === this.mode.abs) return;
    }
    (look ? this.looked : this.global).add(abs);
  }

  /** Run `fn` as the analysis of `abs`: reads of `abs` itself are its content, not a workspace input. */
  asFile<T>(abs: string, deps: Set<string>, fn: () => T): T {
    const prev = this.mode;
    this.mode = { kind: 'file', abs, deps };
    try {
      return fn();
    } finally {
      this.mode = prev;
    }
  }

  /**
   * Run `fn` as a read of a scanned file `rel` through the project index: a dependency of the file being analysed
   * (covered by the import-graph check anyway), not a workspace input.
   */
  asProjectRead<T>(rel: string, fn: () => T): T {
    const prev = this.mode;
    if (prev.kind === 'file') prev.deps.add(rel);
    this.mode = { kind: 'off' };
    try {
      return fn();
    } finally {
      this.mode = prev;
    }
  }

  /** Run `fn` unrecorded (hashing the scanned files, building the import graph: their contents are checked per file). */
  off<T>(fn: () => T): T {
    const prev = this.mode;
    this.mode = { kind: 'off' };
    try {
      return fn();
    } finally {
      this.mode = prev;
    }
  }
}

function isPlainAbsolute(p: string): boolean {
  return path.sep === '/' && p.charCodeAt(0) === 47 && p.length > 1 && !p.endsWith('/') && !p.includes('//') && !p.includes('/./') && !p.includes('/../') && !p.endsWith('/.') && !p.endsWith('/..');
}

/** The `fs` module itself (an `import * as` namespace is a copy whose properties cannot be replaced). */
function realFs(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('fs') as Record<string, unknown>;
}

export class ResultCache {
  private data: CacheFile | undefined;
  /** Why the stored cache was not used (corrupt, foreign, other version), for a message. */
  readonly notes: string[] = [];
  /** Entries that can be reused this scan (after validate). */
  private reusable = new Set<string>();
  /** The entries of this scan: fresh ones, and reused ones as stored (indexes into the stored `paths`). */
  private readonly next = new Map<string, { fresh: CacheEntry } | { stored: StoredEntry }>();
  private carry: Record<string, string> = {};
  /** Trusted statuses of inputs, as checked or taken this scan. */
  private inputStats: Record<string, string> = {};
  /** Status of each scanned file taken just before it was hashed (rel -> statKey), and the digest it was hashed to. */
  private readonly fileStats = new Map<string, { stat: string; hash: string }>();
  /** A stored status was refreshed (same content, new status): the cache is worth writing even if nothing was analysed. */
  private refreshed = false;
  reused = 0;
  analysed = 0;
  /** Scanned files read and hashed this scan (their status did not vouch for them). */
  hashed = 0;

  constructor(readonly file: string, private readonly key: string, readonly strategy: CacheStrategy = 'metadata') {
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) {
        this.notes.push(`cache ${file} is not a regular file: ignored`);
        return;
      }
      text = fs.readFileSync(file, 'utf8'); // the one read of the cache file
    } catch {
      return; // no cache yet
    }
    try {
      const d = JSON.parse(text) as CacheFile;
      if (!d || typeof d !== 'object' || d.format !== 'aisec-scan-cache' || typeof d.files !== 'object' || typeof d.inputs !== 'object' || !d.files || !d.inputs || (d.version === CACHE_FORMAT && !Array.isArray(d.paths))) {
        this.notes.push(`cache ${file} is not an AISec scan cache: ignored (it will be replaced)`);
        return;
      }
      if (d.version !== CACHE_FORMAT || d.aisec !== VERSION) {
        this.notes.push(`cache ${file} was written by another AISec version: ignored`);
        return;
      }
      if (d.key !== key) return; // other code, rules, options or day: start over silently
      this.data = d;
    } catch {
      this.notes.push(`cache ${file} is corrupt (not JSON): ignored (it will be replaced)`);
    }
  }

  /**
   * The digests of the scanned files' current texts (rel -> digest, undefined when unreadable): with the `metadata`
   * strategy a file whose status is the one stored with its last digest is not read. `read` is files.ts readText.
   */
  hashFiles(files: readonly string[], rels: readonly string[], read: (abs: string) => string | undefined, walked?: ReadonlyMap<string, fs.Stats>): Map<string, string | undefined> {
    const stored = this.data?.files;
    const useStats = this.strategy === 'metadata' && !!stored;
    const out = new Map<string, string | undefined>();
    const now = Date.now();
    for (let i = 0; i < files.length; i++) {
      const rel = rels[i];
      // the walk's status of the file (taken before anything read it), else a fresh one
      const st = walked?.get(files[i]) ?? statOf(files[i]);
      const stat = st && st.isFile() ? statKey(st) : undefined;
      if (useStats && stat !== undefined) {
        const e = stored![rel];
        if (e && typeof e === 'object' && e.stat === stat && typeof e.hash === 'string') {
          out.set(rel, e.hash);
          this.fileStats.set(rel, { stat, hash: e.hash });
          continue;
        }
      }
      const text = read(files[i]);
      this.hashed++;
      const hash = text === undefined ? undefined : sha1(text);
      out.set(rel, hash);
      const trusted = trustedStat(st, now);
      if (trusted !== undefined && hash !== undefined) this.fileStats.set(rel, { stat: trusted, hash });
    }
    return out;
  }

  /** The status to store with `rel`'s entry: the one taken before it was hashed, when the entry has that digest. */
  private statFor(rel: string, hash: string): string | undefined {
    const s = this.fileStats.get(rel);
    return s && s.hash === hash ? s.stat : undefined;
  }

  /**
   * Decide which entries hold: `hashes` are the digests of the scanned files' current texts (rel -> digest, undefined
   * when unreadable), `graph` gives the import neighbours of a file (both directions), computed only when a file changed.
   */
  validate(walked: readonly string[], hashes: Map<string, string | undefined>, exclude: ReadonlySet<string>, graph: () => (rel: string) => readonly string[]): void {
    const d = this.data;
    if (!d) return;
    if (d.walked !== sha1(walked.join('\n'))) return;
    const stats: Record<string, string> = {};
    const storedStats = this.strategy === 'metadata' && d.stats && typeof d.stats === 'object' ? d.stats : {};
    for (const [p, state] of Object.entries(d.inputs)) {
      const known = storedStats[p];
      if (known !== undefined && typeof known === 'string') {
        const st = statOf(p);
        if (st && statKey(st) === known) {
          stats[p] = known;
          continue;
        }
      }
      const now = probeStat(p, exclude);
      if (now.state !== state) return;
      // a refreshed status is stored whenever the cache is written, but is no reason to write it by itself: a folder
      // holding the cache file (--cache-location inside the tree) changes status on every write
      if (now.stat !== undefined) stats[p] = now.stat;
    }
    const changed: string[] = [];
    for (const rel of walked) {
      const e = d.files[rel];
      if (!e || typeof e !== 'object' || typeof e.hash !== 'string' || !Array.isArray(e.imports) || !Array.isArray(e.deps) || !e.imports.every((i) => typeof d.paths[i] === 'string')) return; // the last scan did not see this file: start over
      const h = hashes.get(rel);
      if (h === undefined || e.hash !== h) changed.push(rel);
    }
    // files within DEPTH of a changed file in the import graph of the last scan or of this one
    const near = new Set<string>(changed);
    if (changed.length) {
      const before = new Map<string, Set<string>>();
      const link = (a: string, b: string) => {
        let set = before.get(a);
        if (!set) before.set(a, (set = new Set()));
        set.add(b);
      };
      for (const rel of walked) {
        for (const i of d.files[rel].imports) {
          const t = d.paths[i];
          link(rel, t);
          link(t, rel);
        }
      }
      const now = graph();
      let frontier = changed;
      for (let i = 0; i < DEPTH && frontier.length; i++) {
        const nextFrontier: string[] = [];
        for (const f of frontier) for (const n of [...now(f), ...(before.get(f) ?? [])]) if (!near.has(n)) { near.add(n); nextFrontier.push(n); }
        frontier = nextFrontier;
      }
    }
    for (const rel of walked) {
      if (near.has(rel)) continue;
      const deps = d.files[rel].deps;
      let holds = deps.length % 2 === 0;
      for (let i = 0; holds && i < deps.length; i += 2) {
        const dep = d.paths[deps[i] as number];
        holds = typeof dep === 'string' && typeof deps[i + 1] === 'string' && hashes.get(dep) === deps[i + 1];
      }
      if (holds) this.reusable.add(rel);
    }
    // the inputs of the reused results stay recorded (with their statuses as checked now)
    if (this.reusable.size) {
      this.carry = { ...d.inputs };
      this.inputStats = stats;
    }
  }

  /** The stored outcome of `rel` when it holds. */
  get(rel: string, ignored: string): CacheHit | undefined {
    if (!this.reusable.has(rel)) return undefined;
    const e = this.data!.files[rel];
    if (e.skip === ignored || (e.skip === undefined && (!e.result || typeof e.result !== 'object' || !Array.isArray(e.result.findings) || !Array.isArray(e.result.errors)))) return undefined;
    const stat = this.statFor(rel, e.hash);
    if (stat !== e.stat) this.refreshed = true;
    this.next.set(rel, { stored: stat === e.stat ? e : { ...e, stat } });
    this.reused++;
    // the result as analysed: its path (the key) first, as analyze() built it
    return { skip: e.skip, bytes: e.bytes, lines: e.lines, result: e.result ? ({ path: rel, ...e.result } as AnalysisResult) : undefined };
  }

  /** A scanned file the config ignores: not analysed, but its content is part of the import graph. */
  ignored(rel: string, hash: string | undefined, imports: string[]): void {
    const h = hash ?? 'unreadable';
    const stat = hash === undefined ? undefined : this.statFor(rel, hash);
    const before = this.data?.files[rel];
    if (!before || before.skip !== IGNORED || before.hash !== h || before.stat !== stat || before.imports.length !== imports.length || before.imports.some((i, k) => this.data!.paths[i] !== imports[k])) this.refreshed = true;
    this.next.set(rel, { fresh: stat === undefined ? { hash: h, skip: IGNORED, bytes: 0, lines: 0, imports, deps: {} } : { hash: h, stat, skip: IGNORED, bytes: 0, lines: 0, imports, deps: {} } });
  }

  set(rel: string, entry: CacheEntry): void {
    const stat = this.statFor(rel, entry.hash);
    this.next.set(rel, { fresh: stat === undefined ? entry : { ...entry, stat } });
    this.analysed++;
  }

  /** The entries of this scan as stored, with a fresh `paths` table (reused entries re-indexed). */
  private encode(): { paths: string[]; files: Record<string, StoredEntry> } {
    const paths: string[] = [];
    const index = new Map<string, number>();
    const idx = (p: string) => {
      let i = index.get(p);
      if (i === undefined) {
        index.set(p, (i = paths.length));
        paths.push(p);
      }
      return i;
    };
    const old = this.data?.paths ?? [];
    const files: Record<string, StoredEntry> = {};
    for (const [rel, n] of this.next) {
      if ('stored' in n) {
        const e = n.stored;
        files[rel] = { ...e, imports: e.imports.map((i) => idx(old[i])), deps: e.deps.map((x, k) => (k % 2 === 0 ? idx(old[x as number]) : x)) };
        continue;
      }
      const e = n.fresh;
      const out: StoredEntry = { hash: e.hash, bytes: e.bytes, lines: e.lines, imports: e.imports.map(idx), deps: Object.entries(e.deps).flatMap(([p, h]) => [idx(p), h]) };
      if (e.stat !== undefined) out.stat = e.stat;
      if (e.skip !== undefined) out.skip = e.skip;
      if (e.result) {
        const { path: p, ...rest } = e.result;
        out.result = p === rel ? rest : e.result;
      }
      files[rel] = out;
    }
    return { paths, files };
  }

  /** Write the cache (temp file + rename): the entries of this scan only (deleted files are pruned). */
  save(walked: readonly string[], recorder: ReadRecorder, exclude: ReadonlySet<string>, scanned: ReadonlySet<string>): string | undefined {
    const inputs: Record<string, string> = { ...this.carry };
    const stats: Record<string, string> = { ...this.inputStats };
    const add = (p: string) => {
      if (!(p in inputs) && !exclude.has(p) && !isInsideAny(p, exclude)) {
        const { state, stat } = probeStat(p, exclude);
        inputs[p] = state;
        if (stat !== undefined) stats[p] = stat;
      }
    };
    for (const p of recorder.global) add(p);
    // a look at a scanned file (size, kind) is covered by its digest and the list of scanned files
    for (const p of recorder.looked) if (!scanned.has(p)) add(p);
    // nothing new (every result reused, no input the last scan did not record): the stored file says it all
    const known = this.data?.inputs;
    if (known && !this.refreshed && this.analysed === 0 && this.next.size === Object.keys(this.data!.files).length && Object.keys(inputs).every((k) => k in known)) return undefined;
    const sorted: Record<string, string> = {};
    const sortedStats: Record<string, string> = {};
    for (const k of Object.keys(inputs).sort()) {
      sorted[k] = inputs[k];
      if (stats[k] !== undefined) sortedStats[k] = stats[k];
    }
    const data: CacheFile = { format: 'aisec-scan-cache', version: CACHE_FORMAT, aisec: VERSION, key: this.key, walked: sha1(walked.join('\n')), inputs: sorted, stats: sortedStats, ...this.encode() };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
      return `cannot write the cache ${this.file}: ${(e as Error).message}`;
    }
  }
}

function isInsideAny(p: string, dirs: ReadonlySet<string>): boolean {
  for (const d of dirs) if (p.startsWith(d + path.sep)) return true;
  return false;
}

/** Where the cache lives: `--cache-location` (a folder, or a file when it names one), else `<root>/.aisec-cache/`. */
export function cacheFilePath(root: string, location?: string): { file: string; exclude: string } {
  if (!location) {
    const dir = path.join(root, DEFAULT_CACHE_DIR);
    return { file: path.join(dir, CACHE_FILE_NAME), exclude: dir };
  }
  const abs = path.resolve(location);
  let isDir = /[\\/]$/.test(location);
  try { isDir = isDir || fs.statSync(abs).isDirectory(); } catch { /* a new file */ }
  return isDir ? { file: path.join(abs, CACHE_FILE_NAME), exclude: abs } : { file: abs, exclude: abs };
}
