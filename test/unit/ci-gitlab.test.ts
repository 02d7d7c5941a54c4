/** `aisec scan --format gitlab`: GitLab's code-quality report, validated against schemas/ci/gitlab-codequality.schema.json. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, ROOT, runCli, scanJson, writeFile } from '../helpers/cli';
import { schemaValidator, vulnerableRepo } from '../helpers/ciFixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function gitlab(dir: string, args: string[] = [], codes = [0, 1]): Any[] {
  const r = runCli(['scan', '.', '--format', 'gitlab', ...args], dir);
  expectExit(r, codes);
  return JSON.parse(r.stdout) as Any[];
}

describe('ci: GitLab code-quality report (--format gitlab)', () => {
  before(assertBuilt);
  after(cleanupWorkspaces);
  const valid = schemaValidator('gitlab-codequality.schema.json');

  it('the schema rejects what GitLab would not read', () => {
    const ok = { description: 'd', check_name: 'c', fingerprint: 'f', severity: 'major', location: { path: 'a.py', lines: { begin: 1 } } };
    valid([ok]);
    valid([{ ...ok, location: { path: 'a.py', positions: { begin: { line: 2 } } } }]);
    const bad = [
      { ...ok, severity: 'error' },
      { ...ok, location: { path: './a.py', lines: { begin: 1 } } },
      { ...ok, location: { path: '/abs/a.py', lines: { begin: 1 } } },
      { ...ok, location: { path: 'a.py' } },
      { ...ok, location: { path: 'a.py', lines: { begin: 0 } } },
      { ...ok, fingerprint: undefined },
    ];
    for (const b of bad) assert.throws(() => valid([JSON.parse(JSON.stringify(b))]), JSON.stringify(b));
    assert.throws(() => valid(ok), 'the report is an array');
  });

  it('one valid issue per open finding, with paths from the repository root and mapped severities', () => {
    const dir = vulnerableRepo();
    const issues = gitlab(dir);
    valid(issues);
    const json = scanJson(dir, ['.']);
    const open = json.findings.filter((f) => !f.suppression);
    assert.ok(open.length >= 2, 'the fixture has open findings');
    assert.strictEqual(issues.length, open.length, 'suppressed findings are left out');
    assert.strictEqual(issues.length, json.summary.findings);
    const sev: Record<string, string> = { error: 'critical', warning: 'major', info: 'minor' };
    for (const f of open) {
      const i = issues.find((x) => x.fingerprint === f.fingerprint);
      assert.ok(i, `issue for ${f.path}:${f.line} ${f.ruleId}`);
      assert.strictEqual(i.check_name, f.ruleId);
      assert.strictEqual(i.severity, sev[f.severity]);
      assert.strictEqual(i.location.path, f.path);
      assert.strictEqual(i.location.lines.begin, f.line);
      assert.strictEqual(i.location.lines.end, f.endLine);
      assert.ok(i.description.includes(f.message));
    }
    const byPath = issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.severity}`).sort();
    assert.deepStrictEqual(byPath, ['app/bot.py:3 hardcoded-ai-provider-key critical', 'app/loader.py:5 torch-load-unsafe major']);
    assert.strictEqual(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  it('the demo workspace (examples/): a valid report with one issue per open SARIF result, same fingerprints', () => {
    const r = runCli(['scan', 'examples', '--format', 'gitlab', '--fail-on', 'none'], ROOT);
    expectExit(r, [0]);
    const issues = JSON.parse(r.stdout) as Any[];
    valid(issues);
    assert.ok(issues.length >= 20, `the demo has many findings (${issues.length})`);
    const s = runCli(['scan', 'examples', '--format', 'sarif', '--fail-on', 'none'], ROOT);
    expectExit(s, [0]);
    const open = (JSON.parse(s.stdout) as Any).runs[0].results.filter((x: Any) => !x.suppressions);
    assert.deepStrictEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.fingerprint}`), open.map((x: Any) => `${decodeURI(x.locations[0].physicalLocation.artifactLocation.uri)}:${x.locations[0].physicalLocation.region.startLine} ${x.ruleId} ${x.partialFingerprints['aisecFingerprint/v1']}`));
    assert.ok(issues.every((i) => i.location.path.startsWith('examples/')), 'paths from the repository root');
  });

  it('fingerprints are SARIF partialFingerprints, stable when lines move and independent of the cwd', () => {
    const dir = vulnerableRepo();
    const before = gitlab(dir);
    const r = runCli(['scan', '.', '--format', 'sarif'], dir);
    expectExit(r, [0, 1]);
    const sarif = JSON.parse(r.stdout) as Any;
    const sarifFps = sarif.runs[0].results.filter((x: Any) => !x.suppressions).map((x: Any) => x.partialFingerprints['aisecFingerprint/v1']).sort();
    assert.deepStrictEqual(before.map((i) => i.fingerprint).sort(), sarifFps);
    writeFile(dir, 'app/loader.py', '"""Loads checkpoints."""\nimport torch\n\n\ndef load(path: str):\n    return torch.load(path)\n');
    const after = gitlab(dir);
    const moved = after.find((i) => i.check_name === 'torch-load-unsafe');
    assert.strictEqual(moved.location.lines.begin, 6);
    assert.strictEqual(moved.fingerprint, before.find((i) => i.check_name === 'torch-load-unsafe').fingerprint);
    // from a subfolder, naming the repository: same paths (relative to the repository root), same fingerprints
    const sub = runCli(['scan', '..', '--format', 'gitlab'], path.join(dir, 'app'));
    expectExit(sub, [0, 1]);
    assert.deepStrictEqual(JSON.parse(sub.stdout), after);
  });

  it('--baseline leaves recorded findings out; --output writes the file; exit codes follow --fail-on', () => {
    const dir = vulnerableRepo();
    expectExit(runCli(['scan', '.', '--update-baseline', '.aisec-baseline.json'], dir), [0]);
    writeFile(dir, 'app/new.py', 'import torch\nmodel = torch.load("m.pt")\n');
    const r = runCli(['scan', '.', '--format', 'gitlab', '--baseline', '.aisec-baseline.json', '--output', 'reports/gl-code-quality-report.json', '--fail-on', 'warning'], dir);
    expectExit(r, [1]);
    assert.strictEqual(r.stdout, '', 'the report goes to the file');
    const issues = JSON.parse(fs.readFileSync(path.join(dir, 'reports/gl-code-quality-report.json'), 'utf8')) as Any[];
    valid(issues);
    assert.deepStrictEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`), ['app/new.py:2 torch-load-unsafe']);
    expectExit(runCli(['scan', '.', '--format', 'gitlab', '--baseline', '.aisec-baseline.json'], dir), [0]);
  });

  it('an empty scan is an empty array; usage errors stay usage errors', () => {
    const dir = makeWorkspace(undefined, { 'ok.py': 'print("hi")\n' });
    assert.deepStrictEqual(gitlab(dir, [], [0]), []);
    const r = runCli(['scan', '.', '--format', 'gitlab', '--list-suppressions'], dir);
    expectExit(r, [2]);
    const bad = runCli(['scan', '.', '--format', 'gitlab-ci'], dir);
    expectExit(bad, [2]);
    assert.match(bad.stderr, /text, json, sarif or gitlab/);
  });

  it('the example .gitlab-ci.yml writes the report its artifacts:reports:codequality names, also on failure', () => {
    const ci = parseYaml(fs.readFileSync(path.join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Any;
    const job = ci.aisec;
    assert.ok(Array.isArray(job.script) && job.script.every((l: unknown) => typeof l === 'string'), 'script is a list of commands');
    const scan = (job.script as string[]).find((l) => /aisec(\.js)? scan /.test(l));
    assert.ok(scan, 'a script line runs aisec scan');
    const m = /--format gitlab --output (\S+)/.exec(scan!);
    assert.ok(m, 'the scan writes the gitlab format to a file');
    assert.strictEqual(job.artifacts.reports.codequality, m![1]);
    assert.strictEqual(job.artifacts.when, 'always', 'the report is kept when the job fails on findings');
    assert.match(String(job.image), /^node:(2\d|[3-9]\d)\b/, 'Node.js 20 or later');
    assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes('examples/ci/gitlab-ci.yml'));
  });
});
