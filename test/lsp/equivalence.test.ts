/**
 * DESIGN.md section 5: "The editor and the CLI resolve the same config the same way: same findings,
 * same severities." The same fixture workspace (with a root .aisec.yaml, a nested one and an ignore
 * glob) is scanned by the CLI (JSON) and by the language server (didOpen of every file, and the
 * scanWorkspace command), and the sets of (path, line, col, ruleId, severity) must be equal.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { assertBuilt, cleanupWorkspaces, makeWorkspace, scanJson } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';

const SEV: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else if (!e.name.startsWith('.aisec.')) out.push(r);
  }
  return out.sort();
}

describe('lsp: editor and CLI agree', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  let ws: string;
  let cli: string[];
  before(() => {
    ws = makeWorkspace('ws-config');
    const report = scanJson(ws);
    cli = report.findings.filter((f) => !f.suppression).map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`).sort();
  });

  it('the fixture exercises config: something found, a rule off, a rule raised, an ignored folder, a nested config', () => {
    assert.ok(cli.length >= 5, cli.join('\n'));
    assert.ok(!cli.some((k) => k.startsWith('app.py') && k.includes('hardcoded-ai-provider-key')), 'off at the root');
    assert.ok(cli.includes('app.py:4:3 invalid-suppression error'), 'raised to error');
    assert.ok(!cli.some((k) => k.startsWith('generated/')), 'ignored');
    assert.ok(cli.includes('sub/tool.py:1:12 hardcoded-ai-provider-key warning'), 'nested config');
    assert.ok(new Set(cli.map((k) => k.split(' ')[0].split(':')[0].split('.').pop())).size >= 3, 'several file kinds');
  });

  it('didOpen of every file publishes exactly what the CLI reports', async () => {
    const client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    try {
      const lsp: string[] = [];
      for (const rel of listFiles(ws)) {
        const pub = await client.open(path.join(ws, ...rel.split('/')));
        for (const d of pub.diagnostics) lsp.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${SEV[d.severity ?? 1]}`);
      }
      assert.deepStrictEqual(lsp.sort(), cli);
    } finally {
      await client.stop();
    }
  });

  it('the scanWorkspace command publishes exactly what the CLI reports', async () => {
    const client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    try {
      const res = await client.request<{ files: number; findings: number }>('workspace/executeCommand', { command: 'aisec.scanWorkspace', arguments: [] }, 30_000);
      assert.strictEqual(res.findings, cli.length);
      // the command returns after sending every publish; a round trip makes sure they were all read
      await client.request('workspace/executeCommand', { command: 'aisec.noSuchCommand', arguments: [] });
      const latest = new Map<string, string[]>();
      for (const p of client.publishes) {
        if (p.uri.endsWith('.aisec.yaml')) continue;
        const rel = path.relative(ws, fileURLToPath(p.uri)).split(path.sep).join('/');
        latest.set(rel, p.diagnostics.map((d) => `${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${SEV[d.severity ?? 1]}`));
      }
      assert.deepStrictEqual([...latest.values()].flat().sort(), cli);
      assert.ok(!latest.has('generated/keys.py'), 'ignored files are not published');
    } finally {
      await client.stop();
    }
  });
});
