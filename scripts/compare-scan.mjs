#!/usr/bin/env node
// Compares two `aisec scan --format json` outputs, ignoring timing fields (summary.elapsedMs):
// findings, errors, incomplete, skipped, configFiles and the rest of the summary must be identical.
// Usage: node scripts/compare-scan.mjs <reference.json> <candidate.json>   (exit 0 identical, 1 different)
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/compare-scan.mjs <reference.json> <candidate.json>');
  process.exit(2);
}
const load = (f) => {
  const j = JSON.parse(readFileSync(f, 'utf8'));
  if (j.summary) delete j.summary.elapsedMs;
  return j;
};
const ref = load(a);
const got = load(b);
let diffs = 0;
for (const key of new Set([...Object.keys(ref), ...Object.keys(got)])) {
  const x = JSON.stringify(ref[key]);
  const y = JSON.stringify(got[key]);
  if (x === y) continue;
  diffs++;
  if (Array.isArray(ref[key]) && Array.isArray(got[key])) {
    const xs = new Set(ref[key].map((e) => JSON.stringify(e)));
    const ys = new Set(got[key].map((e) => JSON.stringify(e)));
    const only = (s, t) => [...s].filter((e) => !t.has(e));
    console.log(`${key}: ${ref[key].length} vs ${got[key].length}`);
    for (const e of only(xs, ys).slice(0, 10)) console.log(`  - ${e}`);
    for (const e of only(ys, xs).slice(0, 10)) console.log(`  + ${e}`);
    if (only(xs, ys).length === 0 && only(ys, xs).length === 0) console.log('  (same entries, different order)');
  } else {
    console.log(`${key}:\n  - ${x}\n  + ${y}`);
  }
}
console.log(diffs ? `DIFFERENT (${diffs} section(s))` : 'identical (timing fields ignored)');
process.exit(diffs ? 1 : 0);
