/** `aisec inventory`: JSON and CycloneDX 1.6 ML-BOM over the demo workspace. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, ROOT, runCli } from '../helpers/cli';

interface Item { kind: string; name: string; file: string; line: number; column: number; details: Record<string, unknown>; findings: { fingerprint: string; ruleId: string }[] }

describe('cli: aisec inventory', function () {
  this.timeout(60_000);
  let ws: string;
  before(() => {
    assertBuilt();
    ws = makeWorkspace(undefined);
    fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  });
  after(() => cleanupWorkspaces());

  it('JSON: models, providers, endpoints, MCP servers, tools and prompts of examples/, linked to findings', () => {
    const r = runCli(['inventory'], ws);
    expectExit(r, [0]);
    const inv = JSON.parse(r.stdout) as { summary: Record<string, number>; items: Item[] };
    const has = (kind: string, name: string, file: string) => inv.items.find((i) => i.kind === kind && i.name === name && i.file === file);
    assert.ok(has('model', 'acme-labs/support-7b', 'app/model_loader.py'));
    assert.ok(has('model', 'gpt-4o', 'app/src/route.ts'));
    assert.ok(has('provider', 'huggingface', 'app/model_loader.py'));
    assert.ok(has('mcpServer', 'crm', '.vscode/mcp.json'));
    assert.ok(has('endpoint', 'http://mcp.crm.example.com/mcp', '.vscode/mcp.json'));
    assert.ok(has('tool', 'run_command', 'tools/admin-tools.json'));
    assert.ok(has('prompt', 'prompts/support.prompty', 'prompts/support.prompty'));
    const crm = has('mcpServer', 'crm', '.vscode/mcp.json')!;
    assert.deepStrictEqual([...new Set(crm.findings.map((f) => f.ruleId))].sort(), ['mcp-insecure-transport', 'mcp-secret-in-config']);
    // the linked ids are the fingerprints `aisec scan` reports
    const scan = JSON.parse(runCli(['scan', '--format', 'json', '--fail-on', 'none'], ws).stdout) as { findings: { fingerprint: string }[] };
    const fps = new Set(scan.findings.map((f) => f.fingerprint));
    assert.ok(inv.items.flatMap((i) => i.findings).every((f) => fps.has(f.fingerprint)));
    for (const k of ['model', 'provider', 'endpoint', 'mcpServer', 'tool', 'prompt']) assert.ok(inv.summary[k] > 0, k);
  });

  it('CycloneDX 1.6 ML-BOM: valid structure, machine-learning-model components, services, unique bom-refs', () => {
    const out = path.join(ws, 'bom', 'aibom.cdx.json');
    expectExit(runCli(['inventory', '--format', 'cyclonedx', '--output', out], ws), [0]);
    const bom = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      bomFormat: string; specVersion: string; serialNumber: string; version: number;
      metadata: { timestamp: string; tools: { components: { name: string; version: string }[] } };
      components: { type: string; 'bom-ref': string; name: string; properties?: { name: string; value: string }[] }[];
      services: { 'bom-ref': string; name: string; endpoints?: string[] }[];
      dependencies: { ref: string; dependsOn: string[] }[];
    };
    assert.strictEqual(bom.bomFormat, 'CycloneDX');
    assert.strictEqual(bom.specVersion, '1.6');
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(bom.version, 1);
    assert.match(bom.metadata.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.strictEqual(bom.metadata.tools.components[0].name, 'AISec');
    const allowed = new Set(['application', 'framework', 'library', 'container', 'platform', 'operating-system', 'device', 'device-driver', 'firmware', 'file', 'machine-learning-model', 'data', 'cryptographic-asset']);
    for (const c of bom.components) {
      assert.ok(allowed.has(c.type), `component type ${c.type}`);
      assert.ok(c.name && c['bom-ref']);
      for (const p of c.properties ?? []) assert.ok(typeof p.name === 'string' && typeof p.value === 'string');
    }
    const refs = [...bom.components, ...bom.services].map((c) => c['bom-ref']);
    assert.strictEqual(new Set(refs).size, refs.length, 'bom-refs are unique');
    const models = bom.components.filter((c) => c.type === 'machine-learning-model').map((c) => c.name);
    assert.ok(models.includes('acme-labs/support-7b') && models.includes('gpt-4o-mini'));
    assert.ok(bom.components.some((c) => c.type === 'data' && c.name === 'prompts/support.prompty'));
    assert.ok(bom.services.some((s) => s.name === 'crm' && s.endpoints?.[0] === 'http://mcp.crm.example.com/mcp'));
    assert.ok(bom.services.some((s) => s.name === 'https://docs-mcp.example.com/mcp'));
    // every dependency ref points at a declared bom-ref
    const declared = new Set([...refs, ...bom.dependencies.map((d) => d.ref)]);
    for (const d of bom.dependencies) for (const x of d.dependsOn) assert.ok(declared.has(x), x);
  });

  it('usage errors exit 2', () => {
    expectExit(runCli(['inventory', '--format', 'spdx'], ws), [2]);
  });
});
