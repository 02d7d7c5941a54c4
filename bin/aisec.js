#!/usr/bin/env node
// from a git checkout the bundle is built (npm ci runs the build when dist/ is missing; or npm run build)
if (!require('fs').existsSync(require('path').join(__dirname, '..', 'dist', 'cli.js'))) {
  process.stderr.write('aisec: dist/cli.js is missing: build AISec first ("npm run build" in its folder; npm install builds it when install scripts are allowed)\n');
  process.exit(2);
}
require('../dist/cli.js');
