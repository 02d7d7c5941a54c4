/**
 * Baseline in the editor (setting `aisec.baseline`): findings recorded by `aisec scan --update-baseline`
 * are not shown, new ones are, exactly as the CLI's --baseline filters them. Plus the `aisec/inventory`
 * request that feeds the AI Inventory tree view.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { InventoryResult } from '../../server/src/protocol';
import { assertBuilt, cleanupWorkspaces, expectExit, findingKeys, makeWorkspace, runCli, scanJson } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

const BASELINE = '.aisec-baseline.json';

describe('lsp: baseline and inventory', function () {
  this.timeout(60_000);
  let ws: string;
  let client: LspClient | undefined;

  before(() => {
    assertBuilt();
    ws = makeWorkspace('ws-basic');
    expectExit(runCli(['scan', '--update-baseline', BASELINE], ws), [0]);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => cleanupWorkspaces());

  it('hides the findings recorded in the baseline and shows new ones, like `aisec scan --baseline`', async () => {
    client = await new LspClient({ root: ws, configuration: true, settings: { baseline: BASELINE } }).start();
    const loader = path.join(ws, 'loader.py');
    const original = fs.readFileSync(loader, 'utf8');
    const first = await client.open(loader);
    assert.deepStrictEqual(first.diagnostics.map((d) => d.code), [], 'baselined findings are hidden');

    // a new unsafe load below the old one: only the new one is reported
    const edited = original + 'extra = torch.load("extra.pt")\n';
    const lastLine = edited.split('\n').length - 2;
    const since = client.publishes.length;
    const version = await client.change(loader, edited);
    const after = await client.waitForDiagnostics(uriOf(loader), (p) => p.version === version, 15_000, since);
    assert.deepStrictEqual(after.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`), [`${lastLine} torch-load-unsafe`]);

    // the CLI agrees on the same text
    fs.writeFileSync(loader, edited);
    const cli = findingKeys(scanJson(ws, ['--baseline', BASELINE]));
    assert.deepStrictEqual(cli, [`loader.py:${lastLine + 1}:${after.diagnostics[0].range.start.character + 1} torch-load-unsafe`]);
    fs.writeFileSync(loader, original);
  });

  it('without the setting every finding is shown; a missing baseline file warns and shows all', async () => {
    client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    const all = await client.open(path.join(ws, 'loader.py'));
    assert.deepStrictEqual(all.diagnostics.map((d) => d.code), ['torch-load-unsafe']);
    await client.stop();

    client = await new LspClient({ root: ws, configuration: true, settings: { baseline: 'no-such-baseline.json' } }).start();
    const shown = await client.open(path.join(ws, 'loader.py'));
    assert.deepStrictEqual(shown.diagnostics.map((d) => d.code), ['torch-load-unsafe']);
    assert.ok(client.messages.some((m) => /no-such-baseline\.json: file not found/.test(m.message)), 'the user is told');
  });

  it('answers aisec/inventory with workspace items, file URIs, ranges and linked findings', async () => {
    client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    const inv = await client.request<InventoryResult>('aisec/inventory', {});
    const server = inv.items.find((i) => i.kind === 'mcpServer');
    assert.ok(server, `an MCP server in ws-basic: ${JSON.stringify(inv.items.map((i) => [i.kind, i.name]))}`);
    assert.strictEqual(server.uri, uriOf(path.join(ws, '.vscode', 'mcp.json')));
    assert.ok(server.findings.some((f) => f.ruleId === 'mcp-insecure-transport'));
    assert.ok(server.range.start.line >= 0);
  });
});
