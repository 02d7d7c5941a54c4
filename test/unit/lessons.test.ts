/**
 * Lessons: parsed from rule docs and meta (lessonOf), the fix preview, and the lesson view's HTML (strict CSP,
 * no remote resource, every doc text escaped, both examples rendered).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../server/src/engine/config';
import { builtinRules, ruleById } from '../../server/src/engine/registry';
import type { RegisteredRule } from '../../server/src/engine/rule';
import { examplesAreShort, firstSentence, fixPreview, lessonMarkdown, lessonOf } from '../../server/src/learning/lessons';
import { lessonResponse } from '../../server/src/lsp/lesson';
import { loadConfigFor } from '../../server/src/packs/config';
import { lessonHtml, lineDiff } from '../../client/src/lesson/lessonHtml';
import { renderMarkdown } from '../../client/src/lesson/markdown';
import { ready, run } from '../helpers/engine';

const rules = ruleById(builtinRules);
const rule = (id: string) => rules.get(id)!;
const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('lessons', () => {
  before(ready);

  it('torch-load-unsafe: sections, examples with language, mapping, default policy', () => {
    const l = lessonOf(rule('torch-load-unsafe'));
    assert.strictEqual(l.ruleId, 'torch-load-unsafe');
    assert.match(l.whyItMatters, /^A `\.pt` \/ `\.bin` \/ `\.ckpt` file is a pickle/);
    assert.match(l.howToFix, /weights_only=True/);
    assert.strictEqual(l.oneLineFix, 'Pass `weights_only=True`.');
    assert.match(l.falsePositives, /same trust boundary/);
    assert.match(l.references, /CWE-502/);
    assert.strictEqual(l.examples.vulnerable?.language, 'python');
    assert.strictEqual(l.examples.vulnerable?.path, 'app.py');
    assert.match(l.examples.vulnerable!.code, /torch\.load\(path, map_location="cpu"\)\n$/);
    assert.match(l.examples.fixed!.code, /weights_only=True/);
    assert.deepStrictEqual(l.mapping.cwe.map((c) => c.id), [502]);
    assert.ok(l.mapping.owasp.some((o) => o.id === 'LLM03' && o.url.startsWith('https://genai.owasp.org/')));
    assert.strictEqual(l.policy.configured, false);
    assert.strictEqual(l.policy.owner, undefined);
    assert.deepStrictEqual(l.teamNotes, []);
    assert.ok(examplesAreShort(l));
  });

  it('mcp-auto-approve: the fence names the file the example is analysed as', () => {
    const l = lessonOf(rule('mcp-auto-approve'));
    assert.strictEqual(l.examples.vulnerable?.language, 'json');
    assert.strictEqual(l.examples.vulnerable?.path, 'cline_mcp_settings.json');
    assert.match(l.oneLineFix, /^Empty `alwaysAllow` \/ `autoApprove`/);
  });

  it('the configured policy link, owner and team notes come from the config', () => {
    const c = defaultConfig();
    c.policy = { url: 'https://policy.example/ai/{ruleId}', owner: '@appsec', notes: { 'torch-load-unsafe': 'We only load **safetensors** from the model registry.' } };
    const l = lessonOf(rule('torch-load-unsafe'), c);
    assert.deepStrictEqual(l.policy, { link: 'https://policy.example/ai/torch-load-unsafe', configured: true, owner: '@appsec' });
    assert.deepStrictEqual(l.teamNotes, [{ source: 'policy', text: 'We only load **safetensors** from the model registry.' }]);
    assert.match(lessonMarkdown(l), /Team notes \(policy\)/);
  });

  it('a pack rule gets a lesson from its own docs, with the pack owner', () => {
    const loaded = loadConfigFor(path.join(ROOT, 'test/fixtures/team-pack'), path.join(ROOT, 'test/fixtures/team-pack'), builtinRules, path.join(ROOT, 'test/fixtures/team-pack/security/acme.aisec-pack.yaml'));
    const r = loaded.rules.find((x) => x.meta.id === 'acme-requests-tls-disabled') as RegisteredRule;
    assert.ok(r, 'pack rule loaded');
    const l = lessonOf(r, loaded.config);
    assert.match(l.whyItMatters, /ACME policy AI-7/);
    assert.strictEqual(l.policy.owner, '#acme-ai-security');
    assert.strictEqual(l.policy.link, 'https://policy.acme.example/ai/acme-requests-tls-disabled');
  });

  it('a pack rule doc with a "Team notes" section shows it', () => {
    const r: RegisteredRule = { ...rule('torch-load-unsafe'), pack: 'acme', docs: rule('torch-load-unsafe').docs.replace('## References', '## Team notes\nAsk #ml-platform for a signed checkpoint.\n\n## References') };
    assert.deepStrictEqual(lessonOf(r).teamNotes, [{ source: 'acme', text: 'Ask #ml-platform for a signed checkpoint.' }]);
  });

  it('firstSentence keeps dots inside code spans', () => {
    assert.strictEqual(firstSentence('- Use `a.b()` here. Then more.\n- second'), 'Use `a.b()` here.');
    assert.strictEqual(firstSentence('Pass the value\nacross lines'), 'Pass the value across lines');
  });

  it('fix preview: the first fix applied to the lines around the finding', () => {
    const text = 'import torch\n\n\ndef load_checkpoint(path: str):\n    return torch.load(path, map_location="cpu")\n';
    const f = run('app.py', text).findings.find((x) => x.ruleId === 'torch-load-unsafe')!;
    const p = fixPreview(text, f)!;
    assert.ok(p.title.length > 0);
    assert.strictEqual(p.hunks.length, 1);
    assert.strictEqual(p.hunks[0].startLine, 2);
    assert.strictEqual(p.hunks[0].before, '\ndef load_checkpoint(path: str):\n    return torch.load(path, map_location="cpu")');
    assert.strictEqual(p.hunks[0].after, '\ndef load_checkpoint(path: str):\n    return torch.load(path, map_location="cpu", weights_only=True)');
    const resp = lessonResponse(rule('torch-load-unsafe'), defaultConfig(), { ruleId: 'torch-load-unsafe', uri: 'file:///w/app.py', range: f.range }, { text, findings: [f] });
    assert.strictEqual(resp.yourCode?.message, f.message);
    assert.strictEqual(resp.yourCode?.snippetStartLine, 2);
    assert.match(resp.yourCode!.snippet, /return torch\.load\(path, map_location="cpu"\)$/);
  });
});

describe('lesson view HTML', () => {
  const opts = { cspSource: 'vscode-webview://abc', nonce: 'Tm9uY2U=' };
  const evil = '<script>alert(1)</script><img src="https://evil.example/x.png" onerror="x()">';

  function htmlFor(r: RegisteredRule): string {
    const l = lessonOf(r);
    return lessonHtml({ lesson: l }, opts);
  }

  it('has a strict CSP, no script, no remote resource, and both examples', () => {
    for (const id of ['torch-load-unsafe', 'mcp-auto-approve', 'hidden-unicode-characters']) {
      const html = htmlFor(rule(id));
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-webview:\/\/abc 'nonce-Tm9uY2U=';">/);
      assert.ok(!/<script/i.test(html), 'no script');
      assert.ok(!/\b(src|srcset)=|<link|url\(|@import/i.test(html), 'no resource loads');
      assert.strictEqual((html.match(/<figure class="example vulnerable">/g) ?? []).length, 1, id);
      assert.strictEqual((html.match(/<figure class="example fixed">/g) ?? []).length, 1, id);
      for (const sec of ['why', 'examples', 'how', 'false-positives', 'policy']) assert.ok(html.includes(`<section id="${sec}">`), `${id}: section ${sec}`);
    }
  });

  it('escapes every doc text (sections, examples, notes, message, snippet)', () => {
    const base = rule('torch-load-unsafe');
    const docs = base.docs.replace('## Why it matters\n', `## Why it matters\n${evil}\n`).replace('def load_checkpoint', `def load_checkpoint${evil}`).replace('## References', `## Team notes\n${evil}\n\n## References`);
    const r: RegisteredRule = { ...base, docs };
    const l = lessonOf(r);
    const html = lessonHtml({ lesson: l, yourCode: { uri: 'file:///w/app.py', message: evil, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, snippet: `a\n${evil}`, snippetStartLine: 0, fix: { title: evil, kind: 'suggestion', hunks: [{ startLine: 0, before: evil, after: 'ok' }] } } }, opts);
    assert.ok(!html.includes('<script>alert'), 'script escaped');
    assert.ok(!html.includes('<img'), 'img escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('<section id="your-code">') && html.includes('<section id="team-notes">'));
  });

  it('highlights the lines that differ between the examples', () => {
    assert.deepStrictEqual(lineDiff(['a', 'b', 'c'], ['a', 'B', 'c', 'd']), { before: ['same', 'removed', 'same'], after: ['same', 'added', 'same', 'added'] });
    const html = htmlFor(rule('torch-load-unsafe'));
    assert.match(html, /<span class="line removed">.*torch\.load\(path, map_location=&quot;cpu&quot;\)/);
    assert.match(html, /<span class="line added">.*weights_only=True\)/);
  });

  it('renders the markdown subset safely', () => {
    assert.strictEqual(renderMarkdown('Use `x<y` and **bold** [docs](https://example.com/a?b=1&c=2).'), '<p>Use <code>x&lt;y</code> and <strong>bold</strong> <a href="https://example.com/a?b=1&amp;c=2">docs</a>.</p>');
    assert.strictEqual(renderMarkdown('- one\n  two\n- [x](javascript:alert(1))'), '<ul><li>one two</li><li>[x](javascript:alert(1))</li></ul>');
    assert.strictEqual(renderMarkdown('```python\n<b>\n```'), '<pre class="code" data-lang="python"><code>&lt;b&gt;</code></pre>');
  });

  it('every built-in rule renders a lesson with both examples', () => {
    for (const r of builtinRules) {
      const html = htmlFor(r);
      assert.ok(html.includes('<figure class="example vulnerable">') && html.includes('<figure class="example fixed">'), r.meta.id);
    }
    assert.ok(fs.existsSync(path.join(ROOT, 'client/src/lesson/lessonView.ts')));
  });
});
