#!/usr/bin/env node
// Regenerates the Marketplace README's screenshots (media/screenshots/*.png) in a real VS Code:
// code-server (VS Code 1.100, prepared offline by scripts/setup-e2e.sh) in Debian's headless Chromium,
// driven by playwright-core, with the packaged .vsix installed into a fresh profile and a copy of the
// e2e workspace (test/e2e/workspace/) open. Nothing is downloaded; nothing in the repository but the
// PNGs is written.
//
//   bash scripts/setup-e2e.sh                  # once: chromium, code-server, playwright-core in .cache/code-server
//   npm run package                            # the .vsix to show (or any .vsix: pass its path)
//   node scripts/screenshots.mjs [VSIX] [--out media/screenshots] [--cs-dir DIR] [--keep-temp]
//
// The shots, each checked before it is taken (the script fails rather than save a wrong picture):
//   finding.png   app.py with AISec's squiggles and the Problems panel listing its findings
//   hover.png     the hover on the torch.load finding (message, rule, lesson and policy links)
//   quickfix.png  the quick-fix menu on that finding (the weights_only=True fix first, then Learn:)
//   lesson.png    the lesson view of torch-load-unsafe opened from the hover
//   mcp.png       .vscode/mcp.json: an unpinned npx server and a plain-HTTP server reported
// Every process started here is ended by its process-group id (also on errors and signals).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFLINE_SETTINGS, openFileQuick } from '../test/e2e/lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--out', '--cs-dir', '--chromium'].includes(argv[i - 1])));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = path.resolve(positional[0] || path.join(REPO, `${pkg.name}-${pkg.version}.vsix`));
const outDir = path.resolve(REPO, opt('out', 'media/screenshots'));
const csDir = path.resolve(opt('cs-dir', process.env.AISEC_E2E_CACHE || path.join(REPO, '.cache', 'code-server')));
const chromiumPath = opt('chromium', process.env.CHROMIUM || '/usr/bin/chromium');
const keepTemp = argv.includes('--keep-temp');
const WORKSPACE = path.join(REPO, 'test', 'e2e', 'workspace');
const VIEWPORT = { width: 1280, height: 800 };

const T0 = Date.now();
const log = (m) => process.stderr.write(`[screenshots +${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(fn, { timeout = 30000, every = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) { const v = await fn(); if (v || Date.now() >= deadline) return v; await sleep(every); }
}
function check(cond, msg) { if (!cond) throw new Error(msg); }

// ------------------------------------------------------------------ temp profile, processes, cleanup
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-screenshots-'));
const userData = path.join(tmp, 'user-data');
const extDir = path.join(tmp, 'extensions');
const ws = path.join(tmp, 'support-bot'); // the folder name the explorer shows
const csConfig = path.join(tmp, 'code-server.yaml');
fs.mkdirSync(path.join(tmp, 'tmp'));
const env = { ...process.env, TMPDIR: path.join(tmp, 'tmp') };
delete env.VSCODE_IPC_HOOK_CLI;
delete env.ELECTRON_RUN_AS_NODE;
const groups = []; // process-group leaders started here
let browser = null;

async function cleanup() {
  if (browser) { await Promise.race([browser.close().catch(() => {}), sleep(5000)]); browser = null; }
  for (const pid of groups.splice(0).reverse()) {
    try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
    const gone = await poll(() => { try { process.kill(-pid, 0); return false; } catch { return true; } }, { timeout: 3000 });
    if (!gone) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  if (keepTemp) log(`kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
process.on('exit', () => { for (const pid of groups) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, async () => { log(`${sig}: cleaning up`); await cleanup(); process.exit(130); });

const SETTINGS = {
  ...OFFLINE_SETTINGS,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
};

async function startCodeServer() {
  const logFile = path.join(tmp, 'code-server.log');
  const fd = fs.openSync(logFile, 'w');
  const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const child = spawn(process.execPath, [entry, '--config', csConfig, '--user-data-dir', userData, '--extensions-dir', extDir,
    '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'], { env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  groups.push(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => { exited = code ?? signal; });
  const port = await poll(() => {
    if (exited !== null) throw new Error(`code-server exited (${exited}): ${fs.readFileSync(logFile, 'utf8').slice(-800)}`);
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    return m ? Number(m[1]) : null;
  }, { timeout: 60000 });
  check(port, 'code-server did not listen within 60 s');
  return port;
}

// ------------------------------------------------------------------ workbench helpers
const openFile = (page, rel) => openFileQuick(page, rel, log);

/** Rule ids the Problems panel lists with source aisec (rendered rows). */
async function panelCodes(page) {
  return page.$$eval('.markers-panel .monaco-list-row .marker-code', (cs) => cs.map((c) => (c.textContent || '').trim())).catch(() => []);
}
async function waitForCodes(page, codes, timeout = 90000) {
  const ok = await poll(async () => { const have = await panelCodes(page); return codes.every((c) => have.some((h) => h.includes(c))); }, { timeout, every: 200 });
  check(ok, `the Problems panel did not list ${codes.join(', ')} (has: ${(await panelCodes(page)).join(', ') || 'nothing'})`);
}

/** 1-based line and column of the first occurrence of `needle` in a workspace file. */
function positionOf(rel, needle) {
  const lines = fs.readFileSync(path.join(ws, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  check(i >= 0, `${needle} not in ${rel}`);
  return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
}

async function gotoPos(page, { line, column }) {
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 4, y: 4 } }).catch(() => {});
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await poll(async () => (await page.locator('#status\\.editor\\.selection').first().innerText().catch(() => '')).includes(`Ln ${line}, Col ${column}`), { timeout: 5000, every: 50 });
}

/** Shows or hides the panel (Problems) so the next shot has the room it needs. */
async function setPanel(page, visible) {
  const shown = async () => page.locator('.markers-panel').first().isVisible().catch(() => false);
  if ((await shown()) === visible) return;
  await page.keyboard.press(visible ? 'Control+Shift+M' : 'Control+J');
  check(await poll(async () => (await shown()) === visible, { timeout: 5000 }), `the Problems panel did not ${visible ? 'open' : 'close'}`);
}

/** Waits until fn's value has not changed for `n` polls in a row. */
async function settle(fn, { n = 5, every = 100, timeout = 8000 } = {}) {
  let last; let same = 0;
  await poll(async () => { const v = JSON.stringify(await fn()); if (v === last) same++; else { same = 0; last = v; } return same >= n; }, { timeout, every });
  return last === undefined ? undefined : JSON.parse(last);
}

async function shot(page, name, assertion) {
  const file = path.join(outDir, `${name}.png`);
  await page.mouse.move(200, 500); // the empty part of the explorer: no tooltip in the picture
  await sleep(400); // let animations (hover fade-in, list scroll, tooltip fade-out) finish
  await page.screenshot({ path: file });
  log(`${path.relative(REPO, file)}: ${assertion}`);
}

// ------------------------------------------------------------------ main
async function main() {
  const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  check(fs.existsSync(entry), `code-server missing in ${csDir}: run bash scripts/setup-e2e.sh`);
  check(fs.existsSync(vsix), `no .vsix at ${vsix}: run npm run package (or pass a .vsix)`);
  check(fs.existsSync(chromiumPath), `chromium not found at ${chromiumPath}`);
  let pw;
  try { pw = createRequire(path.join(csDir, 'package.json'))('playwright-core'); } catch { pw = createRequire(import.meta.url)('playwright-core'); }

  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(csConfig, 'auth: none\n');
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.cpSync(WORKSPACE, ws, { recursive: true });

  log(`installing ${path.relative(REPO, vsix)}`);
  const inst = spawnSync(process.execPath, [entry, '--config', csConfig, '--user-data-dir', userData, '--extensions-dir', extDir, '--install-extension', vsix], { encoding: 'utf8', env, timeout: 120000 });
  check(inst.status === 0 && /successfully installed/i.test(`${inst.stdout}${inst.stderr}`), `--install-extension failed: ${inst.stdout}${inst.stderr}`);

  const port = await startCodeServer();
  browser = await pw.chromium.launch({
    executablePath: chromiumPath, headless: true, env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: 60000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Control+Shift+M'); // Problems panel
  await page.locator('.markers-panel').waitFor({ state: 'attached', timeout: 15000 });

  // ---- finding: squiggles in app.py and the Problems panel
  await openFile(page, 'app.py');
  await waitForCodes(page, ['llm-output-code-execution', 'torch-load-unsafe']);
  await settle(() => panelCodes(page), { n: 10 });
  // centre the second model call: both code-execution findings and torch.load are in view
  await gotoPos(page, positionOf('app.py', 'response = client.chat'));
  const squiggles = await poll(() => page.locator('.editor-group-container.active .monaco-editor [class*="squiggly-"]').count(), { timeout: 5000 });
  if (!squiggles && process.env.SCREENSHOTS_DEBUG) await page.screenshot({ path: path.join(outDir, 'debug.png') });
  check(squiggles >= 3, `${squiggles} squiggles in the editor, want 3`);
  await shot(page, 'finding', `app.py: ${squiggles} squiggles; Problems: ${(await panelCodes(page)).join(', ')}`);

  // ---- hover on torch.load
  const torch = positionOf('app.py', 'torch.load(');
  await setPanel(page, false); // the hover gets the editor's height
  await gotoPos(page, { line: torch.line, column: torch.column + 1 });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10000 });
  const hoverText = await settle(() => hover.innerText().catch(() => ''));
  check(/torch-load-unsafe/.test(hoverText) && /Open the lesson/.test(hoverText), `hover lacks the rule or the lesson link:\n${hoverText}`);
  await shot(page, 'hover', `hover: ${hoverText.split('\n')[0].slice(0, 100)}`);

  // ---- lesson view, opened from the hover's link
  await hover.locator('a', { hasText: 'Open the lesson' }).first().click();
  await page.locator('.tabs-container .tab[aria-label^="Lesson: torch-load-unsafe"]').first().waitFor({ timeout: 15000 });
  const doc = page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
  await doc.locator('figure.example.fixed pre code').first().waitFor({ state: 'visible', timeout: 15000 });
  const title = await doc.locator('h1').first().innerText();
  check(title.includes('torch-load-unsafe'), `lesson title: ${title}`);
  // close the hover (a click in the code editor, then Escape): the lesson sits beside the code
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click({ position: { x: 4, y: 4 } }).catch(() => {});
  await page.keyboard.press('Escape');
  check(await poll(async () => !(await hover.isVisible().catch(() => false)), { timeout: 5000 }), 'the hover stays open over the lesson');
  // close app.py's editor: the lesson gets the whole editor area (the empty group closes)
  const codeTab = page.locator('.tabs-container .tab[aria-label^="app.py"]').first();
  await codeTab.hover();
  await codeTab.locator('.tab-actions .action-label').first().click();
  await codeTab.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  await sleep(500);
  const sections = await doc.locator('section[id]').evaluateAll((ss) => ss.map((s) => s.id));
  check(sections.includes('examples') && sections.includes('why'), `lesson sections: ${sections.join(', ')}`);
  await shot(page, 'lesson', `lesson "${title}" (sections ${sections.join(', ')})`);
  await page.locator('.tabs-container .tab[aria-label^="Lesson: torch-load-unsafe"] .tab-actions .action-label').first().click({ force: true }).catch(() => {});

  // ---- quick fix menu on torch.load
  await openFile(page, 'app.py');
  await gotoPos(page, { line: torch.line, column: torch.column + 1 });
  await page.keyboard.press('Control+Period');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ state: 'visible', timeout: 15000 });
  const actions = await settle(() => rows.evaluateAll((rs) => rs.map((r) => (r.getAttribute('aria-label') || r.textContent || '').trim())));
  check(actions.some((a) => /weights_only/i.test(a)), `no weights_only fix among: ${actions.join(' | ')}`);
  await shot(page, 'quickfix', `quick fixes: ${actions.join(' | ')}`);
  await page.keyboard.press('Escape');

  // ---- MCP configuration
  await setPanel(page, true);
  await openFile(page, '.vscode/mcp.json');
  await waitForCodes(page, ['mcp-unpinned-server-package', 'mcp-insecure-transport']);
  await settle(() => panelCodes(page), { n: 10 });
  await gotoPos(page, positionOf('.vscode/mcp.json', '"args"'));
  await shot(page, 'mcp', `.vscode/mcp.json; Problems: ${(await panelCodes(page)).join(', ')}`);
}

let failed = null;
try { await main(); } catch (e) { failed = e; log(`failed: ${e && e.stack ? e.stack : e}`); }
await cleanup();
process.exit(failed ? 1 : 0);
