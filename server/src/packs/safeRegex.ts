/**
 * Regexes written by pack authors run inside the language server on every keystroke, so they are
 * checked before use: JavaScript's backtracking engine can take exponential time on patterns with
 * nested quantifiers (`(a+)+`), quantified ambiguous alternations (`(a|ab)*`) or adjacent overlapping
 * quantifiers (`\s*\s*`), and cannot be interrupted. We parse the pattern into a small tree, reject those
 * shapes and backreferences, and cap the input and the number of matches at run time.
 */

/** Characters a regex atom can match, approximated: an ASCII bitmap plus "some non-ASCII". */
interface CharSet {
  ascii: boolean[];
  other: boolean;
}

type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node }
  | { t: 'look'; body: Node; behind: boolean; span: [number, number] }
  | { t: 'quant'; body: Node; min: number; max: number; span: [number, number] }
  | { t: 'atom'; set: CharSet }
  | { t: 'assert'; start?: boolean };

export const MAX_REGEX_INPUT = 1_000_000;
export const MAX_MATCHES_PER_FILE = 200;
const MAX_PATTERN_LENGTH = 2000;
const ALLOWED_FLAGS = /^[imsu]*$/;

function emptySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(false), other: false };
}
function fullSet(exceptNewline = false): CharSet {
  const s: CharSet = { ascii: new Array<boolean>(128).fill(true), other: true };
  if (exceptNewline) s.ascii[10] = s.ascii[13] = false;
  return s;
}
function charSet(chars: string, ignoreCase: boolean): CharSet {
  const s = emptySet();
  for (const ch of chars) addChar(s, ch, ignoreCase);
  return s;
}
function addChar(s: CharSet, ch: string, ignoreCase: boolean): void {
  const forms = ignoreCase ? [ch.toLowerCase(), ch.toUpperCase()] : [ch];
  for (const f of forms) {
    const c = f.charCodeAt(0);
    if (c < 128) s.ascii[c] = true;
    else s.other = true;
  }
}
function addRange(s: CharSet, from: number, to: number, ignoreCase: boolean): void {
  for (let c = from; c <= Math.min(to, 127); c++) addChar(s, String.fromCharCode(c), ignoreCase);
  if (to >= 128) s.other = true;
}
function classSet(letter: string): CharSet {
  const s = emptySet();
  const lower = letter.toLowerCase();
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    const inClass = lower === 'd' ? /\d/.test(ch) : lower === 'w' ? /\w/.test(ch) : lower === 's' ? /\s/.test(ch) : false;
    s.ascii[c] = letter === lower ? inClass : !inClass;
  }
  s.other = letter !== lower || lower === 's';
  return s;
}
function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((v, i) => v || b.ascii[i]), other: a.other || b.other };
}
function negate(a: CharSet): CharSet {
  return { ascii: a.ascii.map((v) => !v), other: true };
}

class RegexSyntaxError extends Error {}

/** A recursive-descent parser for the JavaScript regex syntax subset that matters for the checks. */
class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean, private readonly dotAll: boolean) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new RegexSyntaxError(`unexpected "${this.src[this.i]}" at ${this.i}`);
    return n;
  }
  private alt(): Node {
    const alts = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }
  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const at = this.i;
      let atom = this.atom();
      const q = this.quantifier();
      if (q) {
        if (atom.t === 'assert' || atom.t === 'look') throw new RegexSyntaxError('quantified assertion');
        atom = { t: 'quant', body: atom, min: q.min, max: q.max, span: [at, this.i] };
      }
      items.push(atom);
    }
    return { t: 'seq', items };
  }
  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.i];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length - 1;
      q = { min: Number(m[1]), max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]) };
    }
    if (!q) return undefined;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same backtracking cost
    return q;
  }
  private atom(): Node {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
        return { t: 'assert', start: true };
      case '$':
        return { t: 'assert' };
      case '.':
        return { t: 'atom', set: fullSet(!this.dotAll) };
      case '(': {
        const at = this.i - 1;
        let lookaround = false;
        let behind = false;
        if (this.src[this.i] === '?') {
          const rest = this.src.slice(this.i);
          if (rest.startsWith('?:')) this.i += 2;
          else if (rest.startsWith('?=') || rest.startsWith('?!')) (this.i += 2), (lookaround = true);
          else if (rest.startsWith('?<=') || rest.startsWith('?<!')) (this.i += 3), (lookaround = true), (behind = true);
          else if (rest.startsWith('?<')) {
            const end = this.src.indexOf('>', this.i);
            if (end < 0) throw new RegexSyntaxError('unterminated group name');
            this.i = end + 1;
          } else throw new RegexSyntaxError('unsupported group syntax');
        }
        const body = this.alt();
        if (this.src[this.i] !== ')') throw new RegexSyntaxError('missing )');
        this.i++;
        return lookaround ? { t: 'look', body, behind, span: [at, this.i] } : { t: 'group', body };
      }
      case '[':
        return { t: 'atom', set: this.charClass() };
      case '\\':
        return this.escape(false) as Node;
      case '*':
      case '+':
      case '?':
        throw new RegexSyntaxError(`nothing to repeat at ${this.i - 1}`);
      default:
        return { t: 'atom', set: charSet(c, this.ignoreCase) };
    }
  }
  private escape(inClass: boolean): Node | CharSet {
    const c = this.src[this.i++];
    if (c === undefined) throw new RegexSyntaxError('trailing backslash');
    const wrap = (s: CharSet): Node | CharSet => (inClass ? s : { t: 'atom', set: s });
    if (/[dDwWsS]/.test(c)) return wrap(classSet(c));
    if (!inClass && (c === 'b' || c === 'B')) return { t: 'assert' };
    if (/[1-9]/.test(c) || (c === 'k' && this.src[this.i] === '<')) throw new RegexSyntaxError('backreferences are not allowed (they make matching time unbounded)');
    if (c === 'p' || c === 'P') {
      const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      return wrap(fullSet());
    }
    if (c === 'x') {
      const h = this.src.slice(this.i, this.i + 2);
      this.i += 2;
      return wrap(charSet(String.fromCharCode(parseInt(h, 16) || 0), this.ignoreCase));
    }
    if (c === 'u') {
      const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      const code = m ? parseInt(m[0].replace(/[{}]/g, ''), 16) : 0;
      return wrap(code < 128 ? charSet(String.fromCharCode(code), this.ignoreCase) : { ascii: emptySet().ascii, other: true });
    }
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    return wrap(charSet(named[c] ?? c, this.ignoreCase));
  }
  private charClass(): CharSet {
    let negated = false;
    if (this.src[this.i] === '^') (negated = true), this.i++;
    let s = emptySet();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let lo: number | undefined;
      if (this.src[this.i] === '\\') {
        this.i++;
        const e = this.escape(true) as CharSet;
        const single = e.ascii.filter(Boolean).length === 1 && !e.other;
        if (!single) {
          s = union(s, e);
          continue;
        }
        lo = e.ascii.indexOf(true);
      } else lo = this.src.charCodeAt(this.i++);
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let hi: number;
        if (this.src[this.i] === '\\') {
          this.i++;
          const e = this.escape(true) as CharSet;
          hi = e.ascii.indexOf(true);
          if (hi < 0) hi = 0xffff;
        } else hi = this.src.charCodeAt(this.i++);
        addRange(s, lo, hi, this.ignoreCase);
      } else addRange(s, lo, lo, this.ignoreCase);
    }
    if (this.src[this.i] !== ']') throw new RegexSyntaxError('missing ]');
    this.i++;
    return negated ? negate(s) : s;
  }
}

/*
 * The check. The pattern becomes a position automaton (Glushkov: one state per character atom, an
 * edge per way the engine can move from one atom to the next, parallel edges kept, because a
 * backtracking engine tries each of them). A backtracking engine takes exponential time when some
 * state has two different loops that read the same text (`(a+)+`, `(a|a)*`, `(a*)*`), and polynomial
 * time when two different looping states are joined by a path, all three reading the same text
 * (`\s*\s*`, `\w+\d*\w+`). Both are found in the product of the automaton with itself. Bounded repeats
 * count as loops once their bound is more than 3 (`a{1,50}` is read as `a+`), every group level is part
 * of the automaton, assertions and lookarounds can fail (so `(a+)+$` is refused) and each lookaround
 * body is checked as a pattern of its own. A loop from which the match can always end successfully
 * (nothing but optional parts after it) never backtracks, so `.*x.*` and `(a+)+` without an anchor pass.
 */

const SMALL_REPEAT = 3;
/**
 * Two adjacent repetitions bounded by n and m cost at most n * m steps per offset: allowed up to 10
 * each. A leading repetition bounded by m costs at most m steps per offset: allowed up to 100.
 */
const PAIR_BOUND = 10;
const LEADING_BOUND = 100;
const MAX_POSITIONS = 400;
const MAX_STEPS = 20_000_000;

interface Frag {
  first: number[];
  last: number[];
  /** Last positions from which the rest of the pattern can match empty without an assertion. */
  lastPure: number[];
  nullable: boolean;
  /** Nullable without an assertion. */
  pure: boolean;
}

class TooComplex extends Error {}

/** Four 32-bit words for ASCII plus one bit for the rest. */
function mask(s: CharSet): number[] {
  const m = [0, 0, 0, 0, s.other ? 1 : 0];
  s.ascii.forEach((v, c) => {
    if (v) m[c >> 5] |= 1 << (c & 31);
  });
  return m;
}

class Automaton {
  readonly masks: number[][] = [[0, 0, 0, 0, 0]];
  /** Source span naming each position: its outermost enclosing repetition, else the atom itself. */
  readonly spans: ([number, number] | undefined)[] = [undefined];
  /** adj[p] lists the targets of p's edges; a target listed twice is two different edges. */
  readonly adj: number[][] = [[]];
  /** The largest upper bound of the repetitions around the position (Infinity for * and +). */
  readonly bound: number[] = [0];
  looks: { body: Node; behind: boolean; span: [number, number] }[] = [];

  pos(set: CharSet, span: [number, number] | undefined, bound: number): number {
    if (this.masks.length >= MAX_POSITIONS) throw new TooComplex();
    this.masks.push(mask(set));
    this.spans.push(span);
    this.bound.push(bound);
    this.adj.push([]);
    return this.masks.length - 1;
  }
  link(from: number[], to: number[]): void {
    for (const a of from) for (const b of to) this.adj[a].push(b);
  }
  private concat(x: Frag, y: Frag): Frag {
    this.link(x.last, y.first);
    return {
      first: x.nullable ? [...x.first, ...y.first] : x.first,
      last: y.nullable ? [...y.last, ...x.last] : y.last,
      lastPure: y.pure ? [...y.lastPure, ...x.lastPure] : y.lastPure,
      nullable: x.nullable && y.nullable,
      pure: x.pure && y.pure,
    };
  }
  private empty(pure: boolean): Frag {
    return { first: [], last: [], lastPure: [], nullable: true, pure };
  }

  build(n: Node, outer: [number, number] | undefined, big = 0): Frag {
    switch (n.t) {
      case 'atom': {
        const p = this.pos(n.set, outer, big);
        return { first: [p], last: [p], lastPure: [p], nullable: false, pure: false };
      }
      case 'assert':
        return this.empty(false);
      case 'look':
        this.looks.push(n);
        return this.empty(false);
      case 'group':
        return this.build(n.body, outer, big);
      case 'alt': {
        const fs = n.alts.map((a) => this.build(a, outer, big));
        return { first: fs.flatMap((f) => f.first), last: fs.flatMap((f) => f.last), lastPure: fs.flatMap((f) => f.lastPure), nullable: fs.some((f) => f.nullable), pure: fs.some((f) => f.pure) };
      }
      case 'seq':
        return n.items.reduce((acc, it) => this.concat(acc, this.build(it, outer, big)), this.empty(true));
      case 'quant': {
        const span = outer ?? (n.max > 1 ? n.span : undefined);
        let acc = this.empty(true);
        if (n.max <= SMALL_REPEAT) {
          for (let i = 0; i < n.min; i++) acc = this.concat(acc, this.build(n.body, span, big));
          for (let i = n.min; i < n.max; i++) acc = this.concat(acc, { ...this.build(n.body, span, big), nullable: true, pure: true });
          return acc;
        }
        // a large or unbounded repeat: up to one fixed copy, then a loop (at least once when min > 0)
        for (let i = 0; i < Math.min(n.min - 1, 1); i++) acc = this.concat(acc, this.build(n.body, span, big));
        const body = this.build(n.body, span, Math.max(big, n.max));
        this.link(body.last, body.first);
        return this.concat(acc, n.min === 0 ? { ...body, nullable: true, pure: true } : body);
      }
    }
  }
}

interface Danger {
  kind: 'exponential' | 'polynomial';
  spans: [number, number][];
  states: number[];
}

/** Find a state with two loops reading the same text, or two looping states joined by the same text. */
function ambiguity(a: Automaton, accepting: Set<number>, prefix: number): Danger | undefined {
  // Once the engine reaches an accepting position (nothing but optional parts after it), the attempt
  // succeeds: a loop that passes through one never makes it fail. The pumped loops below avoid them;
  // the path joining two loops may go anywhere.
  const n = a.masks.length;
  const acc = new Uint8Array(n);
  for (const p of accepting) acc[p] = 1;
  const ov = new Uint8Array(n * n);
  for (let x = 1; x < n; x++)
    for (let y = 1; y < n; y++) {
      const mx = a.masks[x];
      const my = a.masks[y];
      ov[x * n + y] = mx[0] & my[0] || mx[1] & my[1] || mx[2] & my[2] || mx[3] & my[3] || mx[4] & my[4] ? 1 : 0;
    }
  let steps = 0;
  const tick = (k: number): void => {
    steps += k;
    if (steps > MAX_STEPS) throw new TooComplex();
  };
  // states with a loop that avoids accepting states
  const loops: number[] = [];
  for (let p = 1; p < n; p++) {
    if (acc[p]) continue;
    const seen = new Uint8Array(n);
    const stack = [...a.adj[p]];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen[x] || acc[x]) continue;
      seen[x] = 1;
      tick(a.adj[x].length);
      stack.push(...a.adj[x]);
    }
    if (seen[p]) loops.push(p);
  }
  // exponential: from (p,p) on one path, reach (p,p) on two different paths (d = 1 once they differ)
  for (const p of loops) {
    const seen = new Uint8Array(n * n * 2);
    const stack = [(p * n + p) * 2];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen[s]) continue;
      seen[s] = 1;
      const d = s & 1;
      const x = Math.floor(s / 2 / n);
      const y = Math.floor(s / 2) % n;
      const ax = a.adj[x];
      const ay = a.adj[y];
      tick(ax.length * ay.length);
      for (let i = 0; i < ax.length; i++)
        for (let j = 0; j < ay.length; j++) {
          if (!ov[ax[i] * n + ay[j]] || acc[ax[i]] || acc[ay[j]]) continue;
          // d = 0 only while both paths are the same path (then x === y)
          stack.push((ax[i] * n + ay[j]) * 2 + (!d && i === j ? 0 : 1));
        }
    }
    if (seen[(p * n + p) * 2 + 1]) return { kind: 'exponential', spans: [a.spans[p] ?? [0, 0]], states: [p] };
  }
  // polynomial: p loops, q loops, p reaches q, on the same text (the two halves may use different texts:
  // a safe over-approximation); only between repetitions without a small bound
  const big = loops.filter((p) => a.bound[p] > PAIR_BOUND);
  if (big.length < 2) return undefined;
  const forward = (p: number, q: number, avoidX: boolean, avoidY: boolean): Uint8Array => {
    const seen = new Uint8Array(n * n);
    const stack = [p * n + q];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen[s]) continue;
      seen[s] = 1;
      const ax = a.adj[Math.floor(s / n)];
      const ay = a.adj[s % n];
      tick(ax.length * ay.length);
      for (const x of ax) {
        if (avoidX && acc[x]) continue;
        for (const y of ay) if (ov[x * n + y] && !(avoidY && acc[y])) stack.push(x * n + y);
      }
    }
    return seen;
  };
  for (const p of big) {
    const from = forward(p, p, true, false);
    for (const q of big) {
      if (p === q || !from[p * n + q] || (p === prefix && a.bound[q] <= LEADING_BOUND)) continue;
      if (forward(p, q, false, true)[q * n + q]) return { kind: 'polynomial', spans: [a.spans[p] ?? [0, 0], a.spans[q] ?? [0, 0]], states: [p, q] };
    }
  }
  return undefined;
}

/** The first reason this pattern may backtrack catastrophically, or undefined. */
function anchored(n: Node, multiline: boolean): boolean {
  if (multiline) return false;
  switch (n.t) {
    case 'assert':
      return n.start === true;
    case 'group':
      return anchored(n.body, multiline);
    case 'alt':
      return n.alts.every((x) => anchored(x, multiline));
    case 'seq':
      return n.items.length > 0 && anchored(n.items[0], multiline);
    default:
      return false;
  }
}

function dangerIn(tree: Node, src: string, multiline: boolean, where = ''): string | undefined {
  const a = new Automaton();
  let root: Frag;
  let found: Danger | undefined;
  let prefix = -1;
  try {
    root = a.build(tree, undefined);
    a.link([0], root.first);
    if (!anchored(tree, multiline)) {
      // the engine tries the pattern at every offset: like a leading lazy loop over any character
      const any = (prefix = a.pos(fullSet(), [0, 0], Infinity));
      a.link([0], [any]);
      a.link([any], [any]);
      a.link([any], root.first);
    }
    found = ambiguity(a, new Set(where.includes('lookbehind') ? [] : root.lastPure), prefix);
  } catch (e) {
    if (e instanceof TooComplex) return `a pattern too large to prove safe${where} (more than ${MAX_POSITIONS} character positions once bounded repeats are expanded, or too many ways to combine them)`;
    throw e;
  }
  if (found) {
    const quote = (sp: [number, number]) => '`' + src.slice(sp[0], sp[1]) + '`';
    if (found.kind === 'exponential') return `nested quantifier ${quote(found.spans[0])}${where} (a repetition whose body can match the same text in more than one way: exponential time); rewrite it so that each text can match in only one way`;
    if (found.states[0] === prefix) return `a leading repetition ${quote(found.spans[1])}${where} that is retried at every offset of a long run of the characters it matches (quadratic time); start the pattern with a literal or ^, or bound it to at most {0,${LEADING_BOUND}}`;
    const [p, q] = found.spans;
    return `adjacent repetitions ${quote(p)} and ${quote(q)}${where} that can match the same text (polynomial time); make them match different characters or bound one to at most {0,${PAIR_BOUND}}`;
  }
  for (const l of a.looks) {
    const kind = l.behind ? 'lookbehind' : 'lookahead';
    const d = dangerIn(l.body, src, multiline, `${where} inside the ${kind} \`${src.slice(l.span[0], l.span[1])}\``);
    if (d) return d;
  }
  return undefined;
}

/**
 * Why a regex may backtrack catastrophically (undefined when it cannot), for auditing the built-in
 * rules' own regexes with the same check. Flags other than i and s do not change the answer.
 */
export function regexDanger(pattern: string, flags = ''): string | undefined {
  let tree: Node;
  try {
    tree = new Parser(pattern, flags.includes('i'), flags.includes('s')).parse();
  } catch (e) {
    return `cannot check: ${(e as Error).message}`;
  }
  return dangerIn(tree, pattern, flags.includes('m'));
}

export interface SafeRegex {
  regex: RegExp;
}

/** Compile a pack author's regex, or explain why it is refused. The result always has the g flag. */
export function compileSafeRegex(pattern: unknown, flags: unknown = ''): SafeRegex | { error: string } {
  if (typeof pattern !== 'string' || !pattern) return { error: 'the regex must be a non-empty string' };
  const f = typeof flags === 'string' ? flags : '';
  if (!ALLOWED_FLAGS.test(f)) return { error: `regex flags may only be i, m, s and u (got "${f}")` };
  if (pattern.length > MAX_PATTERN_LENGTH) return { error: `the regex is longer than ${MAX_PATTERN_LENGTH} characters` };
  let tree: Node;
  try {
    tree = new Parser(pattern, f.includes('i'), f.includes('s')).parse();
  } catch (e) {
    if (e instanceof RegexSyntaxError && /backreference/.test(e.message)) return { error: `pathological regex refused: ${e.message}` };
    // fall through to the engine's own message below
    try {
      new RegExp(pattern, f);
    } catch (e2) {
      return { error: `invalid regex: ${(e2 as Error).message}` };
    }
    return { error: `unsupported regex syntax: ${(e as Error).message}` };
  }
  const danger = dangerIn(tree, pattern, f.includes('m'));
  if (danger) return { error: `pathological regex refused: ${danger}` };
  try {
    return { regex: new RegExp(pattern, [...new Set(`${f}g`)].join('')) };
  } catch (e) {
    return { error: `invalid regex: ${(e as Error).message}` };
  }
}

/**
 * A time budget shared by the regex runs of one rule on one file. The check above is the guarantee;
 * this is the backstop: when a run is slower than the check promised, the rule stops at the next match
 * and the file is reported as incomplete instead of keeping the server busy.
 */
export interface RegexBudget {
  deadline: number;
  /** Set when the budget ran out: the offset where the rule stopped. */
  stoppedAt?: number;
}
export const REGEX_FILE_BUDGET_MS = 1000;
export function regexBudget(ms = REGEX_FILE_BUDGET_MS): RegexBudget {
  return { deadline: Date.now() + ms };
}

/** Matches of a safe regex in text[from, to): capped in input size, count and time; empty matches are skipped. */
export function* boundedMatches(re: RegExp, text: string, from = 0, to = text.length, limit = MAX_MATCHES_PER_FILE, budget?: RegexBudget): Generator<{ start: number; end: number; match: RegExpExecArray }> {
  if (budget?.stoppedAt !== undefined) return;
  if (to - from > MAX_REGEX_INPUT) to = from + MAX_REGEX_INPUT;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < limit && (m = re.exec(slice))) {
    if (budget && Date.now() > budget.deadline) {
      budget.stoppedAt = from + m.index;
      return;
    }
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    n++;
    yield { start: from + m.index, end: from + m.index + m[0].length, match: m };
  }
}

/** Test a bound value (metavariable text, JSON scalar) against a safe regex. */
export function testSafe(re: RegExp, value: string): boolean {
  re.lastIndex = 0;
  const ok = re.test(value.length > MAX_REGEX_INPUT ? value.slice(0, MAX_REGEX_INPUT) : value);
  re.lastIndex = 0;
  return ok;
}
