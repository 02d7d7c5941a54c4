/**
 * Hostile inputs at the file and output boundaries (issue 10, items 6 and 7), run through the built CLI:
 * FIFOs and devices (as arguments, in the tree, as config, baseline or pack) never block or grow memory; file
 * names that are not UTF-8 are reported as such; baselines are not replaced by empty or incomplete scans, are
 * written atomically and fail in one line; Markdown and terminal output escape untrusted names and text.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, runCli, scanJson, writeFile } from '../helpers/cli';

const posix = process.platform !== 'win32';
function mkfifo(abs: string): boolean {
  try {
    execFileSync('mkfifo', [abs]);
    return true;
  } catch {
    return false;
  }
}
/** Every hostile case must end well within this (a blocked read would be killed by the timeout). */
const QUICK = 15_000;

describe('cli: file and output boundaries (hostile inputs)', function () {
  this.timeout(120_000);
  before(() => assertBuilt());
  after(() => cleanupWorkspaces());

  describe('FIFOs and devices never block', () => {
    it('a FIFO passed as an argument is skipped with its type', function () {
      const ws = makeWorkspace('ws-basic');
      if (!posix || !mkfifo(path.join(ws, 'pipe.py'))) this.skip();
      const r = runCli(['scan', 'pipe.py', 'loader.py', '--format', 'json', '--fail-on', 'none'], ws, QUICK);
      expectExit(r, [0]);
      const report = JSON.parse(r.stdout) as { skipped: { file: string; reason: string }[]; summary: { files: number } };
      assert.strictEqual(report.summary.files, 1);
      assert.ok(report.skipped.some((s) => s.file.endsWith('pipe.py') && /FIFO/.test(s.reason)), JSON.stringify(report.skipped));
    });

    it('FIFOs in the tree named .gitignore, .aisec.yaml and *.py do not block the scan', function () {
      const ws = makeWorkspace('ws-basic');
      if (!posix || !mkfifo(path.join(ws, '.gitignore'))) this.skip();
      mkfifo(path.join(ws, 'stuck.py'));
      fs.mkdirSync(path.join(ws, 'sub'));
      mkfifo(path.join(ws, 'sub', '.gitignore'));
      writeFile(ws, 'sub/x.py', 'import torch\ntorch.load("m.pt")\n');
      const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], ws, QUICK);
      expectExit(r, [0]);
      const cfg = makeWorkspace('ws-basic');
      mkfifo(path.join(cfg, '.aisec.yaml'));
      const c = runCli(['scan', '.', '--fail-on', 'none'], cfg, QUICK);
      expectExit(c, [2]);
      assert.match(c.stderr, /\.aisec\.yaml.*FIFO/);
    });

    it('--baseline, --config and a pack that are devices or FIFOs are refused quickly', function () {
      if (!posix || !fs.existsSync('/dev/zero')) this.skip();
      const ws = makeWorkspace('ws-basic');
      const b = runCli(['scan', '.', '--baseline', '/dev/zero'], ws, QUICK);
      expectExit(b, [2]);
      assert.match(b.stderr, /character device/);
      if (mkfifo(path.join(ws, 'cfg.yaml'))) {
        const c = runCli(['scan', '.', '--config', 'cfg.yaml'], ws, QUICK);
        expectExit(c, [2]);
        assert.match(c.stderr, /FIFO/);
      }
      // even where the user allows extends outside the workspace, a device is not read
      writeFile(ws, '.aisec.yaml', 'extends: /dev/zero\n');
      const e = runCli(['scan', '.', '--allow-extends-outside'], ws, QUICK);
      expectExit(e, [2]);
      const d = runCli(['scan', '.'], ws, QUICK);
      expectExit(d, [2]);
      assert.match(d.stderr, /outside the workspace/);
    });
  });

  it('a file whose name is not UTF-8 is reported as such, not as a missing file', function () {
    const ws = makeWorkspace(undefined, { 'ok.py': 'import torch\ntorch.load("a.pt")\n' });
    const raw = Buffer.concat([Buffer.from(path.join(ws, 'bad-')), Buffer.from([0xff, 0xfe]), Buffer.from('.py')]);
    try {
      fs.writeFileSync(raw, 'import torch\ntorch.load("b.pt")\n');
    } catch {
      this.skip();
    }
    const report = scanJson(ws, ['--fail-on', 'none'], [0]);
    const bad = report.skipped.find((s) => s.file.startsWith('bad-'));
    assert.ok(bad, JSON.stringify(report.skipped));
    assert.match(bad.reason, /not valid UTF-8/);
    assert.doesNotMatch(bad.reason, /ENOENT|no such file/);
  });

  describe('baselines lose nothing', () => {
    it('a scan of a missing path does not replace a good baseline (exit 2), unless --force', () => {
      const ws = makeWorkspace('ws-basic');
      expectExit(runCli(['scan', '--update-baseline', 'base.json'], ws), [0]);
      const good = fs.readFileSync(path.join(ws, 'base.json'), 'utf8');
      assert.ok((JSON.parse(good) as { fingerprints: string[] }).fingerprints.length > 0);
      const r = runCli(['scan', 'does-not-exist', '--update-baseline', 'base.json'], ws);
      expectExit(r, [2]);
      assert.match(r.stderr, /not recording a baseline: the scan read no file/);
      assert.strictEqual(fs.readFileSync(path.join(ws, 'base.json'), 'utf8'), good);
      const forced = runCli(['scan', 'does-not-exist', '--update-baseline', 'base.json', '--force'], ws);
      expectExit(forced, [0]);
      assert.deepStrictEqual((JSON.parse(fs.readFileSync(path.join(ws, 'base.json'), 'utf8')) as { fingerprints: string[] }).fingerprints, []);
    });

    it('a scan with an unreadable path is refused too', function () {
      const ws = makeWorkspace('ws-basic');
      if (!posix || !mkfifo(path.join(ws, 'pipe.py'))) this.skip();
      const r = runCli(['scan', '.', 'pipe.py', '--update-baseline', 'base.json'], ws, QUICK);
      expectExit(r, [2]);
      assert.ok(!fs.existsSync(path.join(ws, 'base.json')));
    });

    it('the baseline is replaced atomically (a new file renamed over the old one, no temp file left)', () => {
      const ws = makeWorkspace('ws-basic');
      const target = path.join(ws, 'base.json');
      fs.writeFileSync(target, '{"fingerprints":[]}\n');
      const before = fs.statSync(target).ino;
      expectExit(runCli(['scan', '--update-baseline', 'base.json'], ws), [0]);
      assert.notStrictEqual(fs.statSync(target).ino, before, 'written to a new file and renamed');
      assert.deepStrictEqual(fs.readdirSync(ws).filter((f) => /\.tmp$/.test(f)), []);
    });

    it('an unwritable target: one line, exit 2, no stack trace', () => {
      const ws = makeWorkspace('ws-basic', { 'plain.txt': 'x' });
      for (const args of [['--update-baseline', 'plain.txt/base.json'], ['--output', 'plain.txt/report.json', '--format', 'json']]) {
        const r = runCli(['scan', ...args], ws);
        expectExit(r, [2]);
        assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.match(r.stderr, /^aisec: cannot write plain\.txt\/\S+: a file is in the way of its folder/);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      }
    });
  });

  describe('output escaping', () => {
    it('a directory name cannot inject Markdown into the report', function () {
      const parent = makeWorkspace(undefined);
      const evil = path.join(parent, 'proj`\n# Injected heading\n[click](https:');
      try {
        fs.mkdirSync(evil);
      } catch {
        this.skip();
      }
      writeFile(evil, 'loader.py', 'import torch\ntorch.load("m.pt")\n');
      writeFile(evil, 'package.json', '{}\n');
      const r = runCli(['report', '.', '--format', 'md'], evil);
      expectExit(r, [0, 1]);
      assert.doesNotMatch(r.stdout, /^# Injected heading/m);
      assert.doesNotMatch(r.stdout, /^\[click\]/m);
    });

    it('terminal escape sequences in file names, messages and justifications are stripped from text output', function () {
      const name = 'evil\u001b]0;pwned\u0007\u001b[2J.py';
      const ws = makeWorkspace(undefined, { 'package.json': '{}\n' });
      try {
        writeFile(ws, name, 'import torch\n# aisec-ignore torch-load-unsafe -- ok \u001b[31mRED\u001b[0m\ntorch.load("a.pt")\ntorch.load("\u001b[1Ab.pt")\n');
      } catch {
        this.skip();
      }
      const r = runCli(['scan', '.', '--show-suppressed', '--fail-on', 'none'], ws);
      expectExit(r, [0]);
      assert.match(r.stdout, /torch-load-unsafe/);
      assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, JSON.stringify(r.stdout));
    });
  });
});
