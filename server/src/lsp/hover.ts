/** Hover on a finding: what, why, how to fix, the policy link, owner and framework mapping. */
import type { EffectiveConfig } from '../engine/config';
import type { Finding } from '../engine/model';
import { OWASP_TITLES, owaspPage, policyLink, policyOwner } from '../engine/policy';
import type { RegisteredRule } from '../engine/rule';
import { docsSection } from '../engine/docs';

export function hoverMarkdown(f: Finding, rule: RegisteredRule, config: EffectiveConfig): string {
  const m = rule.meta;
  const policy = policyLink(m, config);
  const owner = policyOwner(m, config);
  const fw = m.frameworks;
  const mapping = [
    `OWASP LLM Top 10 2025: ${m.owasp.map((o) => `[${o} ${OWASP_TITLES[o]}](${owaspPage(o)})`).join(', ')}`,
    `CWE: ${m.cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ')}`,
    fw.nistAiRmf?.length ? `NIST AI RMF: ${fw.nistAiRmf.join(', ')}` : '',
    fw.euAiAct?.length ? `EU AI Act: ${fw.euAiAct.join(', ')}` : '',
    fw.iso42001?.length ? `ISO/IEC 42001: ${fw.iso42001.join(', ')}` : '',
  ].filter(Boolean);
  const parts = [
    `**AISec: ${m.id}** (${f.severity}, ${m.confidence} confidence)${f.suppression ? ` suppressed: ${f.suppression.justification}` : ''}`,
    '',
    f.message,
    '',
    ...(f.role && f.role !== 'product' ? [`**File role:** ${f.role}. This rule reports in every file role; practice rules report in product code only. If the role is wrong, set \`roles\` in \`.aisec.yaml\`.`, ''] : []),
    `**Why it matters.** ${docsSection(rule.docs, 'Why it matters')}`,
    '',
    `**How to fix.** ${docsSection(rule.docs, 'How to fix')}`,
    '',
    `**Policy:** [${policy}](${policy})${owner ? ` · **Owner:** ${owner}` : ''}`,
    '',
    mapping.map((l) => `- ${l}`).join('\n'),
    '',
    `Suppress with a justification: \`aisec-ignore ${m.id} -- <why this is safe>\``,
  ];
  return parts.join('\n');
}
