/**
 * Hover on a finding: the message, the one-line fix, the short example pair and a link to the lesson. Editors
 * that cannot show lessons get "why it matters" too; learning mode (`aisec.learningMode`) shows the whole lesson.
 */
import type { EffectiveConfig } from '../engine/config';
import type { Finding } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';
import { examplesAreShort, lessonCommandLink, lessonMarkdown, lessonOf, mappingLine } from '../learning/lessons';

export interface HoverOptions {
  /** The client shows lessons (`aisec.showLesson`): link to it instead of repeating the doc. */
  lessons?: boolean;
  /** The user's `aisec.learningMode` setting: show the whole lesson. */
  learningMode?: boolean;
  /** The finding's document and range, passed to the lesson as "your code". */
  finding?: { uri: string; range: unknown };
}

export function hoverMarkdown(f: Finding, rule: RegisteredRule, config: EffectiveConfig, opts: HoverOptions = {}): string {
  const m = rule.meta;
  const l = lessonOf(rule, config);
  const parts = [
    `**AISec: ${m.id}** (${f.severity}, ${m.confidence} confidence)${f.suppression ? ` suppressed: ${f.suppression.justification}` : ''}`,
    '',
    f.message,
    '',
    ...(f.role && f.role !== 'product' ? [`**File role:** ${f.role}. This rule reports in every file role; practice rules report in product code only. If the role is wrong, set \`roles\` in \`.aisec.yaml\`.`, ''] : []),
  ];
  if (opts.learningMode) parts.push(lessonMarkdown(l), '');
  else {
    if (!opts.lessons) parts.push(`**Why it matters.** ${l.whyItMatters}`, '');
    parts.push(`**Fix:** ${l.oneLineFix}`, '');
    if (examplesAreShort(l)) {
      const v = l.examples.vulnerable!, x = l.examples.fixed!;
      parts.push('Vulnerable:', '```' + v.language, v.code.replace(/\n$/, ''), '```', 'Fixed:', '```' + x.language, x.code.replace(/\n$/, ''), '```', '');
    }
  }
  const links = [
    opts.lessons ? `[Open the lesson](${lessonCommandLink(m.id, opts.finding)})` : '',
    l.policy.configured || !opts.lessons ? `**Policy:** [${l.policy.link}](${l.policy.link})` : '',
    l.policy.owner ? `**Owner:** ${l.policy.owner}` : '',
  ].filter(Boolean);
  if (links.length) parts.push(links.join(' · '), '');
  if (!opts.learningMode) parts.push(mappingLine(l), '');
  parts.push(`Suppress with a justification: \`aisec-ignore ${m.id} -- <why this is safe>\``);
  return parts.join('\n');
}
