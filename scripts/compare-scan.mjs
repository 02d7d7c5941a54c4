#!/usr/bin/env node
// Compares two `aisec scan --format json` reports minus their timing: findings, errors, incomplete, skipped,
// config files and the summary's counts must be identical (a cached scan against an uncached one, a branch
// against main's reference report). Usage: node scripts/compare-scan.mjs reference.json candidate.json
// Exit 0 when identical, 1 with the first differences listed otherwise.
import * as fs from 'node:fs';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/compare-scan.mjs reference.json candidate.json');
  process.exit(2);
}
const load = (f) => {
  const j = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (j.summary) delete j.summary.elapsedMs;
  return j;
};
const ref = load(a);
const got = load(b);
let diffs = 0;
const keys = [...new Set([...Object.keys(ref), ...Object.keys(got)])];
for (const k of keys) {
  const x = JSON.stringify(ref[k]);
  const y = JSON.stringify(got[k]);
  if (x === y) continue;
  diffs++;
  const xs = Array.isArray(ref[k]) ? ref[k].map((e) => JSON.stringify(e)) : [x];
  const ys = Array.isArray(got[k]) ? got[k].map((e) => JSON.stringify(e)) : [y];
  const gone = xs.filter((e) => !ys.includes(e));
  const added = ys.filter((e) => !xs.includes(e));
  console.log(`${k}: ${Array.isArray(ref[k]) ? `${xs.length} -> ${ys.length} entries` : 'differs'}`);
  for (const e of gone.slice(0, 5)) console.log(`  - ${e.slice(0, 300)}`);
  for (const e of added.slice(0, 5)) console.log(`  + ${e.slice(0, 300)}`);
  if (!gone.length && !added.length) console.log('  (same entries, other order)');
}
console.log(diffs ? `${diffs} part(s) differ` : `identical (minus timing): ${ref.summary?.files ?? '?'} files, ${ref.summary?.findings ?? '?'} findings`);
process.exit(diffs ? 1 : 0);
