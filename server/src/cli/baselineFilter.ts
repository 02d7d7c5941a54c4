/**
 * The baseline filter of every scan front end (`aisec scan --baseline`, `aisec mcp --baseline`, `aisec hook --baseline`):
 * findings whose fingerprint the baseline knows are dropped, except analysis-incomplete findings (a blind spot stays visible).
 */
import type { Finding } from '../engine/model';
import { ANALYSIS_INCOMPLETE_RULE } from '../engine/registry';
import { filterBaseline } from '../workspace/baseline';

export function applyBaseline(findings: Finding[], known: ReadonlySet<string>): Finding[] {
  return filterBaseline(findings, known).concat(findings.filter((x) => x.ruleId === ANALYSIS_INCOMPLETE_RULE && known.has(x.fingerprint)));
}
