/**
 * The GitHub Action (action.yml): its metadata against schemas/ci/github-action.schema.json, pinned refs, no
 * expressions inside scripts, and the action run end to end on a fixture repository by the local runner
 * (test/helpers/runAction.ts): SARIF, outputs, exit status for fail-on, baseline, the upload-sarif call.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { assertBuilt, cleanupWorkspaces, expectExit, ROOT, runCli, writeFile } from '../helpers/cli';
import { evaluate, readOutputs, runAction } from '../helpers/runAction';
import type { ActionRun } from '../helpers/runAction';
import { schemaValidator, vulnerableRepo } from '../helpers/ciFixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const UPLOAD_SARIF = /^github\/codeql-action\/upload-sarif@[0-9a-f]{40}$/;

/** Every `uses:` line of a YAML file: the ref must be a full commit SHA with a `# vX.Y.Z` comment naming it. */
export function assertPinned(file: string): string[] {
  const refs: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!m) continue;
    refs.push(m[1]);
    if (m[1].startsWith('./')) continue; // a local action is the checked-out code itself
    assert.match(m[1], /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${path.basename(file)}: ${m[1]} is not pinned by a full commit SHA`);
    assert.match(m[2], /^\s+#\s*v\d+(\.\d+)*\s*$/, `${path.basename(file)}: ${m[1]} has no "# vX.Y.Z" comment naming its version`);
  }
  return refs;
}

let sarifValidate: ((data: unknown) => boolean) & { errors?: unknown };
function validSarif(log: unknown): void {
  if (!sarifValidate) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
  }
  assert.ok(sarifValidate(log), JSON.stringify(sarifValidate.errors, null, 1));
}

function run(workspace: string, inputs: Record<string, string> = {}, actionPath = ROOT, env?: Record<string, string>): ActionRun {
  return runAction({ actionPath, workspace, with: inputs, env });
}

function openResults(file: string): Any[] {
  const log = JSON.parse(fs.readFileSync(file, 'utf8')) as Any;
  validSarif(log);
  return log.runs[0].results.filter((r: Any) => !r.suppressions?.length);
}

function failMessage(r: ActionRun): string {
  return `exit ${r.exitCode}\n${r.log.slice(-4000)}`;
}

describe('ci: GitHub Action (action.yml)', () => {
  before(assertBuilt);
  after(cleanupWorkspaces);
  const meta = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Any;

  it('validates against the action metadata schema', () => {
    const valid = schemaValidator('github-action.schema.json');
    valid(meta);
    // the schema catches what GitHub would reject or ignore
    assert.throws(() => valid({ ...meta, description: undefined }));
    assert.throws(() => valid({ ...meta, runs: { using: 'composite', steps: [{ run: 'echo hi' }] } }), 'a run step needs a shell');
    assert.throws(() => valid({ ...meta, outputs: { findings: { description: 'n' } } }), 'a composite output needs a value');
    assert.throws(() => valid({ ...meta, inputs: { 'fail-on': { default: 'error' } } }), 'an input needs a description');
  });

  it('declares the inputs and outputs the README documents, with string defaults', () => {
    assert.deepStrictEqual(Object.keys(meta.inputs), ['paths', 'fail-on', 'baseline', 'config', 'sarif-file', 'upload', 'category']);
    assert.deepStrictEqual(Object.keys(meta.outputs), ['findings', 'sarif-file', 'exit-code']);
    for (const [k, v] of Object.entries(meta.inputs as Record<string, Any>)) assert.strictEqual(typeof v.default, 'string', k);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const k of Object.keys(meta.inputs)) assert.ok(readme.includes(`| \`${k}\` |`), `README documents input ${k}`);
  });

  it('pins every action by commit SHA, and passes inputs to scripts through env only', () => {
    const refs = assertPinned(path.join(ROOT, 'action.yml'));
    assert.ok(refs.some((r) => UPLOAD_SARIF.test(r)), 'uploads with github/codeql-action/upload-sarif');
    for (const step of meta.runs.steps as Any[]) {
      if (step.run) assert.ok(!step.run.includes('${{'), `step "${step.name}": no expression inside run (script injection)`);
    }
    // and AISec itself has nothing to say about the action and the CI examples
    const r = runCli(['scan', 'action.yml', '.pre-commit-hooks.yaml', 'examples/ci', '--format', 'json', '--fail-on', 'info'], ROOT);
    expectExit(r, [0]);
    assert.deepStrictEqual((JSON.parse(r.stdout) as Any).findings, []);
  });

  it('the example workflow parses, pins its actions and uses the action with declared inputs', () => {
    const file = path.join(ROOT, 'examples/ci/github-workflow.yml');
    const wf = parseYaml(fs.readFileSync(file, 'utf8')) as Any;
    const refs = assertPinned(file);
    assert.ok(refs.length >= 3);
    const steps = wf.jobs.aisec.steps as Any[];
    const step = steps.find((s) => s.id === 'aisec');
    assert.ok(step, 'a step runs the action');
    for (const k of Object.keys(step.with)) assert.ok(k in meta.inputs, `input ${k} is declared`);
    assert.strictEqual(wf.jobs.aisec.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('examples/ci/github-workflow.yml'));
  });

  describe('runs end to end on a fixture repository (local runner)', function () {
    this.timeout(120_000);

    it('default inputs: SARIF written, upload-sarif called with it, the job fails on the error finding', () => {
      const repo = vulnerableRepo();
      const r = run(repo);
      assert.strictEqual(r.exitCode, 1, failMessage(r));
      assert.deepStrictEqual(r.steps.map((s) => `${s.kind}${s.exitCode ? ` ${s.exitCode}` : ''}`), ['run', 'run', 'uses', 'run 1']);
      const sarif = path.join(repo, 'aisec.sarif');
      assert.strictEqual(r.outputs['sarif-file'], sarif);
      assert.strictEqual(r.outputs['exit-code'], '1');
      const open = openResults(sarif);
      assert.strictEqual(r.outputs.findings, String(open.length));
      assert.deepStrictEqual(open.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.ruleId}`).sort(), ['app/bot.py hardcoded-ai-provider-key', 'app/loader.py torch-load-unsafe']);
      assert.strictEqual(r.uses.length, 1);
      assert.match(r.uses[0].uses, UPLOAD_SARIF);
      assert.deepStrictEqual(r.uses[0].with, { sarif_file: sarif, category: 'aisec' });
      assert.match(r.summary, /### AISec\n\n2 open finding\(s\): 1 error, 1 warning, 0 info; fail-on error: failed\./);
      assert.match(r.summary, /\| hardcoded-ai-provider-key \| 1 \|/);
      assert.match(r.log, /::error title=AISec::2 open finding\(s\)/);
    });

    it('fail-on: none passes, warning fails on a warning alone, error passes on it', () => {
      const repo = vulnerableRepo();
      const none = run(repo, { 'fail-on': 'none' });
      assert.strictEqual(none.exitCode, 0, failMessage(none));
      assert.strictEqual(none.outputs.findings, '2');
      assert.strictEqual(none.uses.length, 1, 'uploaded');
      assert.strictEqual(none.steps[3].kind, 'skipped', 'the gate step does not run');
      fs.rmSync(path.join(repo, 'app/bot.py'));
      const warn = run(repo, { 'fail-on': 'warning', 'sarif-file': 'out/results.sarif', category: 'aisec-app' });
      assert.strictEqual(warn.exitCode, 1, failMessage(warn));
      assert.strictEqual(warn.outputs['sarif-file'], path.join(repo, 'out/results.sarif'));
      assert.deepStrictEqual(warn.uses[0].with, { sarif_file: path.join(repo, 'out/results.sarif'), category: 'aisec-app' });
      const err = run(repo, { 'fail-on': 'error' });
      assert.strictEqual(err.exitCode, 0, failMessage(err));
      assert.strictEqual(err.outputs.findings, '1');
    });

    it('the baseline suppresses known findings; a new one is reported and fails the job', () => {
      const repo = vulnerableRepo();
      expectExit(runCli(['scan', '.', '--update-baseline', '.aisec-baseline.json'], repo), [0]);
      const known = run(repo, { baseline: '.aisec-baseline.json', 'fail-on': 'warning' });
      assert.strictEqual(known.exitCode, 0, failMessage(known));
      assert.strictEqual(known.outputs.findings, '0');
      assert.deepStrictEqual(openResults(known.outputs['sarif-file']), []);
      assert.strictEqual(known.uses.length, 1, 'an empty SARIF is still uploaded (it closes fixed alerts)');
      writeFile(repo, 'app/new_loader.py', 'import torch\nweights = torch.load("w.pt")\n');
      const fresh = run(repo, { baseline: '.aisec-baseline.json', 'fail-on': 'warning' });
      assert.strictEqual(fresh.exitCode, 1, failMessage(fresh));
      assert.strictEqual(fresh.outputs.findings, '1');
      assert.deepStrictEqual(openResults(fresh.outputs['sarif-file']).map((x) => x.locations[0].physicalLocation.artifactLocation.uri), ['app/new_loader.py']);
    });

    it('paths and config inputs; upload: false records no upload', () => {
      const repo = vulnerableRepo();
      writeFile(repo, 'ci/aisec.yaml', 'rules:\n  torch-load-unsafe: off\n');
      const r = run(repo, { paths: 'app/loader.py\napp/clean.py', config: 'ci/aisec.yaml', upload: 'false', 'fail-on': 'info' });
      assert.strictEqual(r.exitCode, 0, failMessage(r));
      assert.strictEqual(r.outputs.findings, '0');
      assert.deepStrictEqual(r.uses, []);
      const only = run(repo, { paths: 'app/loader.py', upload: 'false', 'fail-on': 'none' });
      assert.strictEqual(only.outputs.findings, '1');
    });

    it('a usage or config error fails with exit 2, writes no SARIF and uploads nothing', () => {
      const repo = vulnerableRepo();
      fs.writeFileSync(path.join(repo, 'aisec.sarif'), '{"stale": true}');
      const r = run(repo, { config: 'missing.yaml' });
      assert.strictEqual(r.exitCode, 2, failMessage(r));
      assert.strictEqual(r.outputs['sarif-file'], '');
      assert.strictEqual(r.outputs['exit-code'], '2');
      assert.ok(!fs.existsSync(path.join(repo, 'aisec.sarif')), 'a stale report is removed, never uploaded');
      assert.deepStrictEqual(r.uses, []);
      assert.match(r.log, /::error title=AISec::aisec scan exited 2/);
      const bad = run(repo, { 'fail-on': 'high' });
      assert.strictEqual(bad.exitCode, 2, failMessage(bad));
      assert.deepStrictEqual(bad.steps.map((s) => s.kind), ['run', 'run', 'skipped', 'skipped']);
      assert.match(bad.log, /fail-on must be error, warning, info or none/);
    });

    it('without prebuilt bundles it builds from source with npm ci --ignore-scripts, then scans', () => {
      const action = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-action-src-'));
      const stubs = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-stubs-'));
      try {
        fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(action, 'action.yml'));
        fs.cpSync(path.join(ROOT, 'bin'), path.join(action, 'bin'), { recursive: true });
        // the build stands in for scripts/build.mjs: it "builds" by copying the real bundles
        writeFile(action, 'scripts/build.mjs', `import * as fs from 'node:fs';\nfs.appendFileSync(${JSON.stringify(path.join(stubs, 'calls'))}, 'build ' + process.argv.slice(2).join(' ') + '\\n');\nfs.cpSync(${JSON.stringify(path.join(ROOT, 'dist'))}, 'dist', { recursive: true, filter: (f) => !f.endsWith('.map') });\n`);
        writeFile(stubs, 'npm', `#!/bin/sh\necho "npm $*" >> "${path.join(stubs, 'calls')}"\n`);
        fs.chmodSync(path.join(stubs, 'npm'), 0o755);
        const repo = vulnerableRepo();
        const r = run(repo, { 'fail-on': 'none', upload: 'false' }, action, { PATH: `${stubs}${path.delimiter}${process.env.PATH}` });
        assert.strictEqual(r.exitCode, 0, failMessage(r));
        assert.deepStrictEqual(fs.readFileSync(path.join(stubs, 'calls'), 'utf8').trim().split('\n'), ['npm ci --ignore-scripts --no-audit --no-fund --loglevel=error', 'build --production']);
        assert.strictEqual(r.outputs.findings, '2');
        assert.match(r.log, /::group::Build AISec from source/);
        // the second run finds the bundles and builds nothing
        fs.rmSync(path.join(stubs, 'calls'));
        const again = run(repo, { 'fail-on': 'none', upload: 'false' }, action, { PATH: `${stubs}${path.delimiter}${process.env.PATH}` });
        assert.strictEqual(again.exitCode, 0, failMessage(again));
        assert.ok(!fs.existsSync(path.join(stubs, 'calls')));
      } finally {
        fs.rmSync(action, { recursive: true, force: true });
        fs.rmSync(stubs, { recursive: true, force: true });
      }
    });
  });

  describe('the local runner itself', () => {
    const ctx = { inputs: { upload: 'true', category: 'aisec' }, steps: { scan: { 'sarif-file': '/x.sarif' } }, github: { action_path: '/a', workspace: '/w' }, runner: { temp: '/t' }, failed: false };

    it('evaluates the expressions action.yml uses, as GitHub does', () => {
      assert.strictEqual(evaluate("inputs.upload == 'TRUE' && steps.scan.outputs.sarif-file != ''", ctx), true, 'strings compare case-insensitively');
      assert.strictEqual(evaluate("steps.scan.outputs.missing != ''", ctx), false, 'a missing output is empty');
      assert.strictEqual(evaluate('success() && !failure()', ctx), true);
      assert.strictEqual(evaluate("(inputs.category == 'x') || always()", ctx), true);
      assert.strictEqual(evaluate("'it''s'", ctx), "it's");
    });

    it('refuses what it does not implement instead of guessing', () => {
      for (const e of ['secrets.TOKEN', 'inputs.undeclared', 'github.event_name', "contains(inputs.upload, 't')", 'steps.later.outputs.x', "inputs.upload == 'true' &", '1 == 1', "inputs['upload']", 'inputs.upload == true']) {
        assert.throws(() => evaluate(e, ctx), /runAction:/, e);
      }
    });

    it('reads GITHUB_OUTPUT in both forms', () => {
      assert.deepStrictEqual(readOutputs('a=1\nb=x=y\nc<<EOF\nline 1\nline 2\nEOF\n'), { a: '1', b: 'x=y', c: 'line 1\nline 2' });
      assert.throws(() => readOutputs('c<<EOF\nno end\n'), /no closing/);
    });
  });
});
