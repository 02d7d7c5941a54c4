/**
 * Helpers for prose rules over prompt text (instructions aimed at the model): iterate body lines,
 * find the sentence around a match, tell a directive from a guard or a quoted example, and learn
 * which characters another prompt rule already reports (so two rules never flag the same words).
 * Pure and bounded: every scan works one line at a time with a size cap.
 */
import type { FileKind, FileRole } from '../../engine/model';
import type { RuleContext } from '../../engine/rule';
import type { PromptView } from '../../engine/views';
import { isAgentInstructionPath as isAgentInstructionFile } from '../../engine/fileKind';

const MAX_LINE = 4000;
const MAX_SCAN = 500_000;

/** Call `fn` for every body line (after the front matter) with its offset in the view text. */
export function forEachBodyLine(view: PromptView, fn: (line: string, lineStart: number) => void): void {
  const text = view.text.length > MAX_SCAN ? view.text.slice(0, MAX_SCAN) : view.text;
  let pos = view.frontMatterRange ? view.frontMatterRange.end : 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + MAX_LINE));
    if (line.trim().length > 3) fn(line, pos);
    pos = nl + 1;
  }
}

/** A phrase pattern of a prompt rule: a global regex and the message id it reports. */
export interface PhrasePattern<K extends string = string> {
  re: RegExp;
  kind: K;
}

/** A match of a phrase pattern on one body line: `start`/`end` are view offsets, `index` the column in `line`. */
export interface PhraseMatch<P> {
  pattern: P;
  match: RegExpExecArray;
  line: string;
  lineStart: number;
  start: number;
  end: number;
}

/**
 * Every non-empty match of `patterns` on the body lines, in line then pattern order, skipping matches that
 * overlap one already accepted. `accept` returns false to drop a match (guards, negations, described attacks).
 * `after` runs once per line with the accepted ranges so far (for a rule's own line-level checks).
 */
export function forEachPhraseMatch<P extends { re: RegExp }>(view: PromptView, patterns: readonly P[], accept: (m: PhraseMatch<P>) => boolean, after?: (line: string, lineStart: number, seen: [number, number][]) => void): void {
  const seen: [number, number][] = [];
  forEachBodyLine(view, (line, lineStart) => {
    for (const p of patterns) {
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(line))) {
        if (m[0].length === 0) { p.re.lastIndex++; continue; }
        const start = lineStart + m.index;
        const end = start + m[0].length;
        if (overlapsAny(seen, start, end)) continue;
        if (accept({ pattern: p, match: m, line, lineStart, start, end })) seen.push([start, end]);
      }
    }
    after?.(line, lineStart, seen);
  });
}

/** A sentence ends at `.`, `!`, `?` or `;` followed by a space (not `.env`, `v1.2`, `e.g.`), or at the line's end. */
const SENTENCE_END = /[.!?;](?=\s|$)/g;

/** [start, end) of the sentence of `line` that holds [at, atEnd). */
export function sentenceAround(line: string, at: number, atEnd = at): { start: number; end: number } {
  let start = 0;
  let end = line.length;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(line))) {
    // "e.g." / "i.e." are not sentence ends
    if (/\b(?:e\.g|i\.e|etc|vs)$/i.test(line.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (m.index < at) start = m.index + 1;
    else if (m.index >= atEnd) { end = m.index + 1; break; }
  }
  return { start, end };
}

/** The part of the sentence before `at` (at most 120 characters). */
export function sentenceBefore(line: string, at: number): string {
  const s = sentenceAround(line, at).start;
  return line.slice(Math.max(s, at - 120), at);
}

/** The part of the sentence after `end` (at most 120 characters). */
export function sentenceAfter(line: string, end: number): string {
  const e = sentenceAround(line, end, end).end;
  return line.slice(end, Math.min(e, end + 120));
}

/** Words before a phrase that turn it into a prohibition ("never run any command"). */
export const NEGATION_BEFORE = /\b(?:never|not|don'?t|doesn'?t|mustn'?t|shouldn'?t|cannot|can'?t|won'?t|refuse|refuses|avoid|forbid(?:den)?|prohibit(?:ed)?|disallow(?:ed)?|disable|disabled|no\s+one|nobody|without\s+explicit)\b|\bno\b(?!\s+need)/i;

/** Words before a phrase that make it a description of an attack or a quote, not a directive. */
export const DESCRIPTION_BEFORE = /\b(?:if\s+(?:a|an|the|any|someone|anyone|somebody)\b[^.]{0,40}?\b(?:says?|asks?|tells?|contains?|claims?|requests?|includes?|instructs?)|(?:users?|documents?|pages?|emails?|issues?|tickets?|comments?|messages?|content|text|someone|anyone|attackers?)\s+(?:that\s+)?(?:says?|asks?|tells?|claims?|requests?|instructs?|contains?|includes?)|such\s+as|e\.g|for\s+example|examples?\s+of|phrases?\s+like|injection|injected|jailbreak|malicious|untrusted|suspicious|attackers?)\b|["“‘]\s*$/i;

/** The file is an agent instruction file read verbatim by a coding agent (not an app's prompt template). */
export function isAgentInstructionPath(path: string): boolean {
  return isAgentInstructionFile(path);
}

type PromptCheck = (ctx: RuleContext<PromptView>) => void;
const reportedCache = new WeakMap<PromptView, Map<PromptCheck, [number, number][]>>();

/**
 * Ranges (view offsets) another prompt rule's check reports on this view, independent of config.
 * Used to leave characters that rule already owns. Never throws: a failing check yields no ranges.
 */
export function rangesReportedBy(check: PromptCheck | undefined, view: PromptView, path: string, kind: FileKind, role: FileRole = 'product'): [number, number][] {
  if (!check) return [];
  let byCheck = reportedCache.get(view);
  if (!byCheck) { byCheck = new Map(); reportedCache.set(view, byCheck); }
  const cached = byCheck.get(check);
  if (cached) return cached;
  const out: [number, number][] = [];
  try {
    check({ view, path, kind, role, options: {}, report: (d) => { out.push([d.start, d.end]); } });
  } catch {
    // the other rule reports its own failure through the engine
  }
  byCheck.set(check, out);
  return out;
}

export function overlapsAny(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && end > s);
}

/** A label before a code fence (or its info string) that marks the block as a bad example, not an instruction. */
const BAD_EXAMPLE_LABEL = /\b(?:bad|(?:don'?t|do\s+not|never)\s+(?:do|use|run|write|copy|paste|execute|follow)\s+(?:this|these|that|the\s+following|anything\s+like)|avoid(?:\s+this|\s+these|:)|vulnerable|insecure|unsafe|malicious|attack(?:er)?s?|exploit|payloads?|anti-?patterns?|wrong|incorrect|red\s+flags?|poisoned|injected|injection)\b|❌|🚫|⛔|✗|✘/i;
/** A heading whose section describes attacks or what to detect (a security guide, a rule's docs). */
const DESCRIBING_HEADING = /\b(?:attacks?|attackers?|malicious|red\s+flags?|threats?|threat\s+model|what\s+to\s+(?:look\s+for|detect|flag|block)|detect(?:ion|ing|s)?|anti-?patterns?|injection\s+(?:examples?|patterns?|payloads?)|payloads?|bad\s+examples?|examples?\s+of\s+(?:unsafe|malicious|bad|dangerous)|never\s+do|do\s+not\s+do|don'?t\s+do|forbidden|prohibited|blocked\s+commands?|disallowed|indicators?)\b/i;

/**
 * Ranges (view offsets) of text that describes attacks rather than instructing the agent: fenced code
 * blocks labelled as bad ("Bad:", "❌ Never do this", ```text title="malicious"), and sections whose
 * heading says they list attacks or what to detect ("## Red flags", "## Attack examples").
 * Bounded: one pass over the lines of the body.
 */
export function describedRanges(view: PromptView): [number, number][] {
  const text = view.text.length > MAX_SCAN ? view.text.slice(0, MAX_SCAN) : view.text;
  const out: [number, number][] = [];
  let pos = view.frontMatterRange ? view.frontMatterRange.end : 0;
  let fence: { marker: string; start: number; bad: boolean } | undefined;
  let section: { level: number; start: number } | undefined;
  const recent: string[] = [];
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + MAX_LINE));
    const fm = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (fm && fm[1][0] === fence.marker[0] && fm[1].length >= fence.marker.length && !fm[2].trim()) {
        if (fence.bad) out.push([fence.start, nl]);
        fence = undefined;
      }
    } else if (fm) {
      const label = [fm[2], ...recent.slice(-2)].join(' ');
      fence = { marker: fm[1], start: pos, bad: BAD_EXAMPLE_LABEL.test(label) };
    } else {
      const h = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
      if (h) {
        const level = h[1].length;
        if (section && level <= section.level) { out.push([section.start, pos]); section = undefined; }
        if (!section && DESCRIBING_HEADING.test(h[2])) section = { level, start: pos };
      }
      if (line.trim()) recent.push(line.trim().slice(0, 200));
      if (recent.length > 2) recent.shift();
    }
    pos = nl + 1;
  }
  if (fence?.bad) out.push([fence.start, text.length]);
  if (section) out.push([section.start, text.length]);
  return out;
}
