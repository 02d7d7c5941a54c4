/** Fixture pass rates of every rule (`npm run accuracy -- --fixtures`): the annotation logic of test/rules/rules.test.ts. */
import * as fs from 'fs';
import * as path from 'path';
import { docExamples, expectations as fixtureExpectations, fixtureFiles } from '../../server/src/packs/fixtures';
import type { EffectiveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/model';
import { builtinRules } from '../../server/src/engine/registry';
import type { RegisteredRule } from '../../server/src/engine/rule';

export interface FixtureScore { id: string; hitFound: number; hitTotal: number; okClean: number; okTotal: number; unexpected: number; todo: number; docs: string }

export function fixtureScore(root: string, rule: RegisteredRule, config: EffectiveConfig): FixtureScore {
  const id = rule.meta.id;
  const ruleDir = path.join(root, 'rules', rule.pack, id);
  const s: FixtureScore = { id, hitFound: 0, hitTotal: 0, okClean: 0, okTotal: 0, unexpected: 0, todo: 0, docs: '-' };
  if (!fs.existsSync(ruleDir)) return s;
  for (const f of fixtureFiles(ruleDir, id)) {
    const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
    const own = (x: Finding) => x.ruleId === id && !x.suppression;
    let findings: Finding[];
    try {
      findings = analyze({ path: f, text }, config, builtinRules).findings;
    } catch {
      findings = [];
    }
    const exps = fixtureExpectations(ruleDir, f, text, id);
    for (const e of exps) {
      if (!e.ids.includes(id)) continue;
      const hit = findings.some((x) => own(x) && x.range.start.line === e.line);
      if (e.kind === 'ruleid') { s.hitTotal++; if (hit) s.hitFound++; }
      else if (e.kind === 'ok') { s.okTotal++; if (!hit) s.okClean++; }
      else s.todo++;
    }
    const annotated = new Set(exps.filter((e) => e.ids.includes(id)).map((e) => e.line));
    s.unexpected += findings.filter((x) => own(x) && !annotated.has(x.range.start.line)).length;
  }
  if (id !== 'invalid-suppression') {
    const ex = docExamples(rule.docs);
    const fires = (b?: { path: string; code: string }) => !!b && analyze({ path: b.path, text: b.code }, config, builtinRules).findings.some((x) => x.ruleId === id);
    s.docs = !ex.vulnerable || !ex.fixed ? 'missing' : fires(ex.vulnerable) && !fires(ex.fixed) ? 'pass' : 'FAIL';
  }
  return s;
}

