/** `aisec exercise`: list, start a scratch copy, grade (exit 0/1), progressive hints and the assisted pass. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, ROOT, runCli } from '../helpers/cli';

const started: string[] = [];
function scratchOf(stdout: string): string {
  const m = /^Scratch folder: (.+)$/m.exec(stdout);
  assert.ok(m, `no scratch folder in:\n${stdout}`);
  return m[1];
}

describe('cli: aisec exercise', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(() => {
    cleanupWorkspaces();
    for (const d of started.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('--list groups the AI labs and one exercise per rule', () => {
    const r = runCli(['exercise', '--list'], ROOT);
    expectExit(r, [0]);
    assert.match(r.stdout, /^AI labs:\n {2}lab:/);
    assert.match(r.stdout, /lab:system-prompt-user-input +Move user input out of a system prompt/);
    assert.match(r.stdout, /\ncode:\n/);
    assert.match(r.stdout, /rule:torch-load-unsafe/);
    const json = runCli(['exercise', '--list', '--format', 'json'], ROOT);
    expectExit(json, [0]);
    const list = (JSON.parse(json.stdout) as { exercises: { id: string; group: string; rules: string[] }[] }).exercises;
    const rules = JSON.parse(runCli(['rules', '--format', 'json'], ROOT).stdout) as { id: string }[];
    assert.ok(rules.length > 60);
    for (const rule of rules) assert.ok(list.some((e) => e.id === `rule:${rule.id}` && e.rules.includes(rule.id)), `no exercise for ${rule.id}`);
    assert.strictEqual(list.filter((e) => e.group === 'AI labs').length, 7);
    assert.match(r.stdout, new RegExp(`\\n${list.length} exercises\\.`));
  });

  it('starts a rule exercise in a new scratch folder, fails it, passes the fix, fails a deletion', () => {
    const start = runCli(['exercise', 'torch-load-unsafe'], ROOT);
    expectExit(start, [0]);
    const dir = scratchOf(start.stdout);
    started.push(dir);
    assert.match(start.stdout, /The fix must keep:\n- the torch\.load\(path, \.\.\.\) call/);
    const app = path.join(dir, 'app.py');
    assert.ok(fs.existsSync(app) && fs.existsSync(path.join(dir, '.aisec.yaml')) && fs.existsSync(path.join(dir, '.aisec-exercise.json')));

    const fail = runCli(['exercise', 'rule:torch-load-unsafe', '--dir', dir], ROOT);
    expectExit(fail, [1]);
    assert.match(fail.stdout, /^FAIL rule:torch-load-unsafe/);
    assert.match(fail.stdout, /app\.py:4: torch-load-unsafe still fires at app\.py:4/);

    const original = fs.readFileSync(app, 'utf8');
    fs.writeFileSync(app, original.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'));
    const pass = runCli(['exercise', '--dir', dir], ROOT); // the id comes from the scratch manifest
    expectExit(pass, [0]);
    assert.match(pass.stdout, /^PASS rule:torch-load-unsafe/);
    assert.doesNotMatch(pass.stdout, /assisted/);

    fs.writeFileSync(app, original.split('\n').filter((l) => !l.includes('torch.load(')).join('\n'));
    const deleted = runCli(['exercise', '--dir', dir, '--format', 'json'], ROOT);
    expectExit(deleted, [1]);
    const grade = JSON.parse(deleted.stdout) as { passed: boolean; failures: { kind: string; message: string }[] };
    assert.strictEqual(grade.passed, false);
    assert.deepStrictEqual(grade.failures.map((f) => f.kind), ['check']);
    assert.match(grade.failures[0].message, /the torch\.load\(path, \.\.\.\) call is gone: the fix must keep it/);
  });

  it('a lab in an empty --dir: progressive hints, the last one applied passes as assisted', () => {
    const dir = path.join(makeWorkspace(undefined), 'lab');
    const start = runCli(['exercise', 'lab:pin-npx-servers', '--dir', dir], ROOT);
    expectExit(start, [0]);
    assert.strictEqual(scratchOf(start.stdout), dir);
    assert.ok(fs.existsSync(path.join(dir, '.vscode', 'mcp.json')));
    const fail = runCli(['exercise', '--dir', dir], ROOT);
    expectExit(fail, [1]);
    assert.match(fail.stdout, /\.vscode\/mcp\.json:5: mcp-unpinned-server-package still fires/);
    assert.match(fail.stdout, /hints used: 0\/3/);
    const h1 = runCli(['exercise', '--dir', dir, '--hint'], ROOT);
    expectExit(h1, [0]);
    assert.match(h1.stdout, /^Hint 1\/3: /);
    assert.doesNotMatch(h1.stdout, /Apply/);
    expectExit(runCli(['exercise', '--dir', dir, '--hint'], ROOT), [0]);
    const last = runCli(['exercise', '--dir', dir, '--hint'], ROOT);
    expectExit(last, [0]);
    assert.match(last.stdout, /^Hint 3\/3: /);
    assert.match(last.stdout, /\n {3}5 - {7}"args": \["-y", "@modelcontextprotocol\/server-memory"\]\n {3}5 \+ {7}"args": \["-y", "@modelcontextprotocol\/server-memory@2025\.8\.4"\]\n/);
    assert.match(last.stdout, /--hint --apply/);
    assert.match(fs.readFileSync(path.join(dir, '.vscode', 'mcp.json'), 'utf8'), /"@modelcontextprotocol\/server-memory"\]/, 'the preview writes nothing');
    expectExit(runCli(['exercise', '--dir', dir, '--hint', '--apply'], ROOT), [0]);
    const pass = runCli(['exercise', '--dir', dir], ROOT);
    expectExit(pass, [0]);
    assert.match(pass.stdout, /^PASS lab:pin-npx-servers: .*\(assisted: the last hint was used\)/);
  });

  it('usage errors exit 2', () => {
    const unknown = runCli(['exercise', 'no-such-rule'], ROOT);
    expectExit(unknown, [2]);
    assert.match(unknown.stderr, /no exercise "no-such-rule"/);
    expectExit(runCli(['exercise'], ROOT), [2]);
    const dir = makeWorkspace(undefined, { 'x.py': 'x = 1\n' });
    const notScratch = runCli(['exercise', 'torch-load-unsafe', '--dir', dir], ROOT);
    expectExit(notScratch, [2]);
    assert.match(notScratch.stderr, /not an exercise scratch folder/);
    const other = path.join(makeWorkspace(undefined), 'ex');
    expectExit(runCli(['exercise', 'keras-unsafe-mode', '--dir', other], ROOT), [0]);
    const mismatch = runCli(['exercise', 'torch-load-unsafe', '--dir', other], ROOT);
    expectExit(mismatch, [2]);
    assert.match(mismatch.stderr, /holds rule:keras-unsafe-mode/);
    expectExit(runCli(['exercise', 'torch-load-unsafe', '--hint'], ROOT), [2]);
  });
});
