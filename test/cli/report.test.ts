/**
 * `aisec report` (evidence for governance) and `aisec scan --list-suppressions`: the HTML page is opened
 * in headless Chromium (playwright-core, Debian's /usr/bin/chromium) to check that the framework tables
 * render with their rows and counts, that hostile text from scanned files stays text, and that the page
 * loads nothing from the network. A screenshot lands in .e2e-out/report.png for a human look.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, ROOT, runCli, writeFile } from '../helpers/cli';

const CHROMIUM = process.env.AISEC_CHROMIUM ?? '/usr/bin/chromium';
const OUT_DIR = path.join(ROOT, '.e2e-out');
const ATTACK = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** examples/ plus a file with suppressions: active, expiring soon, expired, reasonless, and a hostile justification. */
function evidenceWorkspace(): string {
  const dir = makeWorkspace(undefined);
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  writeFile(
    dir,
    'app/legacy_loader.py',
    [
      'import pickle',
      'import torch',
      '',
      `# aisec-ignore torch-load-unsafe until 2099-01-01 by @alice -- checkpoint is built by our CI and signed ${ATTACK}`,
      'a = torch.load("ckpt/a.pt")',
      `# aisec-ignore torch-load-unsafe until ${isoDay(10)} by team-ml -- migration to safetensors tracked in ML-42`,
      'b = torch.load("ckpt/b.pt")',
      '# aisec-ignore torch-load-unsafe until 2020-01-01 by @bob -- was fine in 2019',
      'c = torch.load("ckpt/c.pt")',
      '# aisec-ignore torch-load-unsafe',
      'd = torch.load("ckpt/d.pt")',
      '',
    ].join('\n'),
  );
  return dir;
}

interface ReportJson {
  generatedAt: string;
  summary: { findings: { error: number; warning: number; info: number; total: number }; suppressed: number; suppressionsNotInForce: number; files: number };
  findings: { path: string; line: number; ruleId: string; policy?: string; owner?: string }[];
  suppressions: { path: string; line: number; ruleId: string; by?: string; until?: string; status: string; justification: string }[];
  frameworks: Record<'owasp' | 'nistAiRmf' | 'euAiAct' | 'iso42001', { id: string; rules: string[]; findings: number; suppressed: number }[]>;
  configuration: { configFiles: { path: string; sha256?: string }[]; packs: { name: string; version: string }[] };
  coverage: { files: { path: string }[]; skipped: { file: string; reason: string }[] };
}

describe('cli: aisec report', function () {
  this.timeout(90_000);
  let ws: string;
  let json: ReportJson;

  before(() => {
    assertBuilt();
    ws = evidenceWorkspace();
    const r = runCli(['report', '--format', 'json'], ws);
    expectExit(r, [0]);
    json = JSON.parse(r.stdout) as ReportJson;
  });
  after(() => cleanupWorkspaces());

  it('JSON: summary, findings with policy and owner, suppressions with status, all framework mappings', () => {
    assert.ok(json.summary.findings.total > 10, 'examples/ has findings');
    assert.strictEqual(json.summary.findings.total, json.findings.length);
    assert.ok(json.findings.every((f) => f.policy && /^https:\/\//.test(f.policy)), 'every finding has a policy link');
    assert.ok(json.findings.every((f) => f.owner === '#appsec-ai (appsec@example.com)'), 'owner from examples/.aisec.yaml');
    assert.deepStrictEqual(json.frameworks.owasp.map((r) => r.id), ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    assert.deepStrictEqual(json.frameworks.nistAiRmf.map((r) => r.id), ['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    assert.ok(json.frameworks.euAiAct.some((r) => r.id === 'Art. 15' && r.findings > 0));
    assert.ok(json.frameworks.iso42001.length > 0);
    const llm05 = json.frameworks.owasp.find((r) => r.id === 'LLM05')!;
    const expected05 = json.findings.filter((f) => json.frameworks.owasp.find((r) => r.id === 'LLM05')!.rules.includes(f.ruleId)).length;
    assert.ok(llm05.findings > 0 && llm05.findings === expected05, 'LLM05 counts the open findings of its rules');
    const llm03 = json.frameworks.owasp.find((r) => r.id === 'LLM03')!;
    assert.ok(llm03.suppressed >= 2, 'suppressed torch.load findings count under LLM03');
    const sup = json.suppressions.filter((s) => s.path === 'app/legacy_loader.py').map((s) => `${s.line} ${s.status} ${s.by ?? '-'}`);
    assert.deepStrictEqual(sup.sort(), ['10 invalid -', '5 active @alice', '7 expiring team-ml', '8 expired @bob'].sort());
    assert.strictEqual(json.summary.suppressed, 2);
    assert.strictEqual(json.summary.suppressionsNotInForce, 2);
    assert.deepStrictEqual(json.configuration.configFiles.map((c) => c.path), ['.aisec.yaml']);
    assert.match(json.configuration.configFiles[0].sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.ok(json.configuration.packs.some((p) => p.name === 'aisec:core'));
    assert.ok(json.coverage.files.some((f) => f.path === 'app/legacy_loader.py'));
    assert.match(json.generatedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('honours SOURCE_DATE_EPOCH as the clock (reproducible evidence)', () => {
    const r = runCliEnv(['report', '--format', 'json'], ws, { SOURCE_DATE_EPOCH: '1767225600' });
    expectExit(r, [0]);
    assert.strictEqual((JSON.parse(r.stdout) as ReportJson).generatedAt, '2026-01-01T00:00:00Z');
  });

  it('Markdown: tables for every framework; hostile text is escaped', () => {
    const out = path.join(ws, 'evidence', 'report.md');
    expectExit(runCli(['report', '--format', 'md', '--output', out], ws), [0]);
    const md = fs.readFileSync(out, 'utf8');
    for (const h of ['## Summary', '## Findings', '## Suppressions', '## OWASP Top 10 for LLM Applications 2025', '## NIST AI RMF 1.0 functions', '## EU AI Act articles', '## ISO/IEC 42001:2023 Annex A controls', '## Configuration in force', '## Files covered']) assert.ok(md.includes(h), h);
    for (let i = 1; i <= 10; i++) assert.match(md, new RegExp(`^\\| \\[LLM${String(i).padStart(2, '0')}\\]`, 'm'));
    assert.ok(!md.includes('<script>') && !md.includes('<img'), 'no raw HTML from scanned files');
    assert.ok(md.includes('&lt;script&gt;alert'), 'the hostile justification is shown as text');
  });

  it('HTML: self-contained, escaped, framework tables render in headless Chromium (screenshot)', async function () {
    const out = path.join(ws, 'evidence', 'report.html');
    expectExit(runCli(['report', '--output', out], ws), [0]);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(!/<script|<link|<img|<iframe|@import|url\(/i.test(html), 'no scripts and no external resources');
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'hostile justification escaped');

    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      (skipped the browser check: ${CHROMIUM} is not installed; run scripts/setup-e2e.sh or apt-get install chromium)`);
      this.skip();
    }
    // loaded at run time from node_modules (a devDependency), never bundled into the test
    const req = eval('require') as NodeRequire;
    const { chromium } = req(path.join(ROOT, 'node_modules', 'playwright-core')) as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${out}`);
      assert.deepStrictEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the page loads nothing from the network');
      assert.deepStrictEqual(dialogs, [], 'no script from scanned content ran');

      const owasp = await page.$$eval('#owasp tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-id'), r.querySelector('td.num.open')?.textContent, r.querySelectorAll('td.num')[1]?.textContent]));
      assert.deepStrictEqual(owasp.map((r) => r[0]), ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
      assert.deepStrictEqual(owasp.map((r) => [r[0], Number(r[1]), Number(r[2])]), json.frameworks.owasp.map((r) => [r.id, r.findings, r.suppressed]), 'OWASP counts match the JSON model');
      const nist = await page.$$eval('#nist tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id')));
      assert.deepStrictEqual(nist, ['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
      assert.ok((await page.$$eval('#eu-ai-act tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id')))).includes('Art. 15'));
      assert.ok((await page.$$('#iso42001 tbody tr')).length > 0);
      assert.strictEqual((await page.$$('#findings tbody tr')).length, json.findings.length);
      const supText = await page.textContent('#suppressions');
      assert.ok(supText?.includes(ATTACK), 'the hostile justification is displayed verbatim as text');
      assert.ok(supText?.includes('@alice') && supText.includes('expired') && supText.includes('expiring'));
      // every table fits the page: no horizontal scrolling on a laptop-sized window
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px`);

      fs.mkdirSync(OUT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(OUT_DIR, 'report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(OUT_DIR, 'report.pdf'), format: 'A4' }).catch(() => undefined); // prints (PDF needs headless shell support)
    } finally {
      await browser.close();
    }
    assert.ok(fs.statSync(path.join(OUT_DIR, 'report.png')).size > 10_000);
  });

  it('usage errors exit 2', () => {
    expectExit(runCli(['report', '--format', 'pdf'], ws), [2]);
  });
});

describe('cli: aisec scan --list-suppressions', function () {
  this.timeout(60_000);
  let ws: string;
  before(() => {
    assertBuilt();
    ws = evidenceWorkspace();
  });
  after(() => cleanupWorkspaces());

  it('text: path:line, rule, justification, owner, expiry; flags expiring and expired', () => {
    const r = runCli(['scan', 'app/legacy_loader.py', '--list-suppressions'], ws);
    expectExit(r, [0]);
    const out = r.stdout;
    assert.match(out, /^app\/legacy_loader\.py:5:\d+ {2}torch-load-unsafe {2}\(comment\)$/m);
    assert.match(out, /owner: @alice {4}expires: 2099-01-01/);
    assert.match(out, /^app\/legacy_loader\.py:7:\d+ {2}torch-load-unsafe {2}\(comment\) \[EXPIRES SOON\]$/m);
    assert.match(out, /expires: \d{4}-\d{2}-\d{2} \(in 10 days\)/);
    assert.match(out, /^app\/legacy_loader\.py:8:\d+ {2}torch-load-unsafe {2}\(comment\) \[EXPIRED: does not suppress\]$/m);
    assert.match(out, /^app\/legacy_loader\.py:10:\d+ {2}torch-load-unsafe {2}\(comment\) \[INVALID: does not suppress\]$/m);
    assert.match(out, /2 suppression\(s\) in force \(1 expiring within 30 days\), 1 expired, 1 invalid/);
  });

  it('JSON lists the same entries with status and days left', () => {
    const r = runCli(['scan', '--list-suppressions', '--format', 'json'], ws);
    expectExit(r, [0]);
    const data = JSON.parse(r.stdout) as { suppressions: { path: string; line: number; status: string; daysLeft?: number; justification: string; kind: string }[] };
    const mine = data.suppressions.filter((s) => s.path === 'app/legacy_loader.py');
    assert.deepStrictEqual(mine.map((s) => [s.line, s.status, s.kind]), [[5, 'active', 'inSource'], [7, 'expiring', 'inSource'], [8, 'expired', 'inSource'], [10, 'invalid', 'inSource']]);
    assert.strictEqual(mine[1].daysLeft, 10);
    assert.ok(mine[0].justification.endsWith(ATTACK));
  });
});

function runCliEnv(args: string[], cwd: string, env: Record<string, string>) {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'aisec.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('cli: aisec report --learning', function () {
  this.timeout(60_000);
  const EPOCH = String(Date.UTC(2027, 1, 15) / 1000); // today = 2027-02-15
  const HOSTILE = 'Bruno <img src=x onerror=alert(3)> | *x*';
  let ws: string;
  const progress = (learner: string, exercises: Record<string, unknown>, lessons: Record<string, unknown>) => JSON.stringify({ version: 1, learner, exportedAt: '2027-02-10T08:00:00.000Z', exercises, lessons }, null, 2);

  before(() => {
    assertBuilt();
    ws = makeWorkspace(undefined, {
      '.aisec.yaml': [
        'learning:',
        '  paths:',
        '    - id: onboarding',
        '      title: AI security onboarding',
        '      modules:',
        '        - id: models',
        '          title: Load models safely',
        '          rules: [torch-load-unsafe]',
        '          exercises: [rule:torch-load-unsafe]',
        '          due: 2027-01-31',
        '        - id: mcp',
        '          title: Pin MCP servers',
        '          exercises: [lab:pin-npx-servers]',
        '          due: 2027-03-31',
        '          required: false',
        '',
      ].join('\n'),
      'app/main.py': 'print("hello")\n',
      '.aisec/progress/ana.json': progress(
        'Ana',
        {
          'rule:torch-load-unsafe': { status: 'passed', passedAt: '2027-01-20T10:00:00.000Z', attempts: 2, hints: 1, assisted: false },
          'lab:pin-npx-servers': { status: 'passed', passedAt: '2027-02-01T10:00:00.000Z', attempts: 1, hints: 3, assisted: true },
        },
        { 'torch-load-unsafe': { openedAt: '2027-01-19T10:00:00.000Z' } },
      ),
      '.aisec/progress/bruno.json': progress(HOSTILE, { 'rule:torch-load-unsafe': { status: 'failed', attempts: 1, hints: 2, assisted: false } }, {}),
      '.aisec/progress/zed.json': '{ "version": 1, "learner": "Zed", ',
    });
  });
  after(() => cleanupWorkspaces());

  interface LearningJson {
    today: string;
    paths: { id: string; modules: { id: string }[] }[];
    learners: { learner: string; file: string; paths: { pathId: string; modules: { moduleId: string; state: string; completed: boolean; completedAt?: string; hints: number; assisted: boolean; overdue: boolean }[] }[] }[];
    problems: { file: string; message: string }[];
  }

  it('JSON: two learners from their files, per module done/when/hints/assisted/overdue; the malformed file is named, not fatal', () => {
    const r = runCliEnv(['report', '--format', 'json', '--learning'], ws, { SOURCE_DATE_EPOCH: EPOCH });
    expectExit(r, [0]);
    const l = (JSON.parse(r.stdout) as { learning: LearningJson }).learning;
    assert.strictEqual(l.today, '2027-02-15');
    assert.deepStrictEqual(l.paths.map((p) => [p.id, p.modules.map((m) => m.id)]), [['onboarding', ['models', 'mcp']]]);
    assert.deepStrictEqual(l.learners.map((x) => [x.learner, x.file]), [['Ana', '.aisec/progress/ana.json'], [HOSTILE, '.aisec/progress/bruno.json']]);
    const ana = l.learners[0].paths[0].modules.map((m) => [m.moduleId, m.state, m.completed, m.completedAt ?? '-', m.hints, m.assisted, m.overdue]);
    assert.deepStrictEqual(ana, [
      ['models', 'done', true, '2027-01-20T10:00:00.000Z', 1, false, false],
      ['mcp', 'done', true, '2027-02-01T10:00:00.000Z', 3, true, false],
    ]);
    const bruno = l.learners[1].paths[0].modules.map((m) => [m.moduleId, m.state, m.completed, m.hints, m.overdue]);
    assert.deepStrictEqual(bruno, [
      ['models', 'overdue', false, 2, true],
      ['mcp', 'not-started', false, 0, false],
    ]);
    assert.deepStrictEqual(l.problems.map((p) => p.file), ['.aisec/progress/zed.json']);
    assert.match(l.problems[0].message, /not valid JSON/);
    assert.match(r.stderr, /learning progress \.aisec\/progress\/zed\.json: not valid JSON/);
  });

  it('aisec scan warns about an unknown rule id in a path (file:line) and still exits 0; a bad due date is a config error (exit 2)', () => {
    const warn = makeWorkspace(undefined, { '.aisec.yaml': 'learning:\n  paths:\n    - id: p\n      modules:\n        - { id: m, rules: [no-such-rule] }\n', 'a.py': 'print(1)\n' });
    const r = runCli(['scan', '.'], warn);
    expectExit(r, [0]);
    assert.match(r.stderr, /\.aisec\.yaml:5:\d+: warning: learning path "p", module "m": unknown rule "no-such-rule"/);
    const bad = makeWorkspace(undefined, { '.aisec.yaml': 'learning:\n  paths:\n    - id: p\n      modules:\n        - { id: m, due: 2027-02-30 }\n', 'a.py': 'print(1)\n' });
    const e = runCli(['report', '--learning', '--format', 'json'], bad);
    expectExit(e, [2]);
    assert.match(e.stderr, /\.aisec\.yaml:5:\d+: error: learning path "p", module "m": due must be a date written YYYY-MM-DD/);
  });

  it('without --learning the report has no learning section', () => {
    const r = runCliEnv(['report', '--format', 'json'], ws, { SOURCE_DATE_EPOCH: EPOCH });
    expectExit(r, [0]);
    assert.ok(!('learning' in (JSON.parse(r.stdout) as object)));
  });

  it('Markdown: a table per learner; names from files are escaped', () => {
    const r = runCliEnv(['report', '--format', 'md', '--learning'], ws, { SOURCE_DATE_EPOCH: EPOCH });
    expectExit(r, [0]);
    const md = r.stdout;
    assert.ok(md.includes('## Learning progress'));
    assert.ok(md.includes('### Ana'));
    assert.match(md, /^\| AI security onboarding \| Load models safely \| required \| 2027-01-31 \| done \| yes, 2027-01-20 \| 1 \| no \|$/m);
    assert.match(md, /^\| AI security onboarding \| Pin MCP servers \| optional \| 2027-03-31 \| done \| yes, 2027-02-01 \| 3 \| yes \|$/m);
    assert.match(md, /^\| AI security onboarding \| Load models safely \| required \| 2027-01-31 \| \*\*overdue\*\* \| no \(0\/2\) \| 2 \| no \|$/m);
    assert.ok(md.includes('### Bruno &lt;img src=x onerror=alert(3)&gt; \\| \\*x\\*'), 'hostile learner name escaped');
    assert.ok(!md.includes('<img'));
    assert.match(md, /### Progress files not read\n\n- \.aisec\/progress\/zed\.json: not valid JSON/);
  });

  it('HTML: a table per learner with states; names escaped; the malformed file listed', () => {
    const r = runCliEnv(['report', '--format', 'html', '--learning'], ws, { SOURCE_DATE_EPOCH: EPOCH });
    expectExit(r, [0]);
    const html = r.stdout;
    assert.ok(!/<img|<script/i.test(html), 'no markup from progress files');
    assert.ok(html.includes('<h3 class="learner">Bruno &#60;img src=x onerror=alert(3)&#62; | *x*</h3>'));
    assert.ok(html.includes('<h3 class="learner">Ana</h3>'));
    const rows = [...html.matchAll(/<tr data-path="onboarding" data-module="(\w+)" data-state="([\w-]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
    assert.deepStrictEqual(rows, ['models:done', 'mcp:done', 'models:overdue', 'mcp:not-started']);
    assert.match(html, /<ul id="learning-problems"><li><code>\.aisec\/progress\/zed\.json<\/code>: not valid JSON/);
  });
});
