/** Dev tool: write <stem>.fixed.<ext> golden files by applying a rule's first fix at every finding (review the diff!). Usage: npm run golden -- RULE-ID FIXTURE... */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, ready, run } from '../test/helpers/engine';
(async () => {
  await ready();
  const [ruleId, ...files] = process.argv.slice(2);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const r = run(path.basename(f), text);
    const edits = r.findings.filter((x) => x.ruleId === ruleId && x.fixes.length).flatMap((x) => x.fixes[0].edits);
    const base = path.basename(f); const dot = base.indexOf('.', 1);
    const out = path.join(path.dirname(f), `${base.slice(0, dot)}.fixed${base.slice(dot)}`);
    if (!edits.length) { console.log('no fix for', f); continue; }
    fs.writeFileSync(out, applyEdits(text, edits));
    console.log('wrote', out, edits.length, 'edits');
  }
})();
