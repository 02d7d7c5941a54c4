/**
 * The editor's budgets (issue 10): settings parsing (debounce, per-document limits), the limits reported as
 * analysis-incomplete by the engine (skip before parsing, stop between rules), and the Python mirror's depth cut
 * skipped on shallow trees with the same result as the full walk.
 */
import * as assert from 'assert';
import { parsePython } from '../../server/src/analyzers/python/parser';
import { mirrorTree, pruneBelow } from '../../server/src/analyzers/python/tree';
import type { PyNode } from '../../server/src/analyzers/python/tree';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import { deadline, editorLimitsOf, MAX_DEBOUNCE_MS, normalizeSettings, overLimit } from '../../server/src/lsp/settings';
import { DEFAULT_EDITOR_LIMITS, DEFAULT_SETTINGS, SERVER_NODE_FLAGS } from '../../server/src/protocol';
import { cancelIdleCollect, collectNow, collectWhenIdle, idleCollectAvailable } from '../../server/src/lsp/idleGc';
import { allRulesConfig, ready } from '../helpers/engine';

describe('editor settings', () => {
  it('debounceMs: numbers and numeric strings are taken (rounded, clamped); anything else is the default', () => {
    const d = (v: unknown) => normalizeSettings({ debounceMs: v }).debounceMs;
    assert.strictEqual(d(0), 0);
    assert.strictEqual(d(150), 150);
    assert.strictEqual(d(150.6), 151);
    assert.strictEqual(d('75'), 75);
    assert.strictEqual(d(' 40 '), 40);
    assert.strictEqual(d(-5), 0);
    assert.strictEqual(d(1e9), MAX_DEBOUNCE_MS);
    for (const bad of [undefined, null, 'fast', '', NaN, Infinity, {}, [], true, '12ms']) assert.strictEqual(d(bad), DEFAULT_SETTINGS.debounceMs, JSON.stringify(bad));
  });

  it('missing or broken settings fall back field by field; unknown fields are kept', () => {
    assert.deepStrictEqual(normalizeSettings(null), { ...DEFAULT_SETTINGS, editorLimits: DEFAULT_EDITOR_LIMITS });
    assert.deepStrictEqual(normalizeSettings('x'), { ...DEFAULT_SETTINGS, editorLimits: DEFAULT_EDITOR_LIMITS });
    const s = normalizeSettings({ enable: 'yes', run: 'sometimes', configPath: 3, baseline: 'b.json', learningMode: true, future: 1 });
    assert.strictEqual(s.enable, true);
    assert.strictEqual(s.run, 'onType');
    assert.strictEqual(s.configPath, '');
    assert.strictEqual(s.baseline, 'b.json');
    assert.strictEqual(s.learningMode, true);
    assert.strictEqual((s as unknown as { future: number }).future, 1);
    assert.strictEqual(normalizeSettings({ run: 'onSave' }).run, 'onSave');
  });

  it('editorLimits: each limit parsed on its own, 0 turns one off, defaults otherwise', () => {
    assert.deepStrictEqual(editorLimitsOf(undefined), DEFAULT_EDITOR_LIMITS);
    assert.deepStrictEqual(editorLimitsOf({ maxLines: '500', maxFileSizeKb: -1, maxAnalysisMs: 'soon' }), { maxFileSizeKb: 0, maxLines: 500, maxAnalysisMs: DEFAULT_EDITOR_LIMITS.maxAnalysisMs });
    assert.deepStrictEqual(normalizeSettings({ editorLimits: { maxAnalysisMs: 0 } }).editorLimits, { ...DEFAULT_EDITOR_LIMITS, maxAnalysisMs: 0 });
  });

  it('overLimit: size, then lines (the whole count in the message); 0 is no limit', () => {
    const limits = { maxFileSizeKb: 1, maxLines: 3, maxAnalysisMs: 0 };
    assert.strictEqual(overLimit('a\nb\nc', limits), undefined);
    assert.match(overLimit('a\nb\nc\nd\ne', limits)!, /has 5 lines, above the editor's limit of 3 .*aisec\.editorLimits\.maxLines/);
    assert.match(overLimit('x'.repeat(3000), limits)!, /is 3 KB, above the editor's limit of 1 KB .*aisec\.editorLimits\.maxFileSizeKb/);
    assert.strictEqual(overLimit('x\n'.repeat(5000), { maxFileSizeKb: 0, maxLines: 0, maxAnalysisMs: 0 }), undefined);
  });

  it('deadline: a stop reason once the clock passed the limit, none without a limit', () => {
    let now = 100;
    const stop = deadline({ ...DEFAULT_EDITOR_LIMITS, maxAnalysisMs: 50 }, () => now)!;
    assert.strictEqual(stop(), undefined);
    now = 150;
    assert.strictEqual(stop(), undefined);
    now = 151;
    assert.match(stop()!, /time limit of 50 ms \(CPU\) per analysis .*aisec\.editorLimits\.maxAnalysisMs/);
    assert.strictEqual(deadline({ ...DEFAULT_EDITOR_LIMITS, maxAnalysisMs: 0 }), undefined);
  });

  it('deadline on the CPU clock: none before the limit, a stop reason once the process used more CPU than that', () => {
    const stop = deadline({ ...DEFAULT_EDITOR_LIMITS, maxAnalysisMs: 1 })!;
    assert.strictEqual(typeof stop, 'function');
    // spin until the process used 1 ms of CPU time (whatever the wall clock says)
    const c0 = process.cpuUsage();
    while ((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000 < 5);
    assert.match(stop()!, /time limit of 1 ms \(CPU\)/);
    assert.strictEqual(deadline({ ...DEFAULT_EDITOR_LIMITS, maxAnalysisMs: 60_000 })!(), undefined);
  });
});

describe('idle collection (server/src/lsp/idleGc.ts)', () => {
  const g = globalThis as { gc?: unknown };
  const saved = g.gc;
  afterEach(() => {
    cancelIdleCollect();
    g.gc = saved;
  });

  it('the server runs with --expose-gc; without it (CLI, tests) nothing is collected', () => {
    assert.ok(SERVER_NODE_FLAGS.includes('--expose-gc'));
    g.gc = undefined;
    assert.strictEqual(idleCollectAvailable(), false);
    assert.strictEqual(collectNow(), false);
    collectWhenIdle();
  });

  it('collects the young generation only, once after a burst of analyses, not while an analysis starts', async () => {
    const calls: unknown[] = [];
    g.gc = (o?: unknown) => calls.push(o);
    assert.strictEqual(idleCollectAvailable(), true);
    assert.strictEqual(collectNow(), true);
    assert.deepStrictEqual(calls, [{ type: 'minor' }]);
    calls.length = 0;
    collectWhenIdle();
    collectWhenIdle();
    collectWhenIdle();
    await new Promise((r) => setTimeout(r, 80));
    assert.deepStrictEqual(calls, [{ type: 'minor' }]);
    calls.length = 0;
    collectWhenIdle();
    cancelIdleCollect();
    await new Promise((r) => setTimeout(r, 80));
    assert.deepStrictEqual(calls, []);
  });
});

describe('editor limits in the engine', () => {
  before(ready);
  const text = 'import torch\n\n\ndef load(path):\n    return torch.load(path)\n';

  it('skip: nothing is analysed, the reason is an analysis-incomplete finding (whatever the file role)', () => {
    for (const path of ['app/loader.py', 'tests/test_loader.py', 'dist/loader.py']) {
      const r = analyze({ path, text, skip: 'the document has 5 lines, above the limit' }, allRulesConfig(), builtinRules);
      assert.deepStrictEqual(r.findings.map((f) => f.ruleId), ['analysis-incomplete'], path);
      assert.match(r.findings[0].message, /not analysed: the document has 5 lines, above the limit; the whole file not checked/);
      assert.ok(r.findings[0].fingerprint);
    }
    assert.deepStrictEqual(analyze({ path: 'app/loader.py', text }, allRulesConfig(), builtinRules).findings.map((f) => f.ruleId), ['torch-load-unsafe']);
  });

  it('stop: the rules before the stop report, the rest are named in an analysis-incomplete finding', () => {
    const config = allRulesConfig();
    const order = builtinRules.map((r) => r.meta.id);
    const at = order.indexOf('torch-load-unsafe');
    // stop right after torch-load-unsafe: it reported; every later rule is listed as not checked
    let calls = 0;
    const r = analyze({ path: 'app/loader.py', text, stop: () => (calls++ > at ? 'the time limit was reached' : undefined) }, config, builtinRules);
    const ids = r.findings.map((f) => f.ruleId).sort();
    assert.ok(ids.includes('torch-load-unsafe'), ids.join());
    const inc = r.findings.find((f) => f.ruleId === 'analysis-incomplete');
    assert.ok(inc, 'the stop is reported');
    assert.match(inc!.message, /stopped: the time limit was reached; .*not checked/);
    // stopped before the first rule: only the report
    const none = analyze({ path: 'app/loader.py', text, stop: () => 'the time limit was reached' }, config, builtinRules);
    assert.deepStrictEqual(none.findings.map((f) => f.ruleId), ['analysis-incomplete']);
    assert.match(none.findings[0].message, /and \d+ more rule\(s\) not checked/);
    // never stopped: the same findings as without the callback
    const plain = analyze({ path: 'app/loader.py', text }, config, builtinRules);
    const never = analyze({ path: 'app/loader.py', text, stop: () => undefined }, config, builtinRules);
    assert.deepStrictEqual(never.findings, plain.findings);
  });
});

describe('Python mirror: the depth cut on measured trees', () => {
  before(ready);
  const shape = (n: PyNode): string => `(${n.type} ${n.startIndex} ${n.endIndex} ${n.lastId}${n.children.map(shape).join('')})`;

  it('a shallow tree is left whole without a walk, a deep one is cut as by the full walk (direct mirror and cursor mirror)', () => {
    const shallow = 'def f(x):\n    return [x, (x + 1) * 2]\n';
    const deep = `x = ${'['.repeat(60)}1${']'.repeat(60)}\n`;
    for (const text of [shallow, deep]) {
      for (const max of [3, 10, 400]) {
        const tree = parsePython(text)!;
        try {
          // the cursor mirror measures no depth: pruneBelow walks it (the reference)
          const a = mirrorTree(tree, text, true);
          const b = mirrorTree(tree, text, false);
          const cutA = pruneBelow(a, max).map((n) => n.id);
          const cutB = pruneBelow(b, max).map((n) => n.id);
          assert.deepStrictEqual(cutA, cutB, `${max}`);
          assert.strictEqual(shape(a), shape(b));
          assert.strictEqual(a.descendantsOfType('integer').length, b.descendantsOfType('integer').length);
        } finally {
          tree.delete();
        }
      }
    }
  });
});
