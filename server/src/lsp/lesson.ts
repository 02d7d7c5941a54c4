/** `aisec/lesson`: the lesson of a rule plus, when a finding is named, "your code" (message, snippet, fix preview). */
import type { EffectiveConfig } from '../engine/config';
import { LineIndex } from '../engine/lineIndex';
import type { Finding } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import { fixPreview, lessonOf } from '../learning/lessons';
import type { LessonParams, LessonResponse, WireRange } from '../protocol/lesson';

const before = (a: WireRange['start'], b: WireRange['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The finding of `ruleId` at `range`: the one starting there, else the first overlapping it. */
export function findingAt(findings: readonly Finding[], ruleId: string, range: WireRange): Finding | undefined {
  const mine = findings.filter((f) => f.ruleId === ruleId);
  const same = (a: WireRange['start'], b: WireRange['start']) => a.line === b.line && a.character === b.character;
  return mine.find((f) => same(f.range.start, range.start)) ?? mine.find((f) => !before(f.range.end, range.start) && !before(range.end, f.range.start));
}

export function lessonResponse(rule: RegisteredRule, config: EffectiveConfig, params: LessonParams, doc?: { text: string; findings: readonly Finding[] }): LessonResponse {
  const lesson = lessonOf(rule, config);
  if (!doc || !params.uri || !params.range) return { lesson };
  const f = findingAt(doc.findings, rule.meta.id, params.range);
  if (!f) return { lesson };
  const lines = new LineIndex(doc.text);
  const from = Math.max(0, f.range.start.line - 2);
  const last = Math.min(f.range.end.line + 2, lineCount(doc.text) - 1);
  const snippet: string[] = [];
  for (let l = from; l <= last; l++) snippet.push(lines.lineText(l).replace(/\r$/, ''));
  return {
    lesson,
    yourCode: { uri: params.uri, message: f.message, range: f.range, snippet: snippet.join('\n').replace(/\s+$/, ''), snippetStartLine: from, fix: fixPreview(doc.text, f) },
  };
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
