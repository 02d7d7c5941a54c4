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
  | { t: 'group'; body: Node; lookaround: boolean }
  | { t: 'quant'; body: Node; min: number; max: number }
  | { t: 'atom'; set: CharSet }
  | { t: 'assert' };

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
function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((v, i) => v && b.ascii[i]);
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
      let atom = this.atom();
      const q = this.quantifier();
      if (q) {
        if (atom.t === 'assert') throw new RegexSyntaxError('quantified assertion');
        atom = { t: 'quant', body: atom, min: q.min, max: q.max };
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
      case '$':
        return { t: 'assert' };
      case '.':
        return { t: 'atom', set: fullSet(!this.dotAll) };
      case '(': {
        let lookaround = false;
        if (this.src[this.i] === '?') {
          const rest = this.src.slice(this.i);
          if (rest.startsWith('?:')) this.i += 2;
          else if (rest.startsWith('?=') || rest.startsWith('?!')) (this.i += 2), (lookaround = true);
          else if (rest.startsWith('?<=') || rest.startsWith('?<!')) (this.i += 3), (lookaround = true);
          else if (rest.startsWith('?<')) {
            const end = this.src.indexOf('>', this.i);
            if (end < 0) throw new RegexSyntaxError('unterminated group name');
            this.i = end + 1;
          } else throw new RegexSyntaxError('unsupported group syntax');
        }
        const body = this.alt();
        if (this.src[this.i] !== ')') throw new RegexSyntaxError('missing )');
        this.i++;
        return lookaround ? { t: 'assert' } : { t: 'group', body, lookaround };
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

/** Characters that can start a match of n (undefined when n can match empty and so says nothing). */
function firstSet(n: Node): CharSet {
  switch (n.t) {
    case 'atom':
      return n.set;
    case 'assert':
      return emptySet();
    case 'group':
      return firstSet(n.body);
    case 'quant':
      return firstSet(n.body);
    case 'alt':
      return n.alts.map(firstSet).reduce(union, emptySet());
    case 'seq': {
      let s = emptySet();
      for (const it of n.items) {
        s = union(s, firstSet(it));
        if (!canBeEmpty(it)) break;
      }
      return s;
    }
  }
}
/** All characters n can consume. */
function allSet(n: Node): CharSet {
  switch (n.t) {
    case 'atom':
      return n.set;
    case 'assert':
      return emptySet();
    case 'group':
    case 'quant':
      return allSet(n.body);
    case 'alt':
      return n.alts.map(allSet).reduce(union, emptySet());
    case 'seq':
      return n.items.map(allSet).reduce(union, emptySet());
  }
}
function canBeEmpty(n: Node): boolean {
  switch (n.t) {
    case 'atom':
      return false;
    case 'assert':
      return true;
    case 'group':
      return canBeEmpty(n.body);
    case 'quant':
      return n.min === 0 || canBeEmpty(n.body);
    case 'alt':
      return n.alts.some(canBeEmpty);
    case 'seq':
      return n.items.every(canBeEmpty);
  }
}
function hasUnboundedQuantifier(n: Node): boolean {
  switch (n.t) {
    case 'quant':
      return n.max === Infinity || n.max > 50 || hasUnboundedQuantifier(n.body);
    case 'group':
      return hasUnboundedQuantifier(n.body);
    case 'alt':
      return n.alts.some(hasUnboundedQuantifier);
    case 'seq':
      return n.items.some(hasUnboundedQuantifier);
    default:
      return false;
  }
}

/** The first reason this pattern may backtrack catastrophically, or undefined. */
function dangerIn(n: Node): string | undefined {
  switch (n.t) {
    case 'quant': {
      const repeats = n.max === Infinity || n.max > 50;
      if (repeats && hasUnboundedQuantifier(n.body)) return 'nested quantifiers (a repeated group that itself contains + or *)';
      if (repeats) {
        const alt = n.body.t === 'group' ? n.body.body : n.body;
        if (alt.t === 'alt') {
          const firsts = alt.alts.map(firstSet);
          for (let a = 0; a < firsts.length; a++) for (let b = a + 1; b < firsts.length; b++) if (overlaps(firsts[a], firsts[b])) return 'a repeated alternation whose branches can match the same text';
        }
      }
      return dangerIn(n.body);
    }
    case 'group':
      return dangerIn(n.body);
    case 'alt':
      for (const a of n.alts) {
        const d = dangerIn(a);
        if (d) return d;
      }
      return undefined;
    case 'seq': {
      // two unbounded quantifiers over overlapping characters with nothing required between them
      let prev: CharSet | undefined;
      for (const it of n.items) {
        const d = dangerIn(it);
        if (d) return d;
        if (it.t === 'quant' && (it.max === Infinity || it.max > 50)) {
          const s = allSet(it.body);
          if (prev && overlaps(prev, s)) return 'adjacent repetitions that can match the same characters (e.g. \\s*\\s* or .*.*)';
          prev = it.min === 0 ? (prev ? union(prev, s) : s) : s;
        } else if (!canBeEmpty(it)) prev = undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
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
  const danger = dangerIn(tree);
  if (danger) return { error: `pathological regex refused: ${danger} can take exponential or polynomial time; rewrite it without that shape` };
  try {
    return { regex: new RegExp(pattern, [...new Set(`${f}g`)].join('')) };
  } catch (e) {
    return { error: `invalid regex: ${(e as Error).message}` };
  }
}

/** Matches of a safe regex in text[from, to): capped in input size and count; empty matches are skipped. */
export function* boundedMatches(re: RegExp, text: string, from = 0, to = text.length, limit = MAX_MATCHES_PER_FILE): Generator<{ start: number; end: number; match: RegExpExecArray }> {
  if (to - from > MAX_REGEX_INPUT) to = from + MAX_REGEX_INPUT;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < limit && (m = re.exec(slice))) {
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
