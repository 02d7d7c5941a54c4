/** `aisec/learningPaths` (the Learning view's data) and config warnings for learning paths published on the config file. */
import * as assert from 'assert';
import * as path from 'path';
import type { LearningPathsResult } from '../../server/src/learning/protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

describe('lsp: learning paths', function () {
  this.timeout(60_000);
  let ws: string;
  let client: LspClient | undefined;

  before(() => {
    assertBuilt();
    ws = makeWorkspace(undefined, {
      'team.aisec-pack.yaml': 'name: team\nlearning:\n  paths: [{ id: basics, title: Team basics, modules: [{ id: m1, rules: [torch-load-unsafe] }] }]\n',
      '.aisec.yaml': ['extends: ./team.aisec-pack.yaml', 'learning:', '  paths:', '    - id: onboarding', '      modules:', '        - id: m', '          rules: [torch-load-unsafe, no-such-rule]', '          due: 2027-01-31', ''].join('\n'),
      'loader.py': 'import torch\nm = torch.load("x.pt")\n',
    });
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => cleanupWorkspaces());

  it('answers aisec/learningPaths with the folder\'s effective paths (pack paths qualified, in extends order)', async () => {
    client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    const r = await client.request<LearningPathsResult>('aisec/learningPaths', {});
    assert.strictEqual(r.folders.length, 1);
    assert.deepStrictEqual(r.folders[0].paths.map((p) => [p.id, p.title, p.modules.map((m) => m.id)]), [['team/basics', 'Team basics', ['m1']], ['onboarding', 'onboarding', ['m']]]);
    assert.strictEqual(r.folders[0].paths[1].modules[0].due, '2027-01-31');
    assert.deepStrictEqual([r.folders[0].errors, r.folders[0].warnings], [0, 1]);
    const one = await client.request<LearningPathsResult>('aisec/learningPaths', { uri: uriOf(ws) });
    assert.deepStrictEqual(one.folders.map((f) => f.paths.length), [2]);
  });

  it('an unknown rule id in a path is a warning diagnostic on the config file, not an error', async () => {
    client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    const since = client.publishes.length;
    await client.open(path.join(ws, 'loader.py'));
    const cfg = await client.waitForDiagnostics(uriOf(path.join(ws, '.aisec.yaml')), (p) => p.diagnostics.length > 0, 15_000, since);
    assert.deepStrictEqual(cfg.diagnostics.map((d) => [d.range.start.line, d.severity, /unknown rule "no-such-rule"/.test(String(d.message))]), [[6, 2, true]]);
    assert.ok(!client.messages.some((m) => /problem\(s\)/.test(m.message)), 'no error box for a warning');
  });
});
