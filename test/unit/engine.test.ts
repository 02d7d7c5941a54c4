/** The pure engine: file kinds, skip reasons, ignore globs, severities, fingerprints, never throwing. */
import * as assert from 'assert';
import { defaultConfig } from '../../server/src/engine/config';
import { analyze, isIgnored, skipReason } from '../../server/src/engine/engine';
import { detectFileKind } from '../../server/src/engine/fileKind';
import { policyLink } from '../../server/src/engine/policy';
import { builtinRules } from '../../server/src/engine/registry';
import { allRulesConfig, ready, run } from '../helpers/engine';

const KEY = 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd';

describe('unit: fileKind detection', () => {
  const table: [string, string | undefined, string?][] = [
    ['app.py', 'python'],
    ['src/pkg/stubs.pyi', 'python'],
    ['Script.PYW', 'python'],
    ['server.ts', 'typescript'],
    ['ui/App.tsx', 'typescript'],
    ['lib/mod.mts', 'typescript'],
    ['types/index.d.ts', undefined],
    ['dist/index.d.mts', undefined],
    ['dist/index.d.cts', undefined],
    ['src/build.d.mts.ts', 'typescript'],
    ['index.js', 'javascript'],
    ['esm.mjs', 'javascript'],
    ['cjs.cjs', 'javascript'],
    ['App.jsx', 'javascript'],
    ['vendor/jquery.min.js', undefined],
    ['notebooks/eda.ipynb', 'notebook'],
    ['.vscode/mcp.json', 'data'],
    ['claude_desktop_config.json', 'data'],
    ['.cursor/mcp.json', 'data'],
    ['config.yaml', 'data'],
    ['config.yml', 'data'],
    ['settings.jsonc', 'data'],
    ['package-lock.json', undefined],
    ['tsconfig.json', undefined],
    ['.aisec.yaml', undefined],
    ['.aisec.json', undefined],
    ['pnpm-lock.yaml', undefined],
    ['AGENTS.md', 'prompt'],
    ['docs/CLAUDE.md', 'prompt'],
    ['.cursorrules', 'prompt'],
    ['.github/copilot-instructions.md', 'prompt'],
    ['.github/prompts/review.prompt.md', 'prompt'],
    ['.github/instructions/py.instructions.md', 'prompt'],
    ['chat.prompty', 'prompt'],
    ['templates/answer.jinja2', 'prompt'],
    ['templates/answer.j2', 'prompt'],
    ['templates/answer.hbs', 'prompt'],
    ['prompts/summarize.txt', 'prompt'],
    ['prompts/summarize.md', 'prompt'],
    ['system_prompt.md', 'prompt'],
    ['agent.prompt.yaml', 'data'],
    // agent instruction files: skills, rules folders, commands and sub-agents
    ['.claude/skills/deploy/SKILL.md', 'prompt'],
    ['skills/pdf/SKILL.md', 'prompt'],
    ['release.skill.md', 'prompt'],
    ['.agent/rules/style.md', 'prompt'],
    ['.agents/skills/review/notes.md', 'prompt'],
    ['.cursor/rules/python.mdc', 'prompt'],
    ['.windsurf/rules/testing.md', 'prompt'],
    ['.clinerules/01-coding.md', 'prompt'],
    ['.clinerules/workflow', 'prompt'],
    ['.clinerules/settings.json', 'data'],
    ['.claude/commands/deploy.md', 'prompt'],
    ['.claude/commands/git/commit.md', 'prompt'],
    ['.claude/agents/reviewer.md', 'prompt'],
    ['GEMINI.md', 'prompt'],
    ['CLAUDE.local.md', 'prompt'],
    ['.github/instructions/README.md', 'prompt'],
    ['docs/agent.md', undefined],
    ['docs/skills.md', undefined],
    ['agent.prompt.json', 'data'],
    ['README.md', undefined],
    ['docs/guide.md', undefined],
    ['notes.txt', undefined],
    ['image.png', undefined],
    ['Makefile', undefined],
    ['C:\\work\\proj\\app.py', 'python'],
    // the editor's language id decides when the name does not
    ['untitled:Untitled-1', 'python', 'python'],
    ['untitled:Untitled-2', 'data', 'jsonc'],
    ['notes.md', 'prompt', 'prompt'],
    ['notes.md', undefined, 'markdown'],
  ];
  for (const [p, kind, lang] of table) {
    it(`${p}${lang ? ` (${lang})` : ''} -> ${kind ?? 'not analysed'}`, () => {
      assert.strictEqual(detectFileKind(p, lang), kind);
    });
  }
});

describe('unit: engine', () => {
  before(ready);

  it('returns nothing for files it does not analyse', () => {
    const r = run('README.md', `key ${KEY}\n`);
    assert.strictEqual(r.kind, undefined);
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(r.errors, []);
  });

  it('skip reasons: size, NUL bytes, minified; small files with long lines are analysed', () => {
    const c = defaultConfig();
    assert.match(skipReason({ path: 'a.py', text: 'x'.repeat(c.maxFileSize + 1) }, c) ?? '', /MB/);
    assert.match(skipReason({ path: 'a.py', text: 'abc\u0000def' }, c) ?? '', /binary/);
    assert.match(skipReason({ path: 'a.js', text: 'var a=1;'.repeat(20_000) }, c) ?? '', /minified/);
    assert.strictEqual(skipReason({ path: 'a.js', text: 'var a=1;'.repeat(1_000) }, c), undefined);
    assert.strictEqual(skipReason({ path: 'a.js', text: 'var a=1;\n'.repeat(20_000) }, c), undefined);
    const r = analyze({ path: 'model.py', text: `\u0000\u0001KEY = "${KEY}"` }, c, builtinRules);
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(r.errors.map((e) => e.kind), ['skipped']);
  });

  it('ignore globs: folder globs, basename globs, dotfiles', () => {
    const c = { ...defaultConfig(), ignore: ['generated/**', '*.gen.py', 'tests/fixtures/**'] };
    assert.ok(isIgnored('generated/keys.py', c));
    assert.ok(isIgnored('generated/deep/x.py', c));
    assert.ok(isIgnored('src/models.gen.py', c));
    assert.ok(isIgnored('tests/fixtures/.hidden/app.py', c));
    assert.ok(!isIgnored('src/generated.py', c));
    assert.ok(!isIgnored('app.py', c));
  });

  it('severity comes from the config; off disables; opt-in rules are off by default', () => {
    const text = `KEY = "${KEY}"\n`;
    const c = defaultConfig();
    assert.deepStrictEqual(analyze({ path: 'a.py', text }, c, builtinRules).findings.map((f) => [f.ruleId, f.severity]), [['hardcoded-ai-provider-key', 'error']]);
    c.rules['hardcoded-ai-provider-key'] = { severity: 'info', options: {} };
    assert.deepStrictEqual(analyze({ path: 'a.py', text }, c, builtinRules).findings.map((f) => [f.ruleId, f.severity]), [['hardcoded-ai-provider-key', 'info']]);
    c.rules['hardcoded-ai-provider-key'] = { severity: 'off', options: {} };
    assert.deepStrictEqual(analyze({ path: 'a.py', text }, c, builtinRules).findings, []);
    const optIn = builtinRules.filter((r) => r.meta.optIn);
    for (const r of optIn) assert.ok(!(r.meta.id in defaultConfig().rules), r.meta.id);
  });

  it('reports precise UTF-16 ranges in CRLF text with astral characters before the finding', () => {
    const text = `# 🤖 bot\r\nimport os\r\nclient = dict(api_key="${KEY}")\r\n`;
    const [f] = run('a.py', text).findings;
    assert.strictEqual(f.ruleId, 'hardcoded-ai-provider-key');
    assert.strictEqual(text.slice(f.start, f.end), KEY);
    assert.deepStrictEqual(f.range, { start: { line: 2, character: 23 }, end: { line: 2, character: 23 + KEY.length } });
  });

  it('findings are sorted by position and deduplicated', () => {
    const text = `B = "${KEY}"\nA = "${KEY}"\n`;
    const r = run('a.py', text);
    assert.deepStrictEqual(r.findings.map((f) => f.range.start.line), [0, 1]);
    const starts = r.findings.map((f) => f.start);
    assert.deepStrictEqual([...starts].sort((a, b) => a - b), starts);
  });

  it('fingerprints: stable when lines move, distinct for identical lines, changed when the line changes', () => {
    const line = `KEY = "${KEY}"`;
    const a = run('a.py', `${line}\n${line}\n`).findings.map((f) => f.fingerprint);
    assert.strictEqual(new Set(a).size, 2, 'two identical lines get distinct fingerprints');
    const b = run('a.py', `import os\n\n\n${line}\n    ${line}\n`).findings.map((f) => f.fingerprint);
    assert.deepStrictEqual(b, a, 'moving and re-indenting keeps fingerprints');
    const c = run('b.py', `${line}\n`).findings[0].fingerprint;
    assert.notStrictEqual(c, a[0], 'the path is part of the identity');
    const d = run('a.py', `KEY2 = "${KEY}"\n`).findings[0].fingerprint;
    assert.notStrictEqual(d, a[0]);
  });

  it('never throws on hostile input', () => {
    const inputs: [string, string][] = [
      ['a.py', 'def f(:\n  return torch.load(\n'],
      ['a.py', '\ud800\udfff\ud800'],
      ['a.py', ''],
      ['a.ts', 'const x = {{{{'],
      ['mcp.json', '{"servers": {"a": {"url": "http://x.example.org"'],
      ['mcp.json', '['.repeat(5_000) + ']'.repeat(5_000)],
      ['config.yaml', 'a: &a [1,2]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n'],
      ['config.yaml', ': : :\n\t- ]['],
      ['AGENTS.md', '---\nunterminated: [\n'],
      ['chat.prompty', '---\nmodel: {\n---\n{{ user_input'],
      ['nb.ipynb', '{"cells": [{"cell_type": "code", "source": 42}]}'],
      ['nb.ipynb', 'not json at all'],
    ];
    for (const [p, t] of inputs) {
      const r = run(p, t);
      assert.ok(Array.isArray(r.findings) && Array.isArray(r.errors), p);
      assert.ok(!r.errors.some((e) => e.kind === 'rule'), `${p}: a rule threw: ${JSON.stringify(r.errors)}`);
    }
  });

  it('a file that does not parse yields a parse error and text findings', () => {
    const r = run('a.py', `def f(:\n    KEY = "${KEY}"\n`);
    assert.ok(r.errors.some((e) => e.kind === 'parse'));
    assert.deepStrictEqual(r.findings.map((f) => f.ruleId), ['hardcoded-ai-provider-key']);
  });

  it('policy links: per-rule, per-category, template, default', () => {
    const meta = builtinRules.find((r) => r.meta.id === 'mcp-insecure-transport')!.meta;
    const c = defaultConfig();
    assert.strictEqual(policyLink(meta, c), 'https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/');
    c.policy = { url: 'https://policy.example.com/ai/{ruleId}?cat={owasp}' };
    assert.strictEqual(policyLink(meta, c), 'https://policy.example.com/ai/mcp-insecure-transport?cat=llm02');
    c.policy.categories = { LLM03: 'https://policy.example.com/supply-chain' };
    assert.strictEqual(policyLink(meta, c), 'https://policy.example.com/supply-chain');
    c.policy.rules = { 'mcp-insecure-transport': 'https://policy.example.com/tls/{category}' };
    assert.strictEqual(policyLink(meta, c), 'https://policy.example.com/tls/LLM02');
  });

  it('all rules at once on realistic files do not throw', () => {
    const r = run('a.py', `import torch\nfrom openai import OpenAI\nclient = OpenAI()\nm = torch.load("x.pt")\nexec(client.chat.completions.create(model="gpt-4o", messages=[]).choices[0].message.content)\n`, allRulesConfig());
    assert.ok(!r.errors.some((e) => e.kind === 'rule'), JSON.stringify(r.errors));
    assert.ok(r.findings.some((f) => f.ruleId === 'torch-load-unsafe'));
  });
});
