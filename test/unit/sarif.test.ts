/** toSarif() directly: shape, levels, regions in UTF-16 columns, fixes, both kinds of suppression, schema validity. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { toSarif } from '../../server/src/cli/sarif';
import { defaultConfig } from '../../server/src/engine/config';
import type { EffectiveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import type { ScannedFile } from '../../server/src/workspace/scan';
import { ready } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function scanned(rel: string, text: string, config: EffectiveConfig): ScannedFile {
  return { abs: path.join('/ws', rel), rel, text, result: analyze({ path: rel, text }, config, builtinRules) };
}

describe('unit: sarif', () => {
  before(ready);
  let log: Any;
  const config = { ...defaultConfig(), today: '2026-06-01', policy: { url: 'https://policy.example.com/{ruleId}', owner: '#sec-ai' } };
  config.rules['torch-load-unsafe'] = { severity: 'info', options: {} };
  config.suppressions.push({ path: 'config/*.json', rule: 'mcp-insecure-transport', reason: 'test data only' });
  before(() => {
    const files = [
      scanned('src/my app/loader.py', `# 🤖\r\nimport torch\r\nm = torch.load("x.pt")\r\nKEY = "${KEY}"  # aisec-ignore hardcoded-ai-provider-key until 2027-01-01 by alice -- revoked\r\n`, config),
      scanned('config/mcp.json', '{"servers": {"a": {"type": "http", "url": "http://mcp.example.org/x"}}}\n', config),
      // a test file: exploit rules report there with their role; practice rules (mcp-insecure-transport) do not
      scanned('tests/test_loader.py', 'import torch\nm = torch.load("x.pt")\n', config),
      scanned('tests/fixtures/mcp.json', '{"servers": {"a": {"type": "http", "url": "http://mcp.example.org/x"}}}\n', config),
    ];
    log = toSarif({ version: '9.8.7', rules: builtinRules, files, config, severityOf: (r) => (r.meta.id === 'torch-load-unsafe' ? 'info' : r.meta.severity) });
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  });

  it('tool, version, rules and taxonomies', () => {
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'AISec');
    assert.strictEqual(run.tool.driver.version, '9.8.7');
    assert.strictEqual(run.tool.driver.rules.length, builtinRules.length);
    const torch = run.tool.driver.rules.find((r: Any) => r.id === 'torch-load-unsafe');
    assert.strictEqual(torch.defaultConfiguration.level, 'note', 'effective severity info -> note');
    assert.strictEqual(torch.helpUri, 'https://policy.example.com/torch-load-unsafe');
    assert.deepStrictEqual(torch.properties.tags, ['security', 'external/owasp-llm/llm03', 'external/owasp-llm/llm04', 'external/cwe/cwe-502']);
    assert.strictEqual(torch.properties.precision, 'high');
    assert.strictEqual(torch.properties['security-severity'], '5.5', 'security-severity follows the rule default (warning)');
    const tax = run.taxonomies.find((t: Any) => t.name === 'OWASP LLM Top 10 2025');
    assert.deepStrictEqual(tax.taxa.map((t: Any) => t.id), ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    const rel = torch.relationships.map((r: Any) => `${r.target.toolComponent.name}:${r.target.id}`);
    assert.deepStrictEqual(rel, ['OWASP LLM Top 10 2025:LLM03', 'OWASP LLM Top 10 2025:LLM04', 'CWE:502']);
  });

  it('results: level from the finding, encoded relative uri, 1-based UTF-16 region, owner, fixes', () => {
    const results = log.runs[0].results;
    const torch = results.find((r: Any) => r.ruleId === 'torch-load-unsafe');
    assert.strictEqual(torch.level, 'note');
    const loc = torch.locations[0].physicalLocation;
    assert.deepStrictEqual(loc.artifactLocation, { uri: 'src/my%20app/loader.py', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual({ ...loc.region, snippet: undefined }, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 23, snippet: undefined });
    assert.strictEqual(loc.region.snippet.text, 'torch.load("x.pt")');
    assert.strictEqual(torch.properties.owner, '#sec-ai');
    assert.strictEqual(torch.fixes[0].artifactChanges[0].replacements.length, 1);
    assert.match(torch.partialFingerprints['aisecFingerprint/v1'], /^[0-9a-f]{16}$/);
    assert.strictEqual(log.runs[0].tool.driver.rules[torch.ruleIndex].id, 'torch-load-unsafe');
  });

  it('suppressions: inSource with justification and its until/by; external from the config', () => {
    const results = log.runs[0].results;
    const key = results.find((r: Any) => r.ruleId === 'hardcoded-ai-provider-key');
    assert.strictEqual(key.locations[0].physicalLocation.region.startLine, 4);
    assert.strictEqual(key.locations[0].physicalLocation.region.startColumn, 8);
    assert.deepStrictEqual(key.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'revoked', properties: { by: 'alice', until: '2027-01-01' } }]);
    const mcp = results.find((r: Any) => r.ruleId === 'mcp-insecure-transport');
    assert.strictEqual(mcp.suppressions[0].kind, 'external');
    assert.strictEqual(mcp.suppressions[0].justification, 'test data only');
    const unsuppressed = results.filter((r: Any) => !r.suppressions).map((r: Any) => r.ruleId);
    assert.deepStrictEqual(unsuppressed, ['torch-load-unsafe', 'torch-load-unsafe']);
  });

  it('results carry the file role in properties.role', () => {
    const results = log.runs[0].results;
    const where = (r: Any) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.ruleId}:${r.properties.role}`;
    assert.deepStrictEqual(results.map(where), [
      'src/my%20app/loader.py:torch-load-unsafe:product',
      'src/my%20app/loader.py:hardcoded-ai-provider-key:product',
      'config/mcp.json:mcp-insecure-transport:product',
      'tests/test_loader.py:torch-load-unsafe:test',
    ]);
  });
});
