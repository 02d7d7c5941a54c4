// The same expectations as the code-server and Neovim runs (test/e2e/lib.mjs), checked through the
// VS Code API in desktop VS Code with the packaged extension installed.
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vscode = require('vscode');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(fn, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) { const v = await fn(); if (v || Date.now() > end) return v; await sleep(100); }
}

describe('AISec in desktop VS Code', function () {
  let lib;
  const ws = process.env.AISEC_E2E_WORKSPACE;
  const uriOf = (rel) => vscode.Uri.file(path.join(ws, rel));
  const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aisec');
  const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);

  before(async function () {
    lib = await import(pathToFileURL(path.join(__dirname, '..', '..', 'lib.mjs')).href);
  });

  it('the installed extension activates', async function () {
    const ext = vscode.extensions.getExtension('aisec.aisec');
    assert.ok(ext, 'aisec.aisec is not installed');
    await ext.activate();
    assert.ok(ext.isActive);
  });

  it('reports the expected rule ids per file, nothing on the clean file', async function () {
    for (const f of lib.FILES) {
      const uri = uriOf(f.file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      if (f.codes.length) {
        await poll(() => f.codes.every((c) => ours(uri).some((d) => codeOf(d) === c)));
        const got = ours(uri).map(codeOf);
        for (const c of f.codes) assert.ok(got.includes(c), `${f.file}: missing ${c} (got ${got.join(', ') || 'none'})`);
      } else {
        await sleep(3000);
        assert.deepStrictEqual(ours(uri).map(codeOf), [], `${f.file} should be clean`);
      }
    }
  });

  it('hover carries the policy link', async function () {
    const uri = uriOf(lib.HOVER.file);
    const d = ours(uri).find((x) => codeOf(x) === lib.HOVER.code);
    assert.ok(d, `no ${lib.HOVER.code} in ${lib.HOVER.file}`);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, d.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, lib.HOVER.expect);
  });

  it('quick fixes change the text as expected', async function () {
    for (const fx of lib.FIXES) {
      const uri = uriOf(fx.file);
      const d = ours(uri).find((x) => codeOf(x) === fx.code);
      assert.ok(d, `no ${fx.code} in ${fx.file}`);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const a = actions.find((x) => fx.title.test(x.title));
      assert.ok(a && a.edit, `no quick fix matching ${fx.title} (${actions.map((x) => x.title).join(' | ')})`);
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      assert.match(text, fx.expect);
    }
  });
});
