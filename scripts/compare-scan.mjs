#!/usr/bin/env node
// Compares two `aisec scan --format json` outputs: the same findings, errors, incomplete and skipped lists
// (timing fields ignored). Exit 0 when identical, 1 with the first differences otherwise.
//   node scripts/compare-scan.mjs /tmp/bc-base.json /tmp/new-scan.json
import * as fs from 'node:fs';

const [a, b] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
if (!a || !b) {
  console.error('usage: compare-scan.mjs BASE.json NEW.json');
  process.exit(2);
}
let same = true;
for (const key of ['findings', 'errors', 'incomplete', 'skipped']) {
  const x = (a[key] ?? []).map((e) => JSON.stringify(e));
  const y = (b[key] ?? []).map((e) => JSON.stringify(e));
  const onlyA = x.filter((e) => !y.includes(e));
  const onlyB = y.filter((e) => !x.includes(e));
  const ordered = x.length === y.length && x.every((e, i) => e === y[i]);
  console.log(`${key}: ${x.length} vs ${y.length}${ordered ? ', identical' : `, ${onlyA.length} only in the first, ${onlyB.length} only in the second${!onlyA.length && !onlyB.length ? ' (order differs)' : ''}`}`);
  for (const e of onlyA.slice(0, 5)) console.log(`  - ${e.slice(0, 300)}`);
  for (const e of onlyB.slice(0, 5)) console.log(`  + ${e.slice(0, 300)}`);
  if (!ordered) same = false;
}
const sa = { ...a.summary, elapsedMs: undefined };
const sb = { ...b.summary, elapsedMs: undefined };
if (JSON.stringify(sa) !== JSON.stringify(sb)) {
  console.log(`summary differs: ${JSON.stringify(sa)} vs ${JSON.stringify(sb)}`);
  same = false;
}
console.log(same ? 'identical' : 'DIFFERENT');
process.exit(same ? 0 : 1);
