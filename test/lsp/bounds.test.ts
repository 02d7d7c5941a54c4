/**
 * The language server against hostile clients and workspaces (issue 10, items 6 and 7): a malformed frame ends
 * the server with a logged reason instead of leaving it deaf; `aisec.applySuppression` validates its
 * arguments; Restricted Mode (untrusted workspace) uses built-in rules only.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, makeWorkspace, SERVER, writeFile } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

/** Spawn the server over stdio, write `bytes`, and wait for it to exit (or give up after `ms`). */
function feed(bytes: string, ms = 8_000): Promise<{ code: number | null; stderr: string; alive: boolean }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdout.resume();
    const t = setTimeout(() => {
      p.kill();
      resolve({ code: null, stderr, alive: true });
    }, ms);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stderr, alive: false });
    });
    p.stdin.write(bytes);
  });
}

describe('lsp: hostile clients and untrusted workspaces', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  before(() => assertBuilt());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => cleanupWorkspaces());

  for (const [name, bytes] of [
    ['a non-numeric Content-Length', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
    ['a Content-Length far beyond any message', 'Content-Length: 99999999999\r\n\r\n{}'],
  ] as const) {
    it(`${name} ends the server with a logged error instead of leaving it deaf`, async () => {
      const r = await feed(bytes);
      assert.strictEqual(r.alive, false, 'the server must not stay alive and deaf');
      assert.notStrictEqual(r.code, 0);
      assert.match(r.stderr, /malformed message frame/);
    });
  }

  it('valid frames split across writes are not mistaken for malformed ones', async () => {
    const ws = makeWorkspace('ws-basic');
    client = await new LspClient({ root: ws }).start();
    const d = await client.open(path.join(ws, 'loader.py'));
    assert.deepStrictEqual(d.diagnostics.map((x) => x.code), ['torch-load-unsafe']);
    assert.strictEqual(client.exited, undefined);
  });

  describe('aisec.applySuppression validates its arguments', () => {
    const run = (c: LspClient, args: Record<string, unknown>) => c.request<{ applied: boolean; reason?: string }>('workspace/executeCommand', { command: 'aisec.applySuppression', arguments: [args] });
    it('refuses newlines, negative or out-of-range lines, unknown rules and documents that are not open', async () => {
      const ws = makeWorkspace('ws-basic');
      client = await new LspClient({ root: ws }).start();
      const loader = path.join(ws, 'loader.py');
      await client.open(loader);
      const good = { uri: uriOf(loader), ruleId: 'torch-load-unsafe', line: 4, indent: '    ', comment: { prefix: '# ', suffix: '' }, justification: 'weights we trained' };
      assert.deepStrictEqual(await run(client, good), { applied: true });
      const bad: [string, Record<string, unknown>][] = [
        ['newline in justification', { ...good, justification: 'ok\nimport os; os.system("x")' }],
        ['negative line', { ...good, line: -3 }],
        ['line past the end', { ...good, line: 10_000 }],
        ['fractional line', { ...good, line: 1.5 }],
        ['unknown rule', { ...good, ruleId: 'no-such-rule' }],
        ['rule id with spaces', { ...good, ruleId: 'torch-load-unsafe -- x' }],
        ['document not open', { ...good, uri: uriOf(path.join(ws, 'app.py')) }],
        ['indent with code', { ...good, indent: 'x = 1\n' }],
        ['comment prefix with a newline', { ...good, comment: { prefix: '\n', suffix: '' } }],
        ['bad until', { ...good, until: 'tomorrow\n' }],
        ['empty justification', { ...good, justification: '   ' }],
      ];
      for (const [what, args] of bad) {
        const r = await run(client, args);
        assert.strictEqual(r.applied, false, what);
        assert.ok(r.reason, what);
      }
    });
  });

  describe('Restricted Mode (initializationOptions.restricted)', () => {
    it('ignores the workspace config and packs: built-in rules only', async () => {
      const ws = makeWorkspace('ws-basic', { '.aisec.yaml': 'rules:\n  torch-load-unsafe: off\n' });
      client = await new LspClient({ root: ws }).start();
      const trusted = await client.open(path.join(ws, 'loader.py'));
      assert.deepStrictEqual(trusted.diagnostics.map((d) => d.code), [], 'trusted: the workspace config turns the rule off');
      await client.stop();
      client = await new LspClient({ root: ws, initializationOptions: { restricted: true } }).start();
      const restricted = await client.open(path.join(ws, 'loader.py'));
      assert.deepStrictEqual(restricted.diagnostics.map((d) => d.code), ['torch-load-unsafe'], 'restricted: built-in defaults');
    });

    it('does not read a baseline outside the workspace', async () => {
      const ws = makeWorkspace('ws-basic');
      const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-outside-'));
      try {
        // a baseline that would hide everything, outside the workspace
        const probe = await new LspClient({ root: ws }).start();
        const d = await probe.open(path.join(ws, 'loader.py'));
        const fp = (d.diagnostics[0].data as { fingerprint: string }).fingerprint;
        await probe.stop();
        writeFile(outsideDir, 'base.json', JSON.stringify({ version: 1, tool: 'aisec', fingerprints: [fp] }));
        const rel = path.relative(ws, path.join(outsideDir, 'base.json'));
        client = await new LspClient({ root: ws, configuration: true, settings: { baseline: rel }, initializationOptions: { restricted: true } }).start();
        const shown = await client.open(path.join(ws, 'loader.py'));
        assert.deepStrictEqual(shown.diagnostics.map((x) => x.code), ['torch-load-unsafe']);
      } finally {
        fs.rmSync(outsideDir, { recursive: true, force: true });
      }
    });
  });
});
