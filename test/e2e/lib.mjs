// Shared by the real-editor tests (vscode.e2e.mjs, nvim.e2e.mjs, run-e2e.mjs): what the workspace
// in test/e2e/workspace/ must produce, a tiny pass/fail tally, and process helpers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(E2E_DIR, '..', '..');
export const WORKSPACE = path.join(E2E_DIR, 'workspace');
export const SOURCE = 'aisec';

/**
 * One entry per workspace file: the rule ids that MUST be reported there (all with source "aisec").
 * `codes: []` = the file must stay clean. `languageId` is what VS Code 1.100 assigns (Neovim is told
 * the same id so both clients send what a real editor would).
 */
export const FILES = [
  { file: 'app.py', languageId: 'python', codes: ['llm-output-code-execution', 'torch-load-unsafe'] },
  { file: 'server.ts', languageId: 'typescript', codes: ['llm-output-code-execution', 'hardcoded-ai-provider-key'] },
  { file: 'chat.prompty', languageId: 'prompty', codes: ['untrusted-variable-in-system-prompt'] },
  { file: 'AGENTS.md', languageId: 'markdown', codes: ['hidden-unicode-characters'] },
  { file: '.vscode/mcp.json', languageId: 'jsonc', codes: ['mcp-unpinned-server-package', 'mcp-insecure-transport'] },
  { file: 'clean.py', languageId: 'python', codes: [] },
];

/** The hover checked in both editors: on this finding, the policy link must show. */
export const HOVER = { file: 'app.py', code: 'torch-load-unsafe', expect: /genai\.owasp\.org/i };

/** Quick fixes applied (VS Code: Ctrl+. then save; Neovim: the code action's WorkspaceEdit). */
export const FIXES = [
  {
    file: 'app.py', code: 'torch-load-unsafe', title: /weights_only/i,
    expect: /torch\.load\(\s*path\s*,\s*weights_only\s*=\s*True\s*\)/, notExpect: /torch\.load\(path\)/,
  },
  {
    file: '.vscode/mcp.json', code: 'mcp-insecure-transport', title: /https/i,
    expect: /"url":\s*"https:\/\/tickets\.example\.com\/mcp"/, notExpect: /"http:\/\//,
  },
];

/** A tally of named checks ("tests"), printed like our mocha reporter: `N passed, N failed`. */
export class Tally {
  constructor(label) { this.label = label; this.passed = 0; this.failed = 0; this.failures = []; }
  pass(name, detail) { this.passed++; process.stdout.write(`  ok   ${name}${detail ? ` (${detail})` : ''}\n`); }
  fail(name, reason) {
    this.failed++; this.failures.push(`${name}: ${reason}`);
    process.stdout.write(`  FAIL ${name}\n       ${String(reason).split('\n').join('\n       ')}\n`);
  }
  /** Run fn; it passes unless it throws (the message is the reason). Returns fn's value or undefined. */
  async check(name, fn) {
    try { const v = await fn(); this.pass(name, typeof v === 'string' ? v : undefined); return v; } catch (e) { this.fail(name, e && e.message ? e.message : String(e)); return undefined; }
  }
  summary() { return `${this.passed} passed, ${this.failed} failed`; }
}

export function assert(cond, msg) { if (!cond) throw new Error(msg); }
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll fn until it returns a truthy value or the time is up (then the last value is returned). */
export async function poll(fn, { timeout = 30000, every = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let v;
  for (;;) {
    v = await fn();
    if (v || Date.now() >= deadline) return v;
    await sleep(every);
  }
}

/** Missing rule ids of `want` among diagnostics `got` (objects with .code and .source). */
export function missingCodes(want, got) {
  const have = new Set(got.filter((d) => d.source === SOURCE).map((d) => String(d.code)));
  return want.filter((c) => !have.has(c));
}

export function describeDiags(ds) {
  return ds.length ? ds.map((d) => `${d.line}:${d.column} ${d.severity} [${d.source ?? '-'}/${d.code ?? '-'}] ${d.message}`).join('\n') : '(none)';
}

/** Recursively copy the fixture workspace to dest (fixes must never touch the repo's files). */
export function copyWorkspace(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(WORKSPACE, dest, { recursive: true });
  return dest;
}

/**
 * Spawn a command in its own process group; returns { child, done } where done resolves with
 * { code, signal, stdout, stderr }. kill() ends the whole group by its PID.
 */
export function spawnGroup(cmd, argv, opts = {}) {
  const child = spawn(cmd, argv, { ...opts, detached: true, stdio: opts.stdio || ['ignore', 'pipe', 'pipe'] });
  let stdout = ''; let stderr = '';
  child.stdout?.on('data', (b) => { stdout += b; if (opts.echo) process.stdout.write(b); });
  child.stderr?.on('data', (b) => { stderr += b; if (opts.echo) process.stderr.write(b); });
  const done = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const kill = (sig = 'SIGTERM') => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  return { child, done, kill };
}

/**
 * Run a command from the Command Palette (F1) by its label, as a user does: the row whose label starts with
 * `label` (else the first that contains it) is selected with the arrow keys, then Enter.
 */
export async function runCommand(page, label, timeout = 15000) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${label}`);
  const want = label.toLowerCase();
  const row = await poll(async () => {
    const labels = (await page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.getAttribute('aria-label') || r.textContent || '')).catch(() => [])).map((l) => l.toLowerCase());
    const i = labels.findIndex((l) => l.startsWith(want));
    const j = i >= 0 ? i : labels.findIndex((l) => l.includes(want));
    return j >= 0 ? j + 1 : null;
  }, { timeout, every: 150 });
  if (!row) { await page.keyboard.press('Escape'); throw new Error(`no command "${label}" in the Command Palette`); }
  for (let k = 1; k < row; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Opens workspace file `rel` through Quick Open (Ctrl+P), retrying up to 3 times; `log` reports a retry. */
export async function openFileQuick(page, rel, log = () => {}) {
  const base = path.basename(rel);
  const dir = path.dirname(rel);
  const activeTab = () => page.$eval('.editor-group-container.active .tabs-container .tab.active', (e) => e.getAttribute('aria-label')).catch(() => null);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    await input.fill(rel);
    // result rows are labelled "app.py, file results" (root) or "mcp.json .vscode, file results"
    const idx = await poll(async () => {
      const labels = await page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.getAttribute('aria-label') || ''));
      const i = labels.findIndex((l) => (dir === '.' ? l.startsWith(`${base},`) : l.startsWith(`${base} ${dir},`)));
      return i >= 0 ? i + 1 : null;
    }, { timeout: 15000, every: 150 });
    if (!idx) { log(`quick open: no result for ${rel} (attempt ${attempt + 1})`); continue; }
    for (let k = 1; k < idx; k++) await page.keyboard.press('ArrowDown'); // the first row has the focus
    await page.keyboard.press('Enter');
    if (await poll(async () => { const l = await activeTab(); return l && (l === base || l.startsWith(`${base},`)); }, { timeout: 20000, every: 50 })) {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 10000 });
      return;
    }
  }
  throw new Error(`could not open ${rel} with Quick Open`);
}

/** code-server user settings for a quiet, offline workbench (the e2e tests and the screenshots script). */
export const OFFLINE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Light Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.validate.enable': false, // only our diagnostics in the Problems panel
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'problems.defaultViewMode': 'tree',
  'chat.commandCenter.enabled': false,
  'chat.mcp.enabled': false, // VS Code must not start the MCP servers of .vscode/mcp.json
  'chat.mcp.discovery.enabled': false,
};
