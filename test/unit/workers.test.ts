/** Scans on worker threads (scanPathsAsync): the same result as in process, whatever the scheduling; no file lost. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initAnalyzers } from '../../server/src/analyzers';
import { ANALYSIS_INCOMPLETE_RULE, builtinRules } from '../../server/src/engine/registry';
import type { ScanOptions, ScannedFile, ScanResult } from '../../server/src/workspace/scan';
import { coreJobs, defaultJobs, scanPaths, scanPathsAsync } from '../../server/src/workspace/scan';
import { cleanupWorkspaces, CLI, expectExit, makeWorkspace, ROOT, runCli } from '../helpers/cli';

const SCRIPT = path.join(ROOT, 'dist', 'scanWorker.js');

/** What a scan decides, without timing: per file its path, result and kept text; skipped files; totals. */
function shape(r: ScanResult): unknown {
  return {
    files: r.files.map((f) => ({ rel: f.rel, text: f.text, result: f.result })),
    skipped: r.skipped,
    bytes: r.bytes,
    lines: r.lines,
    configErrors: r.configErrors,
    configFiles: r.configFiles,
    rules: r.rules.map((x) => x.meta.id),
  };
}

/** Equal shapes; on a difference, the first file that differs (a full diff of whole scans is too big to print). */
function same(got: ScanResult, want: ScanResult): void {
  const a = shape(got) as { files: unknown[] };
  const b = shape(want) as { files: unknown[] };
  const i = a.files.findIndex((f, k) => JSON.stringify(f) !== JSON.stringify(b.files[k]));
  if (i >= 0) assert.fail(`file ${i} differs:\n${JSON.stringify(a.files[i]).slice(0, 2000)}\n${JSON.stringify(b.files[i] ?? null).slice(0, 2000)}`);
  assert.strictEqual(JSON.stringify({ ...a, files: a.files.length }), JSON.stringify({ ...b, files: b.files.length }));
}

function opts(root: string, extra: Partial<ScanOptions> = {}): ScanOptions {
  return { root, rules: builtinRules, keepAllText: false, ...extra };
}

describe('scan on worker threads', function () {
  this.timeout(240_000);
  before(async () => {
    if (!fs.existsSync(SCRIPT)) throw new Error('dist/scanWorker.js is missing: run "node scripts/build.mjs" first');
    await initAnalyzers(path.join(ROOT, 'dist'));
  });
  after(() => cleanupWorkspaces());

  for (const tree of ['examples', 'test/fixtures', 'rules/tools']) {
    it(`--jobs 2 and 3 give exactly the in-process result on ${tree}`, async () => {
      const root = path.join(ROOT, tree);
      const one = scanPaths([root], opts(root));
      assert.ok(one.files.length > 5, `${tree} has files`);
      const seen: ScannedFile[] = [];
      const two = await scanPathsAsync([root], opts(root, { jobs: 2, workers: { script: SCRIPT, minFiles: 0 }, onFile: (f) => seen.push(f) }));
      same(two, one);
      // streamed in the order of the result
      assert.deepStrictEqual(seen.map((f) => f.rel), two.files.map((f) => f.rel));
      const three = await scanPathsAsync([root], opts(root, { jobs: 3, workers: { script: SCRIPT, minFiles: 0 } }));
      same(three, one);
    });
  }

  it('cross-file flow gives the same answers in every worker (files split across workers)', async () => {
    const dir = makeWorkspace(undefined, {
      'app/llm.py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef generate(task):\n    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])\n    return r.choices[0].message.content\n',
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`app/use${String(i).padStart(2, '0')}.py`, `import subprocess\nfrom .llm import generate\n\ndef run${i}(t):\n    subprocess.run(generate(t), shell=True)\n`])),
      'app/__init__.py': '',
    });
    const one = scanPaths([dir], opts(dir));
    const flows = one.files.flatMap((f) => f.result.findings.map((x) => `${f.rel}:${x.ruleId}`)).filter((k) => /llm-output/.test(k));
    assert.ok(flows.length >= 40, `a cross-file finding in each importer (${flows.length})`);
    const many = await scanPathsAsync([dir], opts(dir, { jobs: 4, workers: { script: SCRIPT, minFiles: 0 } }));
    same(many, one);
  });

  it('in process, files analysed ahead of their turn (their trees kept from a summary) are streamed and listed in walk order', () => {
    // app/a_main.py comes first and imports every helper: their summaries are parsed before their turn
    const helpers = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`app/h${String(i).padStart(2, '0')}.py`, `import subprocess\n\ndef run${i}(cmd):\n    subprocess.run(cmd, shell=True)\n`]));
    const dir = makeWorkspace(undefined, {
      'app/__init__.py': '',
      'app/a_main.py': ['from mcp.server.fastmcp import FastMCP', ...Object.keys(helpers).map((f, i) => `from .${path.basename(f, '.py')} import run${i}`), 'mcp = FastMCP("x")', '', '@mcp.tool()', 'def go(cmd: str) -> None:', ...Object.keys(helpers).map((_, i) => `    run${i}(f"git log {cmd}")`), ''].join('\n'),
      ...helpers,
    });
    const seen: string[] = [];
    const r = scanPaths([dir], opts(dir, { onFile: (f) => seen.push(f.rel) }));
    const walk = r.files.map((f) => f.rel);
    assert.deepStrictEqual(walk, [...walk].sort());
    assert.deepStrictEqual(seen, walk);
    // each helper's sink is reached by the tool argument of the first file (cross-file, answered the same in any order)
    const hits = r.files.filter((f) => f.result.findings.some((x) => x.ruleId === 'llm-output-code-execution')).map((f) => f.rel);
    assert.deepStrictEqual(hits, Object.keys(helpers).sort());
  });

  it('a worker that crashes loses no file: its other files are analysed again, the crashing one is analysis-incomplete', async () => {
    const root = path.join(ROOT, 'examples');
    const one = scanPaths([root], opts(root));
    const victim = one.files.find((f) => f.rel.endsWith('.py'))!.rel;
    const r = await scanPathsAsync([root], opts(root, { jobs: 2, workers: { script: SCRIPT, minFiles: 0, test: { crashOn: victim } } }));
    assert.deepStrictEqual(r.files.map((f) => f.rel), one.files.map((f) => f.rel));
    for (const [i, f] of r.files.entries()) {
      if (f.rel !== victim) {
        assert.deepStrictEqual(f.result, one.files[i].result, f.rel);
        continue;
      }
      assert.ok(f.result.incomplete?.some((x) => /crashed/.test(x)), JSON.stringify(f.result.incomplete));
      assert.ok(f.result.findings.some((x) => x.ruleId === ANALYSIS_INCOMPLETE_RULE && /crashed/.test(x.message)), 'an analysis-incomplete finding');
    }
  });

  it('a worker that runs out of memory loses no file: the file is analysed again by a worker without heap limits', async () => {
    const root = path.join(ROOT, 'examples');
    const one = scanPaths([root], opts(root));
    const victim = one.files.find((f) => f.rel.endsWith('.ts'))!.rel;
    const r = await scanPathsAsync([root], opts(root, { jobs: 2, workers: { script: SCRIPT, minFiles: 0, resourceLimits: { maxOldGenerationSizeMb: 256 }, test: { oomOn: victim } } }));
    same(r, one);
  });

  it('small scans and rules other than the built-in ones stay in process (same result)', async () => {
    const root = path.join(ROOT, 'examples');
    const one = scanPaths([root], opts(root));
    // a crash hook that would fire in a worker shows whether one was used
    const victim = one.files[0].rel;
    const small = await scanPathsAsync([root], opts(root, { jobs: 2, workers: { script: SCRIPT, test: { crashOn: victim } } }));
    same(small, one);
    // a rule the workers do not have (a pack's, a test's): in process
    const rules = [...builtinRules.slice(0, 5), { ...builtinRules[5] }];
    const custom = await scanPathsAsync([root], opts(root, { rules, jobs: 2, workers: { script: SCRIPT, minFiles: 0, test: { crashOn: victim } } }));
    same(custom, scanPaths([root], opts(root, { rules })));
    // a subset of the built-in rules: in workers, the same result
    const subset = await scanPathsAsync([root], opts(root, { rules: builtinRules.slice(0, 20), jobs: 2, workers: { script: SCRIPT, minFiles: 0 } }));
    same(subset, scanPaths([root], opts(root, { rules: builtinRules.slice(0, 20) })));
  });
});

describe('aisec scan --jobs', function () {
  this.timeout(120_000);
  after(() => cleanupWorkspaces());

  it('parses -j N, --jobs N, --jobs=N and --jobs auto (default 1); rejects anything but a whole number from 1', () => {
    const dir = path.join(ROOT, 'examples');
    const base = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '-j', '1'], dir);
    expectExit(base, [0]);
    const strip = (s: string) => s.replace(/"elapsedMs": \d+/, '');
    for (const a of [['-j', '2'], ['--jobs', '3'], ['--jobs=2'], ['--jobs', 'auto'], []]) {
      const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...a], dir);
      expectExit(r, [0]);
      assert.strictEqual(strip(r.stdout), strip(base.stdout), a.join(' '));
    }
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      const r = runCli(['scan', '.', '--jobs', bad], dir);
      assert.strictEqual(r.code, 2, `--jobs ${bad}: ${r.stderr}`);
      assert.match(r.stderr, /--jobs must be a whole number/);
    }
    assert.match(runCli(['--help'], dir).stdout, /--jobs N\|auto/);
    assert.strictEqual(defaultJobs(), 1, 'in process unless asked');
    assert.ok(coreJobs() >= 1);
  });

  it('text output printed file by file is the report written whole', () => {
    const dir = makeWorkspace(undefined);
    fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
    const streamed = runCli(['scan', '.', '--fail-on', 'none'], dir);
    expectExit(streamed, [0]);
    const file = path.join(dir, 'report.txt');
    expectExit(runCli(['scan', '.', '--fail-on', 'none', '--output', file], dir), [0]);
    const strip = (s: string) => s.replace(/\d+ ms\n$/, '');
    assert.ok(/finding/.test(streamed.stdout));
    assert.strictEqual(strip(streamed.stdout), strip(fs.readFileSync(file, 'utf8')));
    assert.ok(fs.existsSync(CLI));
  });
});
