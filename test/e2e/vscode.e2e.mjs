#!/usr/bin/env node
// Real VS Code test: code-server (VS Code 1.100 server + workbench) in Debian's headless Chromium,
// driven with playwright-core, with the packaged AISec .vsix installed into a fresh profile.
//
//   node test/e2e/vscode.e2e.mjs [VSIX] [--cs-dir DIR] [--out DIR] [--timeout S] [--keep-temp]
//
//   VSIX       the package to test (default: <repo>/<name>-<version>.vsix). Nothing is built here.
//   --cs-dir   what scripts/setup-e2e.sh prepared (default <repo>/.cache/code-server)
//   --out      screenshots, results.json, code-server and extension-host logs (default <repo>/.e2e-out/vscode)
//   --timeout  seconds to wait for a file's diagnostics (default 60)
//
// What it does, as a user would: copies test/e2e/workspace/ to a temp dir, installs the vsix with
// `code-server --install-extension`, opens the folder in the browser, opens each file with Quick
// Open and reads the Problems panel until the expected `aisec` diagnostics are there (polling),
// opens the hover on one finding (Ctrl+K Ctrl+I), applies quick fixes (Ctrl+., Enter, Ctrl+S) and
// reads the saved files back. Each group of assertions is one test; the last line is
// `N passed, N failed`. Exit 0 when all passed, 1 otherwise. Every process started here is ended by
// its process-group id, also on errors and signals, and the temp dir is removed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  FILES, FIXES, HOVER, REPO, SOURCE, Tally, assert, copyWorkspace, describeDiags, missingCodes, poll, sleep, spawnGroup,
  OFFLINE_SETTINGS, openFileQuick,
} from './lib.mjs';
import { PARTS } from './parts/index.mjs';

// ------------------------------------------------------------------ arguments
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const flag = (name) => argv.includes(`--${name}`);
const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--cs-dir', '--out', '--timeout', '--chromium'].includes(argv[i - 1])));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = path.resolve(positional[0] || path.join(REPO, `${pkg.name}-${pkg.version}.vsix`));
const csDir = path.resolve(opt('cs-dir', process.env.AISEC_E2E_CACHE || path.join(REPO, '.cache', 'code-server')));
const outDir = path.resolve(opt('out', path.join(REPO, '.e2e-out', 'vscode')));
const timeoutMs = Number(opt('timeout', '60')) * 1000;
const chromiumPath = opt('chromium', process.env.CHROMIUM || '/usr/bin/chromium');
const keepTemp = flag('keep-temp');
const EXT_ID = `${pkg.publisher}.${pkg.name}`;

const T0 = Date.now();
const log = (m) => process.stderr.write(`[vscode-e2e +${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}\n`);
const tally = new Tally('vscode');
const results = { vsix, extension: EXT_ID, files: {}, hover: null, fixes: [], timings: {} };

// The planned tests, so that a setup failure still counts every one of them as failed.
const PLANNED = [
  'install the .vsix into a fresh profile',
  'workbench opens the workspace',
  ...FILES.map((f) => (f.codes.length ? `${f.file}: aisec reports ${f.codes.join(', ')}` : `${f.file}: no aisec diagnostics`)),
  `hover on ${HOVER.code} shows the policy link`,
  ...FIXES.map((f) => `quick fix for ${f.code} in ${f.file}`),
  ...PARTS.flatMap((p) => p.tests),
];
const done = new Set();
async function test(name, fn) { done.add(name); return tally.check(name, fn); }

// ------------------------------------------------------------------ setup / cleanup
fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(outDir)) { // only what an earlier run wrote (--out may be any dir)
  if (/^(\d\d-.*\.png|fixed-.*|results\.json|code-server\.log|install-extension\.log|browser-console\.log|vscode-logs)$/.test(f)) fs.rmSync(path.join(outDir, f), { recursive: true, force: true });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-vscode-e2e-'));
const childTmp = path.join(tmp, 'tmp');
fs.mkdirSync(childTmp);
// AISEC_E2E_OUT: test mode of the extension (client/src/lm/selfCheck.ts): its self-check command reads and writes here
const extOut = path.join(tmp, 'extension-self-check');
fs.mkdirSync(extOut);
const env = { ...process.env, TMPDIR: childTmp, AISEC_E2E_OUT: extOut };
delete env.VSCODE_IPC_HOOK_CLI;
delete env.ELECTRON_RUN_AS_NODE;
const userData = path.join(tmp, 'user-data');
const extDir = path.join(tmp, 'extensions');
const csConfig = path.join(tmp, 'code-server.yaml');
const ws = path.join(tmp, 'workspace');
const groups = []; // process-group leaders we started: { name, pid }
let browserServer = null;

function groupAlive(pid) { try { process.kill(-pid, 0); return true; } catch { return false; } }
let cleaning = null;
function cleanup() { cleaning ??= doCleanup(); return cleaning; } // one shared run, whoever asks first
async function doCleanup() {
  if (browserServer) await Promise.race([browserServer.close().catch(() => {}), sleep(5000)]);
  for (const g of groups.reverse()) {
    try { process.kill(-g.pid, 'SIGTERM'); } catch { /* gone */ }
    await poll(() => !groupAlive(g.pid), { timeout: 3000 });
    // the extension host and the language server live in code-server's group: nothing may survive
    if (groupAlive(g.pid)) { try { process.kill(-g.pid, 'SIGKILL'); } catch { /* gone */ } await poll(() => !groupAlive(g.pid), { timeout: 3000 }); }
  }
  try { const logs = path.join(userData, 'logs'); if (fs.existsSync(logs)) fs.cpSync(logs, path.join(outDir, 'vscode-logs'), { recursive: true }); } catch { /* best effort */ }
  if (keepTemp) log(`kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
process.on('exit', () => { // last resort, synchronous
  for (const g of groups) { try { process.kill(-g.pid, 'SIGKILL'); } catch { /* gone */ } }
  if (!keepTemp) { try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ } }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => { log(`${sig}: cleaning up`); await cleanup(); process.stdout.write(`interrupted by ${sig}\n${tally.passed} passed, ${tally.failed + 1} failed\n`); process.exit(130); });
}

let shotNo = 0;
async function shot(page, name) {
  const file = path.join(outDir, `${String(++shotNo).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file }).catch((e) => log(`screenshot ${name}: ${e.message}`));
}

const SETTINGS = {
  ...OFFLINE_SETTINGS,
  'files.autoSave': 'off',
  // the language client's protocol trace: lets the clean-file test see the (empty) publish
  'aisec.trace.server': 'verbose',
};

const csEntry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const csArgs = () => [csEntry, '--config', csConfig, '--user-data-dir', userData, '--extensions-dir', extDir];

async function startCodeServer() {
  const logFile = path.join(outDir, 'code-server.log');
  const fd = fs.openSync(logFile, 'w');
  const proc = spawnGroup(process.execPath, [...csArgs(), '--auth', 'none', '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--log', 'trace'], { env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  groups.push({ name: 'code-server', pid: proc.child.pid });
  let exited = null;
  proc.done.then((r) => { exited = r; });
  const port = await poll(() => {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}); see ${logFile}`);
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    return m ? Number(m[1]) : null;
  }, { timeout: 60000 });
  if (!port) throw new Error(`code-server did not listen within 60 s; see ${logFile}`);
  const healthy = await poll(async () => { try { return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { return false; } }, { timeout: 20000 });
  if (!healthy) throw new Error('code-server /healthz did not answer');
  return port;
}

// ------------------------------------------------------------------ workbench helpers
const openFile = (page, rel) => openFileQuick(page, rel, log);

/**
 * All marker rows of the Problems panel (tree view) for file `rel`. The list is virtualised, so with
 * `all` we wheel through it and merge the rendered rows by index.
 */
async function problems(page, rel, all = true) {
  const base = path.basename(rel);
  const dir = path.dirname(rel);
  const seen = new Map();
  const list = page.locator('.markers-panel .monaco-list').first();
  let before = -1;
  for (let step = 0; step < (all ? 100 : 1); step++) {
    const rows = await page.$$eval('.markers-panel .monaco-list-rows > .monaco-list-row[data-index]', (rs) => rs.map((r) => {
      const text = (sel) => r.querySelector(sel)?.textContent?.trim() ?? null;
      const icon = r.querySelector('.marker-icon');
      return {
        index: Number(r.getAttribute('data-index')),
        level: Number(r.getAttribute('aria-level')),
        label: r.getAttribute('aria-label') || '',
        severity: icon ? (['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) || 'other') : null,
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        codeHref: r.querySelector('.marker-code a, a.monaco-link')?.getAttribute('href') ?? null,
        position: text('.marker-line'),
      };
    })).catch(() => []);
    for (const r of rows) seen.set(r.index, r);
    if (!all || seen.size === before) break;
    before = seen.size;
    const box = await list.boundingBox().catch(() => null);
    if (!box) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, box.height * 0.8);
    await sleep(60); // let the virtual list render the next rows
  }
  if (all && before > 0) { const box = await list.boundingBox().catch(() => null); if (box) { await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); await page.mouse.wheel(0, -100000); } }
  const out = [];
  let inFile = false;
  for (const r of [...seen.values()].sort((a, b) => a.index - b.index)) {
    if (r.level === 1) { // "2 problems in file app.py of folder workspace"
      const m = /in file (.+) of folder (.+)$/.exec(r.label);
      // the folder is the workspace-relative dir ("."-less) or an absolute path, depending on the row
      const folder = m ? m[2] : '';
      inFile = !!m && m[1] === base && (dir === '.'
        ? [path.basename(ws), ws, '.', ''].includes(folder)
        : folder === dir || folder.endsWith(`/${dir}`));
      if (process.env.E2E_DEBUG) log(`problems row: ${r.label} -> ${inFile}`);
      continue;
    }
    if (!inFile || r.level !== 2 || !r.severity) continue;
    const lc = /Ln (\d+), Col (\d+)/.exec(r.position || '');
    // the panel shows the source as "aisec(" + code + ")" around the code link: normalise
    const source = (r.source || '').replace(/\(.*$/, '').trim() || null;
    const code = (r.code || '').replace(/^\(|\)$/g, '').trim() || null;
    out.push({ file: rel, line: lc ? Number(lc[1]) : null, column: lc ? Number(lc[2]) : null, severity: r.severity, message: r.message, source, code, codeHref: r.codeHref });
  }
  return out;
}

/**
 * The language client's protocol trace (code-server runs with --log trace and aisec.trace.server is
 * verbose), split into entries. Used for the clean file: has the server answered for it, pushed
 * (publishDiagnostics) or pulled (a textDocument/diagnostic response)?
 */
function traceEntries() {
  const logs = path.join(userData, 'logs');
  const entries = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) {
        let t = '';
        try { t = fs.readFileSync(p, 'utf8'); } catch { continue; }
        if (t.includes("'textDocument/")) entries.push(...t.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[)/));
      }
    }
  };
  if (fs.existsSync(logs)) walk(logs);
  return entries;
}
function serverAnswered(abs) {
  const uri = `"file://${abs}"`;
  const entries = traceEntries();
  if (entries.some((e) => e.includes("notification 'textDocument/publishDiagnostics'") && e.includes(uri))) return 'pushed';
  const ids = entries.map((e) => /Sending request 'textDocument\/diagnostic - \((\d+)\)'/.exec(e)).filter((m) => m && m.input.includes(uri)).map((m) => m[1]);
  if (ids.some((id) => entries.some((e) => e.includes(`Received response 'textDocument/diagnostic - (${id})'`)))) return 'pulled';
  return null;
}

async function focusEditor(page) {
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 4, y: 4 } }).catch(() => {});
}
async function gotoPos(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await poll(async () => (await page.$eval('.editor-group-container.active', () => true).catch(() => false))
    && !(await input.isVisible().catch(() => false)), { timeout: 5000, every: 50 });
  // the status bar shows the cursor position once the editor has moved
  await poll(async () => {
    const t = await page.locator('#status\\.editor\\.selection').first().innerText().catch(() => '');
    return t.includes(`Ln ${line}, Col ${column}`);
  }, { timeout: 5000, every: 50 });
}

async function readHover(page, diag) {
  await focusEditor(page);
  await gotoPos(page, diag.line, diag.column + 1);
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await hover.waitFor({ state: 'visible', timeout: 10000 });
  // the server's part of the hover arrives asynchronously: wait until the text stops changing
  let last = ''; let stable = 0;
  await poll(async () => {
    const t = await hover.innerText().catch(() => '');
    if (t === last && t) stable++; else { stable = 0; last = t; }
    return stable >= 5;
  }, { timeout: 8000, every: 100 });
  const links = await hover.evaluate((el) => [...el.querySelectorAll('a')].map((a) => a.getAttribute('data-href') || a.getAttribute('href') || a.title || '')).catch(() => []);
  return { text: last, links };
}

// ------------------------------------------------------------------ main
async function main() {
  assert(fs.existsSync(csEntry), `code-server missing in ${csDir}: run scripts/setup-e2e.sh`);
  assert(fs.existsSync(vsix), `vsix not found: ${vsix} (run npm run package)`);
  assert(fs.existsSync(chromiumPath), `chromium not found at ${chromiumPath}`);
  const requireCs = createRequire(path.join(csDir, 'package.json'));
  const { chromium } = requireCs('playwright-core');

  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(csConfig, 'auth: none\n');
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  copyWorkspace(ws);

  let t = Date.now();
  const installed = await test('install the .vsix into a fresh profile', () => {
    const r = spawnSync(process.execPath, [...csArgs(), '--install-extension', vsix], { encoding: 'utf8', env, timeout: 120000 });
    const text = `${r.stdout || ''}${r.stderr || ''}`;
    fs.writeFileSync(path.join(outDir, 'install-extension.log'), text);
    assert(r.status === 0 && /successfully installed/i.test(text), `--install-extension exited ${r.status}: ${text.trim().slice(-600)}`);
    const dirs = fs.readdirSync(extDir).filter((d) => d.toLowerCase().startsWith(EXT_ID.toLowerCase()));
    assert(dirs.length === 1, `${EXT_ID} not in ${extDir}: ${fs.readdirSync(extDir).join(', ')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(extDir, dirs[0], 'package.json'), 'utf8'));
    const main = path.join(extDir, dirs[0], manifest.main || '');
    assert(fs.existsSync(main) || fs.existsSync(`${main}.js`), `the installed extension lacks its main ${manifest.main}`);
    return `${dirs[0]} in ${Date.now() - t} ms`;
  });
  if (!installed) throw new Error('extension not installed');

  t = Date.now();
  const port = await startCodeServer();
  browserServer = await chromium.launchServer({
    executablePath: chromiumPath, headless: true, env,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // we clean up ourselves
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const bpid = browserServer.process()?.pid;
  if (bpid) groups.push({ name: 'chromium', pid: bpid });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const consoleLog = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));

  const ready = await test('workbench opens the workspace', async () => {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
    await shot(page, 'workbench');
    await page.keyboard.press('Control+Shift+M'); // Problems panel, kept open for the whole run
    await page.locator('.markers-panel').waitFor({ state: 'attached', timeout: 15000 });
    return `code-server port ${port}, ready in ${Date.now() - t} ms`;
  });
  if (!ready) throw new Error('workbench did not open');

  // ---- diagnostics per file
  let anyFound = false;
  for (const f of FILES) {
    const name = f.codes.length ? `${f.file}: aisec reports ${f.codes.join(', ')}` : `${f.file}: no aisec diagnostics`;
    await test(name, async () => {
      const abs = path.join(ws, f.file);
      await openFile(page, f.file);
      const tOpen = Date.now();
      let diags = [];
      if (f.codes.length) {
        // poll until every expected rule id is listed, then until the list is stable for 1 s
        await poll(async () => { diags = await problems(page, f.file, false); return missingCodes(f.codes, diags).length === 0; }, { timeout: timeoutMs, every: 100 });
        const first = Date.now() - tOpen;
        let key = ''; let since = Date.now();
        await poll(async () => { diags = await problems(page, f.file, true); const k = JSON.stringify(diags); if (k !== key) { key = k; since = Date.now(); } return Date.now() - since >= 1000; }, { timeout: 10000, every: 150 });
        await shot(page, `${f.file}-diagnostics`);
        results.files[f.file] = { diagnostics: diags, openToDiagnosticsMs: first };
        const ours = diags.filter((d) => d.source === SOURCE);
        const missing = missingCodes(f.codes, diags);
        assert(missing.length === 0, `missing ${missing.join(', ')} after ${timeoutMs / 1000} s; Problems panel shows:\n${describeDiags(diags)}`);
        assert(ours.every((d) => d.line && d.column && d.message), `a row lacks position or message:\n${describeDiags(ours)}`);
        // the rule id in the panel is a link to the policy page or, without one, the bundled lesson (codeDescription.href)
        const noLink = ours.filter((d) => !/^(https?:\/\/|command:aisec\.showLesson\?)/.test(d.codeHref || ''));
        assert(noLink.length === 0, `rule id without a policy link:\n${describeDiags(noLink)}`);
        anyFound = true;
        return `${ours.length} aisec diagnostics, all expected after ${first} ms`;
      }
      // clean file: need a positive sign that the server looked at it, not just silence
      assert(anyFound, 'no earlier file got diagnostics, so silence here proves nothing');
      const answered = await poll(() => serverAnswered(abs), { timeout: 15000, every: 200 });
      let how;
      if (answered) {
        how = `server ${answered} diagnostics for it`;
        // let the panel catch up with that answer
        await poll(async () => (await problems(page, f.file, true)).length === 0, { timeout: 3000, every: 100 });
      } else {
        // no protocol trace to read: watch the panel for 5 s after the tab is active
        how = 'no trace; Problems panel watched for 5 s';
        await poll(async () => (await problems(page, f.file, false)).some((d) => d.source === SOURCE), { timeout: Math.max(0, 5000 - (Date.now() - tOpen)), every: 100 });
      }
      diags = await problems(page, f.file, true);
      await shot(page, `${f.file}-diagnostics`);
      results.files[f.file] = { diagnostics: diags, check: how };
      const ours = diags.filter((d) => d.source === SOURCE);
      assert(ours.length === 0, `expected none, got:\n${describeDiags(ours)}`);
      return how;
    });
  }

  // ---- hover
  await test(`hover on ${HOVER.code} shows the policy link`, async () => {
    await openFile(page, HOVER.file);
    const target = (await problems(page, HOVER.file, true)).find((d) => d.source === SOURCE && d.code === HOVER.code);
    assert(target, `no ${HOVER.code} diagnostic in ${HOVER.file} to hover`);
    const h = await readHover(page, target);
    await shot(page, `${HOVER.file}-hover`);
    results.hover = { at: target, ...h };
    const all = `${h.text}\n${h.links.join('\n')}`;
    assert(h.text, 'no hover appeared');
    assert(all.includes(HOVER.code), `hover does not name the rule ${HOVER.code}:\n${h.text}`);
    assert(HOVER.expect.test(all), `hover has no link matching ${HOVER.expect}:\ntext: ${h.text}\nlinks: ${h.links.join(' ') || '(none)'}`);
    await page.keyboard.press('Escape');
    return `${h.links.filter((l) => HOVER.expect.test(l))[0] || 'link in text'}`;
  });

  // ---- quick fixes
  for (const fx of FIXES) {
    await test(`quick fix for ${fx.code} in ${fx.file}`, async () => {
      const abs = path.join(ws, fx.file);
      const before = fs.readFileSync(abs, 'utf8');
      await openFile(page, fx.file);
      const diags = await problems(page, fx.file, true);
      const target = diags.find((d) => d.source === SOURCE && d.code === fx.code);
      assert(target, `no ${fx.code} diagnostic in ${fx.file}:\n${describeDiags(diags)}`);
      await focusEditor(page);
      await gotoPos(page, target.line, target.column);
      await page.keyboard.press('Control+Period');
      const rows = page.locator('.action-widget .monaco-list-row.action');
      await rows.first().waitFor({ state: 'visible', timeout: 15000 });
      // the menu fills in as providers answer: wait until it stops growing
      let n = -1; let same = 0;
      await poll(async () => { const c = await rows.count(); if (c === n) same++; else { same = 0; n = c; } return same >= 4; }, { timeout: 5000, every: 100 });
      const actions = await rows.evaluateAll((rs) => rs.map((r) => ({
        title: (r.getAttribute('aria-label') || r.textContent || '').trim(),
        focused: r.classList.contains('focused'),
        disabled: r.classList.contains('option-disabled') || r.getAttribute('aria-disabled') === 'true',
      })));
      await shot(page, `${fx.file}-quickfix-menu`);
      const pick = actions.findIndex((a) => !a.disabled && fx.title.test(a.title));
      if (pick < 0) { await page.keyboard.press('Escape'); throw new Error(`no action matching ${fx.title} among: ${actions.map((a) => a.title).join(' | ') || '(none)'}`); }
      // keyboard, as a user does (mouse clicks on this widget are intercepted under Playwright)
      const from = Math.max(0, actions.findIndex((a) => a.focused));
      for (let k = 0; k < Math.abs(pick - from); k++) await page.keyboard.press(pick > from ? 'ArrowDown' : 'ArrowUp');
      await page.keyboard.press('Enter');
      await rows.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      await page.keyboard.press('Control+S');
      const after = await poll(() => { const t2 = fs.readFileSync(abs, 'utf8'); return t2 !== before ? t2 : null; }, { timeout: 10000, every: 100 });
      assert(after, `"${actions[pick].title}" applied but the saved file did not change`);
      results.fixes.push({ file: fx.file, code: fx.code, title: actions[pick].title, actions: actions.map((a) => a.title), fixedText: after });
      fs.writeFileSync(path.join(outDir, `fixed-${path.basename(fx.file)}`), after);
      assert(fx.expect.test(after), `saved file does not match ${fx.expect}:\n${after}`);
      assert(!fx.notExpect || !fx.notExpect.test(after), `saved file still matches ${fx.notExpect}:\n${after}`);
      // the server re-analyses the saved text: that finding must go away
      const gone = await poll(async () => { const d = await problems(page, fx.file, true); return d.filter((x) => x.source === SOURCE && x.code === fx.code).length < diags.filter((x) => x.source === SOURCE && x.code === fx.code).length ? d : null; }, { timeout: 15000, every: 200 });
      await shot(page, `${fx.file}-after-fix`);
      assert(gone, `${fx.code} still reported after the fix`);
      return `"${actions[pick].title}"`;
    });
  }
  // ---- further suites of the same workbench (test/e2e/parts/): each names its tests up front (PLANNED)
  const ctx = { page, test, shot, log, ws, outDir, extOut, results, openFile, problems, readHover, focusEditor, gotoPos, timeoutMs };
  for (const part of PARTS) await part.run(ctx);
  await context.close().catch(() => {});
  await browser.close().catch(() => {});
}

let fatal = null;
try { await main(); } catch (e) { fatal = e; log(`stopped: ${e && e.stack ? e.stack : e}`); }
for (const name of PLANNED) if (!done.has(name)) tally.fail(name, `not run: ${fatal ? fatal.message : 'skipped'}`);
await cleanup();
results.timings.totalMs = Date.now() - T0;
results.passed = tally.passed; results.failed = tally.failed; results.failures = tally.failures;
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
const exthost = findExthostLogs(path.join(outDir, 'vscode-logs'));
if (tally.failed && exthost.length) {
  process.stdout.write(`extension host / language client logs:\n${exthost.map((p) => `  ${p}`).join('\n')}\n`);
  // the first errors the extension logged usually explain a missing diagnostic
  const errors = exthost.flatMap((p) => fs.readFileSync(p, 'utf8').split('\n').filter((l) => /\[error\]/.test(l) && /aisec/i.test(`${p}${l}`)));
  if (errors.length) process.stdout.write(`first errors logged for aisec:\n${errors.slice(0, 10).map((l) => `  ${l.slice(0, 300)}`).join('\n')}\n`);
}
process.stdout.write(`vscode (code-server): screenshots and logs in ${path.relative(process.cwd(), outDir) || '.'}\n`);
process.stdout.write(`${tally.summary()}\n`);
process.exit(tally.failed ? 1 : 0);

function findExthostLogs(dir) {
  const out = [];
  const walk = (d) => { if (!fs.existsSync(d)) return; for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/exthost/.test(p) && /(aisec|exthost\.log)/i.test(p)) out.push(p); } };
  walk(dir);
  return out;
}
