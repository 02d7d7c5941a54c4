/**
 * Lessons over LSP: `aisec/lesson` with "your code", the hover for a client that shows lessons (short, with the
 * lesson link) and in learning mode (whole lesson), the "Learn:" code action after the fixes, and the rule-id
 * link (the lesson for lesson clients, the organisation's policy when configured, OWASP for other editors).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace, writeFile } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';
import type { LessonResponse } from '../../server/src/protocol/lesson';

describe('lsp: lessons', function () {
  this.timeout(30_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('aisec/lesson returns the lesson and, for a finding, your code with the fix preview', async () => {
    const ws = makeWorkspace('ws-basic');
    const c = await new LspClient({ root: ws, configuration: true, initializationOptions: { suppressPrompt: true, lessons: true } }).start();
    try {
      const file = path.join(ws, 'loader.py');
      const pub = await c.open(file);
      const d = pub.diagnostics.find((x) => x.code === 'torch-load-unsafe')!;
      // the rule-id link opens the bundled lesson of this finding
      assert.match(d.codeDescription!.href, /^command:aisec\.showLesson\?/);
      const args = JSON.parse(decodeURIComponent(d.codeDescription!.href.slice('command:aisec.showLesson?'.length)));
      assert.deepStrictEqual(args, ['torch-load-unsafe', { uri: uriOf(file), range: d.range }]);

      const bare = await c.request<LessonResponse>('aisec/lesson', { ruleId: 'torch-load-unsafe' });
      assert.strictEqual(bare.lesson.ruleId, 'torch-load-unsafe');
      assert.ok(bare.lesson.examples.vulnerable && bare.lesson.examples.fixed);
      assert.strictEqual(bare.yourCode, undefined);
      assert.strictEqual(await c.request('aisec/lesson', { ruleId: 'no-such-rule' }), null);

      const r = await c.request<LessonResponse>('aisec/lesson', { ruleId: 'torch-load-unsafe', uri: uriOf(file), range: d.range });
      assert.strictEqual(r.yourCode?.message, d.message);
      assert.match(r.yourCode!.snippet, /return torch\.load\(path, map_location="cpu"\)/);
      assert.strictEqual(r.yourCode!.fix!.hunks.length, 1);
      assert.match(r.yourCode!.fix!.hunks[0].after, /torch\.load\(path, map_location="cpu", weights_only=True\)/);
      assert.ok(!r.yourCode!.fix!.hunks[0].before.includes('weights_only'));

      // hover: message, one-line fix, the short examples, the lesson link; not the whole doc
      const h = await c.hover(file, d.range.start);
      const md = (h!.contents as MarkupContent).value;
      assert.ok(md.includes(String(d.message).replace(/ \(in .*\)$/, '')), md);
      assert.match(md, /\*\*Fix:\*\* Pass `weights_only=True`\./);
      assert.match(md, /Vulnerable:\n```python\n/);
      assert.match(md, /\[Open the lesson\]\(command:aisec\.showLesson\?/);
      assert.ok(!md.includes('Why it matters'), 'the lesson has the long text');
      assert.ok(md.includes('genai.owasp.org'), 'the mapping line stays');

      // Learn: after the real fixes, not a quick fix
      const actions = await c.codeActions(file, d.range, [d]);
      const learn = actions.findIndex((a) => a.title === 'Learn: torch-load-unsafe');
      assert.ok(learn > 0, JSON.stringify(actions.map((a) => a.title)));
      assert.strictEqual(actions[learn].kind, '');
      assert.deepStrictEqual(actions[learn].command, { title: 'Learn: torch-load-unsafe', command: 'aisec.showLesson', arguments: ['torch-load-unsafe', { uri: uriOf(file), range: d.range }] });
      assert.ok(actions.slice(0, learn).every((a) => a.kind === 'quickfix'));
      assert.ok(actions.slice(learn + 1).every((a) => a.kind !== 'quickfix'), 'the lesson comes after the fixes');
      // quick fixes only (the Problems panel's context menu): the lesson last, as a quickfix sub-kind
      const qf = await c.codeActions(file, d.range, [d], ['quickfix']);
      assert.strictEqual(qf[qf.length - 1].title, 'Learn: torch-load-unsafe');
      assert.strictEqual(qf[qf.length - 1].kind, 'quickfix.aisec.lesson');
      assert.strictEqual(qf.filter((a) => a.title.startsWith('Learn:')).length, 1);
      // other kinds (refactorings, source actions): none
      assert.ok(!(await c.codeActions(file, d.range, [d], ['refactor'])).some((a) => a.title.startsWith('Learn:')));
    } finally {
      await c.stop();
    }
  });

  it('learning mode: the hover shows the whole lesson', async () => {
    const ws = makeWorkspace('ws-basic');
    const c = await new LspClient({ root: ws, configuration: true, settings: { learningMode: true }, initializationOptions: { lessons: true } }).start();
    try {
      const file = path.join(ws, 'loader.py');
      const d = (await c.open(file)).diagnostics.find((x) => x.code === 'torch-load-unsafe')!;
      const md = ((await c.hover(file, d.range.start))!.contents as MarkupContent).value;
      for (const s of ['### Lesson: torch-load-unsafe', '**Why it matters.**', '**Vulnerable:**', '**Fixed:**', '**How to fix.**', '**When it is a false positive.**', '[Open the lesson]']) assert.ok(md.includes(s), `${s}\n${md}`);
    } finally {
      await c.stop();
    }
  });

  it('a configured policy link wins over the lesson link; other editors keep the OWASP page and get no Learn action', async () => {
    const ws = makeWorkspace('ws-basic');
    writeFile(ws, '.aisec.yaml', 'policy:\n  url: https://policy.example/ai/{ruleId}\n  notes:\n    torch-load-unsafe: Load checkpoints only from the model registry.\n');
    const lessons = await new LspClient({ root: ws, configuration: true, initializationOptions: { lessons: true } }).start();
    const other = await new LspClient({ root: makeWorkspace('ws-basic'), configuration: true }).start();
    try {
      const file = path.join(ws, 'loader.py');
      const d = (await lessons.open(file)).diagnostics.find((x) => x.code === 'torch-load-unsafe')!;
      assert.strictEqual(d.codeDescription!.href, 'https://policy.example/ai/torch-load-unsafe');
      const r = await lessons.request<LessonResponse>('aisec/lesson', { ruleId: 'torch-load-unsafe', uri: uriOf(file), range: d.range });
      assert.deepStrictEqual(r.lesson.teamNotes, [{ source: 'policy', text: 'Load checkpoints only from the model registry.' }]);
      assert.strictEqual(r.lesson.policy.configured, true);

      const otherFile = path.join(other.opts.root, 'loader.py');
      const o = (await other.open(otherFile, fs.readFileSync(otherFile, 'utf8'))).diagnostics.find((x) => x.code === 'torch-load-unsafe')!;
      assert.match(o.codeDescription!.href, /^https:\/\/genai\.owasp\.org\//);
      assert.ok(!(await other.codeActions(otherFile, o.range, [o])).some((a) => a.title.startsWith('Learn:')));
      const md = ((await other.hover(otherFile, o.range.start))!.contents as MarkupContent).value;
      assert.ok(md.includes('Why it matters') && !md.includes('Open the lesson'), md);
    } finally {
      await lessons.stop();
      await other.stop();
    }
  });
});
