import { rules as discovered } from 'aisec:rules';
import type { RegisteredRule } from './rule';

/** Rules are discovered from rules/<pack>/<id>/ at build time; nothing is hand-listed. */
export const builtinRules: readonly RegisteredRule[] = discovered;

export const INVALID_SUPPRESSION_RULE = 'invalid-suppression';

/** Reported by the engine when an analyzer or rule could not finish on a file (fail closed, never silent). */
export const ANALYSIS_INCOMPLETE_RULE = 'analysis-incomplete';

export function ruleById(rules: readonly RegisteredRule[]): Map<string, RegisteredRule> {
  return new Map(rules.map((r) => [r.meta.id, r]));
}
