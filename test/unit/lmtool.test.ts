/**
 * The language-model tool `aisec_check` and the `@aisec` chat participant (issue 11 item 2), their pure parts: input
 * validation, workspace paths, the findings text a model gets (capped, parseable), the contributions in package.json,
 * and the chat answers: the grounded prompt holds only the rule doc, the finding and the question; the offline answer
 * is the lesson; /fix is the deterministic fix as a diff.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../server/src/engine/config';
import { builtinRules, ruleById } from '../../server/src/engine/registry';
import { lessonOf } from '../../server/src/learning/lessons';
import { lessonResponse } from '../../server/src/lsp/lesson';
import type { FileFindings, WireDiagnostic } from '../../client/src/lm/findings';
import { FINDING_LINE, findingLine, formatFindings, INPUT_SCHEMA, invocationMessage, MAX_FILES, parseToolInput, resolveWorkspacePath, snippetFileName, toFindings, TOOL_NAME } from '../../client/src/lm/findings';
import { diff, fixAnswer, groundedPrompt, lessonAnswer, PARTICIPANT_ID, ruleDocText, ruleIdCandidates } from '../../client/src/lm/chat';
import { ready, run } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const rules = ruleById(builtinRules);

const diag = (line: number, col: number, ruleId: string, severity: number, message: string, fixes: string[] = []): WireDiagnostic => ({
  range: { start: { line, character: col }, end: { line, character: col + 5 } },
  severity,
  code: ruleId,
  source: 'aisec',
  message,
  data: { ruleId, fixes: fixes.map((title) => ({ title, kind: 'suggestion' as const, edits: [] })) },
});

describe('lmtool: the aisec_check tool input', () => {
  it('accepts files, text with languageId, or nothing (the active editor)', () => {
    assert.deepStrictEqual(parseToolInput({ files: ['src/a.py', ' src/a.py ', '.vscode/mcp.json'] }), { kind: 'files', files: ['src/a.py', '.vscode/mcp.json'] });
    assert.deepStrictEqual(parseToolInput({ text: 'x = 1', languageId: 'python' }), { kind: 'text', text: 'x = 1', languageId: 'python' });
    assert.deepStrictEqual(parseToolInput({ text: '{}', languageId: 'jsonc', fileName: '.vscode/mcp.json' }), { kind: 'text', text: '{}', languageId: 'jsonc', fileName: '.vscode/mcp.json' });
    assert.deepStrictEqual(parseToolInput({}), { kind: 'active' });
    assert.deepStrictEqual(parseToolInput(undefined), { kind: 'active' });
    assert.deepStrictEqual(parseToolInput({ files: [] }), { kind: 'active' });
  });

  it('refuses what does not fit, with a message the model can act on', () => {
    const err = (x: unknown) => { const r = parseToolInput(x); assert.ok('error' in r, JSON.stringify(r)); return r.error; };
    assert.match(err('app.py'), /must be an object/);
    assert.match(err([]), /must be an object/);
    assert.match(err({ files: 'app.py' }), /list of non-empty file paths/);
    assert.match(err({ files: [''] }), /non-empty/);
    assert.match(err({ files: [1] }), /non-empty/);
    assert.match(err({ files: Array.from({ length: MAX_FILES + 1 }, (_, i) => `f${i}.py`) }), /At most 20 files/);
    assert.match(err({ text: 'x' }), /needs languageId/);
    assert.match(err({ text: 'x', languageId: 'py thon' }), /needs languageId/);
    assert.match(err({ text: 'x', languageId: 'python', files: ['a.py'] }), /either files or text/);
    assert.match(err({ text: 'x', languageId: 'python', fileName: '../x.py' }), /relative name inside the workspace/);
    assert.match(err({ text: 'x', languageId: 'python', fileName: '/etc/x.py' }), /relative name/);
    assert.match(err({ text: 'x'.repeat(200_001), languageId: 'python' }), /longer than/);
    assert.match(err({ languageId: 'python' }), /go with text/);
    assert.match(err({ file: 'a.py' }), /Unknown input field\(s\): file/);
  });

  it('resolves paths inside the workspace folders only', () => {
    const p = path.posix;
    const roots = ['/w/app', '/w/lib'];
    const exists = (abs: string) => abs === '/w/lib/util.py' || abs === '/w/app/main.py';
    assert.deepStrictEqual(resolveWorkspacePath('main.py', ['/w/app'], exists, p), { abs: '/w/app/main.py', rel: 'main.py' });
    // several folders: the one where the file exists, named with its folder
    assert.deepStrictEqual(resolveWorkspacePath('util.py', roots, exists, p), { abs: '/w/lib/util.py', rel: 'lib/util.py' });
    assert.deepStrictEqual(resolveWorkspacePath('/w/app/main.py', roots, exists, p), { abs: '/w/app/main.py', rel: 'app/main.py' });
    assert.deepStrictEqual(resolveWorkspacePath('file:///w/app/sub%20dir/x.py', ['/w/app'], exists, p), { abs: '/w/app/sub dir/x.py', rel: 'sub dir/x.py' });
    for (const bad of ['../secrets.py', '/etc/passwd', '/w/application/x.py', 'file:///home/u/.ssh/id_rsa', '/w/app']) {
      const r = resolveWorkspacePath(bad, ['/w/app'], () => true, p);
      assert.ok('error' in r && /outside the workspace/.test(r.error), `${bad}: ${JSON.stringify(r)}`);
    }
    const none = resolveWorkspacePath('a.py', [], () => true, p);
    assert.ok('error' in none && /No workspace folder/.test(none.error));
  });

  it('names a snippet after its language and says what it checks', () => {
    assert.strictEqual(snippetFileName('python'), 'aisec-snippet.py');
    assert.strictEqual(snippetFileName('typescriptreact'), 'aisec-snippet.tsx');
    assert.strictEqual(snippetFileName('cobol'), 'aisec-snippet.txt');
    assert.strictEqual(invocationMessage({ kind: 'files', files: ['a.py'] }), 'AISec: checking a.py');
    assert.strictEqual(invocationMessage({ kind: 'files', files: ['a.py', 'b.ts'] }), 'AISec: checking 2 files');
    assert.strictEqual(invocationMessage({ kind: 'active' }, 'src/x.py'), 'AISec: checking src/x.py');
    assert.strictEqual(invocationMessage({ kind: 'text', text: '', languageId: 'json', fileName: 'mcp.json' }), 'AISec: checking a json snippet as mcp.json');
  });
});

describe('lmtool: the findings text', () => {
  const files: FileFindings[] = [
    { path: 'app.py', diagnostics: [diag(40, 11, 'torch-load-unsafe', 2, 'torch.load without weights_only', ['Add weights_only=True']), diag(26, 10, 'llm-output-code-execution', 1, 'Model output\nis run by eval')] },
    { path: 'clean.py', diagnostics: [] },
    { path: 'gone.py', diagnostics: [], error: 'no such file.' },
  ];

  it('lists rule, severity, range, message and the quick fix, errors first, one line each', () => {
    const text = formatFindings(files);
    const lines = text.split('\n');
    assert.strictEqual(lines[0], 'AISec found 2 problem(s) in 2 file(s): 1 error, 1 warning. Same results as the editor\'s Problems panel (AISec language server, workspace config).');
    assert.ok(lines.includes('gone.py: not checked: no such file.'));
    const listed = lines.filter((l) => FINDING_LINE.test(l));
    assert.deepStrictEqual(listed, [
      'app.py:27:11-27:16 [error] llm-output-code-execution: Model output is run by eval (no quick fix)',
      'app.py:41:12-41:17 [warning] torch-load-unsafe: torch.load without weights_only (quick fix: "Add weights_only=True")',
    ]);
    // parseable back to rule and 1-based range (the e2e test compares them with the Problems panel)
    const m = FINDING_LINE.exec(listed[1])!;
    assert.deepStrictEqual([m[1], m[2], m[3], m[4], m[5], m[6], m[7]], ['app.py', '41', '12', '41', '17', 'warning', 'torch-load-unsafe']);
    assert.match(text, /ask @aisec \/explain <rule-id>/);
  });

  it('says so when there is nothing, and when nothing could be checked', () => {
    assert.strictEqual(formatFindings([{ path: 'clean.py', diagnostics: [] }]), 'AISec found no problems in clean.py.');
    assert.match(formatFindings([{ path: 'x.py', diagnostics: [], error: 'no such file.' }]), /^AISec checked no file\.\nx\.py: not checked: no such file\.$/);
  });

  it('caps long results: the first findings by severity, then counts per rule', () => {
    const many: FileFindings[] = [{ path: 'big.py', diagnostics: Array.from({ length: 75 }, (_, i) => diag(i, 0, i % 3 ? 'rule-b' : 'rule-a', i < 5 ? 1 : 2, 'm'.repeat(1000))) }];
    const text = formatFindings(many, { maxListed: 10 });
    const listed = text.split('\n').filter((l) => FINDING_LINE.test(l));
    assert.strictEqual(listed.length, 10);
    assert.ok(listed.slice(0, 5).every((l) => l.includes('[error]')));
    assert.match(text, /…and 65 more: rule-b x\d+, rule-a x\d+\./);
    // messages are clipped
    assert.ok(listed.every((l) => l.length < 520), String(Math.max(...listed.map((l) => l.length))));
    assert.ok(text.length < 6000, String(text.length));
  });

  it('reads the rule from data or code, severity 1-4, markup messages', () => {
    const f = toFindings({ path: 'a', diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 4, code: 'x-y', message: { kind: 'markdown', value: 'hint text' } }] });
    assert.deepStrictEqual(f, [{ path: 'a', ruleId: 'x-y', severity: 'hint', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'hint text', fixes: [] }]);
    assert.strictEqual(findingLine(f[0]), 'a:1:1-1:2 [hint] x-y: hint text (no quick fix)');
  });
});

describe('lmtool: contributions', () => {
  it('package.json declares the tool with the schema the code validates, and @aisec with /explain and /fix', () => {
    const tools = pkg.contributes.languageModelTools;
    assert.strictEqual(tools.length, 1);
    const t = tools[0];
    assert.strictEqual(t.name, TOOL_NAME);
    assert.strictEqual(t.toolReferenceName, 'aisec');
    assert.strictEqual(t.canBeReferencedInPrompt, true);
    assert.deepStrictEqual(t.inputSchema, JSON.parse(JSON.stringify(INPUT_SCHEMA)));
    // honest: read-only, offline, what it returns
    assert.match(t.modelDescription, /Read-only and offline: it never changes, runs or uploads anything/);
    assert.match(t.modelDescription, /same findings as the editor's Problems panel/);
    assert.match(t.userDescription, /Read-only, offline/);
    assert.ok(pkg.activationEvents.includes(`onLanguageModelTool:${TOOL_NAME}`));
    const p = pkg.contributes.chatParticipants;
    assert.deepStrictEqual(p.map((x: { id: string; name: string }) => [x.id, x.name]), [[PARTICIPANT_ID, 'aisec']]);
    assert.deepStrictEqual(p[0].commands.map((c: { name: string }) => c.name), ['explain', 'fix']);
    assert.ok(pkg.activationEvents.includes(`onChatParticipant:${PARTICIPANT_ID}`));
    // the schema's fileName pattern says what parseToolInput enforces
    const re = new RegExp(t.inputSchema.properties.fileName.pattern);
    for (const ok of ['agent.py', '.vscode/mcp.json', 'src/a..b.py', 'AGENTS.md']) assert.ok(re.test(ok) && !('error' in parseToolInput({ text: 'x', languageId: 'python', fileName: ok })), ok);
    for (const bad of ['../x.py', 'a/../b.py', '/etc/x.py', '\\\\srv\\x.py', 'C:\\x.py', '..']) assert.ok(!re.test(bad) && 'error' in parseToolInput({ text: 'x', languageId: 'python', fileName: bad }), bad);
    // the test-mode command is hidden outside test mode
    assert.deepStrictEqual(pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'aisec.e2e.lmSelfCheck'), { command: 'aisec.e2e.lmSelfCheck', when: 'aisec.e2e' });
  });
});

describe('lmtool: AISec checks its own tool', () => {
  before(ready);
  it('the contribution in package.json passes AISec\'s tool-definition rules', () => {
    const r = run('package.json', fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});

describe('lmtool: @aisec answers from the rule docs', () => {
  before(ready);
  const rule = rules.get('torch-load-unsafe')!;
  const lesson = lessonOf(rule, defaultConfig());
  const text = 'import torch\n\n\ndef load_checkpoint(path: str):\n    return torch.load(path, map_location="cpu")\n';

  function finding() {
    const f = run('app.py', text).findings.find((x) => x.ruleId === 'torch-load-unsafe')!;
    const r = lessonResponse(rule, defaultConfig(), { ruleId: rule.meta.id, uri: 'file:///w/app.py', range: f.range }, { text, findings: [f] });
    return { yourCode: r.yourCode!, file: 'app.py' };
  }

  it('finds rule ids in a question', () => {
    assert.deepStrictEqual(ruleIdCandidates('what does torch-load-unsafe mean vs mcp-insecure-transport? torch-load-unsafe'), ['torch-load-unsafe', 'mcp-insecure-transport']);
    assert.deepStrictEqual(ruleIdCandidates('why is this bad'), []);
    assert.deepStrictEqual(ruleIdCandidates('see src/my-file.py and http://x-y.com'), []);
  });

  it('the model gets the rule doc, the finding and the question, with instructions to answer from the doc only', () => {
    const f = finding();
    const prompt = groundedPrompt(lesson, f, 'can I keep it?', 'explain');
    assert.match(prompt, /^You are the AISec assistant\. Answer ONLY from the AISec rule documentation and the finding below\./);
    assert.match(prompt, /say that the rule documentation does not cover it/);
    // the doc: every section of rules/code/torch-load-unsafe/torch-load-unsafe.md that the lesson shows
    for (const part of [lesson.whyItMatters, lesson.howToFix, lesson.falsePositives, lesson.examples.fixed!.code]) assert.ok(prompt.includes(part.trim().slice(0, 60)), part.slice(0, 60));
    // the finding: message, place, code, the deterministic fix
    assert.ok(prompt.includes(f.yourCode.message));
    assert.match(prompt, /File: app\.py, line 5, column 12\./);
    assert.match(prompt, /torch\.load\(path, map_location="cpu", weights_only=True\)/);
    assert.ok(prompt.endsWith('--- The user\'s question ---\n\ncan I keep it?'));
    assert.match(groundedPrompt(lesson, f, '', 'fix'), /do not write a different code change/);
    assert.match(groundedPrompt(lesson, undefined, '', 'explain'), /What does this finding mean\?$/);
    assert.ok(!groundedPrompt(lesson, undefined, 'q', 'explain').includes('--- The finding ---'));
  });

  it('without a model the answer is the lesson; /fix is the quick fix as a diff plus "How to fix"', () => {
    const f = finding();
    const a = lessonAnswer(lesson, f);
    assert.ok(a.startsWith(`**torch-load-unsafe** (${lesson.severity}): ${lesson.title}`));
    assert.match(a, /At app\.py:5: /);
    assert.ok(a.includes(lesson.whyItMatters.trim()) && a.includes(lesson.howToFix.trim()));
    const fx = fixAnswer(lesson, f);
    assert.match(fx, /the quick fix "Add weights_only=True" \(a suggestion: review it\) changes:/);
    assert.match(fx, /```diff\n[\s\S]*- {5}return torch\.load\(path, map_location="cpu"\)\n\+ {5}return torch\.load\(path, map_location="cpu", weights_only=True\)\n```/);
    assert.ok(fx.includes(lesson.howToFix.trim()));
    assert.match(fixAnswer(lesson), /put the cursor on one of its findings/);
    assert.ok(ruleDocText(lesson).startsWith('# torch-load-unsafe\n\nSeverity: '));
  });

  it('diff keeps the common lines as context', () => {
    assert.strictEqual(diff('a\nb\nc', 'a\nB\nc'), '  a\n- b\n+ B\n  c');
    assert.strictEqual(diff('a', 'a\nb'), '  a\n+ b');
  });
});
