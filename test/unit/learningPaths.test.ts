/** Team learning paths: the `learning:` config/pack section (validation, pack-qualified merge) and the pure progress logic. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { builtinRules } from '../../server/src/engine/registry';
import { isIsoDate } from '../../server/src/learning/paths';
import { emptyProgress, exportProgress, learnerFileName, mergeProgress, moduleStatus, normalizeProgress, parseExportedProgress, pathStatus, withExercise, withLesson } from '../../server/src/learning/progress';
import type { LearningModule } from '../../server/src/learning/paths';
import { loadConfigFile, loadConfigFor } from '../../server/src/packs/config';

const ROOT = path.resolve(__dirname, '..', '..', '..');
let tmp: string;
function write(rel: string, text: string): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}
const load = (rel: string, text: string) => loadConfigFile(write(rel, text), builtinRules);
const msgs = (errors: { line: number; message: string }[]) => errors.map((e) => `${e.line}: ${e.message}`).sort((a, b) => parseInt(a) - parseInt(b));

function configSchemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/aisec-config.schema.json'), 'utf8')) as object);
}

describe('unit: learning paths (config)', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-learning-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('parses paths and modules into the effective config (required defaults to true)', () => {
    const r = load('.aisec.yaml', [
      'learning:',
      '  paths:',
      '    - id: onboarding',
      '      title: AI security onboarding',
      '      description: For new joiners',
      '      modules:',
      '        - id: prompts',
      '          title: Keep user input out of system prompts',
      '          rules: [untrusted-input-in-system-prompt, hidden-unicode-characters]',
      '          exercises: [rule:untrusted-input-in-system-prompt, lab:system-prompt-user-input]',
      '          notes: Read the prompt guidelines first.',
      '          due: 2027-03-31',
      '        - id: mcp',
      '          title: MCP configs',
      '          exercises: lab:pin-npx-servers',
      '          required: false',
      '',
    ].join('\n'));
    assert.deepStrictEqual(msgs(r.errors), []);
    assert.deepStrictEqual(msgs(r.warnings), []);
    assert.deepStrictEqual(r.config.learning, {
      paths: [
        {
          id: 'onboarding',
          title: 'AI security onboarding',
          description: 'For new joiners',
          modules: [
            { id: 'prompts', title: 'Keep user input out of system prompts', rules: ['untrusted-input-in-system-prompt', 'hidden-unicode-characters'], exercises: ['rule:untrusted-input-in-system-prompt', 'lab:system-prompt-user-input'], notes: 'Read the prompt guidelines first.', due: '2027-03-31', required: true },
            { id: 'mcp', title: 'MCP configs', rules: [], exercises: ['lab:pin-npx-servers'], required: false },
          ],
        },
      ],
    });
  });

  it('a config without learning has no learning key (the effective config is unchanged)', () => {
    const r = load('.aisec.yaml', 'rules:\n  torch-load-unsafe: error\n');
    assert.strictEqual(r.config.learning, undefined);
  });

  it('bad dates, bad exercise ids, duplicates and unknown keys are errors at their line; valid modules are kept', () => {
    const r = load('.aisec.yaml', [
      'learning:',
      '  paths:',
      '    - id: p',
      '      modules:',
      '        - id: a',
      '          due: 2027-02-30',
      '        - id: b',
      '          due: "31/12/2027"',
      '        - id: c',
      '          exercises: [exercise-1]',
      '        - id: a',
      '        - id: d',
      '          colour: red',
      '          required: maybe',
      '    - id: p',
      '      modules: []',
      '    - title: no id',
      '      modules: []',
      '  teams: []',
      '',
    ].join('\n'));
    assert.deepStrictEqual(msgs(r.errors), [
      '6: learning path "p", module "a": due must be a date written YYYY-MM-DD (got "2027-02-30")',
      '8: learning path "p", module "b": due must be a date written YYYY-MM-DD (got "31/12/2027")',
      '10: learning path "p", module "c": exercise "exercise-1" must be rule:<rule-id> or lab:<name>',
      '11: learning path "p": duplicate module id "a"',
      '13: unknown key "colour" in a learning module (expected id, title, rules, exercises, notes, due, required)',
      '14: learning path "p", module "d": required must be true or false',
      '15: duplicate learning path id "p"',
      '17: a learning path needs an id (letters, digits, ".", "_" or "-")',
      '19: unknown key "teams" in learning (expected paths)',
    ]);
    assert.deepStrictEqual(r.config.learning?.paths.map((p) => [p.id, p.modules.map((m) => m.id)]), [['p', ['a', 'b', 'c', 'd']]]);
    assert.strictEqual(r.config.learning?.paths[0].modules[0].due, undefined);
  });

  it('unknown rule ids (in rules and in rule: exercises) are warnings at their line, not errors', () => {
    const r = load('.aisec.yaml', ['learning:', '  paths:', '    - id: p', '      modules:', '        - id: m', '          rules: [torch-load-unsafe, no-such-rule]', '          exercises:', '            - rule:not-a-rule', '            - lab:anything', ''].join('\n'));
    assert.deepStrictEqual(msgs(r.errors), []);
    assert.deepStrictEqual(msgs(r.warnings), ['6: learning path "p", module "m": unknown rule "no-such-rule"', '8: learning path "p", module "m": exercise "rule:not-a-rule" names an unknown rule']);
    assert.deepStrictEqual(r.config.learning?.paths[0].modules[0].rules, ['torch-load-unsafe', 'no-such-rule']);
  });

  it('a pack rule id defined in the same pack is known', () => {
    const r = load('team.aisec-pack.yaml', [
      'name: acme',
      'definitions:',
      '  - { id: acme-no-eval, message: no eval, regex: "eval\\(" }',
      'learning:',
      '  paths: [{ id: p, modules: [{ id: m, rules: [acme-no-eval], exercises: [rule:acme-no-eval] }] }]',
      '',
    ].join('\n'));
    assert.deepStrictEqual(msgs(r.warnings), []);
  });

  it('packs contribute paths with pack-qualified ids, merged in extends order, the config last', () => {
    write('packs/security.aisec-pack.yaml', ['name: security', 'learning:', '  paths:', '    - { id: basics, title: Security basics, modules: [{ id: m1, rules: [torch-load-unsafe] }] }', ''].join('\n'));
    write('packs/ml.aisec-pack.yaml', ['learning:', '  paths:', '    - { id: basics, title: ML basics, modules: [{ id: m1 }] }', '    - { id: models, modules: [{ id: m2 }] }', ''].join('\n'));
    const cfg = write('.aisec.yaml', ['extends: [./packs/security.aisec-pack.yaml, ./packs/ml.aisec-pack.yaml]', 'learning:', '  paths:', '    - { id: team, title: Our path, modules: [{ id: intro }] }', ''].join('\n'));
    const a = loadConfigFor(tmp, tmp, builtinRules, cfg);
    assert.deepStrictEqual(a.errors, []);
    assert.deepStrictEqual(a.config.learning?.paths.map((p) => [p.id, p.title, p.pack]), [
      ['security/basics', 'Security basics', 'security'],
      ['ml/basics', 'ML basics', 'ml'],
      ['ml/models', 'models', 'ml'],
      ['team', 'Our path', undefined],
    ]);
    // deterministic: loading again gives the same order
    assert.deepStrictEqual(loadConfigFor(tmp, tmp, builtinRules, cfg).config.learning, a.config.learning);
  });

  it('errors and warnings in a pack name the pack file', () => {
    const pack = write('p.aisec-pack.yaml', ['name: p', 'learning:', '  paths: [{ id: x, modules: [{ id: m, rules: [nope], due: tomorrow }] }]', ''].join('\n'));
    const cfg = write('.aisec.yaml', 'extends: ./p.aisec-pack.yaml\n');
    const r = loadConfigFor(tmp, tmp, builtinRules, cfg);
    assert.deepStrictEqual(r.errors.map((e) => [e.file, e.line]), [[pack, 3]]);
    assert.deepStrictEqual(r.warnings?.map((e) => [e.file, e.line]), [[pack, 3]]);
  });

  it('JSON configs are validated the same way', () => {
    const r = load('.aisec.json', JSON.stringify({ learning: { paths: [{ id: 'p', modules: [{ id: 'm', due: '2027-13-01' }] }] } }, null, 2));
    assert.deepStrictEqual(r.errors.map((e) => e.line), [9]);
  });

  it('the JSON schema accepts a valid learning section and rejects bad ones', () => {
    const validate = configSchemaValidator();
    assert.ok(validate({ learning: { paths: [{ id: 'p', title: 'P', modules: [{ id: 'm', rules: ['torch-load-unsafe'], exercises: ['rule:torch-load-unsafe', 'lab:x'], due: '2027-01-31', required: false, notes: 'n' }] }] } }), JSON.stringify(validate.errors));
    assert.ok(!validate({ learning: { paths: [{ id: 'p', modules: [{ id: 'm', due: '31.01.2027' }] }] } }));
    assert.ok(!validate({ learning: { paths: [{ id: 'p', modules: [{ id: 'm', exercises: ['x'] }] }] } }));
    assert.ok(!validate({ learning: { paths: [{ id: 'p', modules: [{ id: 'm', extra: 1 }] }] } }));
    assert.ok(!validate({ learning: { tracks: [] } }));
  });

  it('isIsoDate checks the calendar', () => {
    assert.deepStrictEqual(['2028-02-29', '2027-02-29', '2027-1-01', '2027-12-31', '2027-04-31'].map(isIsoDate), [true, false, false, true, false]);
  });

  it('the README example validates (schema and loader) and loads its paths', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Learning paths'));
    const m = /```yaml\n([\s\S]*?)```/.exec(section);
    assert.ok(m, 'README has a "Learning paths" section with a yaml example');
    const r = load('.aisec.yaml', m![1]);
    assert.deepStrictEqual(msgs(r.errors), []);
    assert.deepStrictEqual(msgs(r.warnings), []);
    assert.ok((r.config.learning?.paths.length ?? 0) >= 1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    const validate = configSchemaValidator();
    assert.ok(validate(parse(m![1])), JSON.stringify(validate.errors));
  });
});

const mod = (over: Partial<LearningModule> = {}): LearningModule => ({ id: 'm', title: 'M', rules: ['torch-load-unsafe'], exercises: ['rule:torch-load-unsafe', 'lab:pin'], required: true, ...over });

describe('unit: learning progress', () => {
  const T1 = '2027-01-10T09:00:00.000Z';
  const T2 = '2027-01-11T09:00:00.000Z';
  const T3 = '2027-01-12T09:00:00.000Z';

  it('records attempts; a pass is kept with its time, hints and assistance', () => {
    let p = emptyProgress();
    p = withExercise(p, 'lab:pin', { passed: false, hints: 1, assisted: false }, T1);
    assert.deepStrictEqual(p.exercises['lab:pin'], { status: 'failed', attempts: 1, hints: 1, assisted: false });
    p = withExercise(p, 'lab:pin', { passed: true, hints: 3, assisted: true }, T2);
    assert.deepStrictEqual(p.exercises['lab:pin'], { status: 'passed', passedAt: T2, attempts: 2, hints: 3, assisted: true });
    p = withExercise(p, 'lab:pin', { passed: false, hints: 0, assisted: false }, T3);
    assert.deepStrictEqual(p.exercises['lab:pin'], { status: 'passed', passedAt: T2, attempts: 3, hints: 3, assisted: true });
  });

  it('a lesson keeps its first opening', () => {
    const p = withLesson(withLesson(emptyProgress(), 'torch-load-unsafe', T1), 'torch-load-unsafe', T2);
    assert.deepStrictEqual(p.lessons, { 'torch-load-unsafe': { openedAt: T1 } });
  });

  it('module states: not started, in progress, done (with completedAt), overdue against the given today', () => {
    const m = mod({ due: '2027-01-31' });
    let p = emptyProgress();
    assert.strictEqual(moduleStatus(m, p, '2027-01-15').state, 'not-started');
    assert.strictEqual(moduleStatus(m, p, '2027-01-31').state, 'not-started'); // the due day itself is not late
    assert.strictEqual(moduleStatus(m, p, '2027-02-01').state, 'overdue');
    p = withLesson(p, 'torch-load-unsafe', T1);
    const s = moduleStatus(m, p, '2027-01-15');
    assert.deepStrictEqual([s.state, s.itemsDone, s.itemsTotal], ['in-progress', 1, 3]);
    p = withExercise(p, 'rule:torch-load-unsafe', { passed: true, hints: 2, assisted: false }, T2);
    p = withExercise(p, 'lab:pin', { passed: true, hints: 1, assisted: true }, T3);
    const d = moduleStatus(m, p, '2027-03-01');
    assert.deepStrictEqual([d.state, d.overdue, d.completedAt, d.hints, d.assisted], ['done', false, T3, 3, true]);
  });

  it('a failed attempt alone makes a module in progress; the rule exercise passing completes its lesson item', () => {
    const m = mod({ exercises: ['rule:torch-load-unsafe'] });
    const failed = withExercise(emptyProgress(), 'rule:torch-load-unsafe', { passed: false, hints: 0, assisted: false }, T1);
    assert.strictEqual(moduleStatus(m, failed, '2027-01-01').state, 'in-progress');
    const passed = withExercise(failed, 'rule:torch-load-unsafe', { passed: true, hints: 0, assisted: false }, T2);
    assert.strictEqual(moduleStatus(m, passed, '2027-01-01').state, 'done');
  });

  it('path status counts required modules', () => {
    const p = withLesson(emptyProgress(), 'torch-load-unsafe', T1);
    const st = pathStatus({ id: 'p', title: 'P', modules: [mod({ id: 'a', exercises: [] }), mod({ id: 'b', required: false, rules: ['x'], exercises: [] })] }, p, '2027-01-01');
    assert.deepStrictEqual([st.requiredDone, st.requiredTotal, st.done], [1, 1, true]);
  });

  it('merge: passes win, earliest times kept, attempts maxed', () => {
    const a = withExercise(withLesson(emptyProgress(), 'r', T2), 'lab:x', { passed: true, hints: 2, assisted: false }, T2);
    const b = withExercise(withExercise(withLesson(emptyProgress(), 'r', T1), 'lab:x', { passed: false, hints: 0, assisted: false }, T1), 'lab:x', { passed: false, hints: 0, assisted: false }, T1);
    const m = mergeProgress(a, b);
    assert.deepStrictEqual(m.lessons, { r: { openedAt: T1 } });
    assert.deepStrictEqual(m.exercises['lab:x'], { status: 'passed', passedAt: T2, attempts: 2, hints: 2, assisted: false });
  });

  it('normalizes garbage from storage and round-trips an export', () => {
    assert.deepStrictEqual(normalizeProgress(undefined), emptyProgress());
    assert.deepStrictEqual(normalizeProgress({ version: 1, exercises: { __proto__x: 1, 'lab:x': { status: 'weird' } }, lessons: [] }), emptyProgress());
    const p = withExercise(emptyProgress(), 'lab:x', { passed: true, hints: 1, assisted: false }, T1);
    const text = JSON.stringify(exportProgress(p, '  Ana  ', T2));
    const r = parseExportedProgress(text);
    assert.ok('value' in r);
    assert.deepStrictEqual(r.value, { version: 1, learner: 'Ana', exportedAt: T2, exercises: p.exercises, lessons: {} });
  });

  it('malformed exported files are rejected with a reason', () => {
    assert.match((parseExportedProgress('{') as { error: string }).error, /not valid JSON/);
    assert.match((parseExportedProgress('[]') as { error: string }).error, /JSON object/);
    assert.match((parseExportedProgress(JSON.stringify({ version: 1, learner: 'x', exportedAt: 'yesterday', exercises: {}, lessons: {} })) as { error: string }).error, /exportedAt/);
    assert.match((parseExportedProgress(JSON.stringify({ version: 2, learner: 'x', exportedAt: T1, exercises: {}, lessons: {} })) as { error: string }).error, /version/);
  });

  it('an export validates against schemas/aisec-progress.schema.json; a tampered one does not', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/aisec-progress.schema.json'), 'utf8')) as object);
    const p = withLesson(withExercise(emptyProgress(), 'rule:torch-load-unsafe', { passed: true, hints: 2, assisted: true }, T1), 'torch-load-unsafe', T2);
    const data = JSON.parse(JSON.stringify(exportProgress(p, 'Ana', T3))) as Record<string, unknown>;
    assert.ok(validate(data), JSON.stringify(validate.errors));
    assert.ok(!validate({ ...data, version: 2 }));
    assert.ok(!validate({ ...data, exercises: { 'lab:x': { status: 'done', attempts: 1, hints: 0, assisted: false } } }));
    // the package registers it for the exported files
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    assert.ok(pkg.contributes.jsonValidation.some((j) => j.url === './schemas/aisec-progress.schema.json' && j.fileMatch.includes('**/.aisec/progress/*.json')));
  });

  it('learner file names are safe', () => {
    assert.deepStrictEqual(['Ana Lima', 'josé', '../../etc/passwd', '...', '<script>'].map(learnerFileName), ['Ana-Lima.json', 'jose.json', 'etc-passwd.json', 'learner.json', 'script.json']);
  });
});
