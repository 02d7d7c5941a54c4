/** MCP client dialect detection, server extraction and tool-schema recognition over DataView. */
import * as assert from 'assert';
import { analyzeData } from '../../server/src/analyzers/data';
import {
  claudeSettings, dockerImagePin, dockerRun, expandedTokens, isPinnedPackage, mcpConfig, mcpDialect,
  isRecordedData, packageLaunch, toolDefinitions, valueOffsets, valueSubRange,
} from '../../server/src/analyzers/data/toolConfig';
import type { DataView } from '../../server/src/engine/views';

function view(path: string, text: string): DataView {
  const r = analyzeData(path, text);
  assert.ok(r.view, `${path} parses to a view`);
  return r.view;
}

const STDIO = '{ "command": "npx", "args": ["-y", "pkg@1.0.0"] }';

describe('tool config: MCP dialects', () => {
  const cases: [string, string, string][] = [
    ['claude_desktop_config.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'claude-desktop'],
    ['/home/me/proj/.cursor/mcp.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'cursor'],
    ['C:\\Users\\me\\.codeium\\windsurf\\mcp_config.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'windsurf'],
    ['globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'cline'],
    ['.roo/mcp.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'roo'],
    ['.vscode/mcp.json', `{ "servers": { "a": ${STDIO} } }`, 'vscode'],
    ['.vscode/settings.json', `{ "mcp": { "servers": { "a": ${STDIO} } } }`, 'vscode-settings'],
    ['.mcp.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'claude-code'],
    ['.config/zed/settings.json', `{ "context_servers": { "a": { "command": { "path": "npx", "args": ["-y", "pkg@1.0.0"] } } } }`, 'zed'],
    ['.continue/mcpServers/s.yaml', 'mcpServers:\n  - name: a\n    command: npx\n    args: ["-y", "pkg@1.0.0"]\n', 'continue'],
    ['.gemini/settings.json', `{ "mcpServers": { "a": ${STDIO} } }`, 'generic'],
  ];
  for (const [path, text, dialect] of cases) {
    it(`${dialect}: ${path}`, () => {
      const v = view(path, text);
      assert.strictEqual(mcpDialect(v), dialect);
      const config = mcpConfig(v);
      assert.ok(config);
      assert.strictEqual(config.servers.length, 1);
      const s = config.servers[0];
      assert.strictEqual(s.name, 'a');
      assert.strictEqual(s.command?.value, 'npx');
      assert.deepStrictEqual(s.args.map((a) => a.value), ['-y', 'pkg@1.0.0']);
      assert.strictEqual(s.type, 'stdio');
      // the name range points at the key (map dialects) or the name value (list dialects)
      assert.match(text.slice(s.nameStart, s.nameEnd), /^"?a"?$/);
    });
  }

  it('reads VS Code remote servers, headers, inputs and env', () => {
    const text = '{\n  "inputs": [{ "type": "promptString", "id": "t", "password": true }],\n  "servers": {\n    "r": { "type": "http", "url": "https://x.example/mcp", "headers": { "Authorization": "Bearer ${input:t}" } },\n    "s": { "type": "sse", "url": "https://y.example/sse" },\n    "l": { "command": "node", "args": ["s.js"], "env": { "A": "1" } }\n  }\n}';
    const config = mcpConfig(view('.vscode/mcp.json', text));
    assert.ok(config);
    assert.strictEqual(config.inputs?.items?.length, 1);
    const [r, s, l] = config.servers;
    assert.strictEqual(r.type, 'http');
    assert.strictEqual(r.url?.value, 'https://x.example/mcp');
    assert.deepStrictEqual(r.headers.map((h) => h.key), ['Authorization']);
    assert.strictEqual(s.type, 'sse');
    assert.deepStrictEqual(l.env.map((e) => [e.key, e.value.value]), [['A', '1']]);
  });

  it('reads Cline / Roo approval lists and disabled flags', () => {
    const text = '{ "mcpServers": { "a": { "command": "uvx", "args": ["x==1.0"], "alwaysAllow": ["q"], "autoApprove": true, "disabled": true } } }';
    const s = mcpConfig(view('cline_mcp_settings.json', text))!.servers[0];
    assert.strictEqual(s.alwaysAllow?.value.items?.length, 1);
    assert.strictEqual(s.autoApprove?.value.value, true);
    assert.strictEqual(s.disabled, true);
  });

  it('reads per-project servers in ~/.claude.json', () => {
    const text = '{ "mcpServers": { "g": { "command": "a" } }, "projects": { "/p": { "mcpServers": { "p": { "command": "b" } } } } }';
    assert.deepStrictEqual(mcpConfig(view('/home/me/.claude.json', text))!.servers.map((s) => s.name), ['g', 'p']);
  });

  it('reads Claude Code permission settings', () => {
    const text = '{ "permissions": { "allow": ["Bash(npm test)", "mcp__*"], "defaultMode": "acceptEdits" }, "enableAllProjectMcpServers": false }';
    const s = claudeSettings(view('.claude/settings.local.json', text));
    assert.ok(s);
    assert.deepStrictEqual(s.allow.map((a) => a.value), ['Bash(npm test)', 'mcp__*']);
    assert.strictEqual(s.defaultMode?.value.value, 'acceptEdits');
    assert.strictEqual(s.enableAllProjectMcpServers?.value.value, false);
    assert.strictEqual(claudeSettings(view('settings.json', text)), undefined);
  });

  it('is not fooled by unrelated JSON, malformed JSON or an empty file', () => {
    assert.strictEqual(mcpConfig(view('package.json', '{ "name": "x", "servers": {} }')), undefined);
    assert.strictEqual(mcpConfig(view('data/servers.json', '{ "servers": { "a": { "command": "x" } } }')), undefined);
    const empty = analyzeData('.vscode/mcp.json', '');
    assert.ok(!empty.view || mcpConfig(empty.view)?.servers.length === 0 || mcpConfig(empty.view) === undefined);
    const broken = analyzeData('.cursor/mcp.json', '{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "p"');
    assert.ok(broken.errors.some((e) => e.kind === 'parse'));
    // whatever parsed is still usable and nothing throws
    if (broken.view) assert.doesNotThrow(() => mcpConfig(broken.view!));
    const array = view('.vscode/mcp.json', '[1, 2]');
    assert.strictEqual(mcpConfig(array), undefined);
  });
});

describe('tool config: command lines', () => {
  const server = (path: string, text: string) => {
    const v = view(path, text);
    return { v, s: mcpConfig(v)!.servers[0] };
  };

  it('finds the launched package and its exact range, through shells', () => {
    const text = '{ "mcpServers": { "a": { "command": "cmd", "args": ["/c", "npx", "--yes", "@scope/pkg@latest", "--flag"] } } }';
    const { v, s } = server('claude_desktop_config.json', text);
    const launch = packageLaunch(expandedTokens(v, s));
    assert.ok(launch);
    assert.strictEqual(launch.launcher, 'npx');
    assert.strictEqual(text.slice(launch.pkg.start, launch.pkg.end), '@scope/pkg@latest');
    assert.deepStrictEqual(launch.rest.map((t) => t.value), ['--flag']);

    const bash = '{ "mcpServers": { "a": { "command": "bash", "args": ["-c", "cd x && uvx --from mcp-x==1.2.0 mcp-x"] } } }';
    const b = server('claude_desktop_config.json', bash);
    const l2 = packageLaunch(expandedTokens(b.v, b.s));
    assert.strictEqual(l2?.launcher, 'uvx');
    assert.strictEqual(bash.slice(l2!.pkg.start, l2!.pkg.end), 'mcp-x==1.2.0');
  });

  it('decides what is pinned', () => {
    assert.ok(isPinnedPackage('@modelcontextprotocol/server-filesystem@2025.1.14', 'npm'));
    assert.ok(isPinnedPackage('pkg@1.2.3-beta.1', 'npm'));
    assert.ok(!isPinnedPackage('@scope/pkg', 'npm'));
    assert.ok(!isPinnedPackage('pkg@^1.2.3', 'npm'));
    assert.ok(!isPinnedPackage('pkg@latest', 'npm'));
    assert.ok(isPinnedPackage('./local/server.js', 'npm'));
    assert.ok(isPinnedPackage('mcp-server-time==0.6.2', 'pypi'));
    assert.ok(!isPinnedPackage('mcp-server-time>=0.6', 'pypi'));
    assert.ok(!isPinnedPackage('mcp-server-time', 'pypi'));
    assert.strictEqual(dockerImagePin('mcp/fetch'), 'none');
    assert.strictEqual(dockerImagePin('localhost:5000/mcp/fetch'), 'none');
    assert.strictEqual(dockerImagePin('mcp/fetch:latest'), 'none');
    assert.strictEqual(dockerImagePin('mcp/fetch:1.2.0'), 'tag');
    assert.strictEqual(dockerImagePin(`ghcr.io/x/y@sha256:${'a'.repeat(64)}`), 'digest');
  });

  it('parses docker run options and the image', () => {
    const text = '{ "servers": { "d": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "--network=host", "-v", "/a:/b", "img:1.0", "--x"] } } }';
    const { v, s } = server('.vscode/mcp.json', text);
    const d = dockerRun(expandedTokens(v, s));
    assert.ok(d);
    assert.strictEqual(d.image?.value, 'img:1.0');
    assert.deepStrictEqual(d.options.map((o) => [o.name, o.value?.value]), [['-i', undefined], ['--rm', undefined], ['-e', 'TOKEN'], ['--network', 'host'], ['-v', '/a:/b']]);
    const net = d.options[3].value!;
    assert.strictEqual(text.slice(net.start, net.end), 'host');
    assert.deepStrictEqual(d.rest.map((t) => t.value), ['--x']);
  });

  it('maps decoded string indexes back to source offsets (escapes, YAML blocks)', () => {
    const json = '{ "d": "a\\nb \\"c\\" <X>" }';
    const v = view('tools.json', json);
    const node = v.roots[0].properties![0].value;
    const value = String(node.value);
    const r = valueSubRange(v, node, value.indexOf('<X>'), value.indexOf('<X>') + 3);
    assert.strictEqual(json.slice(r.start, r.end), '<X>');
    const yaml = 'd: |\n  first line\n  second <X> line\n';
    const y = view('tools.yaml', yaml);
    const yn = y.roots[0].properties![0].value;
    const map = valueOffsets(y, yn);
    assert.ok(map);
    const at = String(yn.value).indexOf('<X>');
    assert.strictEqual(yaml.slice(map(at), map(at + 2) + 1), '<X>');
  });
});

describe('tool config: tool schemas', () => {
  it('recognises OpenAI, Anthropic and MCP shapes', () => {
    const text = JSON.stringify({
      openai: [{ type: 'function', function: { name: 'a', description: 'A', parameters: { type: 'object', properties: {} } } }],
      responses: [{ type: 'function', name: 'r', description: 'R', parameters: { type: 'object' } }],
      anthropic: [{ name: 'b', description: 'B', input_schema: { type: 'object' } }],
      mcp: { tools: [{ name: 'c', description: 'C', inputSchema: { type: 'object' } }] },
      notATool: { name: 'd', description: 'just a record' },
    }, null, 2);
    const tools = toolDefinitions(view('tools.json', text));
    assert.deepStrictEqual(tools.map((t) => [t.format, t.name, t.description?.value]), [
      ['openai', 'a', 'A'], ['openai', 'r', 'R'], ['anthropic', 'b', 'B'], ['mcp', 'c', 'C'],
    ]);
    assert.ok(tools.every((t) => t.schema?.type === 'object'));
  });

  it('recorded API responses are data, not tool definitions', () => {
    const tool = { name: 'roll', description: 'Roll dice', input_schema: { type: 'object', properties: { command: { type: 'string' } } } };
    const mcpTool = { name: 'roll', description: 'Roll dice', inputSchema: { type: 'object' } };
    const recorded: [string, unknown][] = [
      // a provider response envelope with an mcp_list_tools item (OpenAI Responses API)
      ['responses/mcp.json', { id: 'resp_1', object: 'response', created_at: 1, output: [{ type: 'mcp_list_tools', server_label: 'x', tools: [tool] }] }],
      // a JSON-RPC tools/list result, with and without its header
      ['tools-list-response.json', { jsonrpc: '2.0', id: 1, result: { tools: [mcpTool] } }],
      ['snapshot.json', { result: { tools: [mcpTool] } }],
      // a list of recorded responses
      ['responses.json', [{ id: 'chatcmpl-1', object: 'chat.completion', created: 1, tools: [tool] }]],
      // VCR cassette and HAR log
      ['cassette.json', { interactions: [{ request: { body: JSON.stringify({ tools: [tool] }) }, response: {} }], tools: [tool] }],
      ['session.har.json', { log: { entries: [] }, tools: [tool] }],
      // any document under a fixtures / cassettes / snapshots folder
      ['src/__fixtures__/tools.json', { tools: [tool] }],
      ['tests/cassettes/tools.yaml', { tools: [tool] }],
      ['__snapshots__/tools.json', { tools: [tool] }],
    ];
    for (const [p, doc] of recorded) {
      const v = view(p, JSON.stringify(doc, null, 2));
      assert.deepStrictEqual(toolDefinitions(v), [], p);
    }
    assert.ok(isRecordedData(view('x.json', JSON.stringify({ jsonrpc: '2.0', id: 3, result: {} }))));
    // an mcp_list_tools item inside an otherwise developer-written file is skipped, its neighbours are kept
    const mixed = toolDefinitions(view('agent.json', JSON.stringify({ tools: [tool], history: [{ type: 'mcp_list_tools', tools: [{ ...tool, name: 'remote' }] }] })));
    assert.deepStrictEqual(mixed.map((t) => t.name), ['roll']);
    // developer-written manifests stay tool definitions
    for (const [p, doc] of [['tools.json', { tools: [mcpTool] }], ['server/tools.json', [tool]], ['agent.json', { name: 'agent', result: { tools: [mcpTool] } }]] as [string, unknown][]) {
      assert.strictEqual(isRecordedData(view(p, JSON.stringify(doc))), false, p);
      assert.strictEqual(toolDefinitions(view(p, JSON.stringify(doc))).length, 1, p);
    }
  });

  it('recognises YAML tool lists', () => {
    const tools = toolDefinitions(view('agent.yaml', 'tools:\n  - name: w\n    description: Weather\n    input_schema:\n      type: object\n'));
    assert.deepStrictEqual(tools.map((t) => t.name), ['w']);
  });
});
