/**
 * The documented agent set-ups (integrations/agents/): each example config is scanned with AISec and must give no
 * finding (pinned launcher, no secrets, no auto-approval...), says what the README shows, and starts what it should.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, ROOT, scanJson } from '../helpers/cli';

const AGENTS = path.join(ROOT, 'integrations', 'agents');

/** Every file under dir, relative, posix separators. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const EXPECTED = [
  'claude-code/.claude/settings.json',
  'claude-code/.mcp.json',
  'cursor/.cursor/mcp.json',
  'vscode/.github/hooks/aisec.json',
  'vscode/.vscode/mcp.json',
];

describe('integrations/agents: the documented MCP server and hook set-ups', function () {
  this.timeout(60_000);
  before(assertBuilt);

  it('holds the Claude Code, Cursor and VS Code examples', () => {
    assert.deepStrictEqual(files(AGENTS).filter((f) => f.endsWith('.json')), EXPECTED);
  });

  for (const agent of ['claude-code', 'cursor', 'vscode']) {
    it(`${agent}: AISec scans every example file and reports nothing`, () => {
      const dir = path.join(AGENTS, agent);
      const r = scanJson(dir, ['.', '--root', dir, '--fail-on', 'info']);
      const expected = EXPECTED.filter((f) => f.startsWith(agent + '/')).map((f) => f.slice(agent.length + 1));
      for (const f of expected) assert.ok(!r.skipped.some((s) => s.file === f), `${f} skipped`);
      assert.strictEqual(r.summary.files, expected.length, `${r.summary.files} file(s) scanned in ${agent}`);
      assert.deepStrictEqual(r.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), []);
    });
  }

  it('launch a pinned aisec with the mcp command, and hooks on the edit tools', () => {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(AGENTS, f), 'utf8')) as Record<string, unknown>;
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const servers = [
      (read('claude-code/.mcp.json').mcpServers as Record<string, { command: string; args: string[] }>).aisec,
      (read('cursor/.cursor/mcp.json').mcpServers as Record<string, { command: string; args: string[] }>).aisec,
      (read('vscode/.vscode/mcp.json').servers as Record<string, { command: string; args: string[] }>).aisec,
    ];
    for (const s of servers) {
      assert.strictEqual(s.command, 'npx');
      assert.deepStrictEqual(s.args.slice(0, 3), ['-y', `aisec@${version}`, 'mcp']);
    }
    const claude = read('claude-code/.claude/settings.json') as { hooks: { PostToolUse: { matcher: string; hooks: { type: string; command: string }[] }[] } };
    assert.strictEqual(claude.hooks.PostToolUse[0].matcher, 'Edit|Write|MultiEdit');
    assert.strictEqual(claude.hooks.PostToolUse[0].hooks[0].command, `npx -y aisec@${version} hook claude-code`);
    const vscode = read('vscode/.github/hooks/aisec.json') as { hooks: { PostToolUse: { type: string; command: string }[] } };
    assert.strictEqual(vscode.hooks.PostToolUse[0].command, `npx -y aisec@${version} hook vscode`);
  });

  it('the README\'s "Coding agents" section shows each example file as it is', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Coding agents'));
    assert.ok(readme.includes('## Coding agents'), 'README has a "Coding agents" section');
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const f of EXPECTED) {
      const text = fs.readFileSync(path.join(AGENTS, f), 'utf8');
      assert.ok(squash(section).includes(squash(text)), `README shows integrations/agents/${f}`);
    }
  });
});
