/**
 * The editor's budgets through the real server over stdio (issue 10): superseded analyses are never published after
 * a newer version, per-document limits show up as analysis-incomplete in the Problems panel, a broken debounce setting
 * falls back to the default, and in a large workspace an opened file's own findings come first and the cross-file
 * ones follow for the same version.
 */
import * as assert from 'assert';
import * as path from 'path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

/** A Python file with `n` torch.load calls (one finding each), padded to about `pad` lines. */
function loaders(n: number, pad = 0): string {
  const lines = ['import torch', ''];
  for (let i = 0; i < n; i++) lines.push(`def load${i}(path):`, `    return torch.load(path)`, '');
  for (let i = 0; i < pad; i++) lines.push(`X${i} = ${i}`);
  return lines.join('\n') + '\n';
}
const count = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.filter((d) => d.code === code).length;

describe('lsp: editor budgets', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('cancellation: after a burst of edits, no older version is published after a newer one, and each publish matches its version', async () => {
    const ws = makeWorkspace(undefined, { 'app/loader.py': loaders(1, 1500) });
    const client = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 0 } }).start();
    try {
      const file = path.join(ws, 'app/loader.py');
      const uri = uriOf(file);
      const first = await client.open(file);
      assert.strictEqual(count(first, 'torch-load-unsafe'), 1);
      const since = client.publishes.length;
      // version v (2..9) has v torch.load calls; the edits arrive faster than the analyses run
      let last = 1;
      for (let v = 2; v <= 9; v++) last = await client.change(file, loaders(v, 1500));
      const final = await client.waitForDiagnostics(uri, (p) => p.version === last, 30_000, since);
      assert.strictEqual(count(final, 'torch-load-unsafe'), last);
      // a moment for anything late to arrive: it would be a stale publish
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      const pubs = client.publishes.slice(since).filter((p) => p.uri === uri);
      const versions = pubs.map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `published out of order: ${versions.join(', ')}`);
      for (const p of pubs) assert.strictEqual(count(p, 'torch-load-unsafe'), p.version, `version ${p.version} published with another version's findings`);
      assert.strictEqual(versions[versions.length - 1], last);
    } finally {
      await client.stop();
    }
  });

  it('per-document limits: a document above the line or size limit gets one analysis-incomplete diagnostic naming the setting, below it the findings', async () => {
    const ws = makeWorkspace(undefined, { 'big.py': loaders(2, 40), 'wide.py': `import torch\nX = "${'x'.repeat(3000)}"\ntorch.load("m.pt")\n` });
    const client = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 'not a number', editorLimits: { maxLines: 30, maxFileSizeKb: 2 } } }).start();
    try {
      const big = path.join(ws, 'big.py');
      const pub = await client.open(big);
      assert.deepStrictEqual(pub.diagnostics.map((d) => d.code), ['analysis-incomplete']);
      assert.match(String(pub.diagnostics[0].message), /has 49 lines, above the editor's limit of 30 .*aisec\.editorLimits\.maxLines/);
      assert.deepStrictEqual(pub.diagnostics[0].range.start, { line: 0, character: 0 });
      // back under the limit (the broken debounce setting is the default 200 ms): the findings
      const v = await client.change(big, loaders(2));
      const under = await client.waitForDiagnostics(uriOf(big), (p) => p.version === v);
      assert.deepStrictEqual(under.diagnostics.map((d) => d.code), ['torch-load-unsafe', 'torch-load-unsafe']);
      const wide = await client.open(path.join(ws, 'wide.py'));
      assert.deepStrictEqual(wide.diagnostics.map((d) => d.code), ['analysis-incomplete']);
      assert.match(String(wide.diagnostics[0].message), /is 3 KB, above the editor's limit of 2 KB .*aisec\.editorLimits\.maxFileSizeKb/);
    } finally {
      await client.stop();
    }
  });

  it('a large workspace: the opened file\'s own findings are published first, the cross-file ones follow for the same version', async () => {
    const SHELL = 'import subprocess\n\n\ndef run_shell(command):\n    return subprocess.run(command, shell=True).stdout\n';
    const SERVER = 'from mcp.server.fastmcp import FastMCP\nfrom .shell import run_shell\n\nmcp = FastMCP("x")\n\n\n@mcp.tool()\ndef log(ref: str) -> str:\n    return run_shell(f"git log {ref}")\n';
    const files: Record<string, string> = { 'app/__init__.py': '', 'app/shell.py': SHELL, 'app/server.py': SERVER };
    for (let i = 0; i < 201; i++) files[`pkg/m${i}.py`] = `VALUE_${i} = ${i}\n`;
    const ws = makeWorkspace(undefined, files);
    const client = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 0 } }).start();
    try {
      const shell = path.join(ws, 'app/shell.py');
      const uri = uriOf(shell);
      const first = await client.open(shell);
      assert.strictEqual(first.version, 1);
      assert.strictEqual(count(first, 'llm-output-code-execution'), 0, 'the file alone: the tool argument comes from server.py');
      const full = await client.waitForDiagnostics(uri, (p) => p.version === 1 && count(p, 'llm-output-code-execution') === 1);
      assert.match(String(full.diagnostics.find((d) => d.code === 'llm-output-code-execution')?.message), /tool argument ref of log \(server\.py\)/);
    } finally {
      await client.stop();
    }
  });
});
