import { defineRule } from '../../../server/src/engine/rule';

/** Reported by the engine itself (engine/suppressions.ts); it has no check of its own. */
export default defineRule({
  meta: {
    id: 'invalid-suppression',
    name: 'InvalidSuppression',
    shortDescription: 'An aisec-ignore comment that suppresses nothing because it is malformed, unjustified, expired or names an unknown rule.',
    fullDescription: 'Suppressions are accountable: each names the rule it silences, carries a justification after "--", and may carry an expiry date and an owner. A directive without a justification, with an unknown rule id or past its date suppresses nothing and is reported, so silenced risks are reviewed instead of forgotten.',
    views: ['text'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM01', 'LLM02', 'LLM03', 'LLM05', 'LLM06', 'LLM07', 'LLM10'],
    cwe: [1078],
    frameworks: { nistAiRmf: ['GOVERN 1.4', 'MANAGE 4.1'], euAiAct: ['Art. 17'], iso42001: ['A.6.2.8'] },
    fix: 'none',
    messages: { invalid: 'This aisec-ignore suppresses nothing: it {{problems}}.' },
  },
  check: {},
});
