/**
 * Guided fixes (issue 9, item 7): with initializationOptions.guidedFixes (our VS Code client), fixes that
 * need a value become a command carrying the edits and what to ask; other fixes carry FIX_APPLIED_COMMAND
 * ("Explain this fix"); clients without it keep the plain edits with the suggested value.
 */
import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { fillGuidedValue, guidedAskOf, pinRevisionEdit, REVISION_PLACEHOLDER } from '../../server/src/lsp/guidedFixes';
import type { GuidedFixArgs } from '../../server/src/protocol';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';

const KEYED = 'from openai import OpenAI\n\nclient = OpenAI(api_key="sk-proj-Zr8Kx2Lm4Nq6Pt9Vb3Wc5Yd7Fg1Hj0KsT4uE6iO8pA2sD")\n';
const MODEL = 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/ticket-triage", torch_dtype="auto")\n';
const MCP = '{\n  "servers": {\n    "tickets": {\n      "command": "npx",\n      "args": ["-y", "@acme/tickets-mcp@1.2.3"],\n      "env": { "TICKETS_TOKEN": "tk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0" }\n    }\n  }\n}\n';

function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

describe('guided fixes', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  describe('value plumbing (pure)', () => {
    it('finds the value a fix should ask for, per rule', () => {
      const env = { title: 't', kind: 'suggestion' as const, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'os.environ["OPENAI_API_KEY"]' }] };
      assert.strictEqual(guidedAskOf('hardcoded-ai-provider-key', env)?.value, 'OPENAI_API_KEY');
      assert.strictEqual(guidedAskOf('hardcoded-ai-provider-key', { ...env, edits: [{ ...env.edits[0], newText: 'process.env.ANTHROPIC_API_KEY' }] })?.value, 'ANTHROPIC_API_KEY');
      assert.strictEqual(guidedAskOf('torch-load-unsafe', env), undefined);
      assert.strictEqual(guidedAskOf('hardcoded-ai-provider-key', { ...env, edits: [{ ...env.edits[0], newText: 'import os\n' }] }), undefined);
    });
    it('replaces whole occurrences only, in every edit', () => {
      const ask = { value: 'tickets-token', title: '', prompt: '', pattern: '.', patternMessage: '' };
      const out = fillGuidedValue([{ newText: '${input:tickets-token}' }, { newText: '{ "id": "tickets-token", "description": "tickets-token-2" }' }], ask, 'acme-token');
      assert.deepStrictEqual(out.map((e) => e.newText), ['${input:acme-token}', '{ "id": "acme-token", "description": "tickets-token-2" }']);
    });
    it('pins a model: adds revision= before the closing parenthesis, or replaces a branch', () => {
      const at = (t: string, s: string) => [t.indexOf(s), t.indexOf(s) + s.length] as const;
      const edit = (t: string, id: string, msg: string) => {
        const [s, e] = at(t, id);
        const r = pinRevisionEdit(t, msg, s, e);
        return r && t.slice(0, r.start) + r.newText + t.slice(r.end);
      };
      const missing = 'Model `x` is downloaded without `revision=`: a later push...';
      assert.strictEqual(edit('m = A.from_pretrained("x")', '"x"', missing), `m = A.from_pretrained("x", revision="${REVISION_PLACEHOLDER}")`);
      assert.strictEqual(edit('m = A.from_pretrained("x", cfg(1, ")"), d="a)")', '"x"', missing), `m = A.from_pretrained("x", cfg(1, ")"), d="a)", revision="${REVISION_PLACEHOLDER}")`);
      assert.strictEqual(edit('m = A.from_pretrained(\n    "x",\n    torch_dtype="auto",\n)', '"x"', missing), `m = A.from_pretrained(\n    "x",\n    torch_dtype="auto", revision="${REVISION_PLACEHOLDER}",\n)`);
      assert.strictEqual(edit('m = A.from_pretrained("x", revision="main")', '"main"', '`revision="main"` is a branch or tag and can move.'), `m = A.from_pretrained("x", revision="${REVISION_PLACEHOLDER}")`);
      assert.strictEqual(edit('m = A.from_pretrained("x"', '"x"', missing), undefined);
    });
  });

  async function actionsFor(ws: string, rel: string, text: string, guided: boolean): Promise<{ actions: CodeAction[]; ruleIds: string[] }> {
    const client = await new LspClient({ root: ws, initializationOptions: guided ? { suppressPrompt: true, guidedFixes: true } : {} }).start();
    try {
      const pub = await client.open(path.join(ws, rel), text);
      const actions: CodeAction[] = [];
      for (const d of pub.diagnostics) actions.push(...(await client.codeActions(path.join(ws, rel), d.range, [d])));
      return { actions, ruleIds: pub.diagnostics.map((d) => String(d.code)) };
    } finally {
      await client.stop();
    }
  }

  it('a hard-coded key: VS Code gets a command that asks for the variable; the edit fills the answer in', async () => {
    const ws = makeWorkspace(undefined, { 'svc/app.py': KEYED });
    const { actions } = await actionsFor(ws, 'svc/app.py', KEYED, true);
    const guided = actions.find((a) => a.command?.command === 'aisec.applyGuidedFix');
    assert.ok(guided, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(!guided.edit, 'the edit is applied by the client after the prompt');
    const args = guided.command!.arguments![0] as GuidedFixArgs;
    assert.strictEqual(args.ruleId, 'hardcoded-ai-provider-key');
    assert.strictEqual(args.ask.value, 'OPENAI_API_KEY');
    assert.ok(new RegExp(args.ask.pattern).test('SUPPORT_BOT_OPENAI_KEY') && !new RegExp(args.ask.pattern).test('1 bad'));
    const fixed = apply(KEYED, fillGuidedValue(args.edits, args.ask, 'SUPPORT_BOT_OPENAI_KEY'));
    assert.match(fixed, /api_key=os\.environ\["SUPPORT_BOT_OPENAI_KEY"\]/);
    assert.match(fixed, /^import os\n/);
    // the suppression still asks for a justification; no plain edit with the default is offered besides
    assert.ok(actions.some((a) => a.command?.command === 'aisec.suppress'));
  });

  it('other clients keep the plain edit with the suggested value, and no client-only commands', async () => {
    const ws = makeWorkspace(undefined, { 'svc/app.py': KEYED });
    const { actions } = await actionsFor(ws, 'svc/app.py', KEYED, false);
    const fix = actions.find((a) => a.edit && /environment|os\.environ/i.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(!actions.some((a) => a.command && ['aisec.applyGuidedFix', 'aisec.fixApplied'].includes(a.command.command)));
    assert.match(JSON.stringify(fix.edit), /os\.environ\[\\"OPENAI_API_KEY\\"\]/);
  });

  it('an MCP secret asks for the input name; the answer names both the reference and the inputs entry', async () => {
    const ws = makeWorkspace(undefined, { '.vscode/mcp.json': MCP });
    const { actions } = await actionsFor(ws, '.vscode/mcp.json', MCP, true);
    const guided = actions.find((a) => a.command?.command === 'aisec.applyGuidedFix');
    assert.ok(guided, JSON.stringify(actions.map((a) => a.title)));
    const args = guided.command!.arguments![0] as GuidedFixArgs;
    const fixed = apply(MCP, fillGuidedValue(args.edits, args.ask, 'acme-tickets'));
    assert.match(fixed, /"TICKETS_TOKEN": "\$\{input:acme-tickets\}"/);
    assert.match(fixed, /"id": "acme-tickets"/);
    JSON.parse(fixed);
  });

  it('an unpinned model gets "Pin the model to a commit sha" (VS Code only), asking for a 40-hex sha', async () => {
    const ws = makeWorkspace(undefined, { 'svc/model.py': MODEL });
    const { actions, ruleIds } = await actionsFor(ws, 'svc/model.py', MODEL, true);
    assert.ok(ruleIds.includes('unpinned-model-revision'), ruleIds.join());
    const pin = actions.find((a) => a.command?.command === 'aisec.applyGuidedFix' && /commit sha/.test(a.title));
    assert.ok(pin, JSON.stringify(actions.map((a) => a.title)));
    const args = pin.command!.arguments![0] as GuidedFixArgs;
    assert.ok(args.ask.emptyValue);
    assert.ok(new RegExp(args.ask.pattern).test('0123456789abcdef0123456789abcdef01234567') && !new RegExp(args.ask.pattern).test('main'));
    assert.strictEqual(apply(MODEL, fillGuidedValue(args.edits, args.ask, '0123456789abcdef0123456789abcdef01234567')), MODEL.replace('torch_dtype="auto")', 'torch_dtype="auto", revision="0123456789abcdef0123456789abcdef01234567")'));
    const other = await actionsFor(ws, 'svc/model.py', MODEL, false);
    assert.ok(!other.actions.some((a) => /commit sha/.test(a.title)));
  });

  it('plain fixes carry "Explain this fix" (aisec.fixApplied) for VS Code', async () => {
    const text = 'import torch\n\nstate = torch.load("model.pt")\n';
    const ws = makeWorkspace(undefined, { 'svc/load.py': text });
    const { actions } = await actionsFor(ws, 'svc/load.py', text, true);
    const fix = actions.find((a) => a.edit && /weights_only/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(fix.command?.command, 'aisec.fixApplied');
    assert.deepStrictEqual((fix.command!.arguments![0] as { ruleId: string }).ruleId, 'torch-load-unsafe');
  });
});
