/** The aisec-ignore grammar (DESIGN.md section 6), parsed directly and through analyze(). */
import * as assert from 'assert';
import { defaultConfig } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { parseSuppressions } from '../../server/src/engine/suppressions';
import { allRulesConfig, ready, run } from '../helpers/engine';

const KNOWN = new Set(['torch-load-unsafe', 'hardcoded-ai-provider-key', 'mcp-insecure-transport']);
const parse = (text: string, today: string | null = '2026-06-01') => parseSuppressions(text, new LineIndex(text), KNOWN, today ?? undefined);
const KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';

describe('unit: suppressions grammar', () => {
  it('parses one id with a justification', () => {
    const [s, ...rest] = parse('x = 1\n# aisec-ignore torch-load-unsafe -- weights come from our signed bucket\n');
    assert.strictEqual(rest.length, 0);
    assert.deepStrictEqual(s.ruleIds, ['torch-load-unsafe']);
    assert.strictEqual(s.justification, 'weights come from our signed bucket');
    assert.deepStrictEqual(s.problems, []);
    assert.strictEqual(s.line, 1);
    assert.strictEqual(s.start, 'x = 1\n# '.length);
  });

  it('parses an id list, until and by', () => {
    const [s] = parse('// aisec-ignore torch-load-unsafe,hardcoded-ai-provider-key until 2026-12-31 by @ml-platform -- migration tracked in SEC-42\n');
    assert.deepStrictEqual(s.ruleIds, ['torch-load-unsafe', 'hardcoded-ai-provider-key']);
    assert.strictEqual(s.until, '2026-12-31');
    assert.strictEqual(s.by, '@ml-platform');
    assert.strictEqual(s.justification, 'migration tracked in SEC-42');
    assert.deepStrictEqual(s.problems, []);
  });

  it('accepts by before until', () => {
    const [s] = parse('# aisec-ignore torch-load-unsafe by alice until 2026-12-31 -- ok for now\n');
    assert.strictEqual(s.until, '2026-12-31');
    assert.strictEqual(s.by, 'alice');
    assert.deepStrictEqual(s.problems, []);
  });

  it('strips comment closers from the justification (HTML, Jinja, block comments)', () => {
    assert.strictEqual(parse('<!-- aisec-ignore torch-load-unsafe -- reviewed -->\n')[0].justification, 'reviewed');
    assert.strictEqual(parse('{# aisec-ignore torch-load-unsafe -- reviewed #}\n')[0].justification, 'reviewed');
    assert.strictEqual(parse('/* aisec-ignore torch-load-unsafe -- reviewed */\n')[0].justification, 'reviewed');
    assert.strictEqual(parse('{{! aisec-ignore torch-load-unsafe -- reviewed }}\n')[0].justification, 'reviewed');
  });

  it('a missing or empty justification is a problem', () => {
    assert.ok(parse('# aisec-ignore torch-load-unsafe\n')[0].problems.some((p) => /justification/.test(p)));
    assert.ok(parse('# aisec-ignore torch-load-unsafe --\n')[0].problems.some((p) => /justification/.test(p)));
    assert.ok(parse('# aisec-ignore torch-load-unsafe --   \n')[0].problems.some((p) => /justification/.test(p)));
    assert.ok(parse('<!-- aisec-ignore torch-load-unsafe -- -->\n')[0].problems.some((p) => /justification/.test(p)));
  });

  it('an unknown id, no id, or stray words are problems', () => {
    assert.ok(parse('# aisec-ignore torch-load-unsafe,no-such-rule -- why\n')[0].problems.some((p) => p.includes('no-such-rule')));
    assert.ok(parse('# aisec-ignore -- why\n')[0].problems.some((p) => /no rule id/.test(p)));
    assert.ok(parse('# aisec-ignore torch-load-unsafe because -- why\n')[0].problems.some((p) => p.includes('because')));
    assert.ok(parse('# aisec-ignore torch-load-unsafe until -- why\n')[0].problems.length > 0, '"until" without a date');
  });

  it('until: an invalid date is a problem; a past date is expired; today and later are fine', () => {
    assert.ok(parse('# aisec-ignore torch-load-unsafe until 2026-13-45 -- why\n')[0].problems.some((p) => /not a date/.test(p)));
    assert.ok(parse('# aisec-ignore torch-load-unsafe until 31/12/2026 -- why\n')[0].problems.some((p) => /not a date/.test(p)));
    assert.ok(parse('# aisec-ignore torch-load-unsafe until 2026-05-31 -- why\n', '2026-06-01')[0].problems.some((p) => /expired on 2026-05-31/.test(p)));
    assert.deepStrictEqual(parse('# aisec-ignore torch-load-unsafe until 2026-06-01 -- why\n', '2026-06-01')[0].problems, []);
    // without a clock (today unknown) nothing expires
    assert.deepStrictEqual(parse('# aisec-ignore torch-load-unsafe until 2020-01-01 -- why\n', null)[0].problems, []);
  });

  it('finds several directives with their lines; ignores look-alike words', () => {
    const text = '# aisec-ignored torch-load-unsafe -- not a directive\na = 1\n# aisec-ignore torch-load-unsafe -- one\r\n# aisec-ignore hardcoded-ai-provider-key -- two\n';
    const all = parse(text);
    assert.deepStrictEqual(all.map((s) => [s.line, s.ruleIds[0], s.justification]), [[2, 'torch-load-unsafe', 'one'], [3, 'hardcoded-ai-provider-key', 'two']]);
  });
});

describe('unit: suppressions applied by the engine', () => {
  before(ready);
  const keyLine = `KEY = "${KEY}"`;
  const ruleLines = (text: string, config = allRulesConfig('2026-06-01')) =>
    run('app.py', text, config).findings.map((f) => `${f.ruleId}@${f.range.start.line}${f.suppression ? ` suppressed(${f.suppression.kind}: ${f.suppression.justification})` : ''}`);

  it('a justified directive on the line above suppresses and keeps the finding as evidence', () => {
    assert.deepStrictEqual(ruleLines(`# aisec-ignore hardcoded-ai-provider-key -- revoked test key\n${keyLine}\n`), ['hardcoded-ai-provider-key@1 suppressed(inSource: revoked test key)']);
  });

  it('a trailing directive on the same line suppresses', () => {
    assert.deepStrictEqual(ruleLines(`${keyLine}  # aisec-ignore hardcoded-ai-provider-key -- revoked test key\n`), ['hardcoded-ai-provider-key@0 suppressed(inSource: revoked test key)']);
  });

  it('two lines above does not suppress; another rule id does not suppress', () => {
    assert.deepStrictEqual(ruleLines(`# aisec-ignore hardcoded-ai-provider-key -- revoked\n\n${keyLine}\n`), ['hardcoded-ai-provider-key@2']);
    assert.deepStrictEqual(ruleLines(`# aisec-ignore torch-load-unsafe -- wrong rule\n${keyLine}\n`), ['hardcoded-ai-provider-key@1']);
  });

  it('an invalid directive suppresses nothing and is reported at the directive', () => {
    for (const directive of [
      '# aisec-ignore hardcoded-ai-provider-key',
      '# aisec-ignore hardcoded-ai-provider-key,not-a-rule -- partly unknown',
      '# aisec-ignore hardcoded-ai-provider-key until 2026-01-01 -- expired',
    ]) {
      const r = run('app.py', `${directive}\n${keyLine}\n`, allRulesConfig('2026-06-01'));
      const got = r.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, !!f.suppression]);
      assert.deepStrictEqual(got, [['invalid-suppression', 0, 2, false], ['hardcoded-ai-provider-key', 1, 7, false]], directive);
      assert.strictEqual(r.findings[0].range.end.line, 0);
    }
  });

  it('invalid-suppression can be turned off, but the directive still suppresses nothing', () => {
    const c = allRulesConfig('2026-06-01');
    c.rules['invalid-suppression'] = { severity: 'off', options: {} };
    assert.deepStrictEqual(ruleLines(`# aisec-ignore hardcoded-ai-provider-key\n${keyLine}\n`, c), ['hardcoded-ai-provider-key@1']);
  });

  it('config suppressions (for files without comments) are external, and expire', () => {
    const c = allRulesConfig('2026-06-01');
    c.suppressions.push({ path: '*.py', rule: 'hardcoded-ai-provider-key', reason: 'fixture keys' });
    assert.deepStrictEqual(ruleLines(`${keyLine}\n`, c), ['hardcoded-ai-provider-key@0 suppressed(external: fixture keys)']);
    const expired = allRulesConfig('2026-06-01');
    expired.suppressions.push({ path: 'app.py', rule: 'hardcoded-ai-provider-key', reason: 'fixture keys', until: '2026-01-01' });
    const r = run('app.py', `${keyLine}\n`, expired);
    assert.strictEqual(r.findings[0].suppression, undefined);
    assert.ok(r.errors.some((e) => e.kind === 'suppression' && /expired/.test(e.message)));
    const other = { ...defaultConfig(), today: '2026-06-01', suppressions: [{ path: 'other/*.py', rule: '*', reason: 'elsewhere' }] };
    assert.strictEqual(run('app.py', `${keyLine}\n`, other).findings[0].suppression, undefined);
  });
});
