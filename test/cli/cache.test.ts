/**
 * `aisec scan --cache`: a cached scan reports exactly what a scan without the cache reports (JSON, SARIF, text,
 * with a baseline), cold and warm, and after each kind of input changes: the file, a file it imports, the config,
 * a rule pack, a manifest, the AISec version; a corrupt or foreign cache is ignored with a message.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, expectExit, makeWorkspace, runCli, writeFile } from '../helpers/cli';

const PY: Record<string, string> = {
  'app/llm.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    '',
    'def generate_code(task):',
    '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])',
    '    return r.choices[0].message.content',
    '',
  ].join('\n'),
  'app/server.py': [
    'from .llm import generate_code',
    'import torch',
    '',
    'def solve(task):',
    '    exec(generate_code(task))',
    '',
    'def load(p):',
    '    return torch.load(p)',
    '',
  ].join('\n'),
  'app/other.py': ['import yaml', '', 'def read(p):', '    return yaml.load(open(p))', ''].join('\n'),
  'app/__init__.py': '',
  'requirements.txt': 'openai==1.0.0\ntorch==2.3.0\npyyaml==6.0\n',
  '.aisec.yaml': 'extends:\n  - aisec:recommended\n',
};

interface Run { out: string; reused: number; analysed: number; stderr: string; code: number | null }

function scan(ws: string, args: string[], cache: boolean | string[]): Run {
  const extra = cache === true ? ['--cache'] : cache === false ? [] : cache;
  const r = runCli(['scan', '--root', '.', '--fail-on', 'none', ...args, ...extra], ws);
  expectExit(r, [0]);
  let out = r.stdout;
  if (args.includes('json')) {
    const j = JSON.parse(out) as { summary: { elapsedMs: number } };
    j.summary.elapsedMs = 0;
    out = JSON.stringify(j, null, 2);
  }
  if (!args.includes('json') && !args.includes('sarif')) out = out.replace(/\d+ ?ms\b/g, 'N ms').replace(/in [\d.]+ ?s\b/g, 'in N s');
  const m = /(\d+) result\(s\) reused, (\d+) file\(s\) analysed/.exec(r.stderr);
  return { out, reused: m ? +m[1] : -1, analysed: m ? +m[2] : -1, stderr: r.stderr, code: r.code };
}

/** A cached scan and a scan without the cache give the same report; the cached run's counters. */
function same(ws: string, args: string[] = ['--format', 'json'], cacheArgs: string[] | true = true): Run {
  const ref = scan(ws, args, false);
  const cached = scan(ws, args, cacheArgs);
  assert.strictEqual(cached.out, ref.out, `cached report differs from an uncached one:\n${cached.stderr}`);
  return cached;
}

function rules(run: Run): string[] {
  const j = JSON.parse(run.out) as { findings: { ruleId: string; path: string; line: number }[] };
  return j.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`).sort();
}

describe('cli: scan --cache', function () {
  this.timeout(120_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('cold and warm scans report what a scan without the cache reports, in every format and with a baseline', () => {
    const ws = makeWorkspace(undefined, PY);
    const cold = same(ws);
    assert.strictEqual(cold.reused, 0);
    assert.ok(cold.analysed >= 4, cold.stderr);
    assert.ok(rules(cold).includes('app/server.py:5 llm-output-code-execution'), rules(cold).join('\n'));
    assert.ok(fs.existsSync(path.join(ws, '.aisec-cache', 'scan-cache.json')));
    const warm = same(ws);
    assert.deepStrictEqual([warm.reused, warm.analysed], [cold.analysed, 0]);
    // the cache folder is no input of the scan (with or without --cache)
    assert.ok(!/aisec-cache/.test(warm.out));
    for (const args of [['--format', 'sarif'], ['--format', 'text'], ['--format', 'text', '--show-suppressed']]) assert.strictEqual(same(ws, args).analysed, 0);
    expectExit(runCli(['scan', '--root', '.', '--update-baseline', 'base.json'], ws), [0]);
    writeFile(ws, 'app/more.py', 'import torch\n\ndef g(p):\n    return torch.load(p)\n');
    const withBase = same(ws, ['--format', 'json', '--baseline', 'base.json']);
    assert.deepStrictEqual(rules(withBase).map((r) => r.split(' ')[0].split(':')[0]), rules(withBase).map(() => 'app/more.py'));
    assert.ok(rules(withBase).length > 0);
  });

  it('re-analyses a file when a file it imports changes, and gives the same findings as a fresh scan', () => {
    const ws = makeWorkspace(undefined, PY);
    same(ws);
    // generate_code no longer returns model output: the exec in server.py is no finding any more
    writeFile(ws, 'app/llm.py', PY['app/llm.py'].replace('return r.choices[0].message.content', 'return "1 + 1"'));
    const after = same(ws);
    assert.ok(!rules(after).includes('app/server.py:5 llm-output-code-execution'), rules(after).join('\n'));
    assert.ok(after.analysed >= 2 && after.reused >= 1, after.stderr); // llm.py, server.py; __init__.py or other.py kept
    // the file itself changes
    writeFile(ws, 'app/other.py', PY['app/other.py'].replace('yaml.load(open(p))', 'yaml.safe_load(open(p))'));
    const own = same(ws);
    assert.ok(own.analysed >= 1 && own.reused >= 1, own.stderr);
    assert.ok(!rules(own).some((r) => r.startsWith('app/other.py')));
    assert.strictEqual(same(ws).analysed, 0);
  });

  it('re-analyses a file when an importer stops importing it (the import graph of the last scan counts)', () => {
    // the model call is in a subclass in another file: the exec in the base class is a finding because of it
    const base = ['class Assistant:', '    def complete(self, prompt):', '        raise NotImplementedError', '', '    def chart(self, question):', '        code = self.complete(f"chart code for {question}")', '        exec(code, {})', ''].join('\n');
    const remote = ['from openai import OpenAI', 'from .base import Assistant', '', 'class RemoteAssistant(Assistant):', '    def __init__(self):', '        self.client = OpenAI()', '', '    def complete(self, prompt):', '        r = self.client.chat.completions.create(model="m", messages=[{"role": "user", "content": prompt}])', '        return r.choices[0].message.content', ''].join('\n');
    const ws = makeWorkspace(undefined, { 'kit/__init__.py': '', 'kit/base.py': base, 'kit/remote.py': remote, 'kit/util.py': 'import os\n' });
    const before = same(ws);
    assert.ok(rules(before).includes('kit/base.py:7 llm-output-code-execution'), rules(before).join('\n'));
    // remote.py no longer imports base.py: base.py is not next to it in the new graph, only in the last one
    writeFile(ws, 'kit/remote.py', remote.replace('from .base import Assistant\n', '').replace('(Assistant)', ''));
    const after = same(ws);
    assert.ok(!rules(after).includes('kit/base.py:7 llm-output-code-execution'), rules(after).join('\n'));
    assert.ok(after.analysed >= 2, after.stderr);
  });

  it('starts over when the config, a rule pack, a manifest or the AISec version changes', () => {
    const ws = makeWorkspace('team-pack', { 'requirements.txt': 'openai==1.0.0\n', 'app2.py': 'import torch\nimport langchain_experimental\n\ndef f(p):\n    return torch.load(p)\n' });
    same(ws);
    assert.strictEqual(same(ws).analysed, 0);
    const count = (r: Run) => r.reused + r.analysed;
    // config
    const cfg = path.join(ws, '.aisec.yaml');
    fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace('llm-call-without-token-limit: off', 'llm-call-without-token-limit: off\n  torch-load-unsafe: off'));
    const c = same(ws);
    assert.strictEqual(c.reused, 0, c.stderr);
    assert.ok(!rules(c).some((r) => r.endsWith('torch-load-unsafe')));
    assert.strictEqual(same(ws).analysed, 0);
    // a rule pack's content
    const pack = path.join(ws, 'security', 'acme.aisec-pack.yaml');
    fs.writeFileSync(pack, fs.readFileSync(pack, 'utf8').replace('with verify=False: TLS is not checked', 'with verify=False (TLS unchecked)'));
    const p = same(ws);
    assert.deepStrictEqual([p.reused, p.analysed], [0, count(p)]);
    // a manifest (unknown-package-import reads the declared dependencies)
    fs.writeFileSync(path.join(ws, 'requirements.txt'), 'openai==1.0.0\nlangchain-experimental==0.3.0\n');
    const m = same(ws);
    assert.deepStrictEqual([m.reused, m.analysed], [0, count(m)]);
    // another AISec version or another rules digest: the cache is not trusted
    const file = path.join(ws, '.aisec-cache', 'scan-cache.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { aisec: string; key: string };
    fs.writeFileSync(file, JSON.stringify({ ...data, aisec: '0.0.0-other' }));
    const v = same(ws);
    assert.deepStrictEqual([v.reused, v.analysed], [0, count(v)]);
    assert.match(v.stderr, /another AISec version/);
    fs.writeFileSync(file, JSON.stringify({ ...data, key: 'f'.repeat(40) }));
    assert.strictEqual(same(ws).reused, 0);
  });

  it('ignores a corrupt or foreign cache file with a message and replaces it; prunes deleted files', () => {
    const ws = makeWorkspace(undefined, PY);
    const file = path.join(ws, '.aisec-cache', 'scan-cache.json');
    writeFile(ws, '.aisec-cache/scan-cache.json', '{"format": "aisec-scan-cache", "files": ');
    const corrupt = same(ws);
    assert.match(corrupt.stderr, /corrupt/);
    assert.strictEqual(corrupt.reused, 0);
    assert.strictEqual((JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string }).format, 'aisec-scan-cache');
    writeFile(ws, '.aisec-cache/scan-cache.json', JSON.stringify({ hello: 'world' }));
    assert.match(same(ws).stderr, /not an AISec scan cache/);
    // entries that do not hold their shape are not trusted either
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { result?: unknown }> };
    data.files['app/server.py'].result = { findings: 'x' };
    fs.writeFileSync(file, JSON.stringify(data));
    assert.strictEqual(same(ws).analysed, 1);
    // a deleted file leaves the cache
    fs.rmSync(path.join(ws, 'app', 'other.py'));
    same(ws);
    assert.deepStrictEqual(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { files: object }).files).sort(), ['app/__init__.py', 'app/llm.py', 'app/server.py']);
    assert.ok(!fs.readdirSync(path.join(ws, '.aisec-cache')).some((n) => n.endsWith('.tmp')));
  });

  it('trusts a file\'s status (size, mtime, ctime, inode) only while it is the same; a content change that keeps size and mtime is re-analysed', async () => {
    const read = (r: Run) => Number(/(\d+) file\(s\) read to compare digests/.exec(r.stderr)?.[1] ?? -1);
    const ws = makeWorkspace(undefined, PY);
    const file = path.join(ws, 'app', 'other.py');
    const mtime = 1_700_000_000; // whole seconds: set back exactly below
    fs.utimesSync(file, mtime, mtime);
    // a status less than RACY_MS (2 s) old when recorded is not trusted (it could change again within the same
    // timestamp tick): let the files age, so the statuses recorded by the cold scan are used by the next one
    await new Promise((r) => setTimeout(r, 2100));
    const cold = same(ws);
    assert.strictEqual(read(cold), cold.analysed, cold.stderr);
    const warm = same(ws);
    assert.deepStrictEqual([warm.analysed, read(warm)], [0, 0], warm.stderr); // nothing read: every status vouched
    // other content, same size, mtime set back (an edit followed by `touch -d`, a `cp -p` or `tar x` of other
    // content): the ctime moved, so the file is read, hashed and re-analysed
    const before = fs.statSync(file);
    fs.writeFileSync(file, PY['app/other.py'].replace('yaml.load(open(p))', 'yaml.dump(open(p))'));
    fs.utimesSync(file, mtime, mtime);
    const after = fs.statSync(file);
    assert.deepStrictEqual([after.size, after.mtimeMs], [before.size, before.mtimeMs]);
    const changed = same(ws);
    assert.ok(changed.analysed >= 1 && read(changed) >= 1, changed.stderr);
    assert.ok(!rules(changed).some((r) => r.startsWith('app/other.py')), rules(changed).join('\n'));
    // a touch without a content change: read and hashed again, the result reused
    fs.utimesSync(path.join(ws, 'app', 'server.py'), new Date(), new Date());
    const touched = same(ws);
    assert.ok(touched.analysed === 0 && read(touched) >= 1, touched.stderr);
    // --cache-strategy content: every file is read and hashed, nothing analysed
    const content = same(ws, ['--format', 'json'], ['--cache-strategy', 'content']);
    assert.deepStrictEqual([content.analysed, read(content)], [0, content.reused], content.stderr);
    expectExit(runCli(['scan', '--root', '.', '--cache-strategy', 'mtime'], ws), [2]);
  });

  it('keeps the cache where --cache-location says (a file outside the tree, for CI)', () => {
    const ws = makeWorkspace(undefined, PY);
    const elsewhere = makeWorkspace(undefined);
    const loc = path.join(elsewhere, 'ci', 'aisec.json');
    same(ws, ['--format', 'json'], ['--cache-location', loc]);
    assert.ok(fs.existsSync(loc));
    assert.ok(!fs.existsSync(path.join(ws, '.aisec-cache')));
    assert.strictEqual(same(ws, ['--format', 'json'], ['--cache', '--cache-location', loc]).analysed, 0);
  });
});
