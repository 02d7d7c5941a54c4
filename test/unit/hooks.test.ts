/**
 * `aisec hook claude-code|vscode`: the PostToolUse hook contract of Claude Code and VS Code agent hooks, run as the
 * agents run it (the hook event as JSON on stdin, the built `node bin/aisec.js`): a vulnerable file gives
 * `{"decision":"block","reason":...}` on stdout with exit 0, a clean or irrelevant file gives no output, and bad input
 * is one line on stderr with exit 1 (a non-blocking error; exit 2 would block the agent).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { hookCommand } from '../../server/src/cli/hook';
import { assertBuilt, cleanupWorkspaces, CLI, makeWorkspace } from '../helpers/cli';
import { LOADER, PY_EXEC, TS_EVAL } from '../helpers/snippets';

const CLEAN = ['import json', '', 'def parse(text: str) -> dict:', '    return json.loads(text)', ''].join('\n');

interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runHook(agent: string, input: string | object, cwd: string, extra: string[] = [], nodeFlags: string[] = []): HookRun {
  const r = spawnSync(process.execPath, [...nodeFlags, CLI, 'hook', agent, ...extra], { cwd, input: typeof input === 'string' ? input : JSON.stringify(input), encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^\(node:\d+\) ExperimentalWarning.*\n(\(Use `node --trace-warnings.*\n)?/m, '') };
}

function claudeEvent(ws: string, tool: string, filePath: string, more: Record<string, unknown> = {}): object {
  return {
    session_id: 'abc123',
    transcript_path: path.join(ws, '.transcript.jsonl'),
    cwd: ws,
    permission_mode: 'default',
    hook_event_name: 'PostToolUse',
    tool_name: tool,
    tool_input: { file_path: filePath, ...more },
    tool_response: { filePath, success: true },
    tool_use_id: 'toolu_01',
  };
}

function blockOf(r: HookRun): { decision: string; reason: string } {
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stderr, '');
  const lines = r.stdout.trim().split('\n');
  assert.strictEqual(lines.length, 1, 'one JSON object on stdout');
  const out = JSON.parse(lines[0]) as { decision: string; reason: string };
  assert.deepStrictEqual(Object.keys(out).sort(), ['decision', 'reason']);
  assert.strictEqual(out.decision, 'block');
  return out;
}

function assertQuiet(r: HookRun): void {
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr, '');
}

describe('aisec hook (agent PostToolUse hooks)', function () {
  this.timeout(60_000);
  let ws: string;

  before(() => {
    assertBuilt();
    ws = makeWorkspace(undefined, {
      'package.json': '{ "name": "hook-fixture", "version": "1.0.0", "dependencies": { "openai": "4.0.0" } }\n',
      'requirements.txt': 'openai==1.40.0\ntorch==2.3.0\n',
      'src/agent.py': PY_EXEC,
      'src/plan.ts': TS_EVAL,
      'src/clean.py': CLEAN,
      'src/loader.py': LOADER,
      'README.md': '# notes\n\nexec(model_output) is bad.\n',
    });
  });
  after(cleanupWorkspaces);

  it('Claude Code Write of a vulnerable file: blocks with the findings, their places and rule ids', () => {
    const out = blockOf(runHook('claude-code', claudeEvent(ws, 'Write', path.join(ws, 'src', 'agent.py'), { content: PY_EXEC }), ws));
    assert.match(out.reason, /^AISec found 1 security problem in the file just edited\./);
    assert.match(out.reason, /\nsrc\/agent\.py\n {2}7:10 error \[llm-output-code-execution\] Model output from `client\.chat\.completions\.create\(\.\.\.\)` is executed as code by `exec`/);
    assert.match(out.reason, /aisec explain <rule-id>/);
  });

  it('gives the fix edits of a finding (Edit of a TypeScript file, relative path resolved against the event cwd)', () => {
    const out = blockOf(runHook('claude-code', claudeEvent(ws, 'Edit', 'src/plan.ts', { old_string: 'x', new_string: 'eval(text)' }), path.join(ws, 'src')));
    assert.match(out.reason, /6:15 error \[llm-output-code-execution\]/);
    assert.match(out.reason, /fix \(suggestion\) Parse the model output with JSON\.parse instead of eval: replace `eval` at 6:10 with `JSON\.parse`/);
  });

  it('a clean file, a file kind AISec does not analyse, a missing file and a tool without a file give no output', () => {
    assertQuiet(runHook('claude-code', claudeEvent(ws, 'Write', path.join(ws, 'src', 'clean.py')), ws));
    assertQuiet(runHook('claude-code', claudeEvent(ws, 'Edit', path.join(ws, 'README.md')), ws));
    assertQuiet(runHook('claude-code', claudeEvent(ws, 'Write', path.join(ws, 'src', 'gone.py')), ws));
    assertQuiet(runHook('claude-code', { hook_event_name: 'PostToolUse', cwd: ws, tool_name: 'Bash', tool_input: { command: 'ls' }, tool_response: { stdout: '' } }, ws));
  });

  it('--fail-on error lets warnings through; the default (warning) reports them', () => {
    const ev = claudeEvent(ws, 'MultiEdit', path.join(ws, 'src', 'loader.py'), { edits: [] });
    assertQuiet(runHook('claude-code', ev, ws, ['--fail-on', 'error']));
    assert.match(blockOf(runHook('claude-code', ev, ws)).reason, /4:12 warning \[torch-load-unsafe\]/);
  });

  it('VS Code agent hooks: file paths from the edit tools\' inputs (files[], filePath)', () => {
    const files = blockOf(runHook('vscode', { hookEventName: 'PostToolUse', cwd: ws, tool_name: 'editFiles', tool_input: { files: [path.join(ws, 'src', 'agent.py'), path.join(ws, 'src', 'plan.ts'), path.join(ws, 'src', 'clean.py')] }, tool_use_id: 't1' }, ws));
    assert.match(files.reason, /^AISec found 2 security problems in the files just edited\./);
    assert.match(files.reason, /\nsrc\/agent\.py\n/);
    assert.match(files.reason, /\nsrc\/plan\.ts\n/);
    const one = blockOf(runHook('vscode', { hookEventName: 'PostToolUse', cwd: ws, tool_name: 'createFile', tool_input: { filePath: path.join(ws, 'src', 'agent.py'), content: PY_EXEC } }, ws));
    assert.match(one.reason, /llm-output-code-execution/);
  });

  it('malformed stdin is a clear non-blocking error (exit 1, nothing on stdout)', async () => {
    const expectBadInput = (r: HookRun, input: string) => {
      assert.strictEqual(r.code, 1, `${JSON.stringify(input)}: ${r.stderr}`);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /^aisec hook: .*(JSON|json).*; nothing was checked\n$/);
    };
    // as the agent runs it, and the other shapes in process (the same function, without a process start each)
    for (const input of ['not json', '']) expectBadInput(runHook('claude-code', input, ws), input);
    for (const input of ['[1, 2]', '"text"', '{"tool_input": ', 'null']) expectBadInput(await hookCommand(['claude-code'], new Map(), input), input);
    const usage = runHook('cursor', claudeEvent(ws, 'Write', path.join(ws, 'src', 'agent.py')), ws);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.stderr, /hook takes the agent: claude-code or vscode/);
  });

  it('writes nothing and starts nothing: the same answer under the Node permission model (read-only)', () => {
    const out = blockOf(runHook('claude-code', claudeEvent(ws, 'Write', path.join(ws, 'src', 'agent.py')), ws, [], ['--experimental-permission', '--allow-fs-read=*']));
    assert.match(out.reason, /llm-output-code-execution/);
  });
});
