// Learning paths (issue 9, helper "paths"): the AISec Learning view shows a path written into .aisec.yaml with
// each module's state and due date; "AISec: Export learning progress" writes .aisec/progress/<name>.json; without
// a path the view shows its welcome content. The part writes .aisec.yaml into the temp workspace copy and
// removes it (and the exported file) at the end, leaving the workbench as it found it.
import fs from 'node:fs';
import path from 'node:path';
import { assert, poll, runCommand, sleep } from '../lib.mjs';

export const tests = [
  'learning view: a path from .aisec.yaml with module states and due dates',
  'learning: export progress writes .aisec/progress/<name>.json',
  'learning view: welcome content without a path',
];

const CONFIG = [
  'learning:',
  '  paths:',
  '    - id: e2e-onboarding',
  '      title: E2E onboarding path',
  '      modules:',
  '        - id: models',
  '          title: Load models safely',
  '          rules: [torch-load-unsafe]',
  '          exercises: [rule:torch-load-unsafe]',
  '          due: 2099-06-30',
  '        - id: unicode',
  '          title: Spot hidden instructions',
  '          rules: [hidden-unicode-characters]',
  '          due: 2020-01-31',
  '        - id: mcp',
  '          title: Pin MCP servers',
  '          exercises: [lab:pin-npx-servers]',
  '          due: 2099-12-31',
  '          required: false',
  '',
].join('\n');

/** Texts of the rows of the Learning view's tree. */
async function learningRows(page) {
  return page.$$eval('.pane', (panes) => {
    const pane = panes.find((p) => /learning/i.test(p.querySelector('.pane-header')?.textContent || ''));
    if (!pane) return null;
    return [...pane.querySelectorAll('.monaco-list-row')].map((r) => (r.textContent || '').replace(/\s+/g, ' ').trim());
  });
}

export async function run({ page, test, shot, log, ws }) {
  const cfg = path.join(ws, '.aisec.yaml');
  const progressDir = path.join(ws, '.aisec');
  const hadConfig = fs.existsSync(cfg);
  try {
    await test(tests[0], async () => {
      assert(!hadConfig, 'the workspace copy has no .aisec.yaml of its own');
      fs.writeFileSync(cfg, CONFIG);
      await runCommand(page, 'Focus on Learning View');
      await sleep(500);
      await runCommand(page, 'AISec: Refresh learning paths');
      const rows = await poll(async () => {
        const r = await learningRows(page);
        return r && r.some((t) => t.includes('Load models safely')) && r.some((t) => t.includes('hidden-unicode-characters')) ? r : null;
      }, { timeout: 30000, every: 300 });
      await shot(page, 'learning-view');
      assert(rows, `the Learning view shows the path's modules; rows: ${JSON.stringify(await learningRows(page))}`);
      const pathRow = rows.find((t) => t.includes('E2E onboarding path'));
      // the lesson and exercises parts ran before in this workbench: the torch-load-unsafe lesson was opened and its
      // exercise passed, so that module is done from the progress they recorded; the other required one is overdue
      assert(pathRow && /1\/2 required done/.test(pathRow), `path row with its required count: ${pathRow}`);
      const models = rows.find((t) => t.includes('Load models safely'));
      assert(/done · due 2099-06-30/.test(models), `module done from the recorded progress: ${models}`);
      const unicode = rows.find((t) => t.includes('Spot hidden instructions'));
      assert(/overdue/.test(unicode) && /due 2020-01-31/.test(unicode), `overdue module with its due date: ${unicode}`);
      const mcp = rows.find((t) => t.includes('Pin MCP servers'));
      assert(/not started/.test(mcp) && /due 2099-12-31/.test(mcp) && /optional/.test(mcp), `optional module: ${mcp}`);
      // modules still to do are expanded with their items: a rule's lesson, an exercise
      assert(rows.some((t) => /hidden-unicode-characters.*lesson/.test(t)) && rows.some((t) => /lab:pin-npx-servers.*exercise/.test(t)), `lesson and exercise items: ${JSON.stringify(rows)}`);
      return rows.join(' | ');
    });

    await test(tests[1], async () => {
      await runCommand(page, 'AISec: Export learning progress');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await input.fill('E2E Learner');
      await page.keyboard.press('Enter');
      const file = path.join(progressDir, 'progress', 'E2E-Learner.json');
      const data = await poll(() => {
        try {
          return JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch {
          return null;
        }
      }, { timeout: 15000, every: 200 });
      await shot(page, 'learning-exported');
      assert(data, `${file} written`);
      assert(data.version === 1 && data.learner === 'E2E Learner' && typeof data.exportedAt === 'string' && data.exercises && data.lessons, `format: ${JSON.stringify(data)}`);
      return JSON.stringify(data);
    });

    await test(tests[2], async () => {
      fs.rmSync(cfg, { force: true });
      await runCommand(page, 'AISec: Refresh learning paths');
      const text = await poll(async () => {
        const t = await page.$$eval('.pane', (panes) => {
          const pane = panes.find((p) => /learning/i.test(p.querySelector('.pane-header')?.textContent || ''));
          return pane?.querySelector('.welcome-view-content')?.textContent || null;
        });
        return t && /No learning path in this workspace yet/.test(t) ? t : null;
      }, { timeout: 20000, every: 300 });
      await shot(page, 'learning-welcome');
      assert(text, 'the welcome content explains how to add a path');
      return text.replace(/\s+/g, ' ').slice(0, 160);
    });
  } finally {
    if (!hadConfig) fs.rmSync(cfg, { force: true });
    fs.rmSync(progressDir, { recursive: true, force: true });
    await page.keyboard.press('Escape').catch(() => {});
    // close the notification of the export and go back to the Explorer
    await page.keyboard.press('Escape').catch(() => {});
    await page.keyboard.press('Control+Shift+E').catch(() => {});
    log('paths part done');
  }
}
