/**
 * Agent tool configuration over a DataView: which MCP client dialect a file is, the servers it
 * declares (with the nodes rules point at), Claude Code permission settings, and function-calling /
 * MCP tool schemas. Pure helpers: no I/O; every offset is an offset into `view.text`.
 */
import type { TextEdit } from '../../engine/model';
import type { DataNode, DataProperty, DataView } from '../../engine/views';
import { getProp, getValue, walkData } from './index';
import { roleFromPath } from '../../engine/fileRole';

export type McpDialect =
  | 'claude-desktop' | 'cursor' | 'windsurf' | 'cline' | 'roo'
  | 'vscode' | 'vscode-settings' | 'claude-code' | 'zed' | 'continue' | 'generic';

export type McpTransport = 'stdio' | 'http' | 'sse' | 'ws' | 'unknown';

export interface McpServer {
  name: string;
  /** Range of the server's key (map dialects) or of its `name` value (list dialects). */
  nameStart: number;
  nameEnd: number;
  dialect: McpDialect;
  /** The server's object node. */
  node: DataNode;
  /** `command` string node (Zed: `command.path`). */
  command?: DataNode;
  /** String (and number) nodes of `args`, in order. */
  args: DataNode[];
  argsNode?: DataNode;
  env: DataProperty[];
  envNode?: DataNode;
  headers: DataProperty[];
  headersNode?: DataNode;
  /** `url` / `serverUrl` / `httpUrl` string node. */
  url?: DataNode;
  type: McpTransport;
  /** Cline / Roo auto-approval list (`alwaysAllow`) or `autoApprove` (list or boolean). */
  alwaysAllow?: DataProperty;
  autoApprove?: DataProperty;
  disabled: boolean;
}

export interface McpConfig {
  dialect: McpDialect;
  servers: McpServer[];
  /** VS Code `inputs` array, when the dialect has one. */
  inputs?: DataNode;
  root: DataNode;
}

function lowerPath(view: DataView): string {
  return '/' + view.path.replace(/\\/g, '/').toLowerCase().replace(/^\/+/, '');
}

function isObject(n: DataNode | undefined): n is DataNode {
  return !!n && n.type === 'object';
}

function dialectFromPath(view: DataView): McpDialect | undefined {
  const p = lowerPath(view);
  const name = view.fileName;
  if (name === 'claude_desktop_config.json') return 'claude-desktop';
  if (p.endsWith('/.cursor/mcp.json')) return 'cursor';
  if (name === 'mcp_config.json') return 'windsurf';
  if (name === 'cline_mcp_settings.json') return 'cline';
  if (p.endsWith('/.roo/mcp.json') || name === 'mcp_settings.json') return 'roo';
  if (p.endsWith('/.vscode/mcp.json')) return 'vscode';
  if (name === '.mcp.json' || name === '.claude.json') return 'claude-code';
  if (p.includes('/.continue/') && /\.(ya?ml|json)$/.test(name)) return 'continue';
  return undefined;
}

/** The MCP client dialect of a file, from its path first and its shape second; undefined if none. */
export function mcpDialect(view: DataView): McpDialect | undefined {
  const root = view.roots[0];
  const fromPath = dialectFromPath(view);
  if (fromPath) return fromPath;
  if (!isObject(root)) return undefined;
  if (view.fileName === 'settings.json' || view.fileName === 'settings.jsonc') {
    if (getProp(root, 'context_servers')) return 'zed';
    if (isObject(getValue(root, 'mcp', 'servers')) || isObject(getValue(root, 'mcp.servers'))) return 'vscode-settings';
  }
  const mcpServers = getValue(root, 'mcpServers');
  if (mcpServers?.type === 'object') return 'generic';
  if (mcpServers?.type === 'array' && view.format === 'yaml') return 'continue';
  if ((view.fileName === 'mcp.json') && isObject(getValue(root, 'servers'))) return 'vscode';
  return undefined;
}

/** Parse the MCP client config in a data file; undefined when the file is not one. */
export function mcpConfig(view: DataView): McpConfig | undefined {
  const dialect = mcpDialect(view);
  const root = view.roots[0];
  if (!dialect || !isObject(root)) return undefined;
  const servers: McpServer[] = [];
  let inputs: DataNode | undefined;
  const fromMap = (map: DataNode | undefined): void => {
    if (!isObject(map)) return;
    for (const p of map.properties ?? []) {
      if (isObject(p.value)) servers.push(toServer(p.key, p.keyStart, p.keyEnd, p.value, dialect));
    }
  };
  switch (dialect) {
    case 'vscode':
      fromMap(getValue(root, 'servers'));
      inputs = getValue(root, 'inputs');
      break;
    case 'vscode-settings': {
      const mcp = getValue(root, 'mcp');
      fromMap(getValue(mcp, 'servers') ?? getValue(root, 'mcp.servers'));
      inputs = getValue(mcp, 'inputs') ?? getValue(root, 'mcp.inputs');
      break;
    }
    case 'zed':
      fromMap(getValue(root, 'context_servers'));
      break;
    case 'continue': {
      const list = getValue(root, 'mcpServers');
      if (list?.type === 'array') {
        for (const item of list.items ?? []) {
          if (!isObject(item)) continue;
          const nameNode = getValue(item, 'name');
          const name = typeof nameNode?.value === 'string' ? nameNode.value : '';
          servers.push(toServer(name, nameNode?.start ?? item.start, nameNode?.end ?? item.start, item, dialect));
        }
      } else fromMap(list);
      break;
    }
    case 'claude-code': {
      fromMap(getValue(root, 'mcpServers'));
      // ~/.claude.json keeps per-project servers under projects.<path>.mcpServers
      for (const proj of getValue(root, 'projects')?.properties ?? []) fromMap(getValue(proj.value, 'mcpServers'));
      break;
    }
    default:
      fromMap(getValue(root, 'mcpServers'));
  }
  return { dialect, servers, inputs, root };
}

function toServer(name: string, nameStart: number, nameEnd: number, node: DataNode, dialect: McpDialect): McpServer {
  let command = getValue(node, 'command');
  let argsNode = getValue(node, 'args');
  let envNode = getValue(node, 'env');
  if (isObject(command)) {
    // Zed's older shape: "command": { "path": ..., "args": [...], "env": {...} }
    argsNode ??= getValue(command, 'args');
    envNode ??= getValue(command, 'env');
    command = getValue(command, 'path');
  }
  if (command && command.type !== 'string') command = undefined;
  const args = (argsNode?.type === 'array' ? argsNode.items ?? [] : []).filter((n) => n.type === 'string' || n.type === 'number');
  const headersNode = getValue(node, 'headers') ?? getValue(node, 'requestInit', 'headers');
  let url = getValue(node, 'url') ?? getValue(node, 'serverUrl') ?? getValue(node, 'httpUrl');
  if (url && url.type !== 'string') url = undefined;
  const typeNode = getValue(node, 'type') ?? getValue(node, 'transport') ?? getValue(node, 'transportType');
  const typeValue = typeof typeNode?.value === 'string' ? typeNode.value.toLowerCase() : isObject(typeNode) ? String(getValue(typeNode, 'type')?.value ?? '').toLowerCase() : '';
  let type: McpTransport = 'unknown';
  if (typeValue === 'stdio') type = 'stdio';
  else if (typeValue === 'sse') type = 'sse';
  else if (/^(http|streamable-?http|streamablehttp)$/.test(typeValue)) type = 'http';
  else if (typeValue === 'ws' || typeValue === 'websocket') type = 'ws';
  else if (url) type = /^wss?:/i.test(String(url.value)) ? 'ws' : /\/sse\/?$/i.test(String(url.value)) ? 'sse' : 'http';
  else if (command) type = 'stdio';
  const disabledNode = getValue(node, 'disabled');
  return {
    name, nameStart, nameEnd, dialect, node,
    command, args, argsNode: argsNode?.type === 'array' ? argsNode : undefined,
    env: isObject(envNode) ? envNode.properties ?? [] : [],
    envNode: isObject(envNode) ? envNode : undefined,
    headers: isObject(headersNode) ? headersNode.properties ?? [] : [],
    headersNode: isObject(headersNode) ? headersNode : undefined,
    url, type,
    alwaysAllow: getProp(node, 'alwaysAllow'),
    autoApprove: getProp(node, 'autoApprove'),
    disabled: disabledNode?.value === true,
  };
}

// ---------------------------------------------------------------------------------------------
// String values and exact offsets

/** Offsets of a string node's content (inside the quotes / after a block indicator). */
export function contentRange(view: DataView, node: DataNode): { start: number; end: number } {
  const start = node.contentStart ?? node.start;
  let end = node.end;
  const open = view.text[node.start];
  if (node.type === 'string' && (open === '"' || open === "'") && start === node.start + 1 && end > start && view.text[end - 1] === open) end--;
  return { start, end: Math.max(start, end) };
}

/**
 * Maps indexes into a string node's decoded value to offsets in the view text: identity when the
 * source holds the value verbatim, JSON / YAML double-quoted escapes decoded, YAML block scalars
 * line by line. Returns undefined when the value cannot be mapped exactly (then report the node).
 */
export function valueOffsets(view: DataView, node: DataNode): ((index: number) => number) | undefined {
  if (node.type !== 'string' && node.type !== 'number') return undefined;
  const value = String(node.value);
  const { start, end } = contentRange(view, node);
  const raw = view.text.slice(start, end);
  if (raw === value) return (i) => start + i;
  const map: number[] = [];
  if (view.text[node.start] === '"') {
    // decode JSON-style escapes and remember where each decoded unit came from
    let decoded = '';
    for (let i = 0; i < raw.length; ) {
      const c = raw[i];
      if (c === '\\' && i + 1 < raw.length) {
        const e = raw[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
          decoded += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
          map.push(start + i);
          i += 6;
          continue;
        }
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/', '0': '\0' };
        decoded += simple[e] ?? e;
        map.push(start + i);
        i += 2;
        continue;
      }
      decoded += c;
      map.push(start + i);
      i++;
    }
    if (decoded !== value) return undefined;
  } else {
    // YAML block / plain multi-line scalars: find each value line in order in the source
    let cursor = start;
    const lines = value.split('\n');
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li];
      if (line.length > 0) {
        const at = view.text.indexOf(line, cursor);
        if (at < 0 || at > node.end) return undefined;
        for (let k = 0; k < line.length; k++) map.push(at + k);
        cursor = at + line.length;
      }
      if (li < lines.length - 1) map.push(cursor);
    }
    if (map.length !== value.length) return undefined;
  }
  map.push(map.length ? map[map.length - 1] + 1 : start);
  return (i) => map[Math.max(0, Math.min(i, map.length - 1))];
}

/** Offsets of [from, to) of a string node's value, or the node's content when unmappable. */
export function valueSubRange(view: DataView, node: DataNode, from: number, to: number): { start: number; end: number } {
  const m = valueOffsets(view, node);
  if (!m || to <= from) return contentRange(view, node);
  return { start: m(from), end: m(to - 1) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Command lines

/** One word of a server's command line: from `command` (split on spaces) or one `args` entry. */
export interface CommandToken {
  value: string;
  start: number;
  end: number;
  node: DataNode;
  /** Index of the args entry, or -1 when the token comes from `command`. */
  argIndex: number;
}

/** Split a string node's value on unquoted whitespace, keeping exact offsets where possible. */
export function splitWords(view: DataView, node: DataNode, argIndex: number): CommandToken[] {
  const value = String(node.value ?? '');
  const out: CommandToken[] = [];
  const re = /"([^"]*)"|'([^']*)'|[^\s]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    const word = m[1] ?? m[2] ?? m[0];
    const from = m[1] !== undefined || m[2] !== undefined ? m.index + 1 : m.index;
    const r = valueSubRange(view, node, from, from + word.length);
    out.push({ value: word, start: r.start, end: r.end, node, argIndex });
  }
  return out;
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'powershell', 'pwsh']);
const SHELL_SCRIPT_FLAGS = /^(-c|-lc|-ic|-ec|-xc|\/c|\/k|-command|-enc|-encodedcommand)$/i;

/** Program name without directory and Windows extension: `C:\\x\\npx.cmd` -> `npx`. */
export function programName(word: string): string {
  const base = word.replace(/\\/g, '/').split('/').pop() ?? word;
  return base.toLowerCase().replace(/\.(exe|cmd|bat|ps1)$/, '');
}

export function isShell(word: string): boolean {
  return SHELLS.has(programName(word));
}

export function isShellScriptFlag(word: string): boolean {
  return SHELL_SCRIPT_FLAGS.test(word);
}

/** The full command line of a server as tokens: command words, then one token per argument. */
export function commandTokens(view: DataView, server: McpServer): CommandToken[] {
  const out: CommandToken[] = [];
  if (server.command) out.push(...splitWords(view, server.command, -1));
  server.args.forEach((a, i) => {
    const value = String(a.value);
    const r = contentRange(view, a);
    out.push({ value, start: r.start, end: r.end, node: a, argIndex: i });
  });
  return out;
}

/**
 * The command line with shell `-c` scripts expanded into their words, so `bash -c "npx -y pkg"` and
 * `cmd /c npx -y pkg` expose the launcher behind the shell.
 */
export function expandedTokens(view: DataView, server: McpServer): CommandToken[] {
  const base = commandTokens(view, server);
  const out: CommandToken[] = [];
  for (let i = 0; i < base.length; i++) {
    const t = base[i];
    const prev = base[i - 1];
    if (prev && isShellScriptFlag(prev.value) && base.slice(0, i - 1).some((x) => isShell(x.value)) && /\s/.test(t.value) && t.argIndex >= 0) {
      out.push(...splitWords(view, t.node, t.argIndex));
    } else out.push(t);
  }
  return out;
}

/** A package run by a launcher (npx, bunx, pnpm dlx, uvx, pipx run...). */
export interface PackageLaunch {
  launcher: string;
  ecosystem: 'npm' | 'pypi';
  /** The package token (for `--package pkg` / `--from pkg` / `--spec pkg`, that value). */
  pkg: CommandToken;
  /** Tokens after the package (the server's own arguments). */
  rest: CommandToken[];
}

const NPM_OPTS_WITH_VALUE = new Set(['-p', '--package', '--registry', '--cache', '--userconfig', '-c', '--call', '--prefix', '-w', '--workspace']);
const PY_OPTS_WITH_VALUE = new Set(['--from', '--with', '-w', '--python', '-p', '--index-url', '-i', '--extra-index-url', '--spec', '--pip-args', '--index', '--default-index', '--with-requirements', '--constraint', '-c']);

/** Find the package a launcher runs, looking through shells; undefined when none. */
export function packageLaunch(tokens: CommandToken[]): PackageLaunch | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const prog = programName(tokens[i].value);
    let launcher: string | undefined;
    let eco: 'npm' | 'pypi' = 'npm';
    let j = i + 1;
    if (prog === 'npx' || prog === 'bunx') launcher = prog;
    else if ((prog === 'pnpm' || prog === 'yarn' || prog === 'bun') && /^(dlx|x)$/.test(tokens[j]?.value ?? '')) { launcher = `${prog} ${tokens[j].value}`; j++; }
    else if (prog === 'npm' && /^(exec|x)$/.test(tokens[j]?.value ?? '')) { launcher = 'npm exec'; j++; }
    else if (prog === 'uvx') { launcher = 'uvx'; eco = 'pypi'; }
    else if (prog === 'uv' && tokens[j]?.value === 'tool' && tokens[j + 1]?.value === 'run') { launcher = 'uv tool run'; eco = 'pypi'; j += 2; }
    else if (prog === 'pipx' && tokens[j]?.value === 'run') { launcher = 'pipx run'; eco = 'pypi'; j++; }
    if (!launcher) continue;
    const withValue = eco === 'npm' ? NPM_OPTS_WITH_VALUE : PY_OPTS_WITH_VALUE;
    let explicit: CommandToken | undefined;
    for (; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.value === '--') { j++; break; }
      if (!t.value.startsWith('-')) break;
      const eq = t.value.indexOf('=');
      const opt = eq > 0 ? t.value.slice(0, eq) : t.value;
      const isPkgOpt = opt === '--package' || (opt === '-p' && eco === 'npm') || opt === '--from' || opt === '--spec';
      if (eq > 0) {
        if (isPkgOpt) explicit ??= { ...t, value: t.value.slice(eq + 1), start: t.start + eq + 1 };
        continue;
      }
      if (withValue.has(opt)) {
        if (isPkgOpt && tokens[j + 1]) explicit ??= tokens[j + 1];
        j++;
      }
    }
    const first = tokens[j];
    const pkg = explicit ?? first;
    if (!pkg) return undefined;
    return { launcher, ecosystem: eco, pkg, rest: tokens.slice(explicit ? j : j + 1) };
  }
  return undefined;
}

/** Is a package spec pinned to one exact version (or a local path / immutable reference)? */
export function isPinnedPackage(spec: string, ecosystem: 'npm' | 'pypi'): boolean {
  const s = spec.trim();
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:[\\/]|file:)/.test(s) || /\.(tgz|tar\.gz|whl)$/i.test(s)) return true;
  if (/^git\+|^github:|^https?:/.test(s)) return /[#@][0-9a-f]{40}$/i.test(s);
  const semver = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
  if (ecosystem === 'npm') {
    const at = s.lastIndexOf('@');
    if (at <= 0) return false; // no version, or only the scope's @
    return semver.test(s.slice(at + 1));
  }
  const eq = /^[A-Za-z0-9_.\-\[\],]+===?\s*([^\s;,]+)$/.exec(s);
  if (eq) return /^\d+(\.\d+)*([a-z]+\d*)?(\.post\d+)?(\.dev\d+)?$/i.test(eq[1]);
  const at = /^[A-Za-z0-9_.\-\[\],]+@(.+)$/.exec(s);
  return !!at && /^\d+(\.\d+)+([a-z]+\d*)?$/i.test(at[1]);
}

/** `docker run` / `podman run` options and image. */
export interface DockerRun {
  engine: string;
  /** Options before the image: the option word and its value (next token or after `=`). */
  options: { name: string; flag: CommandToken; value?: CommandToken }[];
  image?: CommandToken;
  /** The container's own arguments after the image. */
  rest: CommandToken[];
}

const DOCKER_BOOL_OPTS = new Set(['-i', '-t', '-it', '-ti', '-d', '--rm', '--init', '--privileged', '--interactive', '--tty', '--detach', '--read-only', '-P', '--publish-all', '--no-healthcheck', '--sig-proxy', '--quiet', '-q']);

export function dockerRun(tokens: CommandToken[]): DockerRun | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const prog = programName(tokens[i].value);
    if (prog !== 'docker' && prog !== 'podman' && prog !== 'nerdctl') continue;
    let j = i + 1;
    if (tokens[j]?.value === 'container') j++;
    if (tokens[j]?.value !== 'run') continue;
    j++;
    const options: DockerRun['options'] = [];
    for (; j < tokens.length; j++) {
      const t = tokens[j];
      if (!t.value.startsWith('-') || t.value === '-') break;
      const eq = t.value.indexOf('=');
      if (eq > 0) {
        options.push({ name: t.value.slice(0, eq), flag: t, value: { ...t, value: t.value.slice(eq + 1), start: t.start + eq + 1 } });
        continue;
      }
      if (DOCKER_BOOL_OPTS.has(t.value) || (/^-[a-zA-Z]{2,}$/.test(t.value) && /^-[itdP]+$/.test(t.value))) {
        options.push({ name: t.value, flag: t });
        continue;
      }
      // short option with attached value: -v/src:dst is unusual; -eFOO=bar
      options.push({ name: t.value, flag: t, value: tokens[j + 1] });
      j++;
    }
    return { engine: prog, options, image: tokens[j], rest: tokens.slice(j + 1) };
  }
  return undefined;
}

/** Is a docker image reference pinned (explicit non-latest tag or digest)? Digest is the strict pin. */
export function dockerImagePin(image: string): 'digest' | 'tag' | 'none' {
  if (/@sha256:[0-9a-f]{64}$/i.test(image)) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'none';
  const tag = image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'none' : 'tag';
}

// ---------------------------------------------------------------------------------------------
// Claude Code settings

export interface ClaudeSettings {
  root: DataNode;
  permissions?: DataNode;
  allow: DataNode[];
  allowNode?: DataNode;
  defaultMode?: DataProperty;
  enableAllProjectMcpServers?: DataProperty;
}

/** `.claude/settings.json`, `.claude/settings.local.json`, managed settings, `~/.claude.json`. */
export function isClaudeSettings(view: DataView): boolean {
  const p = lowerPath(view);
  return /\/\.claude\/settings(\.[\w-]+)?\.json$/.test(p) || view.fileName === 'managed-settings.json' || view.fileName === '.claude.json';
}

export function claudeSettings(view: DataView): ClaudeSettings | undefined {
  const root = view.roots[0];
  if (!isClaudeSettings(view) || !isObject(root)) return undefined;
  const permissions = getValue(root, 'permissions');
  const allowNode = getValue(permissions, 'allow');
  return {
    root,
    permissions: isObject(permissions) ? permissions : undefined,
    allow: allowNode?.type === 'array' ? (allowNode.items ?? []).filter((n) => n.type === 'string') : [],
    allowNode: allowNode?.type === 'array' ? allowNode : undefined,
    defaultMode: getProp(permissions, 'defaultMode') ?? getProp(root, 'defaultMode'),
    enableAllProjectMcpServers: getProp(root, 'enableAllProjectMcpServers'),
  };
}

// ---------------------------------------------------------------------------------------------
// Function-calling and MCP tool schemas

export interface ToolDefinition {
  format: 'openai' | 'openai-legacy' | 'anthropic' | 'mcp';
  name: string;
  nameNode: DataNode;
  /** The definition object. */
  node: DataNode;
  description?: DataNode;
  /** parameters / input_schema / inputSchema. */
  schema?: DataNode;
}

function isSchema(n: DataNode | undefined): boolean {
  return isObject(n) && (getValue(n, 'type') !== undefined || getValue(n, 'properties') !== undefined || getValue(n, '$ref') !== undefined);
}

/** `"object": "response"`, `"chat.completion"`, `"list"`...: the envelope of a provider API response. */
function isApiResponseEnvelope(n: DataNode): boolean {
  const object = getValue(n, 'object');
  if (object?.type === 'string' && (getValue(n, 'id') !== undefined || getValue(n, 'created') !== undefined || getValue(n, 'created_at') !== undefined)) return true;
  // JSON-RPC response (an MCP `tools/list` result as a server sent it)
  if (getValue(n, 'jsonrpc') !== undefined && (getValue(n, 'result') !== undefined || getValue(n, 'error') !== undefined)) return true;
  // `{"result": {"tools": [...]}}` without the JSON-RPC header, as SDK tests record it
  const result = getValue(n, 'result');
  return isObject(result) && getValue(result, 'tools')?.type === 'array' && getValue(n, 'name') === undefined;
}

/** VCR/vcrpy/Polly cassettes and HAR logs: recorded HTTP interactions. */
function isRecordingRoot(n: DataNode): boolean {
  if (getValue(n, 'interactions')?.type === 'array' || getValue(n, 'http_interactions')?.type === 'array' || getValue(n, 'recordedRequests') !== undefined) return true;
  const log = getValue(n, 'log');
  return isObject(log) && getValue(log, 'entries')?.type === 'array';
}

/**
 * Is the data file recorded data rather than something a developer wrote: a file under a fixtures,
 * cassettes, recordings or snapshots folder, a HAR log or VCR cassette, or a document shaped as an API
 * response (a provider response envelope, a JSON-RPC `tools/list` result)? Tools listed there belong to
 * someone else's server as it answered once; they are not definitions given to this project's model.
 */
export function isRecordedData(view: DataView): boolean {
  if (roleFromPath(view.path) === 'fixture' || /\.har$/i.test(view.fileName)) return true;
  return view.roots.some((r: DataNode) => {
    // a list of recorded responses
    if (r.type === 'array') return (r.items ?? []).length > 0 && (r.items ?? []).every((i) => isObject(i) && isApiResponseEnvelope(i));
    return isObject(r) && (isApiResponseEnvelope(r) || isRecordingRoot(r));
  });
}

/**
 * Every tool definition in a data file: OpenAI, Anthropic and MCP `tools/list` shapes, at any depth.
 * Recorded data (isRecordedData) has none, and neither do `mcp_list_tools` items (a remote MCP server's
 * tool listing inside a model response).
 */
export function toolDefinitions(view: DataView): ToolDefinition[] {
  const out: ToolDefinition[] = [];
  if (isRecordedData(view)) return out;
  const seen = new Set<DataNode>();
  for (const root of view.roots) {
    walkData(root, (n) => {
      if (!isObject(n) || seen.has(n)) return;
      if (getValue(n, 'type')?.value === 'mcp_list_tools') {
        walkData(n, (inner) => { seen.add(inner); });
        return;
      }
      const nameNode = getValue(n, 'name');
      const type = getValue(n, 'type')?.value;
      const fn = getValue(n, 'function');
      if (type === 'function' && isObject(fn)) {
        const fnName = getValue(fn, 'name');
        if (fnName?.type === 'string') {
          seen.add(fn);
          out.push({ format: 'openai', name: String(fnName.value), nameNode: fnName, node: n, description: stringNode(getValue(fn, 'description')), schema: getValue(fn, 'parameters') });
        }
        return;
      }
      if (nameNode?.type !== 'string') return;
      const candidates: [ToolDefinition['format'], string][] = [['anthropic', 'input_schema'], ['mcp', 'inputSchema'], ['openai-legacy', 'parameters']];
      for (const [format, key] of candidates) {
        const schema = getValue(n, key);
        if (isSchema(schema) || (format === 'openai-legacy' && type === 'function' && schema)) {
          out.push({ format: format === 'openai-legacy' && type === 'function' ? 'openai' : format, name: String(nameNode.value), nameNode, node: n, description: stringNode(getValue(n, 'description')), schema });
          return;
        }
      }
    });
  }
  return out;
}

function stringNode(n: DataNode | undefined): DataNode | undefined {
  return n?.type === 'string' ? n : undefined;
}

/** Description strings inside a JSON schema (parameter descriptions are read by the model too). */
export function schemaDescriptions(schema: DataNode | undefined): DataNode[] {
  const out: DataNode[] = [];
  if (!schema) return out;
  walkData(schema, (n, key) => {
    if (key === 'description' && n.type === 'string') out.push(n);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Edit removing item `index` of an array node with its separating comma. */
export function removeArrayItem(view: DataView, array: DataNode, index: number): { start: number; end: number; newText: string } {
  const items = array.items ?? [];
  const item = items[index];
  if (items.length === 1) return { start: item.start, end: item.end, newText: '' };
  if (index > 0) return { start: items[index - 1].end, end: item.end, newText: '' };
  return { start: item.start, end: items[1].start, newText: '' };
}

/** Is this the loopback interface (where plain http is acceptable)? */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal';
}

// ---------------------------------------------------------------------------------------------
// Names, distances and property insertion (tool-schema and MCP catalogue rules)

/** Words of an identifier: `shellCommand`, `shell_command`, `shell-command` -> ['shell', 'command']. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance (insert, delete, substitute, swap two
 * neighbours), stopping early: returns `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], max + 1);
}

/** Indentation (spaces and tabs) of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * Edit adding `key: value` to an object node, in the node's own style: after the last member of a
 * JSON / flow object (on its own line when the object is multi-line), or as the first key of a YAML
 * block mapping. `jsonValue` is the value as JSON text (also valid YAML flow). Undefined when the
 * object cannot be edited safely (e.g. a trailing comma).
 */
export function insertPropertyEdit(view: DataView, obj: DataNode, key: string, jsonValue: string): TextEdit | undefined {
  if (obj.type !== 'object') return undefined;
  const text = view.text;
  const props = obj.properties ?? [];
  const flow = text[obj.start] === '{';
  const quotedKey = view.format === 'yaml' ? key : JSON.stringify(key);
  if (flow) {
    if (props.length === 0) {
      const close = text.lastIndexOf('}', obj.end);
      if (close <= obj.start) return undefined;
      return { start: obj.start + 1, end: close, newText: ` ${quotedKey}: ${jsonValue} ` };
    }
    const last = props[props.length - 1];
    let valueEnd = last.value.end;
    while (valueEnd > last.value.start && /[ \t\r\n]/.test(text[valueEnd - 1])) valueEnd--; // YAML ranges keep trailing spaces
    const after = text.slice(valueEnd, obj.end).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    if (/^\s*,/.test(after)) return undefined;
    const multiLine = text.slice(obj.start, last.keyStart).includes('\n');
    const sep = multiLine ? `\n${lineIndent(text, last.keyStart)}` : ' ';
    return { start: valueEnd, end: valueEnd, newText: `,${sep}${quotedKey}: ${jsonValue}` };
  }
  if (view.format !== 'yaml' || props.length === 0) return undefined;
  const first = props[0];
  const column = first.keyStart - (text.lastIndexOf('\n', first.keyStart - 1) + 1);
  return { start: first.keyStart, end: first.keyStart, newText: `${key}: ${jsonValue}\n${' '.repeat(column)}` };
}

/** The property of `parent` whose value is `node`. */
export function propertyOf(parent: DataNode | undefined, node: DataNode | undefined): DataProperty | undefined {
  return parent?.properties?.find((p) => p.value === node);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// A small offline catalogue of well-known MCP servers

/** What a server gives the agent, for lethal-trifecta reasoning. */
export type McpCapability = 'untrusted' | 'private' | 'outbound';

export interface KnownMcpServer {
  /** Short, human name shown in messages. */
  id: string;
  /** Exact npm / PyPI package names and container images (no version or tag). */
  packages: string[];
  /** Remote endpoints: host, optionally with a path prefix. */
  hosts?: string[];
  caps: McpCapability[];
}

/** Popular servers (reference servers, vendor servers, widely used community ones). */
export const KNOWN_MCP_SERVERS: readonly KnownMcpServer[] = [
  { id: 'filesystem', packages: ['@modelcontextprotocol/server-filesystem', 'mcp/filesystem'], caps: ['private'] },
  { id: 'github', packages: ['@modelcontextprotocol/server-github', 'ghcr.io/github/github-mcp-server', 'mcp/github', 'github-mcp-server'], hosts: ['api.githubcopilot.com/mcp'], caps: ['untrusted', 'private', 'outbound'] },
  { id: 'gitlab', packages: ['@modelcontextprotocol/server-gitlab', 'mcp/gitlab'], caps: ['untrusted', 'private', 'outbound'] },
  { id: 'git', packages: ['mcp-server-git', 'mcp/git'], caps: ['private'] },
  { id: 'slack', packages: ['@modelcontextprotocol/server-slack', 'mcp/slack', 'slack-mcp-server'], caps: ['untrusted', 'private', 'outbound'] },
  { id: 'fetch', packages: ['mcp-server-fetch', 'mcp/fetch', 'fetcher-mcp', '@kazuph/mcp-fetch'], caps: ['untrusted', 'outbound'] },
  { id: 'puppeteer', packages: ['@modelcontextprotocol/server-puppeteer', 'mcp/puppeteer'], caps: ['untrusted', 'outbound'] },
  { id: 'playwright', packages: ['@playwright/mcp', '@executeautomation/playwright-mcp-server', 'mcp/playwright'], caps: ['untrusted', 'outbound'] },
  { id: 'browserbase', packages: ['@browserbasehq/mcp-server-browserbase', '@browserbasehq/mcp'], caps: ['untrusted', 'outbound'] },
  { id: 'chrome-devtools', packages: ['chrome-devtools-mcp'], caps: ['untrusted', 'outbound'] },
  { id: 'firecrawl', packages: ['firecrawl-mcp'], caps: ['untrusted', 'outbound'] },
  { id: 'brave-search', packages: ['@modelcontextprotocol/server-brave-search', 'mcp/brave-search', '@brave/brave-search-mcp-server'], caps: ['untrusted'] },
  { id: 'tavily', packages: ['tavily-mcp'], hosts: ['mcp.tavily.com'], caps: ['untrusted'] },
  { id: 'exa', packages: ['exa-mcp-server'], hosts: ['mcp.exa.ai'], caps: ['untrusted'] },
  { id: 'context7', packages: ['@upstash/context7-mcp'], hosts: ['mcp.context7.com'], caps: ['untrusted'] },
  { id: 'postgres', packages: ['@modelcontextprotocol/server-postgres', 'mcp/postgres'], caps: ['private'] },
  { id: 'sqlite', packages: ['mcp-server-sqlite', 'mcp/sqlite'], caps: ['private'] },
  { id: 'redis', packages: ['@modelcontextprotocol/server-redis', 'mcp/redis'], caps: ['private'] },
  { id: 'supabase', packages: ['@supabase/mcp-server-supabase'], hosts: ['mcp.supabase.com'], caps: ['private'] },
  { id: 'gdrive', packages: ['@modelcontextprotocol/server-gdrive', 'mcp/gdrive'], caps: ['untrusted', 'private'] },
  { id: 'gmail', packages: ['@gongrzhe/server-gmail-autoauth-mcp'], caps: ['untrusted', 'private', 'outbound'] },
  { id: 'notion', packages: ['@notionhq/notion-mcp-server', 'mcp/notion'], hosts: ['mcp.notion.com'], caps: ['untrusted', 'private'] },
  { id: 'linear', packages: [], hosts: ['mcp.linear.app'], caps: ['untrusted', 'private'] },
  { id: 'atlassian', packages: [], hosts: ['mcp.atlassian.com'], caps: ['untrusted', 'private'] },
  { id: 'sentry', packages: ['mcp-server-sentry', '@sentry/mcp-server', 'mcp/sentry'], hosts: ['mcp.sentry.dev'], caps: ['untrusted', 'private'] },
  { id: 'stripe', packages: ['@stripe/mcp'], hosts: ['mcp.stripe.com'], caps: ['private', 'outbound'] },
  { id: 'desktop-commander', packages: ['@wonderwhy-er/desktop-commander'], caps: ['private', 'outbound'] },
  { id: 'google-maps', packages: ['@modelcontextprotocol/server-google-maps', 'mcp/google-maps'], caps: [] },
  { id: 'memory', packages: ['@modelcontextprotocol/server-memory', 'mcp/memory'], caps: [] },
  { id: 'everything', packages: ['@modelcontextprotocol/server-everything', 'mcp/everything'], caps: [] },
  { id: 'sequential-thinking', packages: ['@modelcontextprotocol/server-sequential-thinking', 'mcp/sequentialthinking'], caps: [] },
  { id: 'time', packages: ['mcp-server-time', 'mcp/time'], caps: [] },
  { id: 'aws-kb-retrieval', packages: ['@modelcontextprotocol/server-aws-kb-retrieval'], caps: ['private'] },
  { id: 'everart', packages: ['@modelcontextprotocol/server-everart'], caps: [] },
  { id: 'qdrant', packages: ['mcp-server-qdrant'], caps: ['private'] },
];

/** Capability guesses for servers not in the catalogue, from words in their name, package or URL. */
const CAPABILITY_WORDS: { re: RegExp; caps: McpCapability[] }[] = [
  { re: /\b(?:fetch|http-?client|curl|web-?fetch|url-?reader)\b/, caps: ['untrusted', 'outbound'] },
  { re: /\b(?:browser|puppeteer|playwright|selenium|chrome|crawl\w*|scrap\w*)\b/, caps: ['untrusted', 'outbound'] },
  { re: /\b(?:web-?search|search-?web|brave|tavily|serp\w*|perplexity|duckduckgo|bing|google-?search|exa)\b/, caps: ['untrusted'] },
  { re: /\b(?:slack|discord|teams|telegram|whatsapp|mattermost)\b/, caps: ['untrusted', 'private', 'outbound'] },
  { re: /\b(?:gmail|e-?mail|outlook|imap|smtp|mail|mailbox)\b/, caps: ['untrusted', 'private', 'outbound'] },
  { re: /\b(?:github|gitlab|bitbucket|gitea)\b/, caps: ['untrusted', 'private', 'outbound'] },
  { re: /\b(?:jira|linear|confluence|atlassian|notion|zendesk|intercom|sentry)\b/, caps: ['untrusted', 'private'] },
  { re: /\b(?:filesystem|file-?system|fs|files)\b/, caps: ['private'] },
  { re: /\b(?:postgres\w*|mysql|mariadb|sqlite\d*|mongo\w*|database|db|redis|supabase|snowflake|bigquery|mssql|sql-?server|oracle)\b/, caps: ['private'] },
  { re: /\b(?:gdrive|google-?drive|drive|dropbox|onedrive|sharepoint)\b/, caps: ['untrusted', 'private'] },
];

/** Where a configured server comes from: its package, container image or remote endpoint. */
export interface McpServerOrigin {
  /** Package name without version (npm / PyPI), with its token. */
  pkg?: { name: string; token: CommandToken; ecosystem: 'npm' | 'pypi' };
  /** Container image without tag or digest, with its token. */
  image?: { name: string; token: CommandToken };
  /** Host and path of a remote server's URL, lower-case. */
  endpoint?: string;
}

/** Package name of an npm / PyPI spec: `@scope/x@1.2.3` -> `@scope/x`, `x[cli]==1.0` -> `x`. */
export function packageName(spec: string, ecosystem: 'npm' | 'pypi'): string {
  if (ecosystem === 'npm') {
    const at = spec.lastIndexOf('@');
    return (at > 0 ? spec.slice(0, at) : spec).toLowerCase();
  }
  return spec.split(/[\[=<>!~@;\s]/)[0].toLowerCase().replace(/_/g, '-');
}

export function mcpServerOrigin(view: DataView, server: McpServer): McpServerOrigin {
  const out: McpServerOrigin = {};
  const tokens = expandedTokens(view, server);
  const launch = packageLaunch(tokens);
  if (launch && !/^(\.{0,2}\/|~\/|[A-Za-z]:[\\/]|file:|git\+|github:|https?:)/.test(launch.pkg.value)) {
    out.pkg = { name: packageName(launch.pkg.value, launch.ecosystem), token: launch.pkg, ecosystem: launch.ecosystem };
  }
  const docker = dockerRun(tokens);
  if (docker?.image) {
    const v = docker.image.value.replace(/@sha256:[0-9a-f]+$/i, '');
    const slash = v.lastIndexOf('/');
    const colon = v.indexOf(':', slash + 1);
    out.image = { name: (colon > 0 ? v.slice(0, colon) : v).toLowerCase().replace(/^docker\.io\/(library\/)?/, ''), token: docker.image };
  }
  const url = typeof server.url?.value === 'string' ? server.url.value : undefined;
  const remote = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)(?::\d+)?([^?#\s]*)/i.exec(url ?? '');
  if (remote) out.endpoint = (remote[1] + remote[2]).toLowerCase().replace(/\/+$/, '');
  // npx mcp-remote https://host/path: the remote endpoint is the server
  if (!out.endpoint && launch && /^mcp-remote$/i.test(packageName(launch.pkg.value, 'npm'))) {
    const u = launch.rest.find((t) => /^https?:\/\//i.test(t.value));
    const m = u && /^https?:\/\/([^/:?#\s]+)(?::\d+)?([^?#\s]*)/i.exec(u.value);
    if (m) out.endpoint = (m[1] + m[2]).toLowerCase().replace(/\/+$/, '');
  }
  return out;
}

/** The catalogue entry a server is, by exact package, image or endpoint; undefined when unknown. */
export function knownMcpServer(origin: McpServerOrigin): KnownMcpServer | undefined {
  return KNOWN_MCP_SERVERS.find((k) =>
    (origin.pkg && k.packages.includes(origin.pkg.name)) ||
    (origin.image && k.packages.includes(origin.image.name)) ||
    (origin.endpoint && (k.hosts ?? []).some((h) => origin.endpoint === h || origin.endpoint!.startsWith(h + '/'))));
}

/** What a server gives the agent: from the catalogue, else guessed from its name, package and URL. */
export function mcpServerCapabilities(view: DataView, server: McpServer): Set<McpCapability> {
  const origin = mcpServerOrigin(view, server);
  const known = knownMcpServer(origin);
  if (known) return new Set(known.caps);
  const words = [server.name, origin.pkg?.name, origin.image?.name, origin.endpoint]
    .filter((w): w is string => !!w)
    .map((w) => w.toLowerCase().replace(/[_./@:]+/g, ' '))
    .join(' ');
  const caps = new Set<McpCapability>();
  for (const { re, caps: c } of CAPABILITY_WORDS) if (re.test(words)) for (const x of c) caps.add(x);
  return caps;
}
