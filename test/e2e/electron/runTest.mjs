#!/usr/bin/env node
// Desktop VS Code (Electron) test with @vscode/test-electron: downloads VS Code, installs the packaged
// .vsix into a fresh extensions dir, opens a copy of test/e2e/workspace/ and runs the mocha suite in
// suite/index.cjs inside the extension host (the "runner" extension only hosts the tests: what is
// tested is the installed .vsix).
//
//   node test/e2e/electron/runTest.mjs [VSIX] [--version 1.100.3]
//
// Where VS Code cannot be downloaded (an offline machine, like this project's CI), it prints
// "skipped: cannot download VS Code" and exits 0; run the code-server suite (vscode.e2e.mjs) there.
// Otherwise the last line is the suite's `N passed, N failed` and the exit code is 0 only if all passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..', '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--version') || path.join(REPO, `${pkg.name}-${pkg.version}.vsix`));
const version = opt('version', process.env.AISEC_VSCODE_VERSION || 'stable');
const cachePath = path.join(REPO, '.cache', 'vscode-test');

const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');

// 1. VS Code itself: a download, unless a previous run cached it
process.stdout.write(`electron: getting VS Code ${version} (cache ${path.relative(REPO, cachePath)})\n`);
let executable;
try {
  executable = await Promise.race([
    downloadAndUnzipVSCode({ version, cachePath, timeout: 20000, reporter: { report() {}, error() {} } }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 120 s')), 120000).unref()),
  ]);
} catch (e) {
  process.stdout.write(`electron: skipped: cannot download VS Code (${String(e && e.message || e).split('\n')[0]})\n`);
  process.exit(0);
}

if (!fs.existsSync(vsix)) { process.stdout.write(`electron: vsix not found: ${vsix}\n0 passed, 1 failed\n`); process.exit(1); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-electron-e2e-'));
let code = 1;
let xvfb = null;
try {
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO, 'test', 'e2e', 'workspace'), ws, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'extensions.autoUpdate': false, 'workbench.startupEditor': 'none', 'chat.mcp.enabled': false,
    'typescript.validate.enable': false, 'json.schemaDownload.enable': false,
  }, null, 2));

  // 2. install the packaged extension with VS Code's own CLI
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const inst = spawnSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (inst.status !== 0) throw new Error(`--install-extension failed: ${inst.stdout}${inst.stderr}`);

  // 3. the suite, in the extension host of a real window. Linux without a display: start Xvfb when
  //    it is installed (apt-get install xvfb); without one, Electron fails and so does this suite.
  if (process.platform === 'linux' && !process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v Xvfb']).status === 0) {
    const display = `:${90 + Math.floor(Math.random() * 9)}`;
    xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore', detached: true });
    process.env.DISPLAY = display;
  }
  code = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: path.join(HERE, 'runner-extension'),
    extensionTestsPath: path.join(HERE, 'suite', 'index.cjs'),
    launchArgs: [ws, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
    extensionTestsEnv: { AISEC_E2E_WORKSPACE: ws, AISEC_E2E_REPORTER: path.join(REPO, 'test', 'reporter.cjs') },
  });
} catch (e) {
  process.stdout.write(`electron: ${String(e && e.message || e)}\n`);
  // runTests rejects when the suite failed; the suite printed its own count line then
  if (!/exit code|Test run failed/i.test(String(e))) process.stdout.write('0 passed, 1 failed\n');
  code = 1;
} finally {
  if (xvfb) { try { process.kill(-xvfb.pid, 'SIGTERM'); } catch { /* gone */ } }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code ? 1 : 0);
