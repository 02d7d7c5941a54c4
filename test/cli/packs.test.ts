/**
 * Team rule packs through the CLI: a sample repo whose pack turns rules off, raises severities, adds
 * declarative rules of every matcher kind and a policy URL; `aisec rules` provenance, `explain` for pack
 * rules, `init`, `pack test`, and exit code 2 with file:line for broken packs, pathological regexes and
 * sha256 mismatches.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, findingKeys, makeWorkspace, runCli, scanJson, writeFile } from '../helpers/cli';

/** Unsuppressed findings of test/fixtures/team-pack with the pack in force (also asserted by the LSP test). */
export const TEAM_PACK_EXPECTED = [
  '.vscode/mcp.json:5:22 acme-mcp-unvetted-package error',
  'app.py:10:12 acme-requests-tls-disabled error',
  'app.py:10:34 acme-internal-hostname warning',
  'app.py:19:12 torch-load-unsafe error',
  'prompts/support.prompty:7:67 acme-pii-variable-in-system-prompt warning',
  'web/server.ts:8:18 acme-openai-client-in-handler warning',
];

describe('cli: team rule packs', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('applies the team pack: rules off, severities raised, declarative rules of four matcher kinds, policy links', () => {
    const ws = makeWorkspace('team-pack');
    const report = scanJson(ws, [], [1]);
    assert.deepStrictEqual(findingKeys(report, true), TEAM_PACK_EXPECTED);
    // turned off by the pack (hardcoded key) and by the root config (token limit)
    assert.ok(!report.findings.some((f) => f.ruleId === 'hardcoded-ai-provider-key' || f.ruleId === 'llm-call-without-token-limit'));
    for (const f of report.findings) assert.strictEqual(f.policy, `https://policy.acme.example/ai/${f.ruleId}`, f.ruleId);
    const tls = report.findings.find((f) => f.ruleId === 'acme-requests-tls-disabled')!;
    assert.deepStrictEqual([tls.owasp, tls.cwe], [['LLM02'], [295]]);
    assert.match(tls.message, /requests\.get with verify=False/);
    assert.ok(report.configFiles.some((f) => f.endsWith('acme.aisec-pack.yaml')));
  });

  it('SARIF carries pack rules with the policy helpUri and the owner', () => {
    const ws = makeWorkspace('team-pack');
    const r = runCli(['scan', '--format', 'sarif'], ws);
    expectExit(r, [1]);
    const run = JSON.parse(r.stdout).runs[0] as { tool: { driver: { rules: { id: string; helpUri: string; help: { markdown: string } }[] } }; results: { ruleId: string; properties: { owner?: string } }[] };
    const rule = run.tool.driver.rules.find((x) => x.id === 'acme-mcp-unvetted-package')!;
    assert.strictEqual(rule.helpUri, 'https://policy.acme.example/ai/acme-mcp-unvetted-package');
    const res = run.results.find((x) => x.ruleId === 'acme-requests-tls-disabled')!;
    assert.strictEqual(res.properties.owner, '#acme-ai-security');
  });

  it('aisec rules shows effective severities and where each setting came from', () => {
    const ws = makeWorkspace('team-pack');
    const r = runCli(['rules', '--format', 'json'], ws);
    expectExit(r, [0]);
    const rows = JSON.parse(r.stdout) as { id: string; severity: string; source: string; policy: string; owner: string | null }[];
    const row = (id: string) => rows.find((x) => x.id === id)!;
    assert.deepStrictEqual([row('hardcoded-ai-provider-key').severity, row('hardcoded-ai-provider-key').source], ['off', 'security/acme.aisec-pack.yaml:10']);
    assert.deepStrictEqual([row('torch-load-unsafe').severity, row('torch-load-unsafe').source], ['error', 'security/acme.aisec-pack.yaml:11']);
    assert.deepStrictEqual([row('llm-call-without-token-limit').severity, row('llm-call-without-token-limit').source], ['off', '.aisec.yaml:6']);
    assert.match(row('acme-internal-hostname').source, /defined in security\/acme\.aisec-pack\.yaml:\d+/);
    assert.strictEqual(row('mcp-insecure-transport').source, 'default');
    assert.strictEqual(row('acme-internal-hostname').owner, '#acme-ai-security');
    const strict = makeWorkspace(undefined, { '.aisec.yaml': 'extends: aisec:strict\n' });
    const s = JSON.parse(runCli(['rules', '--format', 'json'], strict).stdout) as { id: string; source: string }[];
    assert.match(s.find((x) => x.id === 'undelimited-prompt-variable')!.source, /^aisec:strict \(extended at \.aisec\.yaml:1\)$/);
    const text = runCli(['rules'], ws);
    assert.match(text.stdout, /# pack: acme-ai-security@1\.2\.0/);
  });

  it('aisec explain works for pack rules', () => {
    const ws = makeWorkspace('team-pack');
    const r = runCli(['explain', 'acme-requests-tls-disabled'], ws);
    expectExit(r, [0]);
    assert.match(r.stdout, /^# acme-requests-tls-disabled\n/);
    assert.match(r.stdout, /ACME policy AI-7/);
    assert.match(r.stdout, /Policy: https:\/\/policy\.acme\.example\/ai\/acme-requests-tls-disabled/);
    assert.match(r.stdout, /Owner: #acme-ai-security/);
  });

  it('a malformed pack exits 2 naming the file, line and problem', () => {
    const ws = makeWorkspace('team-pack');
    const pack = path.join(ws, 'security', 'acme.aisec-pack.yaml');
    fs.writeFileSync(pack, fs.readFileSync(pack, 'utf8').replace('    severity: error\n    confidence: high', '    severity: critical\n    confidence: high'));
    const r = runCli(['scan'], ws);
    expectExit(r, [2]);
    assert.match(r.stderr, /security\/acme\.aisec-pack\.yaml:15:5: error: rule "acme-requests-tls-disabled": severity must be error, warning or info/);
    const y = makeWorkspace('team-pack', { 'security/acme.aisec-pack.yaml': 'name: x\ndefinitions:\n  - id: a\n   message: bad indent\n' });
    const r2 = runCli(['scan'], y);
    expectExit(r2, [2]);
    assert.match(r2.stderr, /acme\.aisec-pack\.yaml:4:\d+: error:/);
  });

  it('a pathological regex is refused with a message (exit 2), not run', () => {
    const ws = makeWorkspace(undefined, {
      '.aisec.yaml': 'definitions:\n  - id: t-redos\n    message: x\n    regex: "^(a+)+$"\n',
      'a.py': `x = "${'a'.repeat(40)}!"\n`,
    });
    const t0 = Date.now();
    const r = runCli(['scan'], ws);
    expectExit(r, [2]);
    assert.match(r.stderr, /\.aisec\.yaml:4:5: error: rule "t-redos": pathological regex refused: nested quantifier `\(a\+\)\+`/);
    assert.ok(Date.now() - t0 < 20_000);
  });

  it('sha256 pins: a matching pin loads the pack, a changed pack is refused at the extends line', () => {
    const ws = makeWorkspace('team-pack');
    const pack = path.join(ws, 'security', 'acme.aisec-pack.yaml');
    const sha = createHash('sha256').update(fs.readFileSync(pack)).digest('hex');
    writeFile(ws, '.aisec.yaml', `extends:\n  - aisec:recommended\n  - { pack: ./security/acme.aisec-pack.yaml, sha256: "${sha}" }\nrules:\n  llm-call-without-token-limit: off\nignore: ["security/tests/**"]\n`);
    assert.deepStrictEqual(findingKeys(scanJson(ws, [], [1]), true), TEAM_PACK_EXPECTED);
    fs.appendFileSync(pack, '# edited\n');
    const r = runCli(['scan'], ws);
    expectExit(r, [2]);
    assert.match(r.stderr, /\.aisec\.yaml:3:5: error: pack "\.\/security\/acme\.aisec-pack\.yaml" does not match its sha256 pin/);
  });

  it('aisec init writes a starter config, refuses to overwrite without --force, and the result scans cleanly', () => {
    const ws = makeWorkspace(undefined, { 'a.py': 'print(1)\n' });
    expectExit(runCli(['init'], ws), [0]);
    const text = fs.readFileSync(path.join(ws, '.aisec.yaml'), 'utf8');
    assert.match(text, /aisec:recommended/);
    assert.match(text, /aisec:agents/);
    const again = runCli(['init'], ws);
    expectExit(again, [2]);
    assert.match(again.stderr, /already exists; use --force/);
    expectExit(runCli(['init', '--force'], ws), [0]);
    const scan = runCli(['scan'], ws);
    expectExit(scan, [0]);
    assert.strictEqual(scan.stderr, '');
  });

  it('aisec pack test runs the pack fixtures: passes, then fails with a clear report', () => {
    const ws = makeWorkspace('team-pack');
    const ok = runCli(['pack', 'test', 'security'], ws);
    expectExit(ok, [0]);
    assert.match(ok.stdout, /acme-ai-security: 5 rule\(s\), \d+ expectation\(s\), all passed/);
    const app = path.join(ws, 'security', 'tests', 'app.py');
    fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace('PUBLIC = "https://www.acme.com/api"', 'PUBLIC = "https://www.internal.acme.corp/api"'));
    const bad = runCli(['pack', 'test', 'security'], ws);
    expectExit(bad, [1]);
    assert.match(bad.stdout, /FAIL security\/tests\/app\.py: line 27: expected no acme-internal-hostname, got one/);
    expectExit(runCli(['pack', 'test', 'nowhere'], ws), [2]);
  });
});
