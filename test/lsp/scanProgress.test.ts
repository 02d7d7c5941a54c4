/**
 * "Scan workspace" with progress (item 8 of issue 9): the scan reports work-done progress on the token the
 * client sends (files done / total), is cancellable, really stops when cancelled, and returns the summary
 * the VS Code client shows (findings by severity, files, time).
 */
import * as assert from 'assert';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { scanSummaryText } from '../../client/src/guide/summary';
import type { ScanSummary } from '../../server/src/protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';

const VULNERABLE = 'import os\nimport openai\n\nclient = openai.OpenAI(api_key="sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd")\n';

describe('lsp: workspace scan progress and summary', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('reports begin (cancellable), files done / total, end on the client token, and a summary by severity', async () => {
    const ws = makeWorkspace('ws-config');
    const client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    try {
      const res = await client.request<ScanSummary>('workspace/executeCommand', { command: 'aisec.scanWorkspace', arguments: [], workDoneToken: 'scan-1' }, 30_000);
      const mine = client.progress.filter((p) => p.token === 'scan-1').map((p) => p.value);
      assert.strictEqual(mine[0].kind, 'begin');
      assert.strictEqual(mine[0].cancellable, true);
      assert.strictEqual(mine[mine.length - 1].kind, 'end');
      const reports = mine.filter((v) => v.kind === 'report');
      assert.ok(reports.length >= 1);
      assert.match(reports[reports.length - 1].message ?? '', new RegExp(`^${res.files}/${res.files} files`));
      assert.strictEqual(reports[reports.length - 1].percentage, 100);
      assert.ok(res.findings >= 5 && res.files >= 3 && res.scanned === res.files && !res.cancelled);
      assert.strictEqual(res.bySeverity.error + res.bySeverity.warning + res.bySeverity.info, res.findings);
      assert.strictEqual(Object.values(res.rules).reduce((a, b) => a + b, 0), res.findings);
      assert.ok(res.filesWithFindings >= 2 && res.filesWithFindings <= res.files);
      assert.ok(res.ms >= 0);
      // no server-initiated progress when the client gave a token
      assert.deepStrictEqual([...new Set(client.progress.map((p) => p.token))], ['scan-1']);
    } finally {
      await client.stop();
    }
  });

  it('cancelling the request stops the scan between files and returns how far it got', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 400; i++) extra[`pkg${i % 10}/mod${i}.py`] = VULNERABLE + `\n\ndef f${i}(x):\n    return x\n`.repeat(20);
    const ws = makeWorkspace(undefined, extra);
    const client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    try {
      const source = new CancellationTokenSource();
      client.onProgress = (p) => {
        if (p.token === 'scan-2' && p.value.kind === 'report') source.cancel();
      };
      const res = await client.request<ScanSummary>('workspace/executeCommand', { command: 'aisec.scanWorkspace', arguments: [], workDoneToken: 'scan-2' }, 30_000, source.token);
      assert.strictEqual(res.cancelled, true);
      assert.strictEqual(res.files, 400);
      assert.ok(res.scanned < 400, `scanned ${res.scanned}`);
      // publishes stop with the scan
      const published = new Set(client.publishes.filter((p) => p.diagnostics.length).map((p) => p.uri));
      assert.ok(published.size <= res.scanned, `${published.size} published, ${res.scanned} scanned`);
      assert.match(scanSummaryText(res), /^AISec scan cancelled after \d+ of 400 files/);
      assert.strictEqual(client.progress.filter((p) => p.token === 'scan-2').pop()?.value.kind, 'end');
    } finally {
      await client.stop();
    }
  });

  it('without a client token, a server-initiated progress is used (clients with window.workDoneProgress)', async () => {
    const ws = makeWorkspace('ws-config');
    const client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    try {
      const res = await client.request<ScanSummary>('workspace/executeCommand', { command: 'aisec.scanWorkspace', arguments: [] }, 30_000);
      assert.ok(res.findings > 0 && !res.cancelled);
    } finally {
      await client.stop();
    }
  });
});

describe('scan summary text', () => {
  const base: ScanSummary = { files: 42, scanned: 42, findings: 12, bySeverity: { error: 3, warning: 8, info: 1 }, filesWithFindings: 5, rules: { b: 4, a: 4, c: 3, d: 1 }, ms: 1320, cancelled: false };
  it('says files, time, findings by severity and the most frequent rules', () => {
    assert.strictEqual(scanSummaryText(base), 'AISec scanned 42 files in 1.3 s: 12 findings (3 errors, 8 warnings, 1 info) in 5 files. Most frequent: a (4), b (4), c (3).');
  });
  it('no findings, singulars, cancelled', () => {
    assert.strictEqual(scanSummaryText({ ...base, files: 1, scanned: 1, findings: 0, bySeverity: { error: 0, warning: 0, info: 0 }, rules: {}, filesWithFindings: 0, ms: 80 }), 'AISec scanned 1 file in 80 ms: no findings.');
    assert.strictEqual(scanSummaryText({ ...base, findings: 1, bySeverity: { error: 0, warning: 1, info: 0 }, rules: { x: 1 }, filesWithFindings: 1, scanned: 10, cancelled: true }), 'AISec scan cancelled after 10 of 42 files (1.3 s): 1 finding (1 warning) in 1 file so far. Most frequent: x (1).');
  });
});
