// Temporary debug helper for the `code` helper (removed before hand-off): prints findings for CODE_DEBUG files.
import * as fs from 'fs';
import { ready, run } from '../helpers/engine';

describe('zz-code-debug', function () {
  before(ready);
  it('prints', () => {
    for (const f of (process.env.CODE_DEBUG ?? '').split(',').filter(Boolean)) {
      const r = run(f, fs.readFileSync(f, 'utf8'));
      for (const e of r.errors) console.log(f, 'ERROR', e.kind, e.message);
      for (const x of r.findings) console.log(`${f}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.ruleId} [${r.path ? fs.readFileSync(f, 'utf8').slice(x.start, x.end).slice(0, 50).replace(/\n/g, ' ') : ''}] ${x.message.slice(0, 90)}`);
    }
  });
});
