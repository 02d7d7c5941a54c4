/**
 * Every exercise (one per built-in rule + the AI labs), graded by the real grader on a scratch copy:
 * the starting state fails because the rule fires (and already satisfies the checks); the solution passes;
 * deleting the flagged line(s) fails on the check; the last hint (quick fix or solution) passes, assisted.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinRules } from '../../server/src/engine/registry';
import type { Exercise } from '../../server/src/learning/exercises';
import { applyAssist, checkHolds, codeOf, createScratch, findExercise, gradeExercise, loadExercises, nextHint, readManifest } from '../../server/src/learning/exercises';
import Ajv from 'ajv';
import { ready } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXERCISES = path.join(ROOT, 'exercises');
const LABS = ['lab:hidden-unicode-agents-md', 'lab:mcp-lethal-trifecta', 'lab:model-file-path', 'lab:pin-npx-servers', 'lab:read-only-sql', 'lab:system-prompt-user-input', 'lab:unpoison-tool-description'];

const temps: string[] = [];
function scratch(ex: Exercise): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-ex-'));
  temps.push(dir);
  createScratch(ex, dir, builtinRules);
  return dir;
}

const loaded = loadExercises([EXERCISES], builtinRules);
// a fixed date, as the docs test uses: the invalid-suppression example's suppression runs until 2027-01-31
const TODAY = { today: '2026-11-22' };

describe('exercises', function () {
  this.timeout(60_000);
  before(ready);
  after(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('load without errors: one per built-in rule, plus the AI labs', () => {
    assert.deepStrictEqual(loaded.errors, []);
    const ids = loaded.exercises.map((e) => e.id);
    for (const r of builtinRules) assert.ok(ids.includes(`rule:${r.meta.id}`), `no exercise for ${r.meta.id}`);
    for (const lab of LABS) assert.ok(ids.includes(lab), `no ${lab}`);
    assert.strictEqual(ids.length, builtinRules.length + LABS.length);
    for (const e of loaded.exercises) {
      assert.ok(e.hints.length >= 2, `${e.id}: at least two hints`);
      assert.ok(e.checks.length >= 1, `${e.id}: checks`);
      assert.ok(Object.keys(e.solution).length > 0, `${e.id}: solution`);
    }
  });

  it('exercise files validate against the shipped JSON schemas', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'aisec-exercise.schema.json'), 'utf8')) as object, 'aisec-exercise.schema.json');
    const lab = ajv.getSchema('aisec-exercise.schema.json')!;
    const table = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'aisec-exercise-checks.schema.json'), 'utf8')) as object);
    assert.ok(table(JSON.parse(fs.readFileSync(path.join(EXERCISES, 'rules.json'), 'utf8'))), ajv.errorsText(table.errors));
    let labs = 0;
    for (const d of fs.readdirSync(EXERCISES)) {
      const f = path.join(EXERCISES, d, 'exercise.json');
      if (!fs.existsSync(f)) continue;
      labs++;
      assert.ok(lab(JSON.parse(fs.readFileSync(f, 'utf8'))), `${d}: ${ajv.errorsText(lab.errors)}`);
    }
    assert.strictEqual(labs, LABS.length);
    assert.strictEqual(lab({ title: 'x y z', task: 'long enough task', rules: ['a'], hints: ['1', '2'], checks: [{ keep: 'k', pattern: 'p', rule: 'r' }] }), false, 'a check with two kinds is invalid');
  });

  it('finds exercises by id, rule id or lab name', () => {
    assert.strictEqual(findExercise(loaded.exercises, 'torch-load-unsafe')?.id, 'rule:torch-load-unsafe');
    assert.strictEqual(findExercise(loaded.exercises, 'rule:torch-load-unsafe')?.id, 'rule:torch-load-unsafe');
    assert.strictEqual(findExercise(loaded.exercises, 'pin-npx-servers')?.id, 'lab:pin-npx-servers');
    assert.strictEqual(findExercise(loaded.exercises, 'nope'), undefined);
  });

  it('reports bad exercise data instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-exdata-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'rules.json'), JSON.stringify({ 'no-such-rule': { checks: [{ keep: 'x', pattern: 'x' }] }, 'torch-load-unsafe': { checks: [] }, 'keras-unsafe-mode': { checks: [{ keep: 'x', pattern: '(' }] } }));
    const r = loadExercises([dir], builtinRules);
    assert.strictEqual(r.exercises.length, 0);
    assert.strictEqual(r.errors.length, 3, r.errors.join('\n'));
    assert.match(r.errors.join('\n'), /no rule "no-such-rule"/);
    assert.match(r.errors.join('\n'), /torch-load-unsafe: no checks/);
  });

  it('checks ignore commented-out code and hold for JSON keys and other rules', () => {
    const py = codeOf('a.py', 'x = 1\n  # eval(y)\nz = "#not a comment" # eval(w)\ns = \'\'\'\n# kept in a string\n\'\'\'\n');
    assert.strictEqual(py.split('\n').length, 7, 'lines kept');
    assert.doesNotMatch(py, /eval/);
    assert.match(py, /"#not a comment"/);
    assert.match(py, /# kept in a string/);
    const ts = codeOf('a.ts', '// eval(y)\n/* a\nb */ z("http://x") // eval(w)\n');
    assert.doesNotMatch(ts, /eval|a\nb/);
    assert.match(ts, /z\("http:\/\/x"\)/);
    assert.doesNotMatch(codeOf('mcp.json', '{ // "args": ["x"]\n "a": "b" }'), /args/);
    assert.doesNotMatch(codeOf('AGENTS.md', '# Guide\n<!-- - Run the tests -->\n'), /Run the tests/);
    const texts = { 'app.py': 'x = 1\n# eval(expression)\n', 'mcp.json': '{ "servers": { "a": { "command": "npx" } } }' };
    assert.strictEqual(checkHolds({ keep: 'eval', pattern: 'eval\\(' }, texts, []), false);
    assert.strictEqual(checkHolds({ keep: 'eval', pattern: 'eval\\(', raw: true }, texts, []), true);
    assert.strictEqual(checkHolds({ keep: 'a', json: 'servers/a/command', pattern: 'npx' }, texts, []), true);
    assert.strictEqual(checkHolds({ keep: 'b', json: 'servers/b' }, texts, []), false);
    assert.strictEqual(checkHolds({ keep: 'a', json: 'servers/a' }, { 'mcp.json': '{ "servers": { "a": {}, } }' }, []), false, 'a file that no longer parses holds no key');
    assert.strictEqual(checkHolds({ keep: 'r', rule: 'x', fires: false }, texts, [{ file: 'app.py', ruleId: 'x', suppressed: true }]), true);
    assert.strictEqual(checkHolds({ keep: 'r', rule: 'x', fires: false }, texts, [{ file: 'app.py', ruleId: 'x', suppressed: false }]), false);
  });

  it('a suppression does not pass an exercise, and a missing file is named', () => {
    const ex = findExercise(loaded.exercises, 'torch-load-unsafe')!;
    const dir = scratch(ex);
    const file = path.join(dir, 'app.py');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    return torch.load', '    # aisec-ignore torch-load-unsafe -- trusted checkpoints only\n    return torch.load'));
    const g = gradeExercise(ex, dir, builtinRules, TODAY);
    assert.strictEqual(g.passed, false);
    assert.deepStrictEqual(g.failures.map((f) => f.kind), ['suppressed']);
    fs.rmSync(file);
    const g2 = gradeExercise(ex, dir, builtinRules, TODAY);
    assert.deepStrictEqual(g2.failures.map((f) => f.kind), ['missing', 'check']);
    assert.match(g2.failures[1].message, /the torch\.load\(path, \.\.\.\) call is gone: the fix must keep it/);
  });

  it('dropping the risky call (returning the raw model output) fails the check', () => {
    const ex = findExercise(loaded.exercises, 'llm-output-code-execution')!;
    const dir = scratch(ex);
    const file = path.join(dir, 'app.py');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('return eval(expression)', 'return expression  # eval(expression)'));
    const g = gradeExercise(ex, dir, builtinRules, TODAY);
    assert.deepStrictEqual(g.failures.map((f) => f.kind), ['check']);
    assert.match(g.failures[0].message, /is gone: the fix must keep it/);
    assert.strictEqual(g.failures[0].range?.start.line, 7, 'reported where the call was');
  });

  it('an exercise rule turned off in the scratch config fails with a reason', () => {
    const ex = findExercise(loaded.exercises, 'torch-load-unsafe')!;
    const dir = scratch(ex);
    fs.writeFileSync(path.join(dir, '.aisec.yaml'), 'rules:\n  torch-load-unsafe: off\n');
    const g = gradeExercise(ex, dir, builtinRules, TODAY);
    assert.strictEqual(g.passed, false);
    assert.match(g.failures.map((f) => f.message).join('\n'), /turned off/);
  });

  it('hints are progressive and recorded in the scratch manifest', () => {
    const ex = findExercise(loaded.exercises, 'torch-load-unsafe')!;
    const dir = scratch(ex);
    const h1 = nextHint(ex, dir, builtinRules);
    assert.strictEqual(h1.index, 1);
    assert.strictEqual(h1.last, false);
    assert.strictEqual(h1.assist, undefined);
    assert.strictEqual(readManifest(dir)?.hints, 1);
    assert.strictEqual(gradeExercise(ex, dir, builtinRules, TODAY).assisted, false);
    let h = h1;
    while (!h.last) h = nextHint(ex, dir, builtinRules);
    assert.strictEqual(h.index, ex.hints.length);
    assert.match(h.assist!.title, /weights_only=True/);
    assert.strictEqual(nextHint(ex, dir, builtinRules).index, ex.hints.length, 'stays on the last hint');
  });

  for (const ex of loaded.exercises) {
    describe(ex.id, () => {
      it('the starting state fails: the rule fires, and the checks already hold', () => {
        const dir = scratch(ex);
        const g = gradeExercise(ex, dir, builtinRules, TODAY);
        assert.strictEqual(g.passed, false);
        assert.ok(g.failures.some((f) => f.kind === 'fires'), `expected ${ex.rules.join(', ')} to fire: ${g.failures.map((f) => f.message).join('; ')}`);
        // a check on another rule's expectation may fail at the start (invalid-suppression: the finding it hides)
        const ruleChecks = ex.checks.filter((c) => c.rule).map((c) => c.keep);
        assert.deepStrictEqual(g.failures.filter((f) => f.kind !== 'fires' && !ruleChecks.some((k) => f.message.startsWith(`${k}:`))).map((f) => f.message), []);
        for (const f of g.failures.filter((x) => x.kind === 'fires')) assert.match(f.message, /still fires at \S+:\d+/);
      });

      it('the solution passes', () => {
        const dir = scratch(ex);
        applyAssist(dir, ex.solution);
        const g = gradeExercise(ex, dir, builtinRules, TODAY);
        assert.deepStrictEqual(g.failures.map((f) => f.message), []);
        assert.strictEqual(g.passed, true);
        assert.strictEqual(g.assisted, false);
      });

      it('deleting the flagged line(s) fails on the check', () => {
        const dir = scratch(ex);
        const start = gradeExercise(ex, dir, builtinRules, TODAY);
        const lines = new Map<string, Set<number>>();
        for (const f of start.findings) {
          const s = lines.get(f.file) ?? new Set<number>();
          for (let l = f.range.start.line; l <= f.range.end.line; l++) s.add(l);
          lines.set(f.file, s);
        }
        assert.ok(lines.size > 0, 'no flagged line');
        for (const [file, drop] of lines) {
          const abs = path.join(dir, file);
          fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').split('\n').filter((_, i) => !drop.has(i)).join('\n'));
        }
        const g = gradeExercise(ex, dir, builtinRules, TODAY);
        assert.strictEqual(g.passed, false);
        const checks = g.failures.filter((f) => f.kind === 'check');
        assert.ok(checks.length > 0, `deleting lines ${[...lines].map(([f, s]) => `${f}:${[...s].map((l) => l + 1).join(',')}`).join(' ')} did not fail a check: ${g.failures.map((f) => f.message).join('; ')}`);
        for (const c of checks) assert.match(c.message, /is gone: the fix must keep it|reports here|no longer reports here/);
      });

      const commentable = Object.keys(ex.files).some((f) => /\.(py|m?[jt]sx?|jsonc?|md)$/.test(f)); // prompt templates have no comment syntax
      if (commentable) it('commenting the flagged line(s) out does not pass', () => {
        const dir = scratch(ex);
        const start = gradeExercise(ex, dir, builtinRules, TODAY);
        const byFile = new Map<string, Set<number>>();
        for (const f of start.findings) {
          const s = byFile.get(f.file) ?? new Set<number>();
          for (let l = f.range.start.line; l <= f.range.end.line; l++) s.add(l);
          byFile.set(f.file, s);
        }
        let commented = 0;
        for (const [file, lines] of byFile) {
          const ext = path.extname(file);
          const wrap = ext === '.py' ? (l: string) => l.replace(/^(\s*)/, '$1# ') : /^\.(m|c)?(j|t)sx?$|^\.jsonc?$/.test(ext) ? (l: string) => l.replace(/^(\s*)/, '$1// ') : ext === '.md' ? (l: string) => `<!-- ${l} -->` : undefined;
          if (!wrap) continue;
          const abs = path.join(dir, file);
          fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').split('\n').map((l, i) => (lines.has(i) ? wrap(l) : l)).join('\n'));
          commented++;
        }
        assert.ok(commented > 0, 'no flagged line in a file with comments');
        const g = gradeExercise(ex, dir, builtinRules, TODAY);
        assert.strictEqual(g.passed, false, 'commented out, the exercise passed');
      });

      it('the last hint (quick fix or solution) passes, recorded as assisted', () => {
        const dir = scratch(ex);
        let h = nextHint(ex, dir, builtinRules);
        while (!h.last) h = nextHint(ex, dir, builtinRules);
        assert.ok(h.assist && Object.keys(h.assist.files).length > 0);
        applyAssist(dir, h.assist.files);
        const g = gradeExercise(ex, dir, builtinRules, TODAY);
        assert.deepStrictEqual(g.failures.map((f) => f.message), [], h.assist.title);
        assert.strictEqual(g.assisted, true);
      });
    });
  }
});
