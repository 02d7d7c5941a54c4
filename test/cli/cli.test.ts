/**
 * The aisec CLI as a CI system runs it (DESIGN.md sections 1 and 2): text / JSON / SARIF output,
 * SARIF validated against the official 2.1.0 schema, exit codes, baselines, file selection,
 * explain / rules, and robustness against hostile input.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { assertBuilt, cleanupWorkspaces, expectExit, findingKeys, makeWorkspace, ROOT, runCli, scanJson, writeFile } from '../helpers/cli';

const OPENAI_KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';
const HF_KEY = 'hf_oaF1LlqsajAIxNKu8iS2G8NPRVdD53X83R';
const SARIF_SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** Expected unsuppressed findings of test/fixtures/ws-basic (path:line:col rule severity). */
const BASIC_EXPECTED = [
  '.vscode/mcp.json:5:15 mcp-insecure-transport warning',
  'app.py:4:26 hardcoded-ai-provider-key error',
  'app.py:8:3 invalid-suppression warning',
  'app.py:9:10 hardcoded-ai-provider-key error',
  'loader.py:5:12 torch-load-unsafe warning',
];

/** ws-basic plus files the walker must skip: node_modules, .gitignore'd folders and files. */
function basicWorkspace(): string {
  return makeWorkspace('ws-basic', {
    'node_modules/leaky/index.js': `module.exports = "${OPENAI_KEY}";\n`,
    'src/node_modules/nested/index.py': `KEY = "${OPENAI_KEY}"\n`,
    '.gitignore': 'ignored/\n*.local.py\n',
    'ignored/keys.py': `KEY = "${OPENAI_KEY}"\n`,
    'settings.local.py': `KEY = "${OPENAI_KEY}"\n`,
    'sub/.gitignore': 'private.py\n',
    'sub/private.py': `KEY = "${OPENAI_KEY}"\n`,
  });
}

interface SarifRun {
  tool: { driver: { name: string; version: string; rules: SarifRule[] } };
  results: SarifResult[];
  originalUriBaseIds?: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } }[] }[] }[];
  suppressions?: { kind: string; justification: string }[];
}

function sarifOf(cwd: string, args: string[] = []): { log: { version: string; runs: SarifRun[] }; run: SarifRun } {
  const r = runCli(['scan', '--format', 'sarif', ...args], cwd);
  expectExit(r, [0, 1]);
  const log = JSON.parse(r.stdout) as { version: string; runs: SarifRun[] };
  return { log, run: log.runs[0] };
}

function sarifValidator(): (data: unknown) => string[] {
  // the official schema's "language" pattern is not valid with the u flag: compile patterns without it
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

describe('cli: aisec', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  describe('scan output', () => {
    let ws: string;
    before(() => {
      ws = basicWorkspace();
    });

    it('text: groups findings by path with line:col, severity and rule id, and a summary', () => {
      const r = runCli(['scan'], ws);
      expectExit(r, [1]);
      const lines = r.stdout.split('\n');
      const appAt = lines.indexOf('app.py');
      const mcpAt = lines.indexOf('.vscode/mcp.json');
      assert.ok(appAt >= 0 && mcpAt >= 0, r.stdout);
      assert.match(lines[appAt + 1], /^ {2}4:26\s+error\s+.*hardcoded-ai-provider-key$/);
      assert.match(lines[appAt + 2], /^ {2}8:3\s+warning\s+.*invalid-suppression$/);
      assert.match(lines[appAt + 3], /^ {2}9:10\s+error\s+.*hardcoded-ai-provider-key$/);
      assert.match(lines[mcpAt + 1], /^ {2}5:15\s+warning\s+.*mcp-insecure-transport$/);
      assert.ok(!r.stdout.includes('\u001b['), 'no colour when stdout is not a TTY');
      assert.match(r.stdout, /5 findings \(2 error, 3 warning, 0 info\), 1 suppressed in 4 files/);
      // suppressed findings only with --show-suppressed
      assert.ok(!r.stdout.includes('7:'), 'the suppressed finding on line 7 is hidden');
      const s = runCli(['scan', '--show-suppressed'], ws);
      assert.match(s.stdout, /^ {2}7:24\s+error\s+.*hardcoded-ai-provider-key \[suppressed: test key for the local mock server, revoked\]$/m);
    });

    it('json: tool, summary, findings with 1-based positions, suppressed findings as evidence', () => {
      const j = scanJson(ws);
      assert.strictEqual(j.tool.name, 'AISec');
      assert.match(j.tool.version, /^\d+\.\d+\.\d+/);
      assert.strictEqual(j.summary.files, 4);
      assert.strictEqual(j.summary.findings, 5);
      assert.deepStrictEqual(findingKeys(j, true), [...BASIC_EXPECTED].sort());
      const key = j.findings.find((f) => f.path === 'app.py' && f.line === 4)!;
      const text = fs.readFileSync(path.join(ws, 'app.py'), 'utf8').split('\n')[3];
      assert.strictEqual(key.column, text.indexOf(OPENAI_KEY) + 1);
      assert.strictEqual(key.endLine, 4);
      assert.strictEqual(key.endColumn, text.indexOf(OPENAI_KEY) + OPENAI_KEY.length + 1);
      assert.deepStrictEqual(key.owasp, ['LLM02']);
      assert.deepStrictEqual(key.cwe, [798]);
      assert.match(key.fingerprint, /^[0-9a-f]{16}$/);
      assert.match(key.policy!, /^https:\/\/genai\.owasp\.org\//);
      assert.deepStrictEqual(key.fixes.map((f) => f.kind), ['suggestion']);
      const sup = j.findings.filter((f) => f.suppression);
      assert.strictEqual(sup.length, 1);
      assert.strictEqual(sup[0].line, 7);
      assert.deepStrictEqual({ kind: sup[0].suppression!.kind, justification: sup[0].suppression!.justification }, { kind: 'inSource', justification: 'test key for the local mock server, revoked' });
      assert.ok(Array.isArray(j.errors) && Array.isArray(j.skipped));
    });

    it('skips node_modules and .gitignored files and folders (nested .gitignore too)', () => {
      const j = scanJson(ws);
      const paths = new Set(j.findings.map((f) => f.path));
      for (const p of ['node_modules/leaky/index.js', 'src/node_modules/nested/index.py', 'ignored/keys.py', 'settings.local.py', 'sub/private.py']) assert.ok(!paths.has(p), `${p} must be skipped`);
      // but an explicitly named file is scanned even when ignored; with no repository, config or project
      // manifest around it, its path is relative to the scanned folder (never to the cwd)
      const direct = scanJson(ws, ['ignored/keys.py']);
      assert.deepStrictEqual(findingKeys(direct), ['keys.py:1:8 hardcoded-ai-provider-key']);
      assert.deepStrictEqual(findingKeys(scanJson(ws, ['ignored/keys.py', 'app.py'])).filter((k) => k.includes('keys.py')), ['ignored/keys.py:1:8 hardcoded-ai-provider-key']);
    });

    it('--output writes the report to a file', () => {
      const out = path.join(ws, 'reports', 'aisec.json');
      const r = runCli(['scan', '--format', 'json', '--output', out], ws);
      expectExit(r, [1]);
      assert.strictEqual(r.stdout, '');
      const j = JSON.parse(fs.readFileSync(out, 'utf8')) as { findings: unknown[] };
      assert.strictEqual(j.findings.length, 6);
      assert.match(r.stderr, /wrote/);
    });
  });

  describe('sarif', () => {
    let ws: string;
    let run: SarifRun;
    let log: { version: string; runs: SarifRun[] };
    before(() => {
      ws = basicWorkspace();
      ({ log, run } = sarifOf(ws));
    });

    it('is valid against the official SARIF 2.1.0 schema', () => {
      const errors = sarifValidator()(log);
      assert.deepStrictEqual(errors, []);
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(log.runs.length, 1);
    });

    it('the validator is not vacuous: it rejects a broken log', () => {
      const validate = sarifValidator();
      const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string; locations: unknown }[] }[] };
      broken.runs[0].results[0].level = 'fatal';
      broken.runs[0].results[0].locations = 'nowhere';
      assert.ok(validate(broken).length >= 2);
    });

    it('names the tool and version', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.strictEqual(run.tool.driver.name, 'AISec');
      assert.strictEqual(run.tool.driver.version, pkg.version);
    });

    it('describes every rule as GitHub code scanning reads it', () => {
      const rulesOut = runCli(['rules', '--format', 'json'], ws);
      const allIds = (JSON.parse(rulesOut.stdout) as { id: string }[]).map((r) => r.id).sort();
      assert.deepStrictEqual(run.tool.driver.rules.map((r) => r.id).sort(), allIds);
      for (const r of run.tool.driver.rules) {
        const where = `rule ${r.id}`;
        assert.match(r.name, /^[A-Z][A-Za-z0-9]+$/, where);
        assert.ok(r.shortDescription.text.length > 10, where);
        assert.ok(r.fullDescription.text.length > 10, where);
        assert.ok(r.help.markdown.includes('Why it matters') && r.help.markdown.includes('How to fix'), where);
        assert.match(r.helpUri, /^https:\/\//, where);
        assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level), where);
        const tags = r.properties.tags;
        assert.ok(tags.includes('security'), where);
        assert.ok(tags.some((t) => /^external\/owasp-llm\/llm(0[1-9]|10)$/.test(t)), `${where}: ${tags}`);
        assert.ok(tags.some((t) => /^external\/cwe\/cwe-\d+$/.test(t)), `${where}: ${tags}`);
        assert.ok(['very-high', 'high', 'medium', 'low'].includes(r.properties.precision), where);
        const ss = Number(r.properties['security-severity']);
        assert.ok(ss > 0 && ss <= 10, where);
      }
      const key = run.tool.driver.rules.find((r) => r.id === 'hardcoded-ai-provider-key')!;
      assert.deepStrictEqual(key.properties.tags.filter((t) => t.startsWith('external/')), ['external/owasp-llm/llm02', 'external/cwe/cwe-798']);
      assert.strictEqual(key.defaultConfiguration.level, 'error');
      const mcp = run.tool.driver.rules.find((r) => r.id === 'mcp-insecure-transport')!;
      assert.deepStrictEqual(mcp.properties.tags.filter((t) => t.startsWith('external/owasp')), ['external/owasp-llm/llm02', 'external/owasp-llm/llm03']);
    });

    it('results carry relative uris under %SRCROOT%, 1-based regions and rule indexes', () => {
      const keys = run.results
        .filter((r) => !r.suppressions)
        .map((r) => {
          const loc = r.locations[0].physicalLocation;
          assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
          assert.ok(!path.isAbsolute(loc.artifactLocation.uri) && !loc.artifactLocation.uri.startsWith('file:'));
          assert.strictEqual(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
          const sev = r.level === 'note' ? 'info' : r.level;
          return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${r.ruleId} ${sev}`;
        })
        .sort();
      assert.deepStrictEqual(keys, [...BASIC_EXPECTED].sort());
      const key = run.results.find((r) => r.locations[0].physicalLocation.region.startLine === 4)!;
      assert.deepStrictEqual(key.locations[0].physicalLocation.region, { ...key.locations[0].physicalLocation.region, startLine: 4, startColumn: 26, endLine: 4, endColumn: 26 + OPENAI_KEY.length });
      assert.ok(run.originalUriBaseIds && '%SRCROOT%' in run.originalUriBaseIds);
    });

    it('results carry fixes where a fix exists', () => {
      const key = run.results.find((r) => r.ruleId === 'hardcoded-ai-provider-key' && r.locations[0].physicalLocation.region.startLine === 4)!;
      assert.ok(key.fixes && key.fixes.length === 1);
      const repl = key.fixes[0].artifactChanges[0].replacements;
      assert.strictEqual(key.fixes[0].artifactChanges[0].artifactLocation.uri, 'app.py');
      const main = repl.find((x) => x.insertedContent.text === 'os.environ["OPENAI_API_KEY"]')!;
      assert.deepStrictEqual(main.deletedRegion, { startLine: 4, startColumn: 25, endLine: 4, endColumn: 27 + OPENAI_KEY.length });
      const torch = run.results.find((r) => r.ruleId === 'torch-load-unsafe')!;
      const loader = fs.readFileSync(path.join(ws, 'loader.py'), 'utf8');
      const tr = torch.fixes![0].artifactChanges[0].replacements;
      assert.strictEqual(tr.length, 1);
      const lines = loader.split('\n');
      const d = tr[0].deletedRegion;
      const off = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, x) => n + x.length + 1, 0) + c - 1;
      const fixed = loader.slice(0, off(d.startLine, d.startColumn)) + tr[0].insertedContent.text + loader.slice(off(d.endLine, d.endColumn));
      assert.strictEqual(fixed, loader.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'));
      const mcp = run.results.find((r) => r.ruleId === 'mcp-insecure-transport')!;
      assert.deepStrictEqual(mcp.fixes![0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 5, startColumn: 15, endLine: 5, endColumn: 19 }, insertedContent: { text: 'https' } }]);
      const inv = run.results.find((r) => r.ruleId === 'invalid-suppression')!;
      assert.strictEqual(inv.fixes, undefined);
    });

    it('suppressed findings stay in the log with an inSource suppression and its justification', () => {
      const sup = run.results.filter((r) => r.suppressions);
      assert.strictEqual(sup.length, 1);
      assert.strictEqual(sup[0].ruleId, 'hardcoded-ai-provider-key');
      assert.strictEqual(sup[0].locations[0].physicalLocation.region.startLine, 7);
      assert.strictEqual(sup[0].suppressions![0].kind, 'inSource');
      assert.strictEqual(sup[0].suppressions![0].justification, 'test key for the local mock server, revoked');
    });

    it('partialFingerprints are stable when unrelated lines are inserted above', () => {
      const fp = (r: SarifRun) => new Map(r.results.map((x) => [`${x.ruleId} ${x.message.text}`, x.partialFingerprints]));
      const before = fp(run);
      const ws2 = basicWorkspace();
      const app = path.join(ws2, 'app.py');
      const text = fs.readFileSync(app, 'utf8');
      fs.writeFileSync(app, text.replace('from openai import OpenAI\n', 'from openai import OpenAI\nimport logging\n\nlog = logging.getLogger(__name__)\n'));
      const moved = sarifOf(ws2).run;
      const after = fp(moved);
      assert.strictEqual(after.size, before.size);
      for (const [k, v] of before) assert.deepStrictEqual(after.get(k), v, k);
      // the lines did move
      const line = (r: SarifRun) => r.results.find((x) => x.ruleId === 'invalid-suppression')!.locations[0].physicalLocation.region.startLine;
      assert.strictEqual(line(moved), line(run) + 3);
      // and a changed finding line changes the fingerprint
      fs.writeFileSync(app, text.replace(HF_KEY, 'hf_zzF1LlqsajAIxNKu8iS2G8NPRVdD53X83R'));
      const changed = sarifOf(ws2).run.results.find((x) => x.ruleId === 'hardcoded-ai-provider-key' && x.locations[0].physicalLocation.region.startLine === 9)!;
      const orig = run.results.find((x) => x.ruleId === 'hardcoded-ai-provider-key' && x.locations[0].physicalLocation.region.startLine === 9)!;
      assert.notDeepStrictEqual(changed.partialFingerprints, orig.partialFingerprints);
    });
  });

  describe('exit codes', () => {
    let ws: string;
    before(() => {
      ws = basicWorkspace();
    });

    it('0 when nothing reaches --fail-on, 1 when something does', () => {
      expectExit(runCli(['scan'], ws), [1]);
      expectExit(runCli(['scan', '--fail-on', 'none'], ws), [0]);
      expectExit(runCli(['scan', 'clean.py'], ws), [0]);
      // only warnings in the MCP config
      expectExit(runCli(['scan', '.vscode/mcp.json'], ws), [0]);
      expectExit(runCli(['scan', '.vscode/mcp.json', '--fail-on', 'warning'], ws), [1]);
      expectExit(runCli(['scan', '.vscode/mcp.json', '--fail-on=info'], ws), [1]);
      expectExit(runCli(['scan', 'clean.py', '--fail-on', 'info'], ws), [0]);
    });

    it('a suppressed finding does not fail the build', () => {
      const w = makeWorkspace(undefined, { 'a.py': `# aisec-ignore hardcoded-ai-provider-key -- fixture key, revoked\nKEY = "${OPENAI_KEY}"\n` });
      expectExit(runCli(['scan', '--fail-on', 'info'], w), [0]);
    });

    for (const [name, args, pattern] of [
      ['an unknown option', ['scan', '--frobnicate'], /unknown option --frobnicate/],
      ['a bad --format', ['scan', '--format', 'xml'], /--format/],
      ['a bad --fail-on', ['scan', '--fail-on', 'fatal'], /--fail-on/],
      ['a missing --config file', ['scan', '--config', 'nope.yaml'], /nope\.yaml/],
      ['a value flag without its value', ['scan', '--format'], /--format needs a value/],
      ['an unknown command', ['scna'], /unknown command/],
    ] as [string, string[], RegExp][]) {
      it(`2 for ${name}`, () => {
        const r = runCli(args, ws);
        expectExit(r, [2]);
        assert.match(r.stderr, pattern);
        assert.strictEqual(r.stdout, '');
      });
    }

    it('2 for a malformed .aisec.yaml, naming file:line', () => {
      const w = makeWorkspace('ws-basic', { '.aisec.yaml': '# comment\nrules:\n  hardcoded-ai-provider-key: off\n\tinvalid-suppression: error\n' });
      const r = runCli(['scan'], w);
      expectExit(r, [2]);
      assert.match(r.stderr, /^\.aisec\.yaml:4:\d+: error: /m);
    });

    it('2 for config problems: unknown rule, unknown key, bad severity, bad extends (each at its line)', () => {
      const w = makeWorkspace('ws-basic', { '.aisec.yaml': 'rules:\n  hardcoded-ai-provider-key: off\n  no-such-rule: error\n  mcp-insecure-transport: loud\nextends: aisec:nope\nbogus: 1\n' });
      const r = runCli(['scan'], w);
      expectExit(r, [2]);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('.aisec.yaml:'));
      const at = (re: RegExp) => lines.find((l) => re.test(l))?.split(':')[1];
      assert.strictEqual(at(/no-such-rule/), '3');
      assert.strictEqual(at(/mcp-insecure-transport/), '4');
      assert.strictEqual(at(/aisec:nope/), '5');
      assert.strictEqual(at(/bogus/), '6');
    });

    it('2 (not a crash) for an alias bomb in .aisec.yaml, naming the file', () => {
      let y = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghi') {
        y += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
        prev = n;
      }
      const w = makeWorkspace('ws-basic', { '.aisec.yaml': y });
      const r = runCli(['scan'], w);
      expectExit(r, [2]);
      assert.match(r.stderr, /^\.aisec\.yaml:\d+:\d+: error: /m);
    });

    it('--config FILE replaces the nearest config', () => {
      const w = makeWorkspace('ws-basic', { 'ci/aisec.yaml': 'rules:\n  hardcoded-ai-provider-key: off\n  invalid-suppression: off\n' });
      const j = scanJson(w, ['--config', 'ci/aisec.yaml'], [0]);
      assert.deepStrictEqual(findingKeys(j), ['.vscode/mcp.json:5:15 mcp-insecure-transport', 'loader.py:5:12 torch-load-unsafe']);
    });
  });

  describe('baseline', () => {
    it('--update-baseline then --baseline round trip: 0 findings and exit 0; new findings still fail', () => {
      const ws = basicWorkspace();
      const base = path.join(ws, '.aisec-baseline.json');
      const u = runCli(['scan', '--update-baseline', base], ws);
      expectExit(u, [0]);
      const data = JSON.parse(fs.readFileSync(base, 'utf8')) as { fingerprints: string[] };
      assert.strictEqual(data.fingerprints.length, 5, 'unsuppressed findings only');
      const again = scanJson(ws, ['--baseline', base], [0]);
      assert.strictEqual(again.summary.findings, 0);
      assert.deepStrictEqual(findingKeys(again), []);
      expectExit(runCli(['scan', '--baseline', base, '--fail-on', 'info'], ws), [0]);
      // known findings that only moved stay baselined; a new one is reported
      const app = path.join(ws, 'app.py');
      fs.writeFileSync(app, `# moved down\n${fs.readFileSync(app, 'utf8')}NEW = "${HF_KEY.replace('hf_oa', 'hf_qq')}"\n`);
      const moved = scanJson(ws, ['--baseline', base], [1]);
      assert.deepStrictEqual(findingKeys(moved), ['app.py:11:8 hardcoded-ai-provider-key']);
    });

    it('2 for an unreadable baseline', () => {
      const ws = makeWorkspace('ws-basic', { 'bad-baseline.json': '{"nope": 1}' });
      const r = runCli(['scan', '--baseline', 'bad-baseline.json'], ws);
      expectExit(r, [2]);
      assert.match(r.stderr, /bad-baseline\.json/);
    });
  });

  describe('rules and explain', () => {
    for (const [rule, cwe, owasp] of [['torch-load-unsafe', 'CWE-502', 'LLM03'], ['hardcoded-ai-provider-key', 'CWE-798', 'LLM02']]) {
      it(`explain ${rule} prints its documentation and mapping`, () => {
        const r = runCli(['explain', rule], ROOT);
        expectExit(r, [0]);
        assert.ok(r.stdout.startsWith(`# ${rule}\n`), r.stdout.slice(0, 200));
        const at = ['## Summary', '## Why it matters', '## Examples', '## How to fix', '## When it is a false positive', '## References'].map((h) => r.stdout.indexOf(`\n${h}\n`));
        assert.ok(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])), `headings in order: ${at}`);
        assert.ok(r.stdout.includes(cwe));
        assert.ok(r.stdout.includes(owasp));
      });
    }

    it('explain with an unknown rule exits 2', () => {
      const r = runCli(['explain', 'no-such-rule'], ROOT);
      expectExit(r, [2]);
      assert.match(r.stderr, /no-such-rule/);
    });

    it('rules --format json lists every rule with its effective severity', () => {
      const ws = makeWorkspace('ws-config');
      const r = runCli(['rules', '--format', 'json'], ws);
      expectExit(r, [0]);
      const rows = JSON.parse(r.stdout) as { id: string; severity: string; owasp: string[]; fix: string; views: string[]; description: string }[];
      const ids = rows.map((x) => x.id);
      assert.strictEqual(new Set(ids).size, ids.length);
      for (const id of ['invalid-suppression', 'hardcoded-ai-provider-key', 'mcp-insecure-transport']) assert.ok(ids.includes(id), id);
      for (const row of rows) {
        assert.ok(['off', 'info', 'warning', 'error'].includes(row.severity), row.id);
        assert.ok(row.owasp.length > 0 && row.owasp.every((o) => /^LLM(0[1-9]|10)$/.test(o)), row.id);
        assert.ok(['autofix', 'suggestion', 'none'].includes(row.fix), row.id);
      }
      // the workspace config applies
      assert.strictEqual(rows.find((x) => x.id === 'hardcoded-ai-provider-key')!.severity, 'off');
      assert.strictEqual(rows.find((x) => x.id === 'invalid-suppression')!.severity, 'error');
    });

    it('--version and --help exit 0', () => {
      const v = runCli(['--version'], ROOT);
      expectExit(v, [0]);
      assert.match(v.stdout, /^\d+\.\d+\.\d+/);
      const h = runCli(['--help'], ROOT);
      expectExit(h, [0]);
      assert.match(h.stdout, /aisec scan/);
    });
  });

  describe('robustness: hostile input never crashes or hangs', () => {
    let ws: string;
    let report: ReturnType<typeof scanJson>;
    const KEYED = `KEY = "${OPENAI_KEY}"`;
    before(() => {
      const bytes = Buffer.alloc(64 * 1024);
      let seed = 12345;
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = seed >> 16 & 0xff;
      }
      bytes[3] = 0;
      let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghi') {
        bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
        prev = n;
      }
      ws = makeWorkspace(undefined, {
        'truncated.py': `from openai import OpenAI\ndef f(x):\n    client = OpenAI(api_key="${OPENAI_KEY}")\n    return torch.load(x, weights_only=\n`,
        '.vscode/mcp.json': '{\n  "servers": {\n    "tickets": { "type": "http", "url": "http://mcp.tickets.example.org/mcp"\n',
        'app.js': 'var a=1;'.repeat((5 * 1024 * 1024) / 8),
        'bundle.js': 'var b=2;'.repeat((1024 * 1024) / 8),
        'model.py': bytes,
        'empty.py': '',
        'empty.json': '',
        'bom.py': `\ufeffimport os\r\n\r\n${KEYED}\r\n`,
        'deep.json': '['.repeat(10_000) + ']'.repeat(10_000),
        'deep-object.json': '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
        'deep.yaml': '- '.repeat(2_000) + 'x\n',
        'bomb.yaml': bomb,
        'mcp.yaml': bomb,
        'lone-surrogate.py': `s = "\ud800"\n${KEYED}\n`,
      });
      const r = runCli(['scan', '--format', 'json'], ws, 30_000);
      expectExit(r, [0, 1]);
      report = JSON.parse(r.stdout) as ReturnType<typeof scanJson>;
    });

    it('reports skipped files with a reason: too large, minified, binary', () => {
      const skipped = new Map(report.skipped.map((s) => [s.file, s.reason]));
      assert.match(skipped.get('app.js') ?? '', /MB/);
      assert.match(skipped.get('bundle.js') ?? '', /minified/);
      assert.match(skipped.get('model.py') ?? '', /binary/);
      const r = runCli(['scan'], ws, 30_000);
      assert.match(r.stdout, /skipped 3 file\(s\)/);
    });

    it('still finds what the text rules can see in files that do not parse', () => {
      assert.ok(findingKeys(report).includes('truncated.py:3:30 hardcoded-ai-provider-key'), JSON.stringify(findingKeys(report)));
      assert.ok(report.errors.some((e) => e.path === 'truncated.py' && e.kind === 'parse'));
      assert.ok(report.errors.some((e) => e.path === '.vscode/mcp.json' && e.kind === 'parse'));
    });

    it('positions in a BOM + CRLF file match what an editor shows', () => {
      assert.ok(findingKeys(report).includes(`bom.py:3:8 hardcoded-ai-provider-key`), JSON.stringify(findingKeys(report)));
      const f = report.findings.find((x) => x.path === 'bom.py')!;
      assert.strictEqual(f.endColumn, 8 + OPENAI_KEY.length);
    });

    it('analyses files next to hostile ones and handles empty ones', () => {
      assert.ok(findingKeys(report).includes('lone-surrogate.py:2:8 hardcoded-ai-provider-key'));
      assert.ok(!report.skipped.some((s) => s.file.startsWith('empty')));
      assert.ok(!report.findings.some((f) => f.path.startsWith('empty') || (f.ruleId !== 'analysis-incomplete' && (f.path.startsWith('deep') || f.path.endsWith('.yaml')))));
      // nesting beyond the limits is reported as incomplete analysis, never silently dropped (issue 10)
      for (const p of ['deep.json', 'deep-object.json', 'deep.yaml']) assert.ok(report.findings.some((f) => f.path === p && f.ruleId === 'analysis-incomplete'), p);
    });

    it('each hostile file alone, in SARIF, stays valid and exits 0 or 1', () => {
      const validate = sarifValidator();
      for (const f of ['truncated.py', '.vscode/mcp.json', 'model.py', 'deep.json', 'deep-object.json', 'bomb.yaml', 'mcp.yaml', 'bom.py', 'empty.py']) {
        const r = runCli(['scan', f, '--format', 'sarif'], ws, 30_000);
        expectExit(r, [0, 1]);
        assert.deepStrictEqual(validate(JSON.parse(r.stdout)), [], f);
      }
    });

    it('a directory that does not exist is reported, not a crash', () => {
      const r = runCli(['scan', 'does-not-exist', '--format', 'json'], ws);
      expectExit(r, [0]);
      const j = JSON.parse(r.stdout) as { skipped: { file: string; reason: string }[] };
      assert.deepStrictEqual(j.skipped, [{ file: 'does-not-exist', reason: 'no such file or directory' }]);
    });

    it('keeps stdout clean for machines (json parses, text has no stack traces)', () => {
      writeFile(ws, 'z.py', 'print(1)\n');
      const r = runCli(['scan'], ws, 30_000);
      expectExit(r, [0, 1]);
      assert.ok(!/at \S+ \(.*:\d+:\d+\)/.test(r.stdout + r.stderr));
    });
  });
});

describe('cli: closed output pipe', () => {
  it('`aisec rules | head -1` ends quietly instead of crashing with EPIPE', function () {
    // a shell pipeline closes the read end after one line, as `head` does
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const bin = path.join(ROOT, 'bin', 'aisec.js');
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} rules | head -1 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 30_000 });
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled 'error' event/);
    assert.match(r.stderr, /rc=0/);
  });
});
