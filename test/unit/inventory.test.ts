/** The AI inventory collector (server/src/analyzers/inventory.ts): items, precise ranges, linked findings. */
import * as assert from 'assert';
import { buildViews } from '../../server/src/analyzers';
import type { InventoryItem } from '../../server/src/analyzers/inventory';
import { collectInventory, providerOfModelId } from '../../server/src/analyzers/inventory';
import { detectFileKind } from '../../server/src/engine/fileKind';
import { inventoryOfFiles } from '../../server/src/workspace/inventory';
import { ready, run } from '../helpers/engine';

function inventory(path: string, text: string): InventoryItem[] {
  return collectInventory(path, text, buildViews(path, text, detectFileKind(path)!).views);
}

/** "kind name" keys, plus the text each item's precise range covers. */
function keys(items: InventoryItem[], text: string): string[] {
  return items.map((i) => `${i.kind} ${i.name} @${text.slice(i.start, i.end)}`);
}

describe('unit: AI inventory', () => {
  before(ready);

  it('Python: providers from imports, models from SDK calls and loaders (constants resolved), endpoints, tools', () => {
    const text = [
      'import anthropic',
      'from openai import AzureOpenAI, OpenAI',
      'from transformers import AutoModel',
      'from langchain_core.tools import tool',
      'from mcp.server.fastmcp import FastMCP',
      'MODEL = "org/encoder-v2"',
      'client = OpenAI(base_url="https://llm.internal.example/v1")',
      'az = AzureOpenAI(azure_endpoint="https://acme.openai.azure.com", api_version="2024-06-01")',
      'r = client.chat.completions.create(model="gpt-4o", messages=[])',
      'a = anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[])',
      'm = AutoModel.from_pretrained(MODEL)',
      'w = AutoModel.from_pretrained("./local/checkpoint")',
      'mcp = FastMCP("billing")',
      '@mcp.tool()',
      'def refund(order_id: str) -> str:',
      '    return order_id',
      '@tool',
      'def search(q: str) -> str:',
      '    return q',
      '',
    ].join('\n');
    const items = inventory('app/svc.py', text);
    assert.deepStrictEqual(keys(items, text), [
      'provider anthropic @import anthropic',
      'provider openai @from openai import AzureOpenAI, OpenAI',
      'provider huggingface @from transformers import AutoModel',
      'endpoint https://llm.internal.example/v1 @"https://llm.internal.example/v1"',
      'endpoint https://acme.openai.azure.com @"https://acme.openai.azure.com"',
      'model gpt-4o @"gpt-4o"',
      'model claude-sonnet-4-5 @"claude-sonnet-4-5"',
      'model org/encoder-v2 @MODEL',
      'mcpServer billing @"billing"',
      'tool refund @refund',
      'tool search @search',
    ]);
    const byName = new Map(items.map((i) => [`${i.kind} ${i.name}`, i]));
    assert.strictEqual(byName.get('model gpt-4o')!.details.provider, 'openai');
    assert.strictEqual(byName.get('model claude-sonnet-4-5')!.details.provider, 'anthropic');
    assert.strictEqual(byName.get('model org/encoder-v2')!.details.provider, 'huggingface');
    assert.strictEqual(byName.get('endpoint https://acme.openai.azure.com')!.details.provider, 'azure');
    assert.deepStrictEqual(byName.get('model gpt-4o')!.range.start, { line: 8, character: 41 });
  });

  it('JS/TS: Vercel AI SDK provider functions, SDK option objects, baseURL, MCP server and tool registrations', () => {
    const text = [
      "import { openai } from '@ai-sdk/openai';",
      "import OpenAI from 'openai';",
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "import { generateText, tool } from 'ai';",
      "const client = new OpenAI({ baseURL: 'https://gateway.example.com/v1' });",
      "const MODEL = 'gpt-4.1-mini';",
      "await client.chat.completions.create({ model: MODEL, messages: [] });",
      "await generateText({ model: openai('gpt-4o'), tools: { weather: tool({ description: 'w', parameters: z, execute: async () => 1 }) } });",
      "const server = new McpServer({ name: 'files', version: '1.0.0' });",
      "server.tool('read_file', { path: z.string() }, async () => ({ content: [] }));",
      '',
    ].join('\n');
    const items = inventory('src/app.ts', text);
    assert.deepStrictEqual(keys(items, text), [
      "provider openai @import { openai } from '@ai-sdk/openai';",
      "endpoint https://gateway.example.com/v1 @'https://gateway.example.com/v1'",
      'model gpt-4.1-mini @MODEL',
      "model gpt-4o @'gpt-4o'",
      'tool weather @weather',
      "mcpServer files @name: 'files'",
      "tool read_file @'read_file'",
    ]);
  });

  it('MCP configs: servers with dialect, command, package and url; remote URLs as endpoints; tool schemas', () => {
    const text = JSON.stringify({ servers: { gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] }, crm: { type: 'http', url: 'https://mcp.crm.example.com/mcp' } } }, null, 2);
    const items = inventory('.vscode/mcp.json', text);
    assert.deepStrictEqual(keys(items, text), ['mcpServer gh @"gh"', 'mcpServer crm @"crm"', 'endpoint https://mcp.crm.example.com/mcp @"https://mcp.crm.example.com/mcp"']);
    assert.strictEqual(items[0].details.dialect, 'vscode');
    assert.strictEqual(items[0].details.package, 'npm:@modelcontextprotocol/server-github');
    assert.strictEqual(items[1].details.transport, 'http');
    const tools = JSON.stringify([{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { id: { type: 'string' } } } } }], null, 2);
    const t = inventory('tools/functions.json', tools);
    assert.deepStrictEqual(keys(t, tools), ['tool lookup @"lookup"']);
    assert.deepStrictEqual(t[0].details.parameters, ['id']);
  });

  it('prompt files: format, roles, variable count; models from front matter', () => {
    const text = ['---', 'model: googleai/gemini-2.5-flash', '---', '{{role "system"}}', 'Summarize.', '{{role "user"}}', '{{email_body}} {{tone}}', ''].join('\n');
    const items = inventory('prompts/s.prompt', text);
    const prompt = items.find((i) => i.kind === 'prompt')!;
    assert.strictEqual(prompt.name, 'prompts/s.prompt');
    assert.strictEqual(prompt.details.format, 'dotprompt');
    assert.deepStrictEqual(prompt.details.roles, ['system', 'user']);
    assert.strictEqual(prompt.details.variables, 2);
    const model = items.find((i) => i.kind === 'model')!;
    assert.deepStrictEqual([model.name, model.details.provider], ['googleai/gemini-2.5-flash', 'google']);
  });

  it('links the findings inside an item (call, server object, tool function) by fingerprint', () => {
    const text = [
      'import subprocess',
      'from langchain_core.tools import tool',
      '@tool',
      'def run_shell(cmd: str) -> str:',
      '    """Run a command."""',
      '    return subprocess.run(cmd, shell=True, capture_output=True).stdout',
      'import torch',
      'w = torch.load("x.pt")',
      '',
    ].join('\n');
    const result = run('app/tools.py', text);
    const [item] = inventoryOfFiles([{ rel: 'app/tools.py', text, findings: result.findings }]).filter((i) => i.kind === 'tool');
    assert.strictEqual(item.name, 'run_shell');
    const inside = result.findings.filter((f) => f.range.start.line >= 2 && f.range.start.line <= 5);
    assert.ok(inside.length > 0, 'the tool has a finding');
    assert.deepStrictEqual(item.findings.map((f) => f.fingerprint).sort(), inside.map((f) => f.fingerprint).sort());
    assert.ok(!item.findings.some((f) => f.ruleId === 'torch-load-unsafe'), 'a finding outside the tool is not linked');
  });

  it('broken input yields what parses, never a throw', () => {
    assert.doesNotThrow(() => inventory('a.py', 'client.chat.completions.create(model="gpt-4o", messages=[\n'));
    assert.doesNotThrow(() => inventory('.vscode/mcp.json', '{ "servers": { "x": { "command": '));
    assert.strictEqual(providerOfModelId('claude-3-5-haiku'), 'anthropic');
  });
});
