/** Governance links: where a finding points a developer for the organisation's policy. */
import type { EffectiveConfig } from './config';
import type { OwaspLlmId, RuleMeta } from './model';

const OWASP_PAGES: Record<OwaspLlmId, string> = {
  LLM01: 'https://genai.owasp.org/llmrisk/llm012025-prompt-injection/',
  LLM02: 'https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/',
  LLM03: 'https://genai.owasp.org/llmrisk/llm032025-supply-chain/',
  LLM04: 'https://genai.owasp.org/llmrisk/llm042025-data-and-model-poisoning/',
  LLM05: 'https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/',
  LLM06: 'https://genai.owasp.org/llmrisk/llm062025-excessive-agency/',
  LLM07: 'https://genai.owasp.org/llmrisk/llm072025-system-prompt-leakage/',
  LLM08: 'https://genai.owasp.org/llmrisk/llm082025-vector-and-embedding-weaknesses/',
  LLM09: 'https://genai.owasp.org/llmrisk/llm092025-misinformation/',
  LLM10: 'https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/',
};

export const OWASP_TITLES: Record<OwaspLlmId, string> = {
  LLM01: 'Prompt Injection',
  LLM02: 'Sensitive Information Disclosure',
  LLM03: 'Supply Chain',
  LLM04: 'Data and Model Poisoning',
  LLM05: 'Improper Output Handling',
  LLM06: 'Excessive Agency',
  LLM07: 'System Prompt Leakage',
  LLM08: 'Vector and Embedding Weaknesses',
  LLM09: 'Misinformation',
  LLM10: 'Unbounded Consumption',
};

export function owaspPage(id: OwaspLlmId): string {
  return OWASP_PAGES[id];
}

function fill(template: string, meta: RuleMeta): string {
  const owasp = meta.owasp[0] ?? 'LLM01';
  return template
    .replace(/\{ruleId\}/g, encodeURIComponent(meta.id))
    .replace(/\{owasp\}/g, owasp.toLowerCase())
    .replace(/\{category\}/g, owasp);
}

/** The policy link for a rule: per-rule override, per-category override, template, else the OWASP page. */
export function policyLink(meta: RuleMeta, config: EffectiveConfig): string {
  return configuredPolicyLink(meta, config) ?? OWASP_PAGES[meta.owasp[0] ?? 'LLM01'];
}

/** The organisation's policy link for a rule, when the config (or a pack) sets one. */
export function configuredPolicyLink(meta: RuleMeta, config: EffectiveConfig): string | undefined {
  const p = config.policy;
  const perRule = p.rules?.[meta.id];
  if (perRule) return fill(perRule, meta);
  for (const o of meta.owasp) {
    const perCat = p.categories?.[o];
    if (perCat) return fill(perCat, meta);
  }
  if (p.url) return fill(p.url, meta);
  return undefined;
}

export function policyOwner(meta: RuleMeta, config: EffectiveConfig): string | undefined {
  return config.policy.owners?.[meta.id] ?? config.policy.owner;
}
