/**
 * The language server over stdio, as any LSP editor sees it (DESIGN.md section 3): push diagnostics,
 * pull diagnostics, code actions rebuilt from Diagnostic.data, hover, suppressions, config handling,
 * robustness against broken input and superseded edits.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, MarkupContent } from 'vscode-languageserver-protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace, writeFile } from '../helpers/cli';
import { applyTextEdits, editsFor, LspClient, uriOf } from '../helpers/lsp';

const OPENAI_KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';
const KEY_RULE = 'hardcoded-ai-provider-key';

/** LSP range of the first occurrence of `needle` in `text` (single line). */
function rangeOf(text: string, needle: string, from = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const ids = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('lsp: language server over stdio', function () {
  this.timeout(30_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  describe('push client without pull support', () => {
    let ws: string;
    let client: LspClient;
    before(async () => {
      ws = makeWorkspace('ws-basic');
      client = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 50 } }).start();
    });
    after(async () => client.stop());

    it('does not offer a diagnosticProvider to a client without pull support', () => {
      assert.strictEqual(client.initializeResult.capabilities.diagnosticProvider, undefined);
      assert.ok(client.initializeResult.capabilities.hoverProvider);
    });

    it('publishes precise diagnostics with source, code, codeDescription, severity and data', async () => {
      const file = path.join(ws, 'app.py');
      const text = fs.readFileSync(file, 'utf8');
      const pub = await client.open(file);
      assert.strictEqual(pub.version, 1);
      // the justified suppression hides the anthropic key; the unjustified one is itself reported and suppresses nothing
      assert.deepStrictEqual(ids(pub.diagnostics), [KEY_RULE, KEY_RULE, 'invalid-suppression']);
      const key = pub.diagnostics.find((d) => d.code === KEY_RULE && d.range.start.line === 3)!;
      assert.ok(key, 'the OpenAI key on line 4 is reported');
      assert.deepStrictEqual(key.range, rangeOf(text, OPENAI_KEY));
      assert.strictEqual(key.source, 'aisec');
      assert.strictEqual(key.severity, 1);
      assert.match(key.codeDescription!.href, /^https:\/\/genai\.owasp\.org\/llmrisk\/llm02/);
      const data = key.data as { ruleId: string; fingerprint: string; fixes: unknown[]; comment: { prefix: string }; line: number };
      assert.strictEqual(data.ruleId, KEY_RULE);
      assert.match(data.fingerprint, /^[0-9a-f]{16}$/);
      assert.strictEqual(data.fixes.length, 1);
      assert.strictEqual(data.comment.prefix, '# ');
      assert.strictEqual(data.line, 3);
      const hf = pub.diagnostics.find((d) => d.code === KEY_RULE && d.range.start.line === 8)!;
      assert.deepStrictEqual(hf.range, rangeOf(text, 'hf_oaF1LlqsajAIxNKu8iS2G8NPRVdD53X83R'));
      const inv = pub.diagnostics.find((d) => d.code === 'invalid-suppression')!;
      assert.strictEqual(inv.severity, 2);
      assert.deepStrictEqual(inv.range, rangeOf(text, 'aisec-ignore hardcoded-ai-provider-key\n'.trimEnd(), text.indexOf('# aisec-ignore hardcoded-ai-provider-key\n')));
      assert.ok(!pub.diagnostics.some((d) => d.range.start.line === 6), 'the justified suppression hides line 7');
    });

    it('torch.load: diagnostic on the call, quick fix adds weights_only=True, suppression edit, hover', async () => {
      const file = path.join(ws, 'loader.py');
      const text = fs.readFileSync(file, 'utf8');
      const uri = uriOf(file);
      const pub = await client.open(file);
      assert.deepStrictEqual(ids(pub.diagnostics), ['torch-load-unsafe']);
      const d = pub.diagnostics[0];
      assert.deepStrictEqual(d.range, rangeOf(text, 'torch.load(path, map_location="cpu")'));
      assert.strictEqual(d.severity, 2);
      assert.strictEqual(d.source, 'aisec');
      assert.match(d.codeDescription!.href, /^https:\/\/genai\.owasp\.org\/llmrisk\/llm03/);
      assert.strictEqual((d.data as { ruleId: string }).ruleId, 'torch-load-unsafe');
      const actions = await client.codeActions(file, d.range, [d]);
      const fix = actions.find((a) => a.kind === 'quickfix' && !editsFor(a.edit, uri).some((e) => e.newText.includes('aisec-ignore')));
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      assert.strictEqual(applyTextEdits(text, editsFor(fix!.edit, uri)), text.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'));
      const sup = actions.find((a) => editsFor(a.edit, uri).some((e) => e.newText.includes('aisec-ignore')));
      assert.deepStrictEqual(editsFor(sup!.edit, uri), [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '    # aisec-ignore torch-load-unsafe --\n' }]);
      const h = await client.hover(file, { line: 4, character: 15 });
      const md = (h!.contents as MarkupContent).value;
      assert.ok(md.includes('genai.owasp.org') && md.includes('Why it matters') && md.includes('CWE-502'), md);
      // a justified suppression in the text hides it; an unjustified one yields invalid-suppression instead
      const justified = text.replace('    return torch.load', '    # aisec-ignore torch-load-unsafe -- checkpoints come from our signed bucket\n    return torch.load');
      const v = await client.change(file, justified);
      assert.deepStrictEqual((await client.waitForDiagnostics(uri, (p) => p.version === v)).diagnostics, []);
      const unjustified = text.replace('    return torch.load', '    # aisec-ignore torch-load-unsafe\n    return torch.load');
      const v2 = await client.change(file, unjustified);
      const p2 = await client.waitForDiagnostics(uri, (p) => p.version === v2);
      assert.deepStrictEqual(p2.diagnostics.map((x) => [x.code, x.range.start.line]).sort(), [['invalid-suppression', 4], ['torch-load-unsafe', 5]]);
      const v3 = await client.change(file, text);
      await client.waitForDiagnostics(uri, (p) => p.version === v3);
    });

    it('publishes for MCP configs too, at the URL value, not for loopback', async () => {
      const file = path.join(ws, '.vscode', 'mcp.json');
      const text = fs.readFileSync(file, 'utf8');
      const pub = await client.open(file);
      assert.deepStrictEqual(ids(pub.diagnostics), ['mcp-insecure-transport']);
      assert.deepStrictEqual(pub.diagnostics[0].range, rangeOf(text, 'http://mcp.tickets.example.org/mcp'));
      assert.strictEqual(pub.diagnostics[0].severity, 2);
      // the suggestion quick fix edits only the scheme
      const actions = await client.codeActions(file, pub.diagnostics[0].range, pub.diagnostics);
      const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && editsFor(a.edit, uriOf(file)).every((e) => e.newText === 'https'));
      assert.ok(fix, `a quick fix replacing the scheme: ${JSON.stringify(actions.map((a) => a.title))}`);
      const fixed = applyTextEdits(text, editsFor(fix!.edit, uriOf(file)));
      assert.strictEqual(fixed, text.replace('http://mcp.tickets', 'https://mcp.tickets'));
      // .vscode/mcp.json is JSONC: the suppression comment is a // comment
      const sup = actions.find((a) => a.kind === 'quickfix' && editsFor(a.edit, uriOf(file)).some((e) => e.newText.includes('aisec-ignore')));
      assert.ok(sup);
      assert.strictEqual(editsFor(sup!.edit, uriOf(file))[0].newText, '      // aisec-ignore mcp-insecure-transport --\n');
    });

    it('offers a quick fix whose edit yields the expected text', async () => {
      const file = path.join(ws, 'app.py');
      const text = fs.readFileSync(file, 'utf8');
      const pub = await client.waitForDiagnostics(uriOf(file));
      const key = pub.diagnostics.find((d) => d.code === KEY_RULE && d.range.start.line === 3)!;
      const actions = await client.codeActions(file, key.range, [key]);
      const quick = actions.filter((a) => a.kind === 'quickfix' && a.edit && !editsFor(a.edit, uriOf(file)).some((e) => e.newText.includes('aisec-ignore')));
      assert.strictEqual(quick.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.deepStrictEqual(quick[0].diagnostics?.map((d) => d.code), [KEY_RULE]);
      // a suggestion is never marked preferred (it must be reviewed)
      assert.notStrictEqual(quick[0].isPreferred, true);
      const fixed = applyTextEdits(text, editsFor(quick[0].edit, uriOf(file)));
      const expected = text
        .replace('from openai import OpenAI\n', 'import os\nfrom openai import OpenAI\n')
        .replace(`"${OPENAI_KEY}"`, 'os.environ["OPENAI_API_KEY"]');
      assert.strictEqual(fixed, expected);
    });

    it('offers a suppression edit (no prompt) that inserts an aisec-ignore comment above the line', async () => {
      const file = path.join(ws, 'app.py');
      const text = fs.readFileSync(file, 'utf8');
      const pub = await client.waitForDiagnostics(uriOf(file));
      const key = pub.diagnostics.find((d) => d.code === KEY_RULE && d.range.start.line === 3)!;
      const actions = await client.codeActions(file, key.range, [key]);
      const sup = actions.filter((a) => editsFor(a.edit, uriOf(file)).some((e) => e.newText.includes('aisec-ignore')));
      assert.strictEqual(sup.length, 1);
      assert.strictEqual(sup[0].kind, 'quickfix');
      assert.strictEqual(sup[0].command, undefined, 'without initializationOptions.suppressPrompt it is an edit, not a command');
      const edits = editsFor(sup[0].edit, uriOf(file));
      assert.deepStrictEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '# aisec-ignore hardcoded-ai-provider-key --\n' }]);
      // the inserted directive has no justification yet: it suppresses nothing and is reported
      const withDirective = applyTextEdits(text, edits);
      const v = await client.change(file, withDirective);
      const after1 = await client.waitForDiagnostics(uriOf(file), (p) => p.version === v);
      assert.ok(after1.diagnostics.some((d) => d.code === KEY_RULE && d.range.start.line === 4), 'still reported without a justification');
      assert.ok(after1.diagnostics.some((d) => d.code === 'invalid-suppression' && d.range.start.line === 3));
      // once the justification is written, it suppresses
      const justified = withDirective.replace('# aisec-ignore hardcoded-ai-provider-key --\n', '# aisec-ignore hardcoded-ai-provider-key -- key of the offline mock, revoked\n');
      const v2 = await client.change(file, justified);
      const after2 = await client.waitForDiagnostics(uriOf(file), (p) => p.version === v2);
      assert.ok(!after2.diagnostics.some((d) => d.range.start.line === 3 || d.range.start.line === 4), JSON.stringify(after2.diagnostics.map((d) => [d.code, d.range.start])));
      // restore
      const v3 = await client.change(file, text);
      await client.waitForDiagnostics(uriOf(file), (p) => p.version === v3);
    });

    it('gives a suppress command instead when the client prompts for the justification', async () => {
      const c2 = await new LspClient({ root: ws, initializationOptions: { suppressPrompt: true } }).start();
      try {
        const file = path.join(ws, 'clean2.py');
        writeFile(ws, 'clean2.py', `KEY = "${OPENAI_KEY}"\n`);
        const pub = await c2.open(file);
        const actions = await c2.codeActions(file, pub.diagnostics[0].range, pub.diagnostics);
        const sup = actions.find((a) => a.command?.command === 'aisec.suppress');
        assert.ok(sup, JSON.stringify(actions));
        assert.strictEqual(sup!.edit, undefined);
        assert.deepStrictEqual((sup!.command!.arguments![0] as { ruleId: string; line: number }).ruleId, KEY_RULE);
      } finally {
        await c2.stop();
      }
    });

    it('answers source.fixAll.aisec with the autofixes only', async () => {
      const file = path.join(ws, 'fixall.py');
      const text = `KEY = "${OPENAI_KEY}"\nprompt = "Summarize\u200b the\u200d text"\n`;
      writeFile(ws, 'fixall.py', text);
      const pub = await client.open(file);
      assert.deepStrictEqual(ids(pub.diagnostics), [KEY_RULE, 'hidden-unicode-characters', 'hidden-unicode-characters']);
      const whole = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
      const actions = await client.codeActions(file, whole, [], ['source.fixAll.aisec']);
      assert.strictEqual(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.strictEqual(actions[0].kind, 'source.fixAll.aisec');
      const fixed = applyTextEdits(text, editsFor(actions[0].edit, uriOf(file)));
      // the invisible characters are removed; the key (a suggestion, needs review) is left alone
      assert.strictEqual(fixed, `KEY = "${OPENAI_KEY}"\nprompt = "Summarize the text"\n`);
      // without context.only, no fix-all action is returned
      const plain = await client.codeActions(file, whole, []);
      assert.ok(!plain.some((a: CodeAction) => a.kind === 'source.fixAll.aisec'));
    });

    it('hovers a finding with the policy link, why it matters and the mapping', async () => {
      const file = path.join(ws, 'app.py');
      const pub = await client.waitForDiagnostics(uriOf(file));
      const key = pub.diagnostics.find((d) => d.code === KEY_RULE && d.range.start.line === 3)!;
      const h = await client.hover(file, { line: 3, character: key.range.start.character + 5 });
      assert.ok(h, 'hover on the finding');
      const md = h!.contents as MarkupContent;
      assert.strictEqual(md.kind, 'markdown');
      assert.ok(md.value.includes('genai.owasp.org'), md.value);
      assert.ok(md.value.includes('Why it matters'));
      assert.ok(md.value.includes(KEY_RULE));
      assert.ok(md.value.includes('CWE-798'));
      assert.deepStrictEqual(h!.range, key.range);
      // away from any finding: no hover
      assert.strictEqual(await client.hover(file, { line: 1, character: 2 }), null);
    });

    it('survives a truncated file and keeps answering', async () => {
      const file = path.join(ws, 'broken.py');
      const text = `from openai import OpenAI\ndef f(x):\n    client = OpenAI(api_key="${OPENAI_KEY}")\n    return torch.load(x, weights_only=\n`;
      writeFile(ws, 'broken.py', text);
      const pub = await client.open(file);
      assert.ok(pub.diagnostics.some((d) => d.code === KEY_RULE), 'text rules still apply to a file that does not parse');
      // still alive: requests are answered and another document is analysed
      const h = await client.hover(file, { line: 0, character: 0 });
      assert.strictEqual(h, null);
      assert.strictEqual(client.exited, undefined);
      const bin = path.join(ws, 'model.py');
      const bytes = Buffer.alloc(2048);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
      bytes[5] = 0;
      writeFile(ws, 'model.py', bytes);
      const binPub = await client.open(bin, bytes.toString('latin1'));
      assert.deepStrictEqual(binPub.diagnostics, [], 'binary file: no diagnostics');
      const deep = path.join(ws, 'deep.json');
      const deepPub = await client.open(deep, '['.repeat(10_000) + ']'.repeat(10_000), 'json');
      // nesting beyond the limit is shown as incomplete analysis, never silence (issue 10)
      assert.deepStrictEqual(ids(deepPub.diagnostics), ['analysis-incomplete']);
      assert.deepStrictEqual(deepPub.diagnostics[0].range, { start: { line: 0, character: 256 }, end: { line: 0, character: 20_000 - 256 } });
      assert.strictEqual(client.exited, undefined);
    });

    it('survives hostile documents: minified 5 MB JS, empty, invalid JSON, alias bombs, CRLF', async () => {
      let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghi') {
        bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
        prev = n;
      }
      const docs: [string, string, string][] = [
        ['app.js', 'var a=1;'.repeat((5 * 1024 * 1024) / 8), 'javascript'],
        ['empty.py', '', 'python'],
        ['bad/.vscode/mcp.json', '{\n  "servers": {\n    "t": { "type": "http", "url": "http://mcp.tickets.example.org/mcp"\n', 'jsonc'],
        ['bomb.yaml', bomb, 'yaml'],
        ['deep-object.json', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 'json'],
      ];
      for (const [rel, text, lang] of docs) {
        const pub = await client.open(path.join(ws, rel), text, lang);
        assert.ok(Array.isArray(pub.diagnostics), rel);
        // a truncated MCP config still yields what parsed; nesting beyond the limit and a file too large to analyse are
        // incomplete analysis (issue 10); the others yield nothing
        assert.deepStrictEqual(ids(pub.diagnostics), rel === 'bad/.vscode/mcp.json' ? ['mcp-insecure-transport'] : rel === 'deep-object.json' || rel === 'app.js' ? ['analysis-incomplete'] : [], rel);
      }
      // CRLF: positions as the editor counts them
      const crlf = path.join(ws, 'crlf.py');
      const pub = await client.open(crlf, `import os\r\n\r\nKEY = "${OPENAI_KEY}"\r\n`);
      assert.deepStrictEqual(pub.diagnostics.map((d) => d.range), [{ start: { line: 2, character: 7 }, end: { line: 2, character: 7 + OPENAI_KEY.length } }]);
      assert.strictEqual(client.exited, undefined);
    });

    it('publishes only the result of the latest version when edits supersede each other', async () => {
      const file = path.join(ws, 'typing.py');
      writeFile(ws, 'typing.py', 'x = 1\n');
      await client.open(file, 'x = 1\n');
      const uri = uriOf(file);
      const since = client.publishes.length;
      await client.change(file, `A = "${OPENAI_KEY}"\n`);
      await client.change(file, `A = "${OPENAI_KEY}"\nB = "hf_oaF1LlqsajAIxNKu8iS2G8NPRVdD53X83R"\n`);
      const finalText = `# header\n\nB = "hf_oaF1LlqsajAIxNKu8iS2G8NPRVdD53X83R"\n`;
      const last = await client.change(file, finalText);
      const pub = await client.waitForDiagnostics(uri, (p) => p.version === last, 15_000, since);
      assert.deepStrictEqual(pub.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [[KEY_RULE, 2, 5]]);
      // a round trip later, no stale publish (older version) has arrived after the final one
      await client.hover(file, { line: 0, character: 0 });
      const after = client.publishes.slice(since).filter((p) => p.uri === uri);
      assert.strictEqual(after[after.length - 1].version, last, `last publish is for version ${last}: ${JSON.stringify(after.map((p) => p.version))}`);
    });

    it('clears diagnostics on close', async () => {
      const file = path.join(ws, 'typing.py');
      const since = client.publishes.length;
      await client.close(file);
      const pub = await client.waitForDiagnostics(uriOf(file), () => true, 15_000, since);
      assert.deepStrictEqual(pub.diagnostics, []);
    });

    it('asked the client for the aisec settings (workspace/configuration)', () => {
      assert.ok(client.configurationRequests.length > 0);
      const first = client.configurationRequests[0] as { items: { section?: string }[] };
      assert.strictEqual(first.items[0].section, 'aisec');
    });
  });

  describe('settings', () => {
    it('aisec.enable false publishes nothing', async () => {
      const ws = makeWorkspace('ws-basic');
      const c = await new LspClient({ root: ws, configuration: true, settings: { enable: false } }).start();
      try {
        const pub = await c.open(path.join(ws, 'app.py'));
        assert.deepStrictEqual(pub.diagnostics, []);
      } finally {
        await c.stop();
      }
    });
  });

  describe('pull client', () => {
    it('answers textDocument/diagnostic with the same diagnostics', async () => {
      const ws = makeWorkspace('ws-basic');
      const c = await new LspClient({ root: ws, pull: true, configuration: true }).start();
      try {
        assert.ok(c.initializeResult.capabilities.diagnosticProvider, 'diagnosticProvider announced to a pull client');
        const file = path.join(ws, 'app.py');
        const text = fs.readFileSync(file, 'utf8');
        const uri = uriOf(file);
        await c.open(file);
        const report = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        assert.strictEqual(report.kind, 'full');
        const items = (report as { items: Diagnostic[] }).items;
        assert.deepStrictEqual(ids(items), [KEY_RULE, KEY_RULE, 'invalid-suppression']);
        const key = items.find((d) => d.range.start.line === 3)!;
        assert.deepStrictEqual(key.range, rangeOf(text, OPENAI_KEY));
        assert.strictEqual(key.source, 'aisec');
        assert.ok(key.data);
        // pull reflects edits
        const v = await c.change(file, 'x = 1\n');
        assert.strictEqual(v, 2);
        const report2 = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        assert.deepStrictEqual((report2 as { items: Diagnostic[] }).items, []);
      } finally {
        await c.stop();
      }
    });
  });

  describe('workspace config', () => {
    it('honours .aisec.yaml: a rule off, another raised, ignored folders, nearest config wins', async () => {
      const ws = makeWorkspace('ws-config');
      const c = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
      try {
        const app = path.join(ws, 'app.py');
        const pub = await c.open(app);
        // hardcoded-ai-provider-key is off; invalid-suppression is raised to error
        assert.deepStrictEqual(
          pub.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]).sort(),
          [['hidden-unicode-characters', 1, 4], ['invalid-suppression', 1, 3]],
        );
        const gen = await c.open(path.join(ws, 'generated', 'keys.py'));
        assert.deepStrictEqual(gen.diagnostics, [], 'ignore: generated/** is honoured');
        const sub = await c.open(path.join(ws, 'sub', 'tool.py'));
        assert.deepStrictEqual(sub.diagnostics.map((d) => [d.code, d.severity]), [[KEY_RULE, 2]]);
        assert.strictEqual(c.messages.length, 0, 'no error message for a valid config');
      } finally {
        await c.stop();
      }
    });

    it('re-analyses open documents when .aisec.yaml changes (didChangeWatchedFiles)', async () => {
      const ws = makeWorkspace('ws-config');
      const c = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
      try {
        const app = path.join(ws, 'app.py');
        const first = await c.open(app);
        assert.ok(first.diagnostics.some((d) => d.code === 'invalid-suppression'));
        const since = c.publishes.length;
        const cfg = writeFile(ws, '.aisec.yaml', 'rules:\n  invalid-suppression: off\n  hidden-unicode-characters: warning\n');
        await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(cfg), type: 2 }] });
        // wait for the publish made under the new config (an earlier run may still publish once meanwhile)
        const pub = await c.waitForDiagnostics(uriOf(app), (p) => !p.diagnostics.some((d) => d.code === 'invalid-suppression'), 15_000, since);
        // the key rule is back on (the new file does not turn it off), invalid-suppression is off
        assert.deepStrictEqual(pub.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]).sort(), [['hardcoded-ai-provider-key', 1, 2], ['hidden-unicode-characters', 2, 4]]);
      } finally {
        await c.stop();
      }
    });

    it('works without a workspace folder (single-file mode), using the nearest config above the file', async () => {
      const ws = makeWorkspace('ws-config');
      const c = await new LspClient({ root: ws, noWorkspace: true }).start();
      try {
        const pub = await c.open(path.join(ws, 'app.py'));
        assert.deepStrictEqual(pub.diagnostics.map((d) => [d.code, d.severity]).sort(), [['hidden-unicode-characters', 1], ['invalid-suppression', 1]]);
      } finally {
        await c.stop();
      }
    });

    it('reports a malformed .aisec.yaml on the config file at the right line and analyses with the defaults', async () => {
      const ws = makeWorkspace('ws-basic', { '.aisec.yaml': '# comment\nrules:\n  hardcoded-ai-provider-key: off\n\tinvalid-suppression: error\n' });
      const c = await new LspClient({ root: ws, configuration: true }).start();
      try {
        const cfgUri = uriOf(path.join(ws, '.aisec.yaml'));
        const cfgPub = c.waitForDiagnostics(cfgUri, (p) => p.diagnostics.length > 0);
        const pub = await c.open(path.join(ws, 'app.py'));
        // defaults: the key rule is on at error, invalid-suppression at warning
        assert.deepStrictEqual(ids(pub.diagnostics), [KEY_RULE, KEY_RULE, 'invalid-suppression']);
        assert.strictEqual(pub.diagnostics.find((d) => d.code === 'invalid-suppression')!.severity, 2);
        const cfg = await cfgPub;
        assert.strictEqual(cfg.diagnostics.length, 1);
        assert.strictEqual(cfg.diagnostics[0].severity, 1);
        assert.strictEqual(cfg.diagnostics[0].source, 'aisec');
        assert.strictEqual(cfg.diagnostics[0].range.start.line, 3);
        assert.ok(c.messages.some((m) => m.type === 1), 'an error message is shown');
      } finally {
        await c.stop();
      }
    });

    it('reports unknown rules and keys in .aisec.yaml at their lines and keeps the valid settings', async () => {
      const ws = makeWorkspace('ws-basic', { '.aisec.yaml': 'rules:\n  hardcoded-ai-provider-key: off\n  no-such-rule: error\nbogus: true\n' });
      const c = await new LspClient({ root: ws, configuration: true }).start();
      try {
        const cfgUri = uriOf(path.join(ws, '.aisec.yaml'));
        const cfgPub = c.waitForDiagnostics(cfgUri, (p) => p.diagnostics.length > 0);
        const pub = await c.open(path.join(ws, 'app.py'));
        assert.deepStrictEqual(ids(pub.diagnostics), ['invalid-suppression'], 'the valid part (key rule off) still applies');
        const cfg = await cfgPub;
        assert.deepStrictEqual(cfg.diagnostics.map((d) => d.range.start.line).sort(), [2, 3]);
      } finally {
        await c.stop();
      }
    });

    it('survives an alias bomb in .aisec.yaml', async () => {
      let y = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghi') {
        y += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
        prev = n;
      }
      const ws = makeWorkspace('ws-basic', { '.aisec.yaml': y });
      const c = await new LspClient({ root: ws, configuration: true }).start();
      try {
        const cfgPub = c.waitForDiagnostics(uriOf(path.join(ws, '.aisec.yaml')), (p) => p.diagnostics.length > 0);
        const pub = await c.open(path.join(ws, 'app.py'));
        assert.deepStrictEqual(ids(pub.diagnostics), [KEY_RULE, KEY_RULE, 'invalid-suppression'], 'analysis continues with the defaults');
        const cfg = await cfgPub;
        assert.strictEqual(cfg.diagnostics[0].severity, 1);
      } finally {
        await c.stop();
      }
    });
  });
});
