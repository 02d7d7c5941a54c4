#!/usr/bin/env node
// `npm run test:e2e`: every real-editor test, in order.
//   1. package the extension (`npm run package`) when the .vsix is missing or older than dist/;
//   2. scripts/setup-e2e.sh: chromium, neovim, code-server + playwright-core in .cache/code-server;
//   3. VS Code (code-server in headless Chromium) with the .vsix installed: vscode.e2e.mjs;
//   4. Neovim over stdio: nvim.e2e.mjs;
//   5. desktop VS Code via @vscode/test-electron: electron/runTest.mjs (skipped when offline).
// Each suite ends with `N passed, N failed`; the last line here is their sum. Exit 1 if any failed.
//   --skip-setup   do not run scripts/setup-e2e.sh     --only vscode|nvim|electron (repeatable)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './lib.mjs';

const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (argv[i - 1] === '--only' ? [a] : []));
const want = (s) => !only.length || only.includes(s);
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
const cache = process.env.AISEC_E2E_CACHE || path.join(REPO, '.cache', 'code-server');

/** Run a command, echoing its output; resolves with { code, out }. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    process.stdout.write(`\n$ ${[cmd, ...args].map((a) => path.relative(REPO, a).startsWith('..') ? a : path.relative(REPO, a) || a).join(' ')}\n`);
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let out = '';
    child.stdout.on('data', (b) => { out += b; process.stdout.write(b); });
    child.stderr.on('data', (b) => { process.stderr.write(b); });
    child.on('error', (e) => { out += `\n${e.message}\n`; });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}
const counts = (out) => {
  const lines = out.trim().split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed/.exec(lines[i]);
    if (m) return { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return null;
};

const rows = [];
let passed = 0; let failed = 0;
function record(name, r, skippedRe) {
  const c = counts(r.out);
  if (c) { passed += c.passed; failed += c.failed; }
  if (!c && r.code === 0 && skippedRe && skippedRe.test(r.out)) { rows.push(`${name}: skipped`); return; }
  // a suite that exits non-zero without reporting a failure still failed
  const extra = (!c || (r.code !== 0 && c.failed === 0)) ? 1 : 0;
  failed += extra;
  rows.push(`${name}: ${c ? `${c.passed} passed, ${c.failed + extra} failed` : `no result (exit ${r.code})`}`);
}

const t0 = Date.now();
const newest = (dir) => (fs.existsSync(dir) ? Math.max(0, ...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs)) : Infinity);
if (!fs.existsSync(vsix) || fs.statSync(vsix).mtimeMs < newest(path.join(REPO, 'dist'))) {
  const r = await run('npm', ['run', 'package']);
  if (r.code !== 0 || !fs.existsSync(vsix)) { process.stdout.write('\npackaging failed\n0 passed, 1 failed\n'); process.exit(1); }
}
if (!argv.includes('--skip-setup') && (want('vscode') || want('nvim'))) {
  const r = await run('bash', [path.join(REPO, 'scripts', 'setup-e2e.sh'), cache]);
  if (r.code !== 0) { process.stdout.write('\nscripts/setup-e2e.sh failed\n0 passed, 1 failed\n'); process.exit(1); }
}
if (want('vscode')) record('vscode (code-server)', await run(process.execPath, [path.join(REPO, 'test', 'e2e', 'vscode.e2e.mjs'), vsix, '--cs-dir', cache]));
if (want('nvim')) record('neovim', await run(process.execPath, [path.join(REPO, 'test', 'e2e', 'nvim.e2e.mjs')]));
if (want('electron')) record('vscode (electron)', await run(process.execPath, [path.join(REPO, 'test', 'e2e', 'electron', 'runTest.mjs'), vsix]), /skipped: cannot download VS Code/);

process.stdout.write(`\ne2e summary (${Math.round((Date.now() - t0) / 1000)} s):\n${rows.map((r) => `  ${r}`).join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
