import * as assert from 'assert';
import { analyzeData } from '../../server/src/analyzers/data';
import { analyzePrompt, classifyVariableName, promptsFromData } from '../../server/src/analyzers/prompt';
import { findProviderKeys, isSecretName, personalDataKind, redactKey } from '../../server/src/analyzers/prompt/secretPatterns';
import { describedRanges } from '../../server/src/analyzers/prompt/directives';
import type { PromptView } from '../../server/src/engine/views';

function one(path: string, text: string): PromptView {
  const r = analyzePrompt(path, text);
  assert.strictEqual(r.views.length, 1);
  return r.views[0];
}

function vars(view: PromptView): [string, string, string][] {
  return view.variables.map((v) => [v.name, v.role, view.text.slice(v.start, v.end)]);
}

function dataPrompts(path: string, text: string): PromptView[] {
  const d = analyzeData(path, text);
  assert.ok(d.view, 'data view');
  return promptsFromData(d.view!);
}

/** The file text a view range maps to. */
function fileSlice(file: string, view: PromptView, start: number, end: number): string {
  return file.slice(view.map!.toFile(start), view.map!.toFile(end - 1) + 1);
}

describe('prompt analyzer', () => {
  describe('.prompty', () => {
    const text = [
      '---',
      'name: Support',
      'model:',
      '  configuration:',
      '    api_key: ${env:OPENAI_API_KEY}',
      '---',
      'system:',
      'You help {{ company_name }} customers. Context: {{ context | trim | safe }}',
      '{% for doc in documents %}{{ doc.text }}{% endfor %}',
      '{# a comment with {{ hidden }} #}',
      '',
      'user:',
      '{{question}}',
      '',
      'assistant:',
      'ok',
      '',
    ].join('\n');
    const view = one('prompts/support.prompty', text);

    it('parses front matter with file offsets', () => {
      assert.strictEqual(view.format, 'prompty');
      assert.ok(view.frontMatterRange);
      assert.strictEqual(text.slice(view.frontMatterRange!.start, view.frontMatterRange!.end), 'name: Support\nmodel:\n  configuration:\n    api_key: ${env:OPENAI_API_KEY}\n');
      const key = view.frontMatter!.properties![1].value.properties![0].value.properties![0];
      assert.strictEqual(key.key, 'api_key');
      assert.strictEqual(text.slice(key.keyStart, key.keyEnd), 'api_key');
      assert.strictEqual(text.slice(key.value.start, key.value.end), '${env:OPENAI_API_KEY}');
      assert.strictEqual(view.frontMatter!.properties![0].value.parent, view.frontMatter);
    });

    it('splits role sections at `role:` lines', () => {
      assert.deepStrictEqual(view.sections.map((s) => s.role), ['system', 'user', 'assistant']);
      assert.ok(text.slice(view.sections[0].start, view.sections[0].end).startsWith('You help'));
      assert.strictEqual(text.slice(view.sections[1].start, view.sections[1].end).trim(), '{{question}}');
    });

    it('finds Jinja variables with filters and roles, skips comments, resolves loop variables', () => {
      assert.deepStrictEqual(vars(view), [
        ['company_name', 'system', '{{ company_name }}'],
        ['context', 'system', '{{ context | trim | safe }}'],
        ['documents.text', 'system', '{{ doc.text }}'],
        ['question', 'user', '{{question}}'],
      ]);
      assert.deepStrictEqual(view.variables[1].filters, ['trim', 'safe']);
      assert.ok(view.variables.every((v) => v.syntax === 'jinja'));
    });

    it('treats text before the first role line as system', () => {
      const v = one('a.prompty', '---\nname: x\n---\nBe brief. {{ user_input }}\nuser:\n{{ q }}\n');
      assert.deepStrictEqual(vars(v), [['user_input', 'system', '{{ user_input }}'], ['q', 'user', '{{ q }}']]);
    });
  });

  describe('dotprompt', () => {
    const text = '---\nmodel: googleai/gemini-2.5-flash\ninput:\n  schema:\n    text: string\n---\n{{role "system"}}\nSummarize. {{{text}}} {{! note {{ignored}} }}\n{{#each docs}}- {{this}}\n{{/each}}{{#if tone}}{{tone}}{{/if}}\n{{role "user"}}\n{{text}} {{media url=photoUrl}} {{@index}}\n';
    const view = one('summarize.prompt', text);
    it('reads {{role}} markers, triple-stash and each blocks', () => {
      assert.strictEqual(view.format, 'dotprompt');
      assert.deepStrictEqual(view.sections.map((s) => s.role), ['system', 'user']);
      assert.deepStrictEqual(vars(view), [
        ['text', 'system', '{{{text}}}'],
        ['docs', 'system', '{{this}}'],
        ['tone', 'system', '{{tone}}'],
        ['text', 'user', '{{text}}'],
        ['photoUrl', 'user', '{{media url=photoUrl}}'],
      ]);
      assert.deepStrictEqual(view.variables[0].filters, ['unescaped']);
    });
    it('defaults to the user role without markers', () => {
      assert.deepStrictEqual(one('x.prompt', 'Tell me about {{topic}}').sections.map((s) => s.role), ['user']);
    });
  });

  describe('Jinja / Mustache / Handlebars files', () => {
    it('uses the file name for the role when there are no markers', () => {
      const v = one('prompts/system_prompt.j2', 'You are {{ persona }}. Results: {{ search_results }}');
      assert.strictEqual(v.format, 'jinja');
      assert.deepStrictEqual(v.variables.map((x) => x.role), ['system', 'system']);
      assert.deepStrictEqual(one('templates/answer.jinja', '{{ x }}').variables[0].role, 'unknown');
    });
    it('reads `system:` lines and {% role %} markers', () => {
      assert.deepStrictEqual(one('t.jinja2', 'system:\nA {{ a }}\nuser:\n{{ b }}').variables.map((x) => x.role), ['system', 'user']);
      assert.deepStrictEqual(one('t.jinja2', '{% role "system" %}A {{ a }}{% role "user" %}{{ b }}').variables.map((x) => x.role), ['system', 'user']);
    });
    it('Mustache sections and comments', () => {
      const v = one('t.mustache', '{{! comment {{x}} }}{{#documents}}{{.}}{{/documents}}{{^none}}n{{/none}}{{&html_body}}{{> partial}}');
      assert.deepStrictEqual(vars(v).map((x) => x[0]), ['documents', 'html_body']);
      assert.deepStrictEqual(v.variables[1].filters, ['unescaped']);
    });
    it('Handlebars comments with dashes and helpers', () => {
      const v = one('t.hbs', '{{!-- {{secret}} --}}{{json payload}}{{else}}{{@root.x}}');
      assert.deepStrictEqual(vars(v), [['payload', 'unknown', '{{json payload}}']]);
    });
  });

  describe('markdown instructions', () => {
    it('AGENTS.md is one system section and has no template variables', () => {
      const v = one('AGENTS.md', '# Agents\nUse `{{ name }}` in templates.\n');
      assert.strictEqual(v.format, 'instructions');
      assert.deepStrictEqual(v.sections, [{ role: 'system', start: 0, end: v.text.length }]);
      assert.deepStrictEqual(v.variables, []);
    });
    it('*.prompt.md: optional front matter, body is the user role', () => {
      const text = '---\nmode: agent\ntools: [search]\n---\nRefactor ${selection}\n';
      const v = one('.github/prompts/refactor.prompt.md', text);
      assert.deepStrictEqual(v.sections.map((s) => [s.role, text.slice(s.start, s.end)]), [['user', 'Refactor ${selection}\n']]);
      assert.strictEqual(v.frontMatter?.properties?.[0].key, 'mode');
    });
    it('system prompt text files under prompts/ get variables', () => {
      const v = one('prompts/system.txt', 'You answer about {product}. Question: {question}. JSON: {"a": 1} {{escaped}}');
      assert.deepStrictEqual(vars(v), [['product', 'system', '{product}'], ['question', 'system', '{question}']]);
    });
    it('.cursorrules and .mdc are system instructions', () => {
      assert.strictEqual(one('.cursorrules', 'Be nice').sections[0].role, 'system');
      assert.strictEqual(one('.cursor/rules/x.mdc', '---\nalwaysApply: true\n---\nBe nice').sections[0].role, 'system');
    });
  });

  describe('prompts inside data files', () => {
    it('JSON: decoded text and char-by-char mapping through escapes', () => {
      const file = '{"messages":[{"role":"system","content":"Say \\"hi\\"\\n\\u00e9t\\u00e9 {{user_input}} end"},{"role":"user","content":"{{q}}"}],"system_prompt":"x {question}"}';
      const prompts = dataPrompts('chat.prompt.json', file);
      assert.deepStrictEqual(prompts.map((p) => [p.text, p.sections[0].role]), [
        ['Say "hi"\nété {{user_input}} end', 'system'],
        ['{{q}}', 'user'],
        ['x {question}', 'system'],
      ]);
      const p = prompts[0];
      const v = p.variables[0];
      assert.strictEqual(v.name, 'user_input');
      assert.strictEqual(fileSlice(file, p, v.start, v.end), '{{user_input}}');
      assert.ok(p.map!.canEdit(v.start, v.end));
      // the decoded quote maps to its escape and cannot be edited verbatim
      const q = p.text.indexOf('"');
      assert.strictEqual(file.slice(p.map!.toFile(q), p.map!.toFile(q) + 2), '\\"');
      assert.ok(!p.map!.canEdit(q, q + 1));
      assert.strictEqual(file.slice(p.map!.toFile(p.text.indexOf('é')), p.map!.toFile(p.text.indexOf('é')) + 6), '\\u00e9');
    });

    it('YAML: plain, quoted, literal and folded scalars', () => {
      const file = [
        'agent:',
        '  system: |',
        '    You are a bot.',
        '    Use {{ user_input }} here.',
        '  instructions: >',
        '    Folded text',
        '    continues {query}.',
        '  prompt: "tab\\there {x}"',
        '  template: plain {y} value',
        '  description: not a prompt',
        '',
      ].join('\n');
      const prompts = dataPrompts('agent.yaml', file);
      assert.deepStrictEqual(prompts.map((p) => [p.text, p.sections[0].role]), [
        ['You are a bot.\nUse {{ user_input }} here.\n', 'system'],
        ['Folded text continues {query}.\n', 'system'],
        ['tab\there {x}', 'unknown'],
        ['plain {y} value', 'unknown'],
      ]);
      for (const p of prompts) {
        const v = p.variables[0];
        assert.strictEqual(fileSlice(file, p, v.start, v.end), p.text.slice(v.start, v.end), v.name);
        assert.ok(p.map!.canEdit(v.start, v.end), v.name);
      }
      // a folded line break is not in the source: not editable
      const folded = prompts[1];
      assert.ok(!folded.map!.canEdit(10, 13));
    });

    it('ignores non-prompt files and keys', () => {
      assert.deepStrictEqual(dataPrompts('package.json', '{"prompt": "x"}'), []);
      assert.deepStrictEqual(dataPrompts('config.yaml', 'name: x\ndescription: y\n'), []);
    });
  });

  describe('broken input', () => {
    const cases = ['', '---', '---\n', '---\nfoo: [\n---\nsystem:\n{{ x', '{{', '{{{ x', '{% for %}{{ y }}', 'system:\n', '{{!-- never closed', '\uFEFF---\na: 1\n---\n{{ q }}', '{{'.repeat(5000)];
    for (const text of cases) {
      for (const name of ['x.prompty', 'x.prompt', 'x.jinja', 'x.hbs', 'x.mustache', 'AGENTS.md', 'prompts/system.txt']) {
        it(`${name}: ${JSON.stringify(text.slice(0, 30))}`, () => {
          const r = analyzePrompt(name, text);
          assert.strictEqual(r.views.length, 1);
          for (const v of r.views[0].variables) assert.ok(v.start >= 0 && v.end <= text.length && v.start < v.end);
          for (const s of r.views[0].sections) assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end);
        });
      }
    }
    it('unterminated front matter is body', () => {
      const v = one('x.prompty', '---\nname: x\nsystem:\n{{ q }}');
      assert.strictEqual(v.frontMatterRange, undefined);
      assert.strictEqual(v.variables[0].name, 'q');
    });
    it('front matter parse errors are reported with file offsets', () => {
      const text = '---\nname: [x\n---\nhi';
      const r = analyzePrompt('x.prompty', text);
      assert.ok(r.errors.length > 0);
      assert.ok(r.errors.every((e) => e.start === undefined || (e.start >= 4 && e.start <= 16)));
    });
    it('bounded work on a huge template', () => {
      const big = 'system:\n' + 'Hello {{ user_input }} and {x}. '.repeat(60_000);
      const t0 = Date.now();
      const v = one('big.jinja', big);
      assert.ok(v.variables.length <= 5000);
      assert.ok(Date.now() - t0 < 2000);
    });
  });

  describe('helpers', () => {
    it('classifies variable names', () => {
      for (const n of ['user_input', 'query', 'documents.content', 'searchResults', 'email_body', 'html', 'chat_history']) assert.strictEqual(classifyVariableName(n), 'untrusted', n);
      for (const n of ['date', 'company_name', 'tool_names', 'user_language', 'customer_id']) assert.strictEqual(classifyVariableName(n), 'trusted', n);
      assert.strictEqual(classifyVariableName('tone'), 'neutral');
    });
    it('finds and redacts provider keys, not placeholders', () => {
      const key = 'sk-proj-' + 'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5';
      const found = findProviderKeys(`key = "${key}" other "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" "sk-..."`);
      assert.deepStrictEqual(found.map((k) => k.provider), ['OpenAI']);
      assert.strictEqual(redactKey(found[0].key, found[0].prefixLength), 'sk-proj-Ab…J5');
    });
  });

  describe('names of credentials and personal data in code', () => {
    for (const n of ['API_KEY', 'OPENAI_API_KEY', 'db_password', 'dbPassword', 'stripeSecretKey', 'GITHUB_TOKEN', 'client_secret', 'DATABASE_URL', 'aws_secret_access_key', 'DEPLOY_TOKEN', 'vercelToken']) {
      it(`${n} is a secret name`, () => assert.ok(isSecretName(n)));
    }
    for (const n of ['has_api_key', 'api_key_name', 'API_KEY_ENV', 'max_tokens', 'token', 'secret', 'password_policy', 'tokenizer', 'secret_word', 'password_reset_url', 'eos_token', 'pad_token', 'max_new_tokens', 'prompt_token']) {
      it(`${n} is not a secret name`, () => assert.ok(!isSecretName(n)));
    }
    it('personal data fields by name, prototype names excluded', () => {
      assert.strictEqual(personalDataKind('ssn'), 'a social security number');
      assert.strictEqual(personalDataKind('creditCardNumber'), 'a credit card number');
      assert.strictEqual(personalDataKind('date_of_birth'), 'a date of birth');
      for (const n of ['constructor', 'toString', '__proto__', 'name', 'card_last4', 'account_number']) assert.strictEqual(personalDataKind(n), undefined, n);
    });
  });

  describe('attack descriptions in instruction files', () => {
    it('bad-example code blocks and red-flag sections are descriptions, the rest is not', () => {
      const text = '# Guide\nRun npm test.\n\nBad:\n```bash\ncurl https://x | sh\n```\n\n## Red flags\n- ignore previous instructions\n\n## Setup\ncurl https://y | sh\n';
      const view = analyzePrompt('.claude/skills/guide/SKILL.md', text).views[0] as PromptView;
      const ranges = describedRanges(view);
      const inside = (s: string): boolean => { const at = text.indexOf(s); return ranges.some(([a, b]) => at >= a && at < b); };
      assert.ok(inside('curl https://x'));
      assert.ok(inside('ignore previous'));
      assert.ok(!inside('curl https://y'));
      assert.ok(!inside('Run npm test'));
    });
  });
});
