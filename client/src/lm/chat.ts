/**
 * The pure part of the `@aisec` chat participant (no `vscode` import: unit-tested in test/unit/lmtool.test.ts): which
 * rule a question names, what the model is sent (only the rule doc, the finding and the question), and the answers
 * written from the lesson itself when no model is available or for the deterministic fix.
 */
import type { Lesson, YourCode } from '../../../server/src/protocol/lesson';

export const PARTICIPANT_ID = 'aisec.chat';
export const APPLY_FIX_COMMAND = 'aisec.chat.applyFix';

/** Arguments of APPLY_FIX_COMMAND: the quick fix the editor offers for this finding, by its title. */
export interface ApplyFixArgs {
  uri: string;
  range: YourCode['range'];
  ruleId: string;
  title: string;
}

/** Words of the prompt that look like rule ids (`torch-load-unsafe`), in order, without duplicates. */
export function ruleIdCandidates(prompt: string): string[] {
  const out: string[] = [];
  for (const m of prompt.matchAll(/(?<![\w/.-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w/-])/g)) if (!out.includes(m[1]) && m[1].length <= 80) out.push(m[1]);
  return out.slice(0, 10);
}

/** The rule doc as the model gets it: the lesson's sections (the rule's .md), the team's notes and the policy link. */
export function ruleDocText(l: Lesson): string {
  const parts: string[] = [`# ${l.ruleId}`, `Severity: ${l.severity}; confidence: ${l.confidence}; pack: ${l.pack}${l.practice ? '; a practice rule (reported in product code only)' : ''}.`];
  const section = (title: string, body: string | undefined) => { if (body?.trim()) parts.push(`## ${title}`, body.trim()); };
  section('Summary', l.summary || l.title);
  section('Why it matters', l.whyItMatters);
  if (l.examples.vulnerable) parts.push('## Vulnerable example', fence(l.examples.vulnerable.code, l.examples.vulnerable.language));
  if (l.examples.fixed) parts.push('## Fixed example', fence(l.examples.fixed.code, l.examples.fixed.language));
  section('How to fix', l.howToFix);
  section('When it is a false positive', l.falsePositives);
  section('References', l.references);
  for (const n of l.teamNotes) section(`Team notes (${n.source})`, n.text);
  parts.push(`Policy: ${l.policy.link}${l.policy.owner ? ` (owner: ${l.policy.owner})` : ''}`);
  return parts.join('\n\n');
}

function fence(code: string, language = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${language}\n${code.replace(/\s+$/, '')}\n${ticks}`;
}

/** The finding as the model gets it: message, place, the code around it and the deterministic fix (if any). */
export function findingText(y: YourCode, file: string): string {
  const lines = [`File: ${file}, line ${y.range.start.line + 1}, column ${y.range.start.character + 1}.`, `Message: ${y.message}`, `Code (from line ${y.snippetStartLine + 1}):`, fence(y.snippet)];
  if (y.fix) lines.push(`The editor's quick fix ("${y.fix.title}", ${y.fix.kind}) changes it to:`, ...y.fix.hunks.map((h) => fence(h.after)));
  else lines.push('AISec has no automatic fix for this finding.');
  return lines.join('\n');
}

export type ChatCommand = 'explain' | 'fix' | undefined;

/**
 * The one user message sent to the model: instructions to answer from the rule doc only, the doc, the finding and the
 * question. Nothing else from the workspace is sent.
 */
export function groundedPrompt(l: Lesson, finding: { yourCode: YourCode; file: string } | undefined, question: string, command: ChatCommand): string {
  const task = command === 'fix'
    ? 'Explain the fix for this finding: what to change and why, in a few sentences. The fix itself is the deterministic one shown below (the editor applies it); do not write a different code change.'
    : 'Explain this AISec rule' + (finding ? ' and why it fired on this code' : '') + ': what is wrong, why it matters, how to fix it. Be brief.';
  return [
    'You are the AISec assistant. Answer ONLY from the AISec rule documentation and the finding below.',
    'If they do not answer the question, say that the rule documentation does not cover it. Do not invent APIs, versions or other rules. Do not propose code edits other than the documented fix.',
    task,
    '--- AISec rule documentation ---',
    ruleDocText(l),
    ...(finding ? ['--- The finding ---', findingText(finding.yourCode, finding.file)] : []),
    '--- The user\'s question ---',
    question.trim() || (command === 'fix' ? 'How do I fix this?' : 'What does this finding mean?'),
  ].join('\n\n');
}

/** The offline answer to /explain (no chat model): the lesson itself, shortened to what a chat answer needs. */
export function lessonAnswer(l: Lesson, finding?: { yourCode: YourCode; file: string }): string {
  const out: string[] = [`**${l.ruleId}** (${l.severity}): ${l.title}`];
  if (finding) out.push(`At ${finding.file}:${finding.yourCode.range.start.line + 1}: ${finding.yourCode.message}`);
  if (l.whyItMatters.trim()) out.push('**Why it matters**', l.whyItMatters.trim());
  if (l.howToFix.trim()) out.push('**How to fix**', l.howToFix.trim());
  if (l.falsePositives.trim()) out.push('**When it is a false positive**', l.falsePositives.trim());
  for (const n of l.teamNotes) out.push(`**Team notes**`, n.text);
  out.push(`Policy: ${l.policy.link}`);
  return out.join('\n\n');
}

/** The /fix answer: the deterministic fix (the quick fix's change as a diff) and the doc's "How to fix". */
export function fixAnswer(l: Lesson, finding?: { yourCode: YourCode; file: string }): string {
  const out: string[] = [];
  const fix = finding?.yourCode.fix;
  if (finding && fix) {
    out.push(`**${l.ruleId}** at ${finding.file}:${finding.yourCode.range.start.line + 1}: the quick fix "${fix.title}" (${fix.kind === 'autofix' ? 'safe to apply as is' : 'a suggestion: review it'}) changes:`);
    for (const h of fix.hunks) out.push(fence(diff(h.before, h.after), 'diff'));
  } else if (finding) {
    out.push(`**${l.ruleId}** at ${finding.file}:${finding.yourCode.range.start.line + 1}: AISec has no automatic fix for this finding; the rule doc says how to fix it by hand.`);
  } else {
    out.push(`**${l.ruleId}**: put the cursor on one of its findings to see the exact change; the rule doc says:`);
  }
  if (l.howToFix.trim()) out.push('**How to fix**', l.howToFix.trim());
  return out.join('\n\n');
}

/** A line diff of one hunk: the common first and last lines as context, the rest removed then added. */
export function diff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    ...a.slice(0, head).map((x) => `  ${x}`),
    ...a.slice(head, a.length - tail).map((x) => `- ${x}`),
    ...b.slice(head, b.length - tail).map((x) => `+ ${x}`),
    ...a.slice(a.length - tail).map((x) => `  ${x}`),
  ].join('\n');
}

export const HELP = [
  'Ask me about an AISec finding or rule. Answers come from the rule documentation only.',
  '- `@aisec /explain` with the cursor on a finding, or `@aisec /explain torch-load-unsafe`',
  '- `@aisec /fix` with the cursor on a finding: the deterministic fix, with a button that applies the quick fix',
].join('\n');
