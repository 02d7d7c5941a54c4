// Issue 9 "guide" checks in the same code-server workbench (see parts/index.mjs for ctx):
// the walkthrough opens from the Command Palette and a step completes on its real event (the AI Inventory
// view becoming visible), "AISec: Scan workspace" shows a progress notification (files done / total) and a
// summary, and the status bar shows the findings count and opens the AISec findings view.
// The part writes its bulk files under <ws>/guide/ and removes them, closes what it opened and goes back
// to the Explorer.
import fs from 'node:fs';
import path from 'node:path';
import { assert, poll, runCommand, sleep } from '../lib.mjs';

const T_WALK = 'guide: the walkthrough opens and a step completes on its event';
const T_SCAN = 'guide: the workspace scan shows progress and a summary';
const T_STATUS = 'guide: the status bar shows the findings count and opens the AISec findings';
export const tests = [T_WALK, T_SCAN, T_STATUS];

const BULK = 200;
const CLEAN_CALL = (i) => `"""Bulk file ${i} for the scan-progress check: a bounded model call with a constant prompt."""
from openai import OpenAI

client = OpenAI()


def summarise_${i}(text: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=200,
        messages=[{"role": "system", "content": "Summarise the user's text."}, {"role": "user", "content": text}],
    )
    return response.choices[0].message.content or ""
`;

async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  await page.keyboard.press('Escape');
}

export async function run(ctx) {
  const { page, test, shot, ws, log } = ctx;

  await test(T_WALK, async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('Get started with AISec');
    await poll(async () => (await page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.textContent || ''))).some((t) => t.includes('AISec')), { timeout: 10000, every: 150 });
    await page.keyboard.press('Enter');
    const step = page.locator('button.getting-started-step[data-step-id$="#inventory"]');
    await step.waitFor({ state: 'visible', timeout: 20000 });
    const steps = await page.$$eval('button.getting-started-step[data-step-id*="aisec"]', (bs) => bs.map((b) => b.getAttribute('data-step-id')));
    assert(steps.length >= 9, `walkthrough steps: ${steps.join(', ')}`);
    assert((await step.getAttribute('aria-checked')) === 'false', 'the inventory step is already complete before its event');
    await shot(page, 'guide-walkthrough');
    // expand the step and press its button (a command link: aisec.inventory.focus)
    await step.click();
    const button = page.locator('.getting-started-step.expanded a.monaco-button, .getting-started-step.expanded .monaco-button').filter({ hasText: 'Open the AI Inventory' }).first();
    await button.waitFor({ state: 'visible', timeout: 10000 });
    await button.click();
    const done = await poll(async () => (await step.getAttribute('aria-checked').catch(() => null)) === 'true', { timeout: 15000, every: 200 });
    const icon = await page.$eval('[data-done-step-id$="#inventory"]', (e) => e.className).catch(() => '');
    // the container opened with it: the Findings view lists the open findings by rule
    const listed = await poll(async () => page.locator('.pane-body .monaco-list-row').filter({ hasText: 'llm-output-code-execution' }).first().isVisible().catch(() => false), { timeout: 10000, every: 200 });
    await shot(page, 'guide-walkthrough-step-done');
    assert(listed, 'the AISec Findings view does not list llm-output-code-execution');
    assert(done, 'the "Open the AI Inventory" step did not complete after the view opened');
    assert(/\bcomplete\b/.test(icon), `the step's checkmark is not marked complete: ${icon}`);
    // the AISec container with the inventory is what completed it
    assert(await page.locator('.pane-header').filter({ hasText: 'AI Inventory' }).first().isVisible().catch(() => false), 'the AI Inventory view is not visible');
    await page.keyboard.press('Escape');
    // close the walkthrough tab
    await runCommand(page, 'View: Close All Editors');
    return `${steps.length} steps; "Open the AI Inventory" checked on onView:aisec.inventory`;
  });

  const bulk = path.join(ws, 'guide', 'bulk');
  await test(T_SCAN, async () => {
    fs.mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < BULK; i++) fs.writeFileSync(path.join(bulk, `summarise_${i}.py`), CLEAN_CALL(i));
    await clearNotifications(page);
    // record every notification text while the scan runs (a toast may be gone before a poll sees it)
    await page.evaluate(() => {
      window.__aisecToasts = [];
      const seen = new Set();
      const grab = () => {
        for (const t of document.querySelectorAll('.notification-toast, .notifications-toasts .monaco-list-row')) {
          const text = (t.innerText || '').replace(/\s+/g, ' ').trim();
          if (text && !seen.has(text)) { seen.add(text); window.__aisecToasts.push(text); }
        }
      };
      window.__aisecObserver?.disconnect();
      window.__aisecObserver = new MutationObserver(grab);
      window.__aisecObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const t0 = Date.now();
    await runCommand(page, 'AISec: Scan workspace');
    const summary = await poll(async () => {
      const texts = await page.evaluate(() => window.__aisecToasts);
      return texts.find((t) => /AISec scanned \d+ files/.test(t)) ?? null;
    }, { timeout: 60000, every: 200 });
    await shot(page, 'guide-scan-summary');
    const texts = await page.evaluate(() => { window.__aisecObserver?.disconnect(); return window.__aisecToasts; });
    ctx.results.guide = { ...(ctx.results.guide ?? {}), scanToasts: texts };
    const progress = texts.filter((t) => /AISec: scanning workspace/.test(t));
    assert(progress.length, `no progress notification; notifications seen:\n${texts.join('\n')}`);
    assert(progress.some((t) => /\d+\/\d+ files/.test(t)), `the progress shows no "files done / total":\n${progress.join('\n')}`);
    assert(progress.some((t) => /Cancel/.test(t)), `the progress notification has no Cancel button:\n${progress.join('\n')}`);
    assert(summary, `no summary notification after ${Date.now() - t0} ms; seen:\n${texts.join('\n')}`);
    const m = /AISec scanned (\d+) files in ([\d.]+ m?s): (\d+) findings? \(([^)]*)\) in (\d+) files?/.exec(summary);
    assert(m, `summary does not read as "files, time, findings by severity": ${summary}`);
    assert(Number(m[1]) >= BULK, `scanned ${m[1]} files, the workspace has more than ${BULK}`);
    assert(/error|warning/.test(m[4]), `no severities in the summary: ${summary}`);
    assert(/Show findings/.test(summary), `no "Show findings" button: ${summary}`);
    // press "Show findings": the AISec findings view opens
    await page.locator('.notification-toast .monaco-button').filter({ hasText: 'Show findings' }).first().click();
    const shown = await poll(async () => page.locator('.pane-header').filter({ hasText: 'Findings' }).first().isVisible().catch(() => false), { timeout: 10000, every: 200 });
    await sleep(500);
    await shot(page, 'guide-findings-view');
    assert(shown, 'the AISec Findings view did not open');
    const rules = await page.$$eval('.pane-body .monaco-list-row[aria-level="1"]', (rs) => rs.map((r) => (r.getAttribute('aria-label') || r.textContent || '').trim())).catch(() => []);
    ctx.results.guide.findingsRules = rules;
    return `${summary.slice(0, 160)}; progress notification seen ${progress.length}x`;
  });
  fs.rmSync(bulk, { recursive: true, force: true });
  try { fs.rmdirSync(path.join(ws, 'guide')); } catch { /* other files of ours */ }

  await test(T_STATUS, async () => {
    const item = page.locator('.statusbar-item').filter({ hasText: 'AISec' }).first();
    await item.waitFor({ state: 'visible', timeout: 10000 });
    const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
    const m = /AISec\s*(\d+)\s*(\d+)/.exec(text);
    assert(m, `status bar item reads "${text}"`);
    assert(Number(m[1]) + Number(m[2]) > 0, `no open findings counted: "${text}"`);
    // go elsewhere, then the item brings the findings back
    await page.keyboard.press('Control+Shift+E');
    await item.click();
    const shown = await poll(async () => page.locator('.pane-header').filter({ hasText: 'Findings' }).first().isVisible().catch(() => false), { timeout: 10000, every: 200 });
    await shot(page, 'guide-status-bar');
    assert(shown, 'clicking the status bar item did not open the AISec findings');
    // with findings open, the view lists them by rule instead of its empty state
    const empty = await poll(async () => !(await page.getByText('No open AISec findings').first().isVisible().catch(() => false)), { timeout: 5000, every: 200 });
    assert(empty, 'the Findings view shows its empty state although findings are open');
    return `"${text}"`;
  });

  // leave the workbench as found: Explorer in the side bar, no toasts, no quick input
  await clearNotifications(page);
  await page.keyboard.press('Control+Shift+E');
  await page.keyboard.press('Escape');
  log('guide part done');
}
