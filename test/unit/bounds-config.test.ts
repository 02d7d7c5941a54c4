/**
 * Config and pack boundaries (issue 10, items 6): `extends` from a repository config resolves only inside the
 * workspace or to installed pack packages; errors never echo another file's contents (keys, parse fragments,
 * the real hash of a file outside); two packs extending the same pack is not a cycle; Restricted Mode loads no
 * config. Everything here goes through the public loaders that existed before (loadConfigFile / loadConfigFor).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinRules } from '../../server/src/engine/registry';
import { loadConfigFile, loadConfigFor } from '../../server/src/packs/config';

let tmp: string;
let ws: string;
let outside: string;
function write(abs: string, text: string): string {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}
const SECRET_KEY = 'db_password_hunter2';
const messages = (errors: { message: string }[]) => errors.map((e) => e.message).join('\n');

describe('unit: config boundaries (extends)', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-bounds-'));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'elsewhere');
    // a file outside the workspace whose keys and text must never show up in a diagnostic
    write(path.join(outside, 'secrets.yaml'), `${SECRET_KEY}: s3cr3t\nother: [unclosed\n`);
    write(path.join(outside, 'valid.yaml'), `${SECRET_KEY}: 1\n`);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('extends ../ outside the workspace is refused without reading it (no keys, no parse fragments)', () => {
    write(path.join(ws, '.aisec.yaml'), 'extends: ../elsewhere/secrets.yaml\n');
    const r = loadConfigFor(ws, ws, builtinRules);
    assert.strictEqual(r.errors.length, 1, messages(r.errors));
    assert.match(r.errors[0].message, /outside the workspace/);
    assert.doesNotMatch(messages(r.errors), new RegExp(`${SECRET_KEY}|unclosed|s3cr3t`));
    assert.deepStrictEqual(r.files, [path.join(ws, '.aisec.yaml')]);
  });

  it('extends an absolute path outside the workspace is refused; nothing of the file is echoed', () => {
    write(path.join(ws, '.aisec.yaml'), `extends: ${JSON.stringify(path.join(outside, 'valid.yaml'))}\n`);
    const r = loadConfigFor(ws, ws, builtinRules);
    assert.match(messages(r.errors), /outside the workspace/);
    assert.doesNotMatch(messages(r.errors), new RegExp(SECRET_KEY));
  });

  it('with the user-level allowance, an outside file loads but its problems are summarised, not echoed', () => {
    write(path.join(ws, '.aisec.yaml'), `extends: ${JSON.stringify(path.join(outside, 'valid.yaml'))}\n`);
    const r = loadConfigFor(ws, ws, builtinRules, undefined, { allowExtendsOutside: true });
    assert.strictEqual(r.errors.length, 1);
    assert.match(r.errors[0].message, /outside the workspace\) has 1 problem/);
    assert.doesNotMatch(messages(r.errors), new RegExp(SECRET_KEY));
  });

  it('a sha256 pin mismatch for a file outside the workspace does not print its real hash', () => {
    const pin = 'a'.repeat(64);
    write(path.join(ws, '.aisec.yaml'), `extends:\n  - { pack: ${JSON.stringify(path.join(outside, 'valid.yaml'))}, sha256: "${pin}" }\n`);
    for (const allow of [false, true]) {
      const r = loadConfigFor(ws, ws, builtinRules, undefined, { allowExtendsOutside: allow });
      assert.strictEqual(r.errors.length, 1, messages(r.errors));
      assert.doesNotMatch(r.errors[0].message, /found [0-9a-f]{64}/, 'no real hash of an outside file');
    }
  });

  it('a path-like package name (traversal through node_modules) is refused', () => {
    write(path.join(ws, '.aisec.yaml'), 'extends: "pkg/../../../elsewhere"\n');
    const r = loadConfigFor(ws, ws, builtinRules);
    assert.strictEqual(r.errors.length, 1);
    assert.match(r.errors[0].message, /npm package name/);
  });

  it('a symlink inside the workspace pointing outside is outside', function () {
    write(path.join(ws, '.aisec.yaml'), 'extends: ./link.yaml\n');
    try {
      fs.symlinkSync(path.join(outside, 'secrets.yaml'), path.join(ws, 'link.yaml'));
    } catch {
      this.skip();
    }
    const r = loadConfigFor(ws, ws, builtinRules);
    assert.match(messages(r.errors), /outside the workspace/);
    assert.doesNotMatch(messages(r.errors), new RegExp(SECRET_KEY));
  });

  it('files inside the workspace (nested folders, ../ within it) and installed packages still load', () => {
    write(path.join(ws, 'packs/base.yaml'), 'rules:\n  torch-load-unsafe: error\n');
    write(path.join(ws, 'svc/.aisec.yaml'), 'extends: ../packs/base.yaml\n');
    write(path.join(ws, 'node_modules/@acme/pack/aisec-pack.yaml'), 'extends: ./more.yaml\n');
    write(path.join(ws, 'node_modules/@acme/pack/more.yaml'), 'rules:\n  mcp-insecure-transport: error\n');
    write(path.join(ws, '.aisec.yaml'), 'extends: ["@acme/pack"]\n');
    const svc = loadConfigFor(path.join(ws, 'svc'), ws, builtinRules);
    assert.deepStrictEqual(svc.errors, []);
    assert.strictEqual(svc.config.rules['torch-load-unsafe'].severity, 'error');
    const top = loadConfigFor(ws, ws, builtinRules);
    assert.deepStrictEqual(top.errors, []);
    assert.strictEqual(top.config.rules['mcp-insecure-transport'].severity, 'error');
  });

  it('two packs extending the same pack (a diamond) is not an extends cycle, and its rules load once', () => {
    write(path.join(ws, 'base.yaml'), [
      'definitions:',
      '  - id: team-no-eval',
      '    message: eval of model output',
      '    severity: warning',
      '    languages: [python]',
      '    pattern: eval($X)',
      '',
    ].join('\n'));
    write(path.join(ws, 'a.yaml'), 'extends: ./base.yaml\n');
    write(path.join(ws, 'b.yaml'), 'extends: ./base.yaml\n');
    const r = loadConfigFile(write(path.join(ws, '.aisec.yaml'), 'extends: [./a.yaml, ./b.yaml]\n'), builtinRules);
    assert.doesNotMatch(messages(r.errors), /cycle/);
    const defined = r.definitions.map((d) => d.meta.id);
    assert.deepStrictEqual(defined, ['team-no-eval'], messages(r.errors));
    assert.deepStrictEqual(r.errors, []);
    // a real cycle is still one
    write(path.join(ws, 'c1.yaml'), 'extends: ./c2.yaml\n');
    write(path.join(ws, 'c2.yaml'), 'extends: ./c1.yaml\n');
    assert.match(messages(loadConfigFile(path.join(ws, 'c1.yaml'), builtinRules).errors), /cycle/);
  });

  it('Restricted Mode: no config file, no pack, built-in defaults only', () => {
    write(path.join(ws, '.aisec.yaml'), 'rules:\n  torch-load-unsafe: off\n');
    const normal = loadConfigFor(ws, ws, builtinRules);
    assert.strictEqual(normal.config.rules['torch-load-unsafe']?.severity, 'off');
    const restricted = loadConfigFor(ws, ws, builtinRules, path.join(ws, '.aisec.yaml'), { restricted: true });
    assert.deepStrictEqual(restricted.files, []);
    assert.strictEqual(restricted.config.rules['torch-load-unsafe'], undefined);
  });

  it('a config that is a device or a FIFO is refused with its type, not read', function () {
    if (process.platform === 'win32' || !fs.existsSync('/dev/zero')) this.skip();
    const r = loadConfigFile('/dev/zero', builtinRules);
    assert.strictEqual(r.errors.length, 1);
    assert.match(r.errors[0].message, /character device/);
  });

  it('a config above the size cap is refused with the size', () => {
    const big = write(path.join(ws, '.aisec.yaml'), `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const r = loadConfigFile(big, builtinRules);
    assert.strictEqual(r.errors.length, 1);
    assert.match(r.errors[0].message, /above the .* limit/);
  });
});
