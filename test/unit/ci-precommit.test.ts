/**
 * The pre-commit hook (.pre-commit-hooks.yaml): against schemas/ci/pre-commit-hooks.schema.json, its `files`
 * pattern against what AISec analyses, its entry run the way pre-commit runs it (entry + args + staged file names,
 * from the repository root), building AISec in its clone when the rev has no bundles, and the example config.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { detectFileKind } from '../../server/src/engine/fileKind';
import { assertBuilt, cleanupWorkspaces, CLI, ROOT, writeFile } from '../helpers/cli';
import { schemaValidator, vulnerableRepo } from '../helpers/ciFixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Any[];
const hook = hooks.find((h) => h.id === 'aisec');

/** pre-commit's `files` is a Python regex applied with re.search; the only non-JS construct allowed here is a leading (?i). */
function filesPattern(): RegExp {
  const src = String(hook.files);
  return src.startsWith('(?i)') ? new RegExp(src.slice(4), 'i') : new RegExp(src);
}

/**
 * Run the hook as pre-commit runs a `language: script` hook: the entry (a path in the hook repository's clone, here
 * `clone`), then args, then the file names, in the repository being committed.
 */
function runHook(repo: string, files: string[], args: string[] = [], clone = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(path.join(clone, hook.entry), [...args, ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('ci: pre-commit hook (.pre-commit-hooks.yaml)', () => {
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('validates against the hook manifest schema', () => {
    const valid = schemaValidator('pre-commit-hooks.schema.json');
    valid(hooks);
    assert.throws(() => valid([{ ...hook, language: 'nodejs' }]));
    assert.throws(() => valid([{ ...hook, pass_filename: true }]), 'typos are caught');
    assert.throws(() => valid([{ id: 'x', name: 'x', entry: 'x' }]), 'language is required');
    assert.strictEqual(hook.language, 'script');
    assert.strictEqual(hook.pass_filenames, true);
    assert.strictEqual(hook.require_serial, true);
    assert.ok(fs.statSync(path.join(ROOT, hook.entry)).mode & 0o100, 'the entry is executable');
  });

  it('its files pattern takes every file kind AISec analyses', () => {
    const re = filesPattern();
    const analysed = [
      'src/app.py', 'stubs/x.pyi', 'nb/Explore.ipynb', 'web/chat.ts', 'web/Chat.tsx', 'web/a.mts', 'lib/x.js', 'lib/x.mjs', 'lib/x.cjs', 'ui/A.jsx',
      '.vscode/mcp.json', '.cursor/mcp.json', 'claude_desktop_config.json', 'tools/tools.yaml', 'k/x.yml', 'a.jsonc', 'prompts/system.md', 'prompts/reply.txt',
      'AGENTS.md', 'CLAUDE.md', '.cursorrules', '.windsurfrules', '.clinerules', '.clinerules/style', '.cursor/rules/a.mdc', 'x.prompty', 'p/a.prompt',
      'p/a.jinja2', 'p/a.j2', 'p/a.hbs', 'p/a.mustache', 'p/a.handlebars', 'p/a.jinja', '.github/prompts/x.prompt.md', 'SRC/APP.PY',
    ];
    for (const p of analysed) {
      assert.ok(detectFileKind(p), `fixture path ${p} is one AISec analyses`);
      assert.ok(re.test(p), `the hook passes ${p}`);
    }
    for (const p of ['Makefile', 'logo.png', 'go.mod', 'src/main.rs', 'Dockerfile', 'app.py.orig']) {
      assert.ok(!detectFileKind(p), p);
      assert.ok(!re.test(p), `the hook does not pass ${p}`);
    }
  });

  it('its entry, run as pre-commit runs it, fails on staged vulnerable files and passes clean ones', () => {
    const repo = vulnerableRepo();
    const bad = runHook(repo, ['app/bot.py', 'app/clean.py', 'docs/notes.md']);
    assert.strictEqual(bad.code, 1, bad.out);
    assert.match(bad.out, /app\/bot\.py[\s\S]*hardcoded-ai-provider-key/);
    const warnOnly = runHook(repo, ['app/loader.py']);
    assert.strictEqual(warnOnly.code, 0, `a warning passes under the default --fail-on error\n${warnOnly.out}`);
    assert.strictEqual(runHook(repo, ['app/loader.py'], ['--fail-on', 'warning']).code, 1);
    const clean = runHook(repo, ['app/clean.py', 'app/mock.py', 'docs/notes.md']);
    assert.strictEqual(clean.code, 0, clean.out);
    // with a baseline recorded from the repository root, known findings pass and new ones fail
    const rec = spawnSync(process.execPath, [CLI, 'scan', '.', '--update-baseline', '.aisec-baseline.json'], { cwd: repo, encoding: 'utf8' });
    assert.strictEqual(rec.status, 0, rec.stderr);
    assert.strictEqual(runHook(repo, ['app/bot.py', 'app/loader.py'], ['--fail-on', 'warning', '--baseline', '.aisec-baseline.json']).code, 0);
    fs.writeFileSync(path.join(repo, 'app/bot.py'), fs.readFileSync(path.join(repo, 'app/bot.py'), 'utf8') + 'import torch\nm = torch.load("m.pt")\n');
    assert.strictEqual(runHook(repo, ['app/bot.py'], ['--fail-on', 'warning', '--baseline', '.aisec-baseline.json']).code, 1);
  });

  it('the example .pre-commit-config.yaml uses the hook with a pinned rev', () => {
    const cfg = parseYaml(fs.readFileSync(path.join(ROOT, 'examples/ci/pre-commit-config.yaml'), 'utf8')) as Any;
    const repo = cfg.repos[0];
    assert.match(String(repo.rev), /^(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, 'rev is a tag or a full commit SHA, not a branch');
    assert.deepStrictEqual(repo.hooks.map((h: Any) => h.id), ['aisec']);
    for (const h of repo.hooks) for (const k of Object.keys(h)) assert.ok(['id', 'args', 'files', 'exclude', 'stages', 'verbose', 'alias', 'name', 'types', 'types_or', 'exclude_types', 'always_run', 'pass_filenames', 'additional_dependencies', 'language_version', 'require_serial', 'log_file', 'entry', 'language', 'description', 'minimum_pre_commit_version', 'fail_fast'].includes(k), k);
    assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes('examples/ci/pre-commit-config.yaml'));
  });

  it('without bundles in its clone the entry builds AISec once (npm ci --ignore-scripts, the build), then scans', function () {
    this.timeout(60_000);
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-hook-clone-'));
    const stubs = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-stubs-'));
    try {
      fs.cpSync(path.join(ROOT, 'bin'), path.join(clone, 'bin'), { recursive: true });
      fs.mkdirSync(path.join(clone, 'scripts/ci'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, hook.entry), path.join(clone, hook.entry));
      // stand-ins: npm records its arguments, the build copies the real bundles
      writeFile(clone, 'scripts/build.mjs', `import * as fs from 'node:fs';\nfs.appendFileSync(${JSON.stringify(path.join(stubs, 'calls'))}, 'build ' + process.argv.slice(2).join(' ') + '\\n');\nfs.cpSync(${JSON.stringify(path.join(ROOT, 'dist'))}, 'dist', { recursive: true, filter: (f) => !f.endsWith('.map') });\n`);
      writeFile(stubs, 'npm', `#!/bin/sh\necho "npm $* (in $PWD)" >> "${path.join(stubs, 'calls')}"\n`);
      fs.chmodSync(path.join(stubs, 'npm'), 0o755);
      const repo = vulnerableRepo();
      const env = { PATH: `${stubs}${path.delimiter}${process.env.PATH}` };
      const first = runHook(repo, ['app/bot.py'], [], clone, env);
      assert.strictEqual(first.code, 1, first.out);
      assert.match(first.out, /building AISec once/);
      assert.deepStrictEqual(fs.readFileSync(path.join(stubs, 'calls'), 'utf8').trim().split('\n'), [`npm ci --ignore-scripts --no-audit --no-fund --loglevel=error (in ${fs.realpathSync(clone)})`, 'build --production']);
      fs.rmSync(path.join(stubs, 'calls'));
      const second = runHook(repo, ['app/clean.py'], [], clone, env);
      assert.strictEqual(second.code, 0, second.out);
      assert.ok(!fs.existsSync(path.join(stubs, 'calls')), 'built once');
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
      fs.rmSync(stubs, { recursive: true, force: true });
    }
  });
});
