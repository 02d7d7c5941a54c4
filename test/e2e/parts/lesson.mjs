// Lessons in code-server: the hover's "Open the lesson" link opens the lesson webview, whose vulnerable and fixed
// examples render (checked in the DOM and in a screenshot); "Learn: <rule>" from the quick-fix menu opens it too.
import { assert, poll, SOURCE } from '../lib.mjs';

const FILE = 'lesson/loader.py';
const RULE = 'torch-load-unsafe';
const TITLE = `Lesson: ${RULE}`;

export const tests = [
  `lesson: the hover link opens the lesson of ${RULE} with both examples`,
  `lesson: "Learn: ${RULE}" from the quick-fix menu opens the lesson`,
  `lesson: the rule-id link in the Problems panel opens the lesson`,
  `lesson: the Problems context menu offers "Learn: ${RULE}"`,
];

/** The lesson webview's document (code-server: iframe.webview, then its inner iframe#active-frame). */
function lessonFrame(page) {
  return page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
}

const tab = (page, title = TITLE) => page.locator(`.tabs-container .tab[aria-label^="${title}"]`).first();

async function readLesson(page) {
  await tab(page).waitFor({ state: 'visible', timeout: 15000 });
  const doc = lessonFrame(page);
  await doc.locator('figure.example.fixed pre code').first().waitFor({ state: 'visible', timeout: 15000 });
  // the screenshot shows the two examples: close the editor's hover (a click in the code editor), then scroll to them
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click({ position: { x: 4, y: 4 } }).catch(() => {});
  await page.keyboard.press('Escape');
  await doc.locator('#examples').scrollIntoViewIfNeeded().catch(() => {});
  return {
    title: await doc.locator('h1').first().innerText(),
    vulnerable: await doc.locator('figure.example.vulnerable pre code').first().innerText(),
    fixed: await doc.locator('figure.example.fixed pre code').first().innerText(),
    removed: await doc.locator('figure.example.vulnerable .line.removed').count(),
    added: await doc.locator('figure.example.fixed .line.added').count(),
    sections: await doc.locator('section[id]').evaluateAll((ss) => ss.map((s) => s.id)),
    yourCode: await doc.locator('#your-code').innerText().catch(() => ''),
  };
}

async function closeLesson(page, title = TITLE) {
  const t = tab(page, title);
  if (!(await t.isVisible().catch(() => false))) return;
  await t.hover();
  await t.locator('.tab-actions .action-label').first().click();
  await t.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
}

async function finding(ctx) {
  await ctx.openFile(ctx.page, FILE);
  const d = await poll(async () => (await ctx.problems(ctx.page, FILE, true)).find((x) => x.source === SOURCE && x.code === RULE), { timeout: ctx.timeoutMs });
  assert(d, `no ${RULE} diagnostic in ${FILE}`);
  return d;
}

function checkLesson(l, fromFinding) {
  assert(l.title.includes(RULE), `lesson title: ${l.title}`);
  assert(/torch\.load\(path, map_location="cpu"\)/.test(l.vulnerable), `vulnerable example:\n${l.vulnerable}`);
  assert(/weights_only=True/.test(l.fixed), `fixed example:\n${l.fixed}`);
  assert(l.removed > 0 && l.added > 0, `diff not highlighted (removed ${l.removed}, added ${l.added})`);
  for (const s of ['why', 'examples', 'how', 'false-positives', 'policy']) assert(l.sections.includes(s), `section ${s} missing: ${l.sections.join(', ')}`);
  if (fromFinding) assert(/weights_only=True/.test(l.yourCode) && /loader\.py/.test(l.yourCode), `your code / fix preview:\n${l.yourCode}`);
}

export async function run(ctx) {
  const { page, test, shot } = ctx;

  await test(tests[0], async () => {
    const d = await finding(ctx);
    // the rule id in the Problems panel links to the lesson too
    assert(/^command:aisec\.showLesson\?/.test(d.codeHref || ''), `rule-id link: ${d.codeHref}`);
    const h = await ctx.readHover(page, d);
    const link = h.links.find((l) => l.startsWith('command:aisec.showLesson'));
    assert(link, `no lesson link in the hover: ${h.links.join(' ')}\n${h.text}`);
    assert(h.text.includes('Open the lesson'), h.text);
    await shot(page, 'lesson-hover');
    try {
      await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open the lesson' }).first().click();
      const l = await readLesson(page);
      await shot(page, 'lesson-view');
      checkLesson(l, true);
      return `${l.sections.length} sections; vulnerable ${l.vulnerable.split('\n').length} lines, fixed ${l.fixed.split('\n').length} lines`;
    } finally {
      await page.keyboard.press('Escape');
      await closeLesson(page);
    }
  });

  await test(tests[1], async () => {
    const d = await finding(ctx);
    await ctx.focusEditor(page);
    await ctx.gotoPos(page, d.line, d.column);
    await page.keyboard.press('Control+Period');
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: 15000 });
    let n = -1; let same = 0;
    await poll(async () => { const c = await rows.count(); if (c === n) same++; else { same = 0; n = c; } return same >= 4; }, { timeout: 5000, every: 100 });
    const actions = await rows.evaluateAll((rs) => rs.map((r) => ({ title: (r.getAttribute('aria-label') || r.textContent || '').trim(), focused: r.classList.contains('focused') })));
    await shot(page, 'lesson-quickfix-menu');
    const pick = actions.findIndex((a) => a.title.startsWith(`Learn: ${RULE}`));
    try {
      assert(pick >= 0, `no "Learn: ${RULE}" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert(actions.findIndex((a) => /weights_only/i.test(a.title)) < pick, `the lesson is listed before the fix: ${actions.map((a) => a.title).join(' | ')}`);
      const from = Math.max(0, actions.findIndex((a) => a.focused));
      for (let k = 0; k < Math.abs(pick - from); k++) await page.keyboard.press(pick > from ? 'ArrowDown' : 'ArrowUp');
      await page.keyboard.press('Enter');
      const l = await readLesson(page);
      await shot(page, 'lesson-view-from-learn');
      checkLesson(l, true);
      return `"${actions[pick].title}" (item ${pick + 1} of ${actions.length})`;
    } finally {
      await page.keyboard.press('Escape');
      await closeLesson(page);
    }
  });

  /** Filter the Problems panel to this rule's rows (restored afterwards). */
  const filter = () => page.getByPlaceholder(/^Filter \(e\.g\./).first();
  async function problemRow() {
    await filter().fill(RULE);
    const row = page.locator('.markers-panel .monaco-list-row[aria-level="2"]').filter({ hasText: RULE }).first();
    await row.waitFor({ state: 'visible', timeout: 10000 });
    return row;
  }

  await test(tests[2], async () => {
    await finding(ctx);
    try {
      const row = await problemRow();
      await row.locator('.marker-code a, a.monaco-link').first().click();
      const l = await readLesson(page);
      await shot(page, 'lesson-view-from-problems-link');
      checkLesson(l, true);
      return 'command:aisec.showLesson link opened the lesson of the finding';
    } finally {
      await page.keyboard.press('Escape');
      await closeLesson(page);
      await filter().fill('').catch(() => {});
    }
  });

  await test(tests[3], async () => {
    await finding(ctx);
    try {
      const row = await problemRow();
      await row.click({ button: 'right' });
      // extensions cannot add to this menu in VS Code 1.100; it lists the quick-fix kinds, so the lesson comes as one
      const item = page.locator('.monaco-menu .action-item').filter({ hasText: `Learn: ${RULE}` }).first();
      const shown = await item.waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false);
      await shot(page, 'lesson-problems-context-menu');
      const labels = await page.locator('.monaco-menu .action-label').allInnerTexts().catch(() => []);
      assert(shown, `no "Learn: ${RULE}" in the context menu: ${labels.join(' | ') || '(no menu)'}`);
      await item.click();
      const l = await readLesson(page);
      checkLesson(l, true);
      return `context menu: ${labels.filter(Boolean).join(' | ')}`;
    } finally {
      await page.keyboard.press('Escape');
      await closeLesson(page);
      await filter().fill('').catch(() => {});
    }
  });
}
