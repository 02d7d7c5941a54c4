#!/usr/bin/env node
// a git checkout has no bundles until it is built (npm ci, then npm run build)
if (!require('fs').existsSync(require('path').join(__dirname, '..', 'dist', 'cli.js'))) {
  process.stderr.write('aisec: dist/cli.js is missing: build AISec first (npm ci, then npm run build, in its folder)\n');
  process.exit(2);
}
require('../dist/cli.js');
