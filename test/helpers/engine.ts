/** Test helpers around the pure engine. */
import { initAnalyzers } from '../../server/src/analyzers';
import { defaultConfig } from '../../server/src/engine/config';
import type { EffectiveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import type { AnalysisResult } from '../../server/src/engine/model';
import { builtinRules } from '../../server/src/engine/registry';

export async function ready(): Promise<void> {
  await initAnalyzers();
}

/** Config with every rule on (opt-in ones too) at its default severity. */
export function allRulesConfig(today = '2026-11-22'): EffectiveConfig {
  const c = defaultConfig();
  for (const r of builtinRules) c.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
  c.today = today;
  return c;
}

export function run(path: string, text: string, config: EffectiveConfig = allRulesConfig()): AnalysisResult {
  return analyze({ path, text }, config, builtinRules);
}

/** Apply non-overlapping edits (offsets into text) from last to first. */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const sorted = [...unique].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) continue; // overlapping: skip
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
