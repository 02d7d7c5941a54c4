/**
 * Every finding's message has all of its {{placeholders}} filled: a rule with several messages must name
 * the one it reports (the first message is the default), and pass every datum that message uses.
 * Runs over the fixtures of every built-in rule.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixtureFiles } from '../../server/src/packs/fixtures';
import { builtinRules } from '../../server/src/engine/registry';
import { ready, run } from '../helpers/engine';

const RULES_DIR = path.resolve(__dirname, '..', '..', '..', 'rules');

describe('unit: finding messages have no unfilled placeholders', () => {
  before(ready);
  for (const rule of builtinRules) {
    const dir = path.join(RULES_DIR, rule.pack, rule.meta.id);
    if (!fs.existsSync(dir)) continue;
    it(rule.meta.id, () => {
      const bad: string[] = [];
      const keys = new Set(Object.values(rule.meta.messages).flatMap((m) => [...m.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1])));
      const unfilled = (message: string): boolean => [...message.matchAll(/\{\{(\w+)\}\}/g)].some((x) => keys.has(x[1]));
      for (const f of fixtureFiles(dir, rule.meta.id)) {
        const result = run(f, fs.readFileSync(path.join(dir, f), 'utf8'));
        for (const x of result.findings) if (x.ruleId === rule.meta.id && unfilled(x.message)) bad.push(`${f}:${x.range.start.line + 1}: ${x.message}`);
      }
      assert.deepStrictEqual(bad, []);
    });
  }
});
