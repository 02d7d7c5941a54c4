#!/usr/bin/env bash
# Peak memory and CPU of the full bench-corpus scan (issue 10: at most 300 MB), with what the garbage collector
# saw: the live heap after each full collection (--trace-gc) and how many collections ran. Linux (GNU time).
# Usage: scripts/scan-memory.sh OUT.json [extra node flags...]; then
#   node scripts/compare-scan.mjs REFERENCE.json OUT.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: scripts/scan-memory.sh OUT.json [node flags...]}; shift
log=$(mktemp)
cd "$root/.cache/corpus"
/usr/bin/time -f "wall %e s, user CPU %U s, sys %S s, max RSS %M KB" node --trace-gc "$@" "$root/bin/aisec.js" scan \
  $(node -e "console.log(require('$root/bench/corpus.json').trees.join(' '))") --format json -o "$out" --fail-on none >"$log" 2>&1 || true
grep -v '^\[' "$log" | tail -3
echo "full collections: $(grep -c Mark-Compact "$log"), scavenges: $(grep -c Scavenge "$log"), largest live heap after a full collection: $(grep Mark-Compact "$log" | sed 's/.*-> \([0-9.]*\).*/\1/' | sort -n | tail -1) MB"
rm -f "$log"
