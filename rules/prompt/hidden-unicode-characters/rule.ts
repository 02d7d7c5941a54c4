import { identifierWords } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';

type Kind = 'tag' | 'zero-width' | 'bidi' | 'variation' | 'format';

const NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x2060: 'WORD JOINER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

function kindOf(cp: number): Kind | undefined {
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x180e) return 'zero-width';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp >= 0xe0100 && cp <= 0xe01ef) return 'variation';
  if ((cp >= 0x2061 && cp <= 0x2064) || (cp >= 0x206a && cp <= 0x206f) || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || (cp >= 0x1d173 && cp <= 0x1d17a)) return 'format';
  return undefined;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function codePointBefore(text: string, i: number): { cp: number; at: number } | undefined {
  if (i <= 0) return undefined;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return { cp: text.codePointAt(i - 2)!, at: i - 2 };
  }
  return { cp: lo, at: i - 1 };
}

/** The visible character before a ZWJ, skipping emoji modifiers and variation selectors. */
function visibleBefore(text: string, i: number): number | undefined {
  let p = codePointBefore(text, i);
  while (p && (p.cp === 0xfe0f || p.cp === 0xfe0e || (p.cp >= 0x1f3fb && p.cp <= 0x1f3ff) || p.cp === 0x20e3)) p = codePointBefore(text, p.at);
  return p?.cp;
}

/** ZWJ / ZWNJ that glue an emoji sequence or shape letters of a script that needs them (Persian, Indic...). */
function legitimateJoiner(text: string, start: number, end: number, cp: number): boolean {
  if (cp !== 0x200d && cp !== 0x200c) return false;
  const prev = visibleBefore(text, start);
  const next = text.codePointAt(end);
  if (prev === undefined || next === undefined) return false;
  const p = String.fromCodePoint(prev);
  const n = String.fromCodePoint(next);
  if (cp === 0x200d && PICTOGRAPHIC.test(p) && PICTOGRAPHIC.test(n)) return true;
  return prev > 0x2ff && next > 0x2ff && LETTER_OR_MARK.test(p) && LETTER_OR_MARK.test(n);
}

/** Emoji subdivision flags (🏴 + tag letters + CANCEL TAG), e.g. the flags of England or Scotland. */
function isFlagTagSequence(text: string, start: number, end: number): boolean {
  const prev = codePointBefore(text, start);
  if (!prev || prev.cp !== 0x1f3f4) return false;
  const last = text.codePointAt(end - 2);
  return last === 0xe007f && end - start <= 16;
}

function decodeTags(run: string): string {
  let out = '';
  for (const ch of run) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

function describe(s: string, max = 160): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

const MAX_SCAN = 2_000_000;
const CODE_KINDS = new Set<string>(['python', 'javascript', 'typescript', 'notebook']);

/** `"<c>"`, `'<c>'` or a template literal holding only the character: a lookup key or comparison, not hidden text. */
function isWholeStringLiteral(text: string, start: number, end: number): boolean {
  const q = text[start - 1];
  return (q === '"' || q === "'" || q === '`') && text[end] === q && text[start - 2] !== '\\';
}

const PROMPTISH = /prompt|instruction|system|description|assistant|\bagent|\btool/i;

/** A letter or digit right before or after the character: it joins or splits a word. */
function wordAround(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '');
}

/** Whether `i` starts a line: only spaces or tabs back to the start of the text, a line break or an escaped `\n` / `\r` of a string. */
function atLineStart(text: string, i: number): boolean {
  let p = i;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  if (p === 0 || text[p - 1] === '\n' || text[p - 1] === '\r') return true;
  return p >= 2 && (text[p - 1] === 'n' || text[p - 1] === 'r') && text[p - 2] === '\\' && text[p - 3] !== '\\';
}

/**
 * One zero-width character left by HTML-to-markdown conversion of web pages and docs sites: the empty text of a
 * heading anchor (`[\u200b](#section)`), a blank line holding only the character, or a paragraph that starts
 * with it. It sits at a line or element boundary, so it hides no text and splits no word; runs of several
 * characters (encoded data), characters inside a word or mid-sentence stay reported.
 */
function layoutArtifact(text: string, start: number, end: number): boolean {
  if (text[start - 1] === '[' && text[end] === ']' && text[end + 1] === '(') return true;
  return atLineStart(text, start);
}

/** A string literal on one line (JS/TS/Python quotes, escapes allowed, Python prefixes), replaced by `S` below. */
const SIMPLE_LITERAL = /(?:\b[rRbBuU])?(?:'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*"|`(?:[^`\\$\r\n]|\\.)*`)/g;
/** Function names of the code under test that removes or finds hidden characters: sanitize, strip, normalize... */
const SANITIZER_WORD = /^(?:(?:sanitiz|sanitis|strip|clean|normaliz|normalis|remov|scrub|filter|escap|purif|redact|detect|find|scan|check|validat|count|decod|reveal|replac)\w*|has|contains?|is)$/;
const CALLEE = String.raw`(?:[\w$]+\.)*([\w$]+)\(\s*S\s*(?:,\s*(?:S|[\w$.]+)\s*)*\)`;
const EXPECTED = String.raw`(?:S|[\w$.]+|-?\d+|true|false|True|False|None|null|undefined)?`;
/** `expect(sanitize(S)).toBe(S)`, `assert.equal(strip(S), S)`, `assert normalize(S) == S`: the whole line is one assertion. */
const ASSERTION_LINES = [
  new RegExp(String.raw`^\s*(?:await\s+)?expect\(\s*(?:await\s+)?${CALLEE}\s*\)(?:\.not)?(?:\.\w+)+\(\s*${EXPECTED}\s*\)\s*;?\s*$`),
  new RegExp(String.raw`^\s*(?:assert|assert\.\w+|expect\.\w+|t\.\w+|self\.assert\w+)\(\s*(?:await\s+)?${CALLEE}\s*(?:,\s*${EXPECTED}\s*)?(?:,\s*S\s*)?\)\s*;?\s*$`),
  new RegExp(String.raw`^\s*assert\s+(?:not\s+)?${CALLEE}\s*(?:(?:==|!=|is\s+not|is|not\s+in|in)\s*${EXPECTED}\s*)?(?:,\s*S\s*)?$`),
];

/**
 * The hidden characters are the input (or the expected output) of the code under test in a test file's one-line
 * assertion: `expect(sanitizeToolDescription('hello\u200bworld')).toBe('helloworld')` written with the raw
 * character. The function asserted on is named like a sanitizer or a detector, the characters sit inside a string
 * literal and the line holds nothing but the assertion, so no code or comment can be reordered or hidden by them.
 */
function sanitizerTestInput(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  let inside = false;
  const shape = line.replace(SIMPLE_LITERAL, (lit, offset: number) => {
    if (lineStart + offset <= start && end <= lineStart + offset + lit.length) inside = true;
    return 'S';
  });
  if (!inside) return false;
  for (const re of ASSERTION_LINES) {
    const m = re.exec(shape);
    if (m && m[1] && identifierWords(m[1]).some((w) => SANITIZER_WORD.test(w))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'hidden-unicode-characters',
    name: 'HiddenUnicodeCharacters',
    shortDescription: 'Invisible Unicode characters (tag characters, zero-width or bidirectional controls) hide text that models read but reviewers do not see.',
    fullDescription: 'Unicode tag characters (U+E0000 to U+E007F) spell out ASCII text that editors render as nothing but that tokenizers pass to the model, so a prompt, rules file or tool description can carry invisible instructions ("ASCII smuggling"). Zero-width characters hide or split words to defeat review and filters, and bidirectional controls reorder what is displayed (Trojan Source). None of them belong in prompts, agent instructions, MCP configs or code.',
    views: ['text'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM01'],
    cwe: [1007, 116],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.2'], euAiAct: ['Art. 15'], iso42001: ['A.7.4', 'A.6.2.4'] },
    fix: 'autofix',
    messages: {
      tag: 'Invisible Unicode tag characters hide this text from readers (but not from the model): "{{decoded}}".',
      'zero-width': 'Hidden zero-width character(s) ({{names}}): they split or hide words a reviewer cannot see.',
      bidi: 'Bidirectional control character(s) ({{names}}) make the text display differently from what the model or compiler reads.',
      variation: '{{count}} invisible variation selector(s) in a row: a known way to smuggle hidden data after a visible character.',
      format: 'Invisible format character(s) ({{names}}) hidden in the text.',
    },
  },
  check: {
    text(ctx) {
      const { text } = ctx.view;
      const limit = Math.min(text.length, MAX_SCAN);
      let i = 0;
      while (i < limit) {
        const c = text.charCodeAt(i);
        // fast path: every hidden character is U+180E or above
        if (c < 0x180e) { i++; continue; }
        const cp = text.codePointAt(i)!;
        const width = cp > 0xffff ? 2 : 1;
        let kind = kindOf(cp);
        if (!kind || (cp === 0xfeff && i === 0) || legitimateJoiner(text, i, i + width, cp)) { i += width; continue; }
        // extend the run over adjacent hidden characters
        const start = i;
        const kinds = new Set<Kind>([kind]);
        const names = new Set<string>();
        if (NAMES[cp]) names.add(NAMES[cp]);
        i += width;
        while (i < limit) {
          const cp2 = text.codePointAt(i)!;
          const k2 = kindOf(cp2);
          const w2 = cp2 > 0xffff ? 2 : 1;
          if (!k2 || legitimateJoiner(text, i, i + w2, cp2)) break;
          kinds.add(k2);
          if (NAMES[cp2]) names.add(NAMES[cp2]);
          i += w2;
        }
        const end = i;
        const run = text.slice(start, end);
        if (kinds.size === 1 && kinds.has('tag') && isFlagTagSequence(text, start, end)) continue;
        if (kinds.size === 1 && kinds.has('variation') && end - start < 4) continue; // one ideographic variation selector is ordinary CJK text
        // code comparing against a BOM / zero-width space: `if (c === "\uFEFF")` written with the literal character
        if (CODE_KINDS.has(ctx.kind) && kinds.size === 1 && kinds.has('zero-width') && end - start === 1 && isWholeStringLiteral(text, start, end)) continue;
        // one zero-width character between punctuation in a code string (`${text} (\u200b${url}\u200b)` of a terminal
        // library) is layout data, not hidden text: it hides nothing and splits no word, unless the string is a prompt,
        // an instruction or a tool description
        if (CODE_KINDS.has(ctx.kind) && kinds.size === 1 && kinds.has('zero-width') && end - start === 1 && !wordAround(text, start, end) && !PROMPTISH.test(text.slice(Math.max(0, start - 300), end + 300))) continue;
        if (kinds.size === 1 && kinds.has('zero-width') && end - start === 1 && layoutArtifact(text, start, end)) continue;
        // the input or expected output of a sanitizer's test: `expect(stripInvisible('a\u200bb')).toBe('ab')` with the raw character
        if (ctx.role === 'test' && CODE_KINDS.has(ctx.kind) && sanitizerTestInput(text, start, end)) continue;
        kind = kinds.has('tag') ? 'tag' : kinds.has('bidi') ? 'bidi' : kinds.has('variation') ? 'variation' : kinds.has('zero-width') ? 'zero-width' : 'format';
        const decoded = kinds.has('tag') ? decodeTags(run) : '';
        ctx.report({
          messageId: kind,
          data: { decoded: describe(decoded) || '(tag characters without printable text)', names: [...names].join(', ') || 'invisible formatting', count: [...run].length },
          start,
          end,
          fixes: [{ title: 'Delete the invisible characters', kind: 'autofix', edits: [{ start, end, newText: '' }] }],
        });
      }
    },
  },
});
