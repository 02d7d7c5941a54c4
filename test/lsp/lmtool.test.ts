/**
 * The server side of the VS Code language-model tool (issue 11 item 2): `aisec/diagnostics` answers with the same
 * diagnostics the editor gets (an open document: the pulled ones; a closed file: its text analysed the same way; a
 * snippet: its text, even when a document with that URI is open), and a file the workspace scan published while it
 * was closed is not listed twice once opened in a pulling client.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';
import type { DocumentDiagnosticsResponse } from '../../server/src/protocol/diagnostics';

const shape = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, fixes: (d.data as { fixes: unknown[] }).fixes }));

describe('lsp: aisec/diagnostics (language-model tool)', function () {
  this.timeout(30_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('a closed file, the same file open, and the pulled diagnostics agree', async () => {
    const ws = makeWorkspace('ws-basic');
    const c = await new LspClient({ root: ws, configuration: true, pull: true, initializationOptions: { lessons: true } }).start();
    try {
      const file = path.join(ws, 'app.py');
      const uri = uriOf(file);
      const text = fs.readFileSync(file, 'utf8');
      const closed = await c.request<DocumentDiagnosticsResponse>('aisec/diagnostics', { uri, languageId: 'python', text });
      assert.strictEqual(closed.from, 'text');
      assert.ok(closed.analysed && closed.diagnostics.length >= 1, JSON.stringify(closed));
      await c.open(file);
      const open = await c.request<DocumentDiagnosticsResponse>('aisec/diagnostics', { uri, languageId: 'python', text: 'ignored while open' });
      assert.strictEqual(open.from, 'open');
      assert.strictEqual(open.version, 1);
      const pulled = await c.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepStrictEqual(shape(open.diagnostics), shape(pulled.items));
      assert.deepStrictEqual(shape(closed.diagnostics), shape(pulled.items));
      // the tool reads whether a quick fix exists from the same data
      assert.ok(open.diagnostics.every((d) => d.source === 'aisec' && Array.isArray((d.data as { fixes: unknown[] }).fixes)));
    } finally {
      await c.stop();
    }
  });

  it('a snippet is analysed as its text, even when a document with that URI is open; a missing text is not analysed', async () => {
    const ws = makeWorkspace('ws-basic');
    const c = await new LspClient({ root: ws, configuration: true, pull: true }).start();
    try {
      const clean = path.join(ws, 'clean.py');
      await c.open(clean);
      const snippet = 'import torch\n\ndef load(p):\n    return torch.load(p)\n';
      const r = await c.request<DocumentDiagnosticsResponse>('aisec/diagnostics', { uri: uriOf(clean), languageId: 'python', text: snippet, snippet: true });
      assert.strictEqual(r.from, 'text');
      assert.deepStrictEqual(r.diagnostics.map((d) => d.code), ['torch-load-unsafe']);
      assert.deepStrictEqual(r.diagnostics[0].range, { start: { line: 3, character: 11 }, end: { line: 3, character: 24 } });
      const none = await c.request<DocumentDiagnosticsResponse>('aisec/diagnostics', { uri: uriOf(path.join(ws, 'not-open.py')) });
      assert.deepStrictEqual({ analysed: none.analysed, n: none.diagnostics.length }, { analysed: false, n: 0 });
      assert.strictEqual(await c.request('aisec/diagnostics', { nouri: true }), null);
    } finally {
      await c.stop();
    }
  });

  it('a pulling client never keeps a pushed copy: the scan\'s or a reopened file\'s pushed findings are cleared at its first pull', async () => {
    const ws = makeWorkspace('ws-basic');
    const c = await new LspClient({ root: ws, configuration: true, pull: true }).start();
    try {
      await c.request('workspace/executeCommand', { command: 'aisec.scanWorkspace', arguments: [] }, 20_000);
      const file = path.join(ws, 'loader.py');
      const uri = uriOf(file);
      const pull = () => c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const scanned = c.publishes.filter((p) => p.uri === uri);
      assert.ok(scanned.length === 1 && scanned[0].diagnostics.length >= 1, 'the scan published the closed file');
      for (const round of ['after the scan', 'reopened']) {
        // the analysis of the open finishes before the client's first pull: it is pushed
        const before = c.publishes.length;
        await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: fs.readFileSync(file, 'utf8') } });
        await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5_000, before);
        const pulled = await pull();
        assert.deepStrictEqual(shape(pulled.items), shape(scanned[0].diagnostics), round);
        // ... and cleared at the first pull: the last push for the file is empty
        const last = () => c.publishes.filter((p) => p.uri === uri).at(-1)!;
        const t0 = Date.now();
        while (last().diagnostics.length && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 20));
        assert.strictEqual(last().diagnostics.length, 0, `${round}: the pushed copy stays`);
        // later analyses are pulled only (the client is asked to refresh), never pushed again
        const since = c.publishes.length;
        await c.change(file, fs.readFileSync(file, 'utf8') + '\n# edit\n');
        await new Promise((r) => setTimeout(r, 600));
        assert.ok(c.publishes.slice(since).every((p) => p.uri !== uri), `${round}: pushed again`);
        await c.close(file);
      }
    } finally {
      await c.stop();
    }
  });
});
