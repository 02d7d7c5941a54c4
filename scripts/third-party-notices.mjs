#!/usr/bin/env node
// Writes dist/THIRD-PARTY-NOTICES.md: the npm packages whose code is inside the shipped bundles
// (dist/client.js, dist/server.js) or copied next to them (the two wasm parsers), each with its version,
// license and the license text it ships. The list comes from esbuild's metafile of the same entry points
// (only packages that put bytes into an output count), so it follows the code, not package.json.
// Run by scripts/package.mjs before vsce; offline.
//
//   node scripts/third-party-notices.mjs [--out dist/THIRD-PARTY-NOTICES.md]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const out = path.resolve(REPO, argv.indexOf('--out') >= 0 ? argv[argv.indexOf('--out') + 1] : 'dist/THIRD-PARTY-NOTICES.md');
/** Copied into dist/ by scripts/build.mjs (not bundled). */
const COPIED = ['web-tree-sitter', 'tree-sitter-python'];

export async function bundledPackages() {
  // the shipped entry points; the rules' virtual module only imports repository code and type-only packages
  const r = await esbuild.build({
    entryPoints: { client: 'client/src/extension.ts', server: 'server/src/main.ts' },
    absWorkingDir: REPO, bundle: true, platform: 'node', format: 'cjs', target: 'node18', write: false, outdir: 'out/notices',
    metafile: true, minify: true, logLevel: 'silent', external: ['vscode', 'aisec:rules'], loader: { '.md': 'text' }, mainFields: ['module', 'main'],
    define: { 'import.meta.url': '""', AISEC_VERSION: '""' },
  });
  const real = (rel) => fs.realpathSync(path.resolve(REPO, rel)); // node_modules may be a symlink (worktrees)
  const dirs = new Set(COPIED.map((n) => real(path.join('node_modules', n))));
  for (const o of Object.values(r.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
      if (!bytesInOutput) continue;
      // the innermost node_modules/<name>/ of the input: a nested copy is its own entry
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input);
      if (m) dirs.add(real(m[1]));
    }
  }
  const key = (d) => d.slice(d.lastIndexOf('node_modules/') + 13);
  return [...dirs].sort((a, b) => key(a).localeCompare(key(b)) || a.localeCompare(b));
}

function licenseText(dir) {
  // LICENSE, LICENSE.md, LICENSE-MIT, COPYING, NOTICE, and TypeScript's ThirdPartyNoticeText.txt
  const f = fs.readdirSync(dir).filter((n) => /^(licen[cs]e|copying|notice|thirdpartynoticetext)([-.][\w.-]+)?$/i.test(n)).sort();
  return f.map((n) => fs.readFileSync(path.join(dir, n), 'utf8').trim()).join('\n\n');
}

const dirs = await bundledPackages();
const parts = [
  '# Third-party notices',
  '',
  'The AISec extension bundles code from these npm packages (in `dist/client.js` and `dist/server.js`) and ships',
  'the WebAssembly files of `web-tree-sitter` and `tree-sitter-python` (see `server/wasm/PROVENANCE.md`).',
  'Their licenses follow. AISec itself is under the MIT license in `LICENSE.txt`.',
  '',
];
const missing = [];
for (const dir of dirs) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const license = typeof meta.license === 'string' ? meta.license : meta.license?.type ?? 'see the package';
  const text = licenseText(dir);
  if (!text) missing.push(meta.name);
  parts.push(`## ${meta.name} ${meta.version}`, '', `License: ${license}${meta.repository ? `. Source: ${typeof meta.repository === 'string' ? meta.repository : meta.repository.url}` : ''}`, '');
  parts.push(text ? ['```text', text.replace(/```/g, "'''"), '```'].join('\n') : `(the package ships no license file; its package.json declares ${license})`, '');
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${parts.join('\n').trimEnd()}\n`);
console.error(`third-party-notices: ${path.relative(REPO, out)}: ${dirs.length} packages${missing.length ? ` (no license file in: ${missing.join(', ')})` : ''}`);
