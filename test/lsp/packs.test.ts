/**
 * Team rule packs in the editor (language server over stdio): the same findings, ranges, severities and
 * policy links as the CLI for the sample repo; hover shows the pack rule's docs and owner; a broken pack
 * is reported on the pack file at its line while analysis continues; editing the pack refreshes diagnostics.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { assertBuilt, cleanupWorkspaces, findingKeys, makeWorkspace, scanJson } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

const FILES = ['.vscode/mcp.json', 'app.py', 'prompts/support.prompty', 'web/server.ts'];
const LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };
const key = (rel: string, d: Diagnostic) => `${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${LEVEL[d.severity ?? 1]}`;

describe('lsp: team rule packs', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('reports exactly what the CLI reports (findings, positions, severities, policy links)', async () => {
    const ws = makeWorkspace('team-pack');
    const cli = scanJson(ws, [], [1]);
    const c = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 20 } }).start();
    try {
      const keys: string[] = [];
      const byFile = new Map<string, Diagnostic[]>();
      for (const rel of FILES) {
        const pub = await c.open(path.join(ws, rel));
        byFile.set(rel, pub.diagnostics);
        for (const d of pub.diagnostics) {
          keys.push(key(rel, d));
          assert.strictEqual(d.codeDescription?.href, `https://policy.acme.example/ai/${String(d.code)}`, String(d.code));
        }
      }
      assert.deepStrictEqual(keys.sort(), findingKeys(cli, true));
      // ends, not only starts, agree
      for (const d of byFile.get('app.py')!) {
        const f = cli.findings.find((x) => x.path === 'app.py' && x.ruleId === d.code)!;
        assert.deepStrictEqual([d.range.end.line + 1, d.range.end.character + 1], [f.endLine, f.endColumn]);
      }
    } finally {
      await c.stop();
    }
  });

  it('hover on a pack finding shows its docs, policy and owner', async () => {
    const ws = makeWorkspace('team-pack');
    const c = await new LspClient({ root: ws, configuration: true }).start();
    try {
      const pub = await c.open(path.join(ws, 'app.py'));
      const d = pub.diagnostics.find((x) => x.code === 'acme-requests-tls-disabled')!;
      const h = await c.hover(path.join(ws, 'app.py'), d.range.start);
      const md = (h!.contents as MarkupContent).value;
      assert.match(md, /acme-requests-tls-disabled/);
      assert.match(md, /ACME policy AI-7/);
      assert.match(md, /Owner:\*\* #acme-ai-security/);
      assert.match(md, /https:\/\/policy\.acme\.example\/ai\/acme-requests-tls-disabled/);
    } finally {
      await c.stop();
    }
  });

  it('a malformed pack is reported on the pack file at its line; analysis continues; fixing it refreshes', async () => {
    const ws = makeWorkspace('team-pack');
    const pack = path.join(ws, 'security', 'acme.aisec-pack.yaml');
    const good = fs.readFileSync(pack, 'utf8');
    fs.writeFileSync(pack, good.replace("regex: '\\b[a-z0-9][a-z0-9-]{0,62}\\.internal\\.acme\\.corp\\b'", "regex: '(\\w+\\s?)+corp'"));
    const c = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 20 } }).start();
    try {
      const packPub = c.waitForDiagnostics(uriOf(pack), (p) => p.diagnostics.length > 0);
      const pub = await c.open(path.join(ws, 'app.py'));
      const ids = pub.diagnostics.map((d) => String(d.code)).sort();
      assert.ok(ids.includes('acme-requests-tls-disabled'), 'the valid pack rules still apply');
      assert.ok(!ids.includes('acme-internal-hostname'), 'the refused rule does not run');
      const p = await packPub;
      assert.strictEqual(p.diagnostics.length, 1);
      assert.strictEqual(p.diagnostics[0].range.start.line, good.split('\n').findIndex((l) => l.includes("regex: '\\b[a-z0-9][a-z0-9-]{0,62}")));
      assert.match(String(p.diagnostics[0].message), /pathological regex refused/);
      assert.strictEqual(p.diagnostics[0].severity, 1);
      // fix the pack: the pack's diagnostics clear and the rule reports again
      const since = c.publishes.length;
      fs.writeFileSync(pack, good);
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pack), type: 2 }] });
      await c.waitForDiagnostics(uriOf(pack), (x) => x.diagnostics.length === 0, 15_000, since);
      const again = await c.waitForDiagnostics(uriOf(path.join(ws, 'app.py')), (x) => x.diagnostics.some((d) => d.code === 'acme-internal-hostname'), 15_000, since);
      assert.ok(again);
    } finally {
      await c.stop();
    }
  });
});
