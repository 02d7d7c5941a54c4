/**
 * In-source suppressions (DESIGN.md section 6):
 *   aisec-ignore <rule-id>[,<rule-id>...] [until YYYY-MM-DD] [by <owner>] -- <justification>
 * in any comment syntax, on the finding's line or the line above. The grammar is parsed from the
 * raw line so it works the same in Python, JS/TS, YAML, JSONC, Markdown and template comments.
 */
import type { LineIndex } from './lineIndex';

export interface ParsedSuppression {
  line: number;
  /** Offsets of the `aisec-ignore ...` directive. */
  start: number;
  end: number;
  ruleIds: string[];
  until?: string;
  by?: string;
  justification?: string;
  /** Problems that make the directive invalid (it then suppresses nothing). */
  problems: string[];
}

const DIRECTIVE = /aisec-ignore\b([^\n\r]*)/g;
const COMMENT_CLOSERS = /\s*(?:-->|\*\/|#}|%}|\}\})\s*$/;

export function parseSuppressions(text: string, lines: LineIndex, knownRuleIds: ReadonlySet<string>, today: string | undefined): ParsedSuppression[] {
  const out: ParsedSuppression[] = [];
  if (!text.includes('aisec-ignore')) return out;
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text))) {
    const start = m.index;
    const line = lines.positionAt(start).line;
    const body = m[1].replace(COMMENT_CLOSERS, '');
    const problems: string[] = [];
    const sep = body.indexOf('--');
    const head = (sep >= 0 ? body.slice(0, sep) : body).trim();
    const justification = sep >= 0 ? body.slice(sep + 2).trim() : undefined;
    const tokens = head.split(/\s+/).filter(Boolean);
    const ruleIds: string[] = [];
    let until: string | undefined;
    let by: string | undefined;
    let i = 0;
    if (tokens.length > 0 && tokens[0] !== 'until' && tokens[0] !== 'by') {
      for (const id of tokens[0].split(',').map((s) => s.trim()).filter(Boolean)) ruleIds.push(id);
      i = 1;
    }
    for (; i < tokens.length; i++) {
      if (tokens[i] === 'until' && tokens[i + 1]) {
        until = tokens[++i];
        if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) problems.push(`"${until}" is not a date (YYYY-MM-DD)`);
      } else if (tokens[i] === 'by' && tokens[i + 1]) {
        by = tokens[++i];
      } else {
        problems.push(`unexpected "${tokens[i]}"`);
      }
    }
    if (ruleIds.length === 0) problems.push('names no rule id');
    for (const id of ruleIds) if (!knownRuleIds.has(id)) problems.push(`unknown rule id "${id}"`);
    if (!justification) problems.push('has no justification after "--"');
    if (until && today && /^\d{4}-\d{2}-\d{2}$/.test(until) && until < today) problems.push(`expired on ${until}`);
    out.push({ line, start, end: start + m[0].replace(/\s+$/, '').length, ruleIds, until, by, justification, problems });
  }
  return out;
}
