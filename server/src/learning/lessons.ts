/**
 * The lesson behind every rule: built from the rule's docs page (`rules/<pack>/<id>/<id>.md`, or a pack
 * rule's own `docs`) and its metadata, plus what the config in force adds (policy link, owner, team notes).
 * Shared by the language server (`aisec/lesson`, hover), the CLI (`aisec explain`) and the tests.
 */
import type { EffectiveConfig } from '../engine/config';
import { defaultConfig } from '../engine/config';
import { docsSection } from '../engine/docs';
import type { Finding } from '../engine/model';
import { configuredPolicyLink, OWASP_TITLES, owaspPage, policyLink, policyOwner } from '../engine/policy';
import type { RegisteredRule } from '../engine/rule';
import { docExamples } from '../packs/fixtures';
import type { FixPreviewHunk, Lesson } from '../protocol/lesson';
import { SHOW_LESSON_COMMAND } from '../protocol/lesson';

export type { Lesson, LessonExample, LessonParams, LessonResponse, YourCode, FixPreviewHunk } from '../protocol/lesson';

export function lessonOf(rule: RegisteredRule, config: EffectiveConfig = defaultConfig()): Lesson {
  const m = rule.meta;
  const docs = rule.docs;
  const howToFix = docsSection(docs, 'How to fix');
  const teamNotes: Lesson['teamNotes'] = [];
  const configured = config.policy.notes?.[m.id];
  if (configured?.trim()) teamNotes.push({ source: 'policy', text: configured.trim() });
  const packNotes = docsSection(docs, 'Team notes');
  if (packNotes) teamNotes.push({ source: rule.pack, text: packNotes });
  const link = configuredPolicyLink(m, config);
  const fw = m.frameworks;
  return {
    ruleId: m.id,
    title: m.shortDescription,
    pack: rule.pack,
    severity: m.severity,
    confidence: m.confidence,
    practice: !!m.practice,
    fix: m.fix,
    summary: docsSection(docs, 'Summary') || m.shortDescription,
    whyItMatters: docsSection(docs, 'Why it matters') || m.fullDescription,
    howToFix,
    oneLineFix: firstSentence(howToFix),
    examples: examplesOf(docs),
    falsePositives: docsSection(docs, 'When it is a false positive'),
    references: docsSection(docs, 'References'),
    policy: { link: link ?? policyLink(m, config), configured: !!link, owner: policyOwner(m, config) },
    mapping: {
      owasp: m.owasp.map((o) => ({ id: o, title: OWASP_TITLES[o], url: owaspPage(o) })),
      cwe: m.cwe.map((c) => ({ id: c, url: `https://cwe.mitre.org/data/definitions/${c}.html` })),
      nistAiRmf: fw.nistAiRmf ?? [],
      euAiAct: fw.euAiAct ?? [],
      iso42001: fw.iso42001 ?? [],
    },
    teamNotes,
  };
}

/** The "Vulnerable:" and "Fixed:" code blocks of Examples; without those labels, its first two code blocks. */
function examplesOf(docs: string): Lesson['examples'] {
  const labelled = docExamples(docs);
  if (labelled.vulnerable && labelled.fixed) return labelled;
  const section = docsSection(docs, 'Examples');
  const blocks = [...section.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((b) => {
    const [language = '', name] = b[1].trim().split(/\s+/);
    return { language, path: name ?? `example.${language || 'txt'}`, code: b[2] };
  });
  return { vulnerable: labelled.vulnerable ?? blocks[0], fixed: labelled.fixed ?? (labelled.vulnerable ? blocks.find((b) => b.code !== labelled.vulnerable?.code) : blocks[1]) };
}

/** The first item or sentence of a markdown section, on one line. */
export function firstSentence(md: string): string {
  const first = md.split(/\n\s*\n|\n(?=\s*[-*] )/)[0] ?? '';
  const line = first.replace(/^\s*[-*]\s+/, '').replace(/\s*\n\s*/g, ' ').trim();
  const m = /^(.*?[.!?])(\s|$)/.exec(line.replace(/`[^`]*`/g, (c) => c.replace(/[.!?]/g, '\u0000')));
  return (m ? m[1] : line).replace(/\u0000/g, '.');
}

/** A `command:` link that opens the lesson view in VS Code (trusted for that one command by the client). */
export function lessonCommandLink(ruleId: string, finding?: { uri: string; range: unknown }): string {
  return `command:${SHOW_LESSON_COMMAND}?${encodeURIComponent(JSON.stringify(finding ? [ruleId, finding] : [ruleId]))}`;
}

/** Whether both examples are short enough to show in a hover. */
export function examplesAreShort(l: Lesson, maxLines = 8): boolean {
  const v = l.examples.vulnerable, f = l.examples.fixed;
  return !!v && !!f && lines(v.code) <= maxLines && lines(f.code) <= maxLines;
}

function lines(s: string): number {
  return s.replace(/\n$/, '').split('\n').length;
}

function fence(e: { language: string; code: string }): string {
  const ticks = /```/.test(e.code) ? '````' : '```';
  return `${ticks}${e.language}\n${e.code.replace(/\n?$/, '\n')}${ticks}`;
}

/** The whole lesson as markdown (learning-mode hover, `aisec explain`-like text). */
export function lessonMarkdown(l: Lesson): string {
  const parts = [`### Lesson: ${l.ruleId}`, '', l.summary, '', '**Why it matters.**', '', l.whyItMatters, ''];
  if (l.examples.vulnerable) parts.push('**Vulnerable:**', '', fence(l.examples.vulnerable), '');
  if (l.examples.fixed) parts.push('**Fixed:**', '', fence(l.examples.fixed), '');
  parts.push('**How to fix.**', '', l.howToFix, '');
  if (l.falsePositives) parts.push('**When it is a false positive.**', '', l.falsePositives, '');
  for (const n of l.teamNotes) parts.push(`**Team notes (${n.source}).**`, '', n.text, '');
  parts.push(mappingLine(l));
  return parts.join('\n');
}

export function mappingLine(l: Lesson): string {
  const fw = [
    l.mapping.owasp.map((o) => `[${o.id} ${o.title}](${o.url})`).join(', '),
    l.mapping.cwe.map((c) => `[CWE-${c.id}](${c.url})`).join(', '),
    l.mapping.nistAiRmf.length ? `NIST AI RMF ${l.mapping.nistAiRmf.join(', ')}` : '',
    l.mapping.euAiAct.length ? `EU AI Act ${l.mapping.euAiAct.join(', ')}` : '',
    l.mapping.iso42001.length ? `ISO/IEC 42001 ${l.mapping.iso42001.join(', ')}` : '',
  ].filter(Boolean);
  return fw.join(' · ');
}

/**
 * The fix preview of a finding: its first fix's edits applied, shown as before/after hunks of the lines around
 * each group of edits (`context` lines either side). Edits are offsets into `text`.
 */
export function fixPreview(text: string, finding: Finding, context = 2): { title: string; kind: 'autofix' | 'suggestion'; hunks: FixPreviewHunk[] } | undefined {
  const fix = finding.fixes[0];
  if (!fix || !fix.edits.length) return undefined;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (off: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  // group edits whose line windows touch
  const groups: { from: number; to: number; edits: typeof edits }[] = [];
  for (const e of edits) {
    const from = Math.max(0, lineAt(e.start) - context);
    const to = Math.min(lineStarts.length - 1, lineAt(e.end) + context);
    const g = groups[groups.length - 1];
    if (g && from <= g.to + 1) {
      g.to = Math.max(g.to, to);
      g.edits.push(e);
    } else groups.push({ from, to, edits: [e] });
  }
  const hunks = groups.map((g) => {
    const start = lineStarts[g.from];
    const end = g.to + 1 < lineStarts.length ? lineStarts[g.to + 1] : text.length;
    const before = text.slice(start, end);
    let after = before;
    let last = Infinity;
    for (const e of [...g.edits].sort((a, b) => b.start - a.start)) {
      if (e.end > last) continue; // overlapping: the first one wins
      after = after.slice(0, e.start - start) + e.newText + after.slice(e.end - start);
      last = e.start;
    }
    return { startLine: g.from, before: before.replace(/\r?\n$/, ''), after: after.replace(/\r?\n$/, '') };
  });
  return { title: fix.title, kind: fix.kind, hunks };
}
