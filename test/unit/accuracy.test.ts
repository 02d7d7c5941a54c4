/** The accuracy harness's label matching and scoring (bench/accuracy): keys survive line shifts, counts add up. */
import * as assert from 'assert';
import type { CorpusFinding, Label } from '../../bench/accuracy/labels';
import { hashLine, keyFindings, labelKey, parseLabels, precision, scorePrecision, treeOf } from '../../bench/accuracy/labels';
import { findsExpected, parseCase, scoreCase, scoreRecall } from '../../bench/accuracy/recall';

function finding(over: Partial<CorpusFinding>): CorpusFinding {
  return { path: 'repos/app/src/a.py', tree: 'repos/app', rule: 'r1', severity: 'error', role: 'product', line: 10, column: 1, source: 'exec(code)', message: 'm', ...over };
}

function label(f: { path: string; rule: string; source: string; occurrence?: number }, value: boolean): Label {
  return { path: f.path, rule: f.rule, hash: hashLine(f.source), occurrence: f.occurrence ?? 0, label: value, reason: 'because' };
}

describe('accuracy harness: labels', () => {
  it('keys a finding by path, rule, line text and occurrence, not by line number', () => {
    const [a] = keyFindings([finding({ line: 10 })]);
    const [b] = keyFindings([finding({ line: 42, source: '  exec(code)  ' })]);
    assert.strictEqual(a.key, b.key);
    assert.strictEqual(hashLine('exec(  code)'), hashLine('exec( code)'));
    assert.notStrictEqual(hashLine('exec(code)'), hashLine('eval(code)'));
  });

  it('numbers identical lines of one rule in file order', () => {
    const keyed = keyFindings([finding({ line: 30 }), finding({ line: 5 }), finding({ line: 5, rule: 'r2' })]);
    const r1 = keyed.filter((k) => k.rule === 'r1');
    assert.deepStrictEqual(r1.map((k) => [k.line, k.occurrence]), [[5, 0], [30, 1]]);
    assert.strictEqual(keyed.find((k) => k.rule === 'r2')!.occurrence, 0);
  });

  it('parses JSON lines, skips comments and rejects labels without a reason', () => {
    const ok = parseLabels('// comment\n\n{"path":"repos/a/x.py","rule":"r1","hash":"abc","occurrence":1,"label":true,"reason":"real"}\n');
    assert.strictEqual(ok.length, 1);
    assert.strictEqual(labelKey(ok[0]), 'repos/a/x.py|r1|abc|1');
    assert.throws(() => parseLabels('{"path":"p","rule":"r","hash":"h","label":false}'), /reason/);
    assert.throws(() => parseLabels('{nope'), /labels:1/);
  });

  it('scores precision by rule, role and severity; lists unlabelled findings and vanished labels', () => {
    const fs = [
      finding({ line: 1, source: 'a()' }),
      finding({ line: 2, source: 'b()' }),
      finding({ line: 3, source: 'c()', role: 'test', severity: 'warning', rule: 'r2' }),
      finding({ line: 4, source: 'd()' }),
    ];
    const labels = [
      label(fs[0], true),
      label(fs[1], false),
      label(fs[2], false),
      label({ path: 'repos/app/src/gone.py', rule: 'r1', source: 'x()' }, true),
      label({ path: 'npm/pkg/index.js', rule: 'r1', source: 'y()' }, false),
    ];
    const rep = scorePrecision(keyFindings(fs), labels, new Set(['repos/app']));
    assert.deepStrictEqual(rep.overall, { total: 4, tp: 1, fp: 2, unlabelled: 1 });
    assert.strictEqual(precision(rep.overall), 1 / 3);
    assert.deepStrictEqual(rep.byRule.get('r1'), { total: 3, tp: 1, fp: 1, unlabelled: 1 });
    assert.deepStrictEqual(rep.errorsByRule.get('r1'), { total: 3, tp: 1, fp: 1, unlabelled: 1 });
    assert.strictEqual(rep.errorsByRule.has('r2'), false);
    assert.deepStrictEqual(rep.byRole.get('test'), { total: 1, tp: 0, fp: 1, unlabelled: 0 });
    assert.deepStrictEqual(rep.unlabelled.map((f) => f.source), ['d()']);
    assert.deepStrictEqual(rep.disappeared.map((l) => l.path), ['repos/app/src/gone.py']);
    assert.strictEqual(rep.notScanned, 1);
    assert.strictEqual(treeOf('npm/@scope__x/src/a.ts'), 'npm/@scope__x');
    assert.strictEqual(precision({ total: 0, tp: 0, fp: 0, unlabelled: 0 }), undefined);
  });
});

describe('accuracy harness: recall', () => {
  const owasp = new Map<string, readonly string[]>([['exec-rule', ['LLM05']], ['other', ['LLM02']]]);
  const c = parseCase(
    [
      'id: demo',
      'advisory: CVE-0000-0001',
      'expected:',
      '  - { file: a.py, lines: 10-12, rules: [exec-rule], owasp: LLM05, kind: code, pattern: 2, note: x }',
      '  - { file: a.py, line: 20, owasp: LLM02, kind: code }',
      '  - { file: p.md, line: 3, owasp: LLM06, kind: prompt, pattern: 7 }',
      'also:',
      '  - { file: a.py, line: 30, rules: [other], reason: second issue }',
    ].join('\n'),
    'fallback',
  );

  it('parses a case with defaults for the trees', () => {
    assert.strictEqual(c.id, 'demo');
    assert.strictEqual(c.vulnerable, 'vulnerable');
    assert.strictEqual(c.safe, 'safe');
    assert.deepStrictEqual([c.expected[0].start, c.expected[0].end], [10, 12]);
    assert.throws(() => parseCase('expected:\n  - { file: a.py, line: 1, owasp: LLM11, kind: code }', 'bad'), /owasp/);
    assert.throws(() => parseCase('expected:\n  - { file: a.py, line: 1, owasp: LLM01, kind: other }', 'bad'), /kind/);
  });

  it('matches by file, overlapping lines and rule (or any rule of the category)', () => {
    const f = (file: string, rule: string, startLine: number, endLine = startLine) => ({ file, rule, startLine, endLine, severity: 'error' });
    assert.ok(findsExpected(c.expected[0], f('a.py', 'exec-rule', 11), owasp));
    assert.ok(findsExpected(c.expected[0], f('a.py', 'exec-rule', 8, 10), owasp));
    assert.ok(!findsExpected(c.expected[0], f('a.py', 'other', 11), owasp));
    assert.ok(!findsExpected(c.expected[0], f('b.py', 'exec-rule', 11), owasp));
    assert.ok(!findsExpected(c.expected[0], f('a.py', 'exec-rule', 13), owasp));
    assert.ok(findsExpected(c.expected[1], f('a.py', 'other', 20), owasp));
    assert.ok(!findsExpected(c.expected[1], f('a.py', 'exec-rule', 20), owasp));
  });

  it('scores recall by category, kind and pattern, and precision with safe neighbours', () => {
    const f = (file: string, rule: string, line: number) => ({ file, rule, startLine: line, endLine: line, severity: 'error' });
    const res = scoreCase(c, [f('a.py', 'exec-rule', 11), f('a.py', 'other', 30), f('a.py', 'other', 40)], [f('a.py', 'exec-rule', 11)], owasp);
    assert.deepStrictEqual(res.found, [true, false, false]);
    const missing = scoreCase({ ...c, id: 'gone' }, undefined, [], owasp);
    const r = scoreRecall([res, missing]);
    assert.deepStrictEqual(r.overall, { found: 1, total: 3 });
    assert.deepStrictEqual(r.byCategory.get('LLM05'), { found: 1, total: 1 });
    assert.deepStrictEqual(r.byKind.get('prompt'), { found: 0, total: 1 });
    assert.deepStrictEqual(r.byPattern.get(7), { found: 0, total: 1 });
    // true: the expected hit and the `also` finding; false: the stray finding and the safe neighbour's
    assert.deepStrictEqual(r.precision, { total: 4, tp: 2, fp: 2, unlabelled: 0 });
    assert.deepStrictEqual(r.missingCases, ['gone']);
  });
});
