/** Config loading (packs/config.ts): errors with lines, unknown keys and rules, extends chains, presets, nearest wins. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findConfigFile, loadConfigFile, loadConfigFor, presetConfig } from '../../server/src/packs/config';
import { builtinRules } from '../../server/src/engine/registry';

let tmp: string;
function write(rel: string, text: string): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}
const load = (rel: string, text: string) => loadConfigFile(write(rel, text), builtinRules);
const lines = (errors: { line: number; message: string }[]) => errors.map((e) => e.line).sort((a, b) => a - b);

describe('unit: config loader', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-config-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('loads rules, ignore, policy and suppressions', () => {
    const r = load('.aisec.yaml', [
      'rules:',
      '  torch-load-unsafe: error',
      '  hardcoded-ai-provider-key: { severity: warning, options: { extra: 1 } }',
      '  mcp-insecure-transport: off',
      'ignore: ["generated/**"]',
      'policy:',
      '  url: https://policy.example.com/{ruleId}',
      '  owner: "#sec-ai"',
      'suppressions:',
      '  - { path: "fixtures/*.json", rule: mcp-insecure-transport, reason: test data, until: 2027-01-01 }',
      '',
    ].join('\n'));
    assert.deepStrictEqual(r.errors, []);
    assert.deepStrictEqual(r.config.rules['torch-load-unsafe'], { severity: 'error', options: {} });
    assert.deepStrictEqual(r.config.rules['hardcoded-ai-provider-key'], { severity: 'warning', options: { extra: 1 } });
    assert.strictEqual(r.config.rules['mcp-insecure-transport'].severity, 'off');
    assert.deepStrictEqual(r.config.ignore, ['generated/**']);
    assert.strictEqual(r.config.policy.owner, '#sec-ai');
    // an unquoted YAML date is normalised to YYYY-MM-DD
    assert.deepStrictEqual(r.config.suppressions, [{ path: 'fixtures/*.json', rule: 'mcp-insecure-transport', reason: 'test data', until: '2027-01-01', by: undefined }]);
  });

  it('an empty file is the defaults', () => {
    const r = load('.aisec.yaml', '# nothing yet\n');
    assert.deepStrictEqual(r.errors, []);
    assert.deepStrictEqual(r.config.rules, {});
  });

  it('syntax errors carry the file and 1-based line', () => {
    const r = load('.aisec.yaml', '# comment\nrules:\n  torch-load-unsafe: error\n\tmcp-insecure-transport: off\n');
    assert.strictEqual(r.errors.length, 1);
    assert.strictEqual(r.errors[0].file, path.join(tmp, '.aisec.yaml'));
    assert.strictEqual(r.errors[0].line, 4);
    assert.strictEqual(r.errors[0].column, 1);
    const dup = load('.aisec.yaml', 'rules:\n  torch-load-unsafe: error\nrules:\n  torch-load-unsafe: off\n');
    assert.deepStrictEqual(lines(dup.errors), [3]);
  });

  it('JSON configs report lines too', () => {
    const r = load('.aisec.json', '{\n  "rules": {\n    "torch-load-unsafe": "error",\n    "no-such-rule": "error"\n  }\n}\n');
    assert.deepStrictEqual(lines(r.errors), [4]);
    assert.strictEqual(r.config.rules['torch-load-unsafe'].severity, 'error');
  });

  it('unknown keys, unknown rules and bad severities are errors at their line; valid settings are kept', () => {
    const r = load('.aisec.yaml', 'rules:\n  torch-load-unsafe: error\n  no-such-rule: error\n  mcp-insecure-transport: loud\nrulez: {}\nignore: generated\n');
    assert.deepStrictEqual(lines(r.errors), [3, 4, 5, 6]);
    assert.ok(r.errors.find((e) => e.line === 3)!.message.includes('no-such-rule'));
    assert.ok(r.errors.find((e) => e.line === 5)!.message.includes('rulez'));
    assert.strictEqual(r.config.rules['torch-load-unsafe'].severity, 'error');
    assert.strictEqual(r.config.rules['mcp-insecure-transport'], undefined);
  });

  it('a suppression without a reason is an error at its entry', () => {
    const r = load('.aisec.yaml', 'suppressions:\n  - path: a.json\n    rule: mcp-insecure-transport\n  - { path: b.json, rule: mcp-insecure-transport, reason: "  " }\n');
    assert.deepStrictEqual(lines(r.errors), [2, 4]);
    assert.deepStrictEqual(r.config.suppressions, []);
  });

  it('a non-mapping document is an error', () => {
    assert.strictEqual(load('.aisec.yaml', '- a\n- b\n').errors.length, 1);
    assert.strictEqual(load('.aisec.yaml', 'just a string\n').errors.length, 1);
  });

  it('extends chain: file -> file -> preset, nearer settings win', () => {
    write('packs/base.yaml', 'extends: aisec:strict\nrules:\n  torch-load-unsafe: info\n  mcp-insecure-transport: off\nignore: ["vendor/**"]\n');
    write('packs/team.yaml', 'extends: ./base.yaml\nrules:\n  torch-load-unsafe: error\n');
    const r = load('.aisec.yaml', 'extends:\n  - ./packs/team.yaml\nrules:\n  hardcoded-ai-provider-key: warning\nignore: ["generated/**"]\n');
    assert.deepStrictEqual(r.errors, []);
    assert.deepStrictEqual(r.files.map((f) => path.relative(tmp, f)), ['.aisec.yaml', path.join('packs', 'team.yaml'), path.join('packs', 'base.yaml')]);
    assert.strictEqual(r.config.rules['torch-load-unsafe'].severity, 'error', 'team overrides base');
    assert.strictEqual(r.config.rules['mcp-insecure-transport'].severity, 'off', 'base overrides the preset');
    assert.strictEqual(r.config.rules['hardcoded-ai-provider-key'].severity, 'warning', 'the file overrides all');
    assert.deepStrictEqual(r.config.ignore, ['vendor/**', 'generated/**']);
    // the preset turned every rule on (opt-in ones too)
    for (const rule of builtinRules.filter((x) => x.meta.optIn)) assert.ok(r.config.rules[rule.meta.id], rule.meta.id);
  });

  it('aisec:strict turns every rule on and raises info rules to warning', () => {
    const strict = presetConfig('aisec:strict', builtinRules)!;
    for (const rule of builtinRules) {
      const expected = rule.meta.severity === 'info' ? 'warning' : rule.meta.severity;
      assert.strictEqual(strict.rules[rule.meta.id]?.severity, expected, rule.meta.id);
    }
    assert.deepStrictEqual(presetConfig('aisec:recommended', builtinRules)!.rules, {});
    assert.strictEqual(presetConfig('aisec:nope', builtinRules), undefined);
  });

  it('extends errors: unknown preset, missing file, cycle, non-string', () => {
    const r = load('.aisec.yaml', 'extends:\n  - aisec:nope\n  - ./missing.yaml\n  - 42\n');
    assert.deepStrictEqual(lines(r.errors), [2, 3, 4]);
    write('a.yaml', 'extends: ./b.yaml\n');
    write('b.yaml', 'extends: ./a.yaml\n');
    const cyc = loadConfigFile(path.join(tmp, 'a.yaml'), builtinRules);
    assert.ok(cyc.errors.some((e) => /cycle/.test(e.message)));
  });

  it('extends an npm package from the workspace node_modules', () => {
    write('node_modules/@acme/aisec-pack/aisec-pack.yaml', 'rules:\n  torch-load-unsafe: error\n');
    const r = load('.aisec.yaml', 'extends: "@acme/aisec-pack"\n');
    assert.deepStrictEqual(r.errors, []);
    assert.strictEqual(r.config.rules['torch-load-unsafe'].severity, 'error');
  });

  it('an alias bomb is a config error, not a crash', () => {
    let y = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      y += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    let r: ReturnType<typeof load> | undefined;
    assert.doesNotThrow(() => {
      r = load('.aisec.yaml', y);
    });
    assert.ok(r!.errors.length > 0);
  });

  it('nearest config wins, lookup stops at the root, an explicit file overrides', () => {
    write('.aisec.yaml', 'rules:\n  torch-load-unsafe: error\n');
    write('svc/.aisec.json', '{"rules": {"torch-load-unsafe": "off"}}');
    write('svc/deep/x.py', '');
    assert.strictEqual(findConfigFile(path.join(tmp, 'svc', 'deep'), tmp), path.join(tmp, 'svc', '.aisec.json'));
    assert.strictEqual(findConfigFile(path.join(tmp, 'other'), tmp), path.join(tmp, '.aisec.yaml'));
    // the root itself is searched, not above it
    assert.strictEqual(findConfigFile(path.join(tmp, 'svc', 'deep'), path.join(tmp, 'svc', 'deep')), undefined);
    const near = loadConfigFor(path.join(tmp, 'svc', 'deep'), tmp, builtinRules);
    assert.strictEqual(near.config.rules['torch-load-unsafe'].severity, 'off');
    assert.strictEqual(near.root, path.join(tmp, 'svc'));
    assert.match(near.config.today ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const explicit = loadConfigFor(path.join(tmp, 'svc', 'deep'), tmp, builtinRules, path.join(tmp, '.aisec.yaml'));
    assert.strictEqual(explicit.config.rules['torch-load-unsafe'].severity, 'error');
    const none = loadConfigFor(path.join(tmp, 'svc', 'deep'), path.join(tmp, 'svc', 'deep'), builtinRules);
    assert.deepStrictEqual(none.files, []);
  });
});
