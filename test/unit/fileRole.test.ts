/** File roles (engine/fileRole.ts): path conventions, content, overrides, and how the engine uses them. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import type { FileRole } from '../../server/src/engine/fileRole';
import { fileRole, roleFromContent, roleFromPath } from '../../server/src/engine/fileRole';
import { builtinRules } from '../../server/src/engine/registry';
import { loadConfigFor } from '../../server/src/packs/config';
import { scanPaths } from '../../server/src/workspace/scan';
import { allRulesConfig, ready } from '../helpers/engine';

const BY_PATH: [string, FileRole][] = [
  // product, including monorepo shapes
  ['src/app.py', 'product'],
  ['app/chat_service.py', 'product'],
  ['packages/ai/src/generate-text/generate-text.ts', 'product'],
  ['packages/openai/src/openai-chat-language-model.ts', 'product'],
  ['libs/langchain/langchain/agents/agent.py', 'product'],
  ['libs/partners/anthropic/langchain_anthropic/chat_models.py', 'product'],
  ['src/servers/filesystem/index.ts', 'product'],
  ['server/routes/chat.ts', 'product'],
  ['tools/search.py', 'product'],
  ['src/latest/contest.py', 'product'],
  ['src/attestation/testimony.ts', 'product'],
  ['prompts/system.prompt.md', 'product'],
  ['.vscode/mcp.json', 'product'],
  ['.github/copilot-instructions.md', 'product'],
  // tests
  ['tests/test_chat.py', 'test'],
  ['libs/langchain/tests/unit_tests/agents/test_agent.py', 'test'],
  ['libs/core/tests/integration_tests/chat_models/helpers.py', 'test'],
  ['libs/standard-tests/langchain_tests/unit_tests/chat_models.py', 'test'],
  ['packages/ai/src/generate-text/generate-text.test.ts', 'test'],
  ['packages/ai/src/ui/chat.spec.tsx', 'test'],
  ['packages/core/src/__tests__/agent.ts', 'test'],
  ['src/__mocks__/openai.ts', 'test'],
  ['app/conftest.py', 'test'],
  ['src/tools/shell_test.py', 'test'],
  ['src/test_utils/fake_llm.py', 'test'],
  ['e2e/chat.ts', 'test'],
  ['packages/cli/test/run.js', 'test'],
  ['spec/agent_spec.js', 'test'],
  ['polls/tests.py', 'test'],
  ['test-d/types.test-d.ts', 'test'],
  // examples
  ['examples/basic_chat.py', 'example'],
  ['packages/x/examples/stream.ts', 'example'],
  ['examples/next-openai/app/api/chat/route.ts', 'example'],
  ['cookbook/rag_pipeline.ipynb', 'example'],
  ['python/samples/agents/demo_agent.py', 'example'],
  ['demo/app.py', 'example'],
  ['tutorials/01-quickstart/main.py', 'example'],
  ['quickstart/index.ts', 'example'],
  ['src/example.py', 'example'],
  ['mcp.example.json', 'example'],
  ['examples-python/chat.py', 'example'],
  // docs
  ['docs/guide/agents.py', 'docs'],
  ['docs_src/app/main.py', 'docs'],
  ['documentation/snippets/client.ts', 'docs'],
  ['website/src/pages/index.tsx', 'docs'],
  // fixtures and recorded data
  ['packages/ai/src/__fixtures__/mcp-list-tools.json', 'fixture'],
  ['tests/fixtures/mcp.json', 'fixture'],
  ['tests/cassettes/test_openai_chat.yaml', 'fixture'],
  ['libs/core/tests/unit_tests/data/cassettes/abc.json', 'fixture'],
  ['src/__snapshots__/render.test.ts.snap', 'fixture'],
  ['pkg/testdata/tools.json', 'fixture'],
  ['tests/test_data/prompt.yaml', 'fixture'],
  ['recordings/anthropic-messages.json', 'fixture'],
  // generated
  ['proto/chat_pb2.py', 'generated'],
  ['proto/chat_pb2_grpc.py', 'generated'],
  ['src/gen/chat_pb.ts', 'generated'],
  ['src/__generated__/graphql.ts', 'generated'],
  ['src/api/client.generated.ts', 'generated'],
  // vendored
  ['vendor/github.com/x/y/tool.js', 'vendored'],
  ['third_party/llama/convert.py', 'vendored'],
  ['.venv/lib/python3.12/site-packages/openai/_client.py', 'vendored'],
  ['lib/python3.11/site-packages/langchain/tests/test_x.py', 'vendored'],
  ['src/_vendor/tool.py', 'vendored'],
  // maintainer scripts and benchmarks
  ['scripts/release.py', 'tooling'],
  ['bench/run.mjs', 'tooling'],
  ['benchmarks/token_speed.py', 'tooling'],
];

describe('unit: file roles', () => {
  for (const [p, role] of BY_PATH) {
    it(`${p} is ${role}`, () => {
      assert.strictEqual(fileRole(p, ''), role);
    });
  }

  it('windows separators and ./ prefixes are normalised', () => {
    assert.strictEqual(fileRole('libs\\core\\tests\\unit_tests\\x.py', ''), 'test');
    assert.strictEqual(fileRole('./examples/x.py', ''), 'example');
  });

  it('the outermost reason wins: vendored > generated > fixture > test > example > docs', () => {
    assert.strictEqual(roleFromPath('vendor/x/tests/a.py'), 'vendored');
    assert.strictEqual(roleFromPath('tests/fixtures/a.py'), 'fixture');
    assert.strictEqual(roleFromPath('examples/tests/test_a.py'), 'test');
    assert.strictEqual(roleFromPath('docs/examples/a.py'), 'example');
  });

  describe('content', () => {
    it('pytest / unittest files outside a tests folder', () => {
      assert.strictEqual(fileRole('src/check_tools.py', 'import pytest\n\ndef test_tool():\n    assert run() == 1\n'), 'test');
      assert.strictEqual(fileRole('src/check_tools.py', 'import unittest\n\nclass ToolCase(unittest.TestCase):\n    pass\n'), 'test');
      assert.strictEqual(fileRole('src/check_tools.py', 'from unittest.mock import patch\n\nclass TestTool:\n    def test_a(self): ...\n'), 'test');
    });
    it('a product file that only mentions test names stays product', () => {
      assert.strictEqual(fileRole('src/runner.py', 'def test_connection(url):\n    return ping(url)\n'), 'product');
      assert.strictEqual(fileRole('src/plugin.py', 'import pytest_asyncio_helper\n'), 'product');
    });
    it('jest / vitest / mocha files outside a test folder', () => {
      assert.strictEqual(fileRole('src/agent.check.ts', "import { describe, it, expect } from 'vitest';\ndescribe('agent', () => { it('runs', () => { expect(1).toBe(1); }); });\n"), 'test');
      assert.strictEqual(fileRole('src/agent.check.js', "const { expect } = require('chai');\ndescribe('agent', function () {\n  it('runs', () => expect(1).to.equal(1));\n});\n"), 'test');
      assert.strictEqual(fileRole('src/agent.check.ts', "describe('agent', () => {\n  test('runs', () => { expect(run()).toBe(1); });\n});\n"), 'test');
    });
    it('zod .describe() chains and assert() calls in product code stay product', () => {
      assert.strictEqual(fileRole('src/tools.ts', "import { z } from 'zod';\nconst s = z.string()\n  .describe('the query');\nassert(s);\n"), 'product');
    });
    it('generated-code headers', () => {
      assert.strictEqual(fileRole('src/client.ts', '// Code generated by openapi-gen. DO NOT EDIT.\nexport const x = 1;\n'), 'generated');
      assert.strictEqual(fileRole('src/models.py', '# @generated by codegen\nx = 1\n'), 'generated');
      assert.strictEqual(fileRole('src/api.ts', '/* This file was automatically generated. Do not edit: changes will be overwritten. */\n'), 'generated');
      // a mention below the header is not a marker
      assert.strictEqual(roleFromContent('src/a.py', 'x = 1\n'.repeat(20) + '# @generated\n'), undefined);
    });
    it('VCR cassettes and HTTP recordings are fixtures wherever they live', () => {
      const cassette = 'interactions:\n- request:\n    body: "{}"\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    status: {code: 200}\n';
      assert.strictEqual(fileRole('src/recorded/chat.yaml', cassette), 'fixture');
      assert.strictEqual(fileRole('mcp/tools.yaml', 'tools:\n- name: search\n'), 'product');
    });
  });

  describe('overrides (.aisec.yaml roles)', () => {
    it('a matching glob wins over the built-in classification; the first listed role wins', () => {
      const overrides = { product: ['scripts/deploy/**'], test: ['qa/**', 'scripts/**'] };
      assert.strictEqual(fileRole('scripts/deploy/run.py', '', overrides), 'product');
      assert.strictEqual(fileRole('scripts/lint.py', '', overrides), 'test');
      assert.strictEqual(fileRole('qa/agent_checks.py', '', overrides), 'test');
      assert.strictEqual(fileRole('examples/a.py', '', overrides), 'example');
      assert.strictEqual(fileRole('src/a.py', '', { example: ['*.py'] }), 'example', 'globs without a slash match the base name');
    });

    it('the config loader reads roles, merges extends (own first) and reports bad entries at their line', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-roles-'));
      try {
        fs.writeFileSync(path.join(dir, 'base.aisec.yaml'), 'roles:\n  test: ["qa/**"]\n');
        fs.writeFileSync(path.join(dir, '.aisec.yaml'), 'extends: ./base.aisec.yaml\nroles:\n  product: ["qa/deploy/**"]\n  bogus: ["x/**"]\n  docs: 3\n');
        const loaded = loadConfigFor(dir, dir, builtinRules);
        assert.deepStrictEqual(loaded.config.roles, { product: ['qa/deploy/**'], test: ['qa/**'] });
        assert.deepStrictEqual(loaded.errors.map((e) => [e.line, e.message.split(' (')[0]]), [[4, 'unknown role "bogus"'], [5, 'roles.docs must be a list of glob strings']]);
        assert.strictEqual(fileRole('qa/deploy/x.py', '', loaded.config.roles), 'product');
        assert.strictEqual(fileRole('qa/x.py', '', loaded.config.roles), 'test');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('engine', () => {
    before(ready);
    const INSECURE = 'from openai import OpenAI\nclient = OpenAI(base_url="http://llm.corp.acme.net/v1")\n';
    const TORCH = 'import torch\nmodel = torch.load(path)\n';

    it('records the role on the result and on every finding', () => {
      const r = analyze({ path: 'tests/test_loader.py', text: TORCH }, allRulesConfig(), builtinRules);
      assert.strictEqual(r.role, 'test');
      const torch = r.findings.filter((f) => f.ruleId === 'torch-load-unsafe');
      assert.strictEqual(torch.length, 1, 'an exploit rule reports in a test file');
      assert.strictEqual(torch[0].role, 'test');
    });

    it('practice rules report in product files only', () => {
      const ids = (p: string) => analyze({ path: p, text: INSECURE }, allRulesConfig(), builtinRules).findings.map((f) => f.ruleId);
      assert.ok(ids('app/client.py').includes('llm-api-insecure-base-url'));
      for (const p of ['tests/test_client.py', 'examples/client.py', 'docs/client.py', 'vendor/x/client.py', 'scripts/client.py']) assert.ok(!ids(p).includes('llm-api-insecure-base-url'), p);
    });

    it('rolePath (relative to the config root) decides, and config roles apply', () => {
      const config = { ...allRulesConfig(), roles: { product: ['examples/**'] } };
      const r = analyze({ path: 'repo/examples/client.py', rolePath: 'examples/client.py', text: INSECURE }, config, builtinRules);
      assert.strictEqual(r.role, 'product');
      assert.ok(r.findings.some((f) => f.ruleId === 'llm-api-insecure-base-url'));
      const d = analyze({ path: 'examples/client.py', rolePath: 'client.py', text: INSECURE }, defaultConfig(), builtinRules);
      assert.strictEqual(d.role, 'product', 'a folder with its own .aisec.yaml is its own project root');
    });

    it('a scan classifies by the path relative to the nearest config, with its roles', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-roles-scan-'));
      try {
        fs.mkdirSync(path.join(dir, 'demo', 'qa'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'demo', '.aisec.yaml'), 'roles:\n  test: ["qa/**"]\n');
        fs.writeFileSync(path.join(dir, 'demo', 'client.py'), TORCH);
        fs.writeFileSync(path.join(dir, 'demo', 'qa', 'client.py'), TORCH);
        const scan = scanPaths([dir], { root: dir, rules: builtinRules });
        const roles = Object.fromEntries(scan.files.map((f) => [f.rel, f.result.role]));
        assert.deepStrictEqual(roles, { 'demo/client.py': 'product', 'demo/qa/client.py': 'test' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
