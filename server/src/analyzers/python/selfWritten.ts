/**
 * "Was this serialized data written by the same function?" for Python deserialization rules.
 *
 * `pickle.loads(pickle.dumps(x))`, `s = dill.dumps(f); dill.loads(s)`, `torch.save(m, buf); buf.seek(0);
 * torch.load(buf)`, `joblib.dump(est, path); joblib.load(path)`, `df.to_pickle(p); pd.read_pickle(p)`:
 * the bytes being loaded are the program's own object, written a few lines earlier in the same scope, so
 * nobody else could have tampered with them (round trips in tests, copies, IPC buffers). Matching is
 * syntactic and local: the load's argument (or the path/buffer behind it: `open(P)`, `with open(P) as f`,
 * `io.BytesIO(b)`, `f.name`) is compared by text with the destinations of earlier writes in the same
 * function (or module), never across functions.
 */
import { pyArgs } from '../flow';
import type { PyNode } from './tree';

/** Modules whose `dumps` returns pickle bytes (json.dumps and friends are not listed on purpose). */
const PICKLE_MODULE = /(^|\.)(pickle|cPickle|_pickle|pickle5|dill|cloudpickle|ForkingPickler|[A-Za-z_]*Pickler)$/;
/** Calls that write a serialized object: qualified-name test, index and keyword of the destination argument. */
const WRITERS: { re: RegExp; index: number; keyword: string }[] = [
  { re: /(^|\.)(pickle|cPickle|_pickle|pickle5|dill|cloudpickle)\.dump$/, index: 1, keyword: 'file' },
  { re: /(^|\.)joblib\.dump$/, index: 1, keyword: 'filename' },
  { re: /(^|\.)torch\.(serialization\.)?save$/, index: 1, keyword: 'f' },
  { re: /(^|\.)(numpy|np)\.(save|savez|savez_compressed)$/, index: 0, keyword: 'file' },
  { re: /\.to_pickle$/, index: 0, keyword: 'path' },
  { re: /(^|\.)[A-Za-z_]*Pickler$/, index: 0, keyword: 'file' },
];
/** Calls that open or wrap a path or bytes: their first argument is what is really read or written. */
const OPENERS = /(^|\.)(open|BytesIO|GzipFile|BZ2File|LZMAFile|NamedTemporaryFile)$/;

type QualName = (n: PyNode) => string;

function strip(n: PyNode): PyNode {
  let x = n;
  while (x.type === 'parenthesized_expression' && x.namedChildren[0]) x = x.namedChildren[0];
  return x;
}

function norm(n: PyNode): string {
  return n.text.replace(/\s+/g, '');
}

/** The function (or module) whose body holds `n`. */
function scopeOf(n: PyNode): PyNode {
  let last = n;
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
    last = p;
  }
  return last;
}

function inScope(n: PyNode, scope: PyNode): boolean {
  return scopeOf(n) === scope;
}

/** Does `n` (or anything inside it) call a pickle-family `dumps`? */
export function pyContainsPickleDumps(n: PyNode, qualName: QualName): boolean {
  const calls = n.type === 'call' ? [n, ...n.descendantsOfType('call')] : n.descendantsOfType('call');
  for (const c of calls) {
    const fn = c.childForFieldName('function');
    if (!fn) continue;
    const q = qualName(fn).replace(/\(\)/g, '');
    if (!q.endsWith('.dumps') && q !== 'dumps') continue;
    const owner = q.slice(0, Math.max(0, q.lastIndexOf('.')));
    if (PICKLE_MODULE.test(owner)) return true;
  }
  return false;
}

/** The positional or keyword argument at `index` / `keyword`. */
function argAt(call: PyNode, index: number, keyword: string): PyNode | undefined {
  const { positional, keywords } = pyArgs(call);
  return keywords.get(keyword) ?? positional[index];
}

/**
 * Text keys naming what an expression reads or writes: itself, the path or buffer under `open(P)`,
 * `io.BytesIO(b)` or `gzip.open(P)`, `X` for `X.name`, and the path a local name was opened from
 * (`with open(P, "rb") as f` / `f = open(P)`).
 */
function keysOf(expr: PyNode, scope: PyNode, qualName: QualName, depth = 0): Set<string> {
  const out = new Set<string>();
  const n = strip(expr);
  out.add(norm(n));
  if (depth > 3) return out;
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const first = pyArgs(n).positional[0];
    if (fn && first && OPENERS.test(qualName(fn).replace(/\(\)/g, ''))) for (const k of keysOf(first, scope, qualName, depth + 1)) out.add(k);
  } else if (n.type === 'attribute' && n.childForFieldName('attribute')?.text === 'name') {
    const obj = n.childForFieldName('object');
    if (obj) for (const k of keysOf(obj, scope, qualName, depth + 1)) out.add(k);
  } else if (n.type === 'identifier') {
    for (const value of bindingsOf(n.text, scope)) {
      const v = strip(value);
      if (v.type === 'call' || (v.type === 'attribute' && v.childForFieldName('attribute')?.text === 'name')) for (const k of keysOf(v, scope, qualName, depth + 1)) out.add(k);
    }
  }
  return out;
}

/** Values bound to `name` in `scope` by `name = value` or `with value as name`. */
function bindingsOf(name: string, scope: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const a of scope.descendantsOfType(['assignment', 'as_pattern'])) {
    if (!inScope(a, scope)) continue;
    if (a.type === 'assignment') {
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === name && right) out.push(right);
    } else {
      const target = a.childForFieldName('alias') ?? a.namedChildren[a.namedChildren.length - 1];
      const value = a.namedChildren[0];
      if (target && value && target !== value && target.text.replace(/[()\s]/g, '') === name) out.push(value);
    }
  }
  return out;
}

const writtenCache = new WeakMap<PyNode, { at: number; keys: Set<string> }[]>();

/** Everything the scope writes with a serializer (or assigns from `pickle.dumps`), with its position. */
function writesIn(scope: PyNode, qualName: QualName): { at: number; keys: Set<string> }[] {
  const cached = writtenCache.get(scope);
  if (cached) return cached;
  const out: { at: number; keys: Set<string> }[] = [];
  for (const c of scope.descendantsOfType('call')) {
    if (!inScope(c, scope)) continue;
    const fn = c.childForFieldName('function');
    if (!fn) continue;
    const q = qualName(fn).replace(/\(\)/g, '');
    for (const w of WRITERS) {
      if (!w.re.test(q)) continue;
      const dest = argAt(c, w.index, w.keyword);
      if (dest) out.push({ at: c.startIndex, keys: keysOf(dest, scope, qualName) });
      break;
    }
    // f.write(pickle.dumps(obj))
    if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'write') {
      const data = pyArgs(c).positional[0];
      const obj = fn.childForFieldName('object');
      if (data && obj && pyContainsPickleDumps(data, qualName)) out.push({ at: c.startIndex, keys: keysOf(obj, scope, qualName) });
    }
  }
  // s = pickle.dumps(obj) / buf = io.BytesIO(pickle.dumps(obj))
  for (const a of scope.descendantsOfType('assignment')) {
    if (!inScope(a, scope)) continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left && right && pyContainsPickleDumps(right, qualName)) out.push({ at: a.startIndex, keys: new Set([norm(left)]) });
  }
  writtenCache.set(scope, out);
  return out;
}

/**
 * True when `arg`, the data a deserializer call `call` reads, is the program's own: it is (or wraps) a
 * pickle `dumps(...)` call, or names a buffer, path or variable written by a serializer earlier in the
 * same function.
 */
export function pyLoadsSelfWritten(call: PyNode, arg: PyNode, qualName: QualName): boolean {
  if (pyContainsPickleDumps(arg, qualName)) return true;
  const scope = scopeOf(call);
  const writes = writesIn(scope, qualName).filter((w) => w.at < call.startIndex);
  if (writes.length === 0) return false;
  const keys = keysOf(arg, scope, qualName);
  return writes.some((w) => [...w.keys].some((k) => keys.has(k)));
}
