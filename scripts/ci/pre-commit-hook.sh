#!/usr/bin/env bash
# The pre-commit hook's entry (.pre-commit-hooks.yaml, `language: script`): pre-commit runs it from its clone of
# this repository at the pinned rev, in the repository being committed, with the hook's args and the staged file
# names. It runs AISec from that clone, building the bundles there once when the rev has none (dist/ is not
# committed): `npm ci --ignore-scripts` (the build needs esbuild, a devDependency) and the production build.
# Why not `language: node`: pre-commit would `npm pack` this clone, and with this repository's .npmrc
# (ignore-scripts=true) no script can build dist/ first, so the package would hold no CLI.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "aisec: the pre-commit hook needs Node.js 20 or later on PATH (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 2
fi
if [ ! -f "$home/dist/cli.js" ] || [ ! -f "$home/dist/tree-sitter-python.wasm" ]; then
  echo "aisec: building AISec once in $home (npm ci --ignore-scripts, then the build)" >&2
  (cd "$home" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 && node scripts/build.mjs --production >&2)
fi
exec node "$home/bin/aisec.js" scan "$@"
