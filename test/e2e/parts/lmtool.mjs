// Agents in code-server (issue 11 item 2, helper "lmtool"): the language-model tool `aisec_check` and the `@aisec` chat
// participant. The browser cannot reach `vscode.lm`, so code-server runs with AISEC_E2E_OUT (test mode) and the part
// runs the extension's self-check command from the Command Palette (client/src/lm/selfCheck.ts): in the extension
// host it lists `vscode.lm.tools`, calls `vscode.lm.invokeTool('aisec_check', ...)` per file and reads
// `vscode.languages.getDiagnostics` of the same file, and calls the `@aisec` handler (no chat model in code-server).
// The part then compares the tool's findings with the Problems panel's rows as the browser shows them.
import fs from 'node:fs';
import path from 'node:path';
import { assert, FILES, FIXES, poll, runCommand, SOURCE } from '../lib.mjs';

const TOOL = 'aisec_check';
const CHECKED = FILES.map((f) => f.file); // every workspace file, the clean one included
const EXPLAIN_RULE = 'torch-load-unsafe';
const FIX = { file: 'lesson/loader.py', ruleId: 'torch-load-unsafe' };

export const tests = [
  `lm tool: ${TOOL} is registered (vscode.lm.tools) with its input schema and tags`,
  ...CHECKED.map((f) => `lm tool: ${TOOL} on ${f} returns the Problems panel's findings (rule ids and ranges)`),
  `lm tool: ${TOOL} on several files, a snippet, a path outside the workspace and invalid input`,
  'chat: @aisec is registered; /explain and /fix answer from the lesson without a chat model',
  'chat: with a chat model, @aisec sends it only the rule doc, the finding and the question; /fix stays deterministic',
];

const key = (k) => `${k.ruleId}@${k.range.join(':')}`;
const keys = (ks) => ks.map(key).sort();

export async function run(ctx) {
  const { page, test, shot, log, extOut, outDir } = ctx;
  let r = null;
  let fatal = '';
  try {
    fs.writeFileSync(path.join(extOut, 'lmtool-request.json'), JSON.stringify({ files: CHECKED, explainRule: `what is ${EXPLAIN_RULE}?`, fix: FIX }));
    fs.rmSync(path.join(extOut, 'lmtool-result.json'), { force: true });
    await runCommand(page, 'AISec: Self-check of the language-model tool');
    const file = path.join(extOut, 'lmtool-result.json');
    r = await poll(() => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null), { timeout: 180000, every: 250 });
    if (r) fs.writeFileSync(path.join(outDir, 'lmtool-result.json'), JSON.stringify(r, null, 2));
    await shot(page, 'lmtool-self-check');
    if (!r) fatal = 'the self-check wrote no result within 180 s';
    else if (r.error) fatal = `the self-check failed: ${r.error}`;
  } catch (e) {
    fatal = `could not run the self-check: ${e.message}`;
  }
  log(`lmtool self-check: ${fatal || 'done'}`);
  // the Problems panel unfiltered (an earlier part may leave its filter box filled), notifications closed
  await page.keyboard.press('Escape');
  const filterBox = page.getByPlaceholder(/^Filter \(e\.g\./).first();
  const leftFilter = await filterBox.inputValue().catch(() => '');
  if (leftFilter) { log(`lmtool: clearing the Problems filter "${leftFilter}"`); await filterBox.fill('').catch(() => {}); }
  await page.locator('.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-close').first().click({ timeout: 1000 }).catch(() => {});

  await test(tests[0], async () => {
    assert(!fatal, fatal);
    assert(r.api.registerTool === 'function' && r.api.tools && r.api.invokeTool === 'function', `lm API: ${JSON.stringify(r.api)}`);
    const t = r.tools.find((x) => x.name === TOOL);
    assert(t, `${TOOL} not in vscode.lm.tools: ${JSON.stringify(r.tools.map((x) => x.name))}`);
    assert(/Problems panel/.test(t.description) && /Read-only and offline/.test(t.description), `description: ${t.description}`);
    assert(t.tags.includes('security'), `tags: ${t.tags}`);
    const props = Object.keys(t.inputSchema?.properties ?? {});
    assert(['files', 'text', 'languageId', 'fileName'].every((p) => props.includes(p)), `input schema: ${JSON.stringify(t.inputSchema)}`);
    return `tags ${t.tags.join(', ')}; input ${props.join(', ')}; prepareInvocation: "${r.prepare?.invocationMessage}"; chat models: ${JSON.stringify(r.models)}`;
  });

  for (const f of CHECKED) {
    await test(`lm tool: ${TOOL} on ${f} returns the Problems panel's findings (rule ids and ranges)`, async () => {
      assert(!fatal, fatal);
      const x = r.files.find((y) => y.file === f);
      assert(x, `no result for ${f}`);
      // the expected rules, less those the core suite's quick fixes removed before this part runs
      const want = FILES.find((y) => y.file === f).codes.filter((c) => !FIXES.some((fx) => fx.file === f && fx.code === c));
      // extension host: the tool's findings = vscode.languages.getDiagnostics(uri) (source aisec), rule ids and ranges
      assert(x.same, `tool and diagnostics differ for ${f}:\ntool:  ${keys(x.tool).join(' ')}\npanel: ${keys(x.panel).join(' ')}\n${x.text}`);
      const ids = new Set(x.tool.map((k) => k.ruleId));
      assert(want.every((c) => ids.has(c)), `the tool misses ${want.filter((c) => !ids.has(c)).join(', ')}:\n${x.text}`);
      if (!want.length) assert(x.tool.length === 0 && /found no problems/.test(x.text), `clean file:\n${x.text}`);
      // browser: the Problems panel's rows of this file (it hides hints) = the tool's non-hint findings, by rule and start
      await ctx.openFile(page, f);
      const shown = (rows) => rows.filter((d) => d.source === SOURCE).map((d) => `${d.code}@${d.line}:${d.column}`).sort();
      const fromTool = x.text.split('\n').filter((l) => / \[(error|warning|info)\] /.test(l)).map((l) => /:(\d+):(\d+)-\d+:\d+ \[\w+\] ([\w./-]+):/.exec(l)).filter(Boolean).map((m) => `${m[3]}@${m[1]}:${m[2]}`).sort();
      const rows = await poll(async () => { const p = shown(await ctx.problems(page, f, true)); return p.join(' ') === fromTool.join(' ') ? p : null; }, { timeout: 15000, every: 200 });
      const last = rows ?? shown(await ctx.problems(page, f, true));
      assert(rows, `Problems panel rows differ from the tool:\npanel: ${last.join(' ')}\ntool:  ${fromTool.join(' ')}`);
      return `${x.tool.length} finding(s) = diagnostics (${x.panel.length}) = panel rows (${last.length}); ${x.ms} ms`;
    });
  }

  await test(tests[tests.length - 3], async () => {
    assert(!fatal, fatal);
    const total = r.files.reduce((n, x) => n + x.tool.length, 0);
    const m = /AISec found (\d+) problem\(s\) in (\d+) file\(s\)/.exec(r.multi);
    assert(m && Number(m[1]) === total && Number(m[2]) === CHECKED.length, `several files: expected ${total} in ${CHECKED.length} files:\n${r.multi}`);
    assert(/\[warning\] torch-load-unsafe: /.test(r.snippet) || /\] torch-load-unsafe: /.test(r.snippet), `snippet:\n${r.snippet}`);
    assert(/outside the workspace/.test(r.outside), `outside path:\n${r.outside}`);
    assert(/invalid input/.test(r.invalid), `invalid input:\n${r.invalid}`);
    return `several files: ${m[1]} findings; snippet: ${r.snippet.split('\n')[0]}`;
  });

  await test(tests[tests.length - 2], async () => {
    assert(!fatal, fatal);
    assert(r.api.createChatParticipant === 'function', `vscode.chat.createChatParticipant: ${r.api.createChatParticipant}`);
    assert(r.participant.registered, 'the participant was not created');
    const e = r.explain;
    assert(e.result?.metadata?.aisec?.answered === 'lesson', `explain answered by: ${JSON.stringify(e.result)}`);
    assert(e.markdown.includes(EXPLAIN_RULE) && /Why it matters/.test(e.markdown) && /weights_only=True/.test(e.markdown), `explain:\n${e.markdown}`);
    assert(e.buttons.some((b) => b.command === 'aisec.showLesson' && b.arguments?.[0] === EXPLAIN_RULE), `explain buttons: ${JSON.stringify(e.buttons)}`);
    const fx = r.fix;
    assert(!fx.error, fx.error);
    assert(/```diff/.test(fx.markdown) && /\+ .*weights_only=True/.test(fx.markdown), `fix:\n${fx.markdown}`);
    const apply = fx.buttons.find((b) => b.command === 'aisec.chat.applyFix');
    assert(apply && apply.arguments?.[0]?.ruleId === FIX.ruleId && /weights_only/i.test(apply.arguments[0].title), `fix buttons: ${JSON.stringify(fx.buttons)}`);
    const a = r.applyFix;
    assert(a && a.applied?.applied === true && a.changed && /torch\.load\(path, map_location="cpu", weights_only=True\)/.test(a.after) && a.reverted, `the "Apply the quick fix" button: ${JSON.stringify(a)}`);
    const c = r.explainAtCursor;
    assert(c.markdown.includes(FIX.file) || c.markdown.includes('loader.py'), `explain at the cursor does not name the finding:\n${c.markdown}`);
    log(`chat view: ${JSON.stringify(r.chatView)}`);
    await shot(page, 'lmtool-chat-view');
    return `chat view: ${r.chatView?.requests?.length ? `@aisec got ${JSON.stringify(r.chatView.requests[0])}` : `opened ${r.chatView?.opened}, no request reached @aisec${r.chatView?.error ? ` (${r.chatView.error})` : ''}`}; explain: ${e.markdown.length} chars, buttons ${e.buttons.map((b) => b.title).join(' | ')}; fix: ${fx.buttons.map((b) => b.title).join(' | ')}; chat view command: ${r.participant.chatOpenCommand.join(',') || 'none'}`;
  });

  await test(tests[tests.length - 1], async () => {
    assert(!fatal, fatal);
    const m = r.explainWithModel;
    assert(m && m.sent.length === 1 && m.sent[0].length === 1, `one request with one message: ${JSON.stringify(m?.sent)}`);
    const msg = m.sent[0][0];
    assert(msg.startsWith('1:You are the AISec assistant. Answer ONLY from the AISec rule documentation'), `the message is a user message with the instructions first:\n${msg.slice(0, 300)}`);
    assert(msg.includes('--- AISec rule documentation ---') && msg.includes('## Why it matters') && msg.includes('--- The finding ---') && msg.endsWith("--- The user's question ---\n\ncan I keep this?"), `message parts:\n${msg}`);
    // nothing else from the workspace: no other file's text (the finding's snippet is loader.py's own lines)
    assert(!/openai|subprocess|OPENAI|sk-proj/.test(msg), `the message carries other workspace content:\n${msg}`);
    assert(m.markdown.startsWith('STAND-IN MODEL ANSWER') && m.result.metadata.aisec.answered === 'model', `answer: ${m.markdown.slice(0, 200)}`);
    const f = r.fixWithModel;
    assert(/STAND-IN MODEL ANSWER/.test(f.markdown) && /```diff/.test(f.markdown) && f.buttons.some((b) => b.command === 'aisec.chat.applyFix'), `fix with a model:\n${f.markdown}`);
    const x = r.explainModelFails;
    assert(/chat model is not available \(no quota \(stand-in\)\)/.test(x.markdown) && /Why it matters/.test(x.markdown) && x.result.metadata.aisec.answered === 'lesson', `failing model:\n${x.markdown}`);
    return `one user message of ${msg.length} chars (doc + finding + question); a failing model falls back to the lesson`;
  });
}
