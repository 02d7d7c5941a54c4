import {
  contentRange, editDistance, KNOWN_MCP_SERVERS, knownMcpServer, lineOf, mcpConfig, mcpServerOrigin, toolDefinitions,
} from '../../../server/src/analyzers/data/toolConfig';
import type { CommandToken } from '../../../server/src/analyzers/data/toolConfig';
import type { DataNode } from '../../../server/src/engine/views';
import { defineRule } from '../../../server/src/engine/rule';

const KNOWN_PACKAGES = KNOWN_MCP_SERVERS.flatMap((k) => k.packages);
const KNOWN_NAMES = KNOWN_MCP_SERVERS.map((k) => k.id);

/** Longer names tolerate two edits; short ones one, so `mcp-server-gitea` is not read as `mcp-server-git`. */
function allowedEdits(known: string): number {
  return known.length >= 16 ? 2 : 1;
}

/** The well-known package a spec is one or two typos away from (and not itself), if any. */
function typosquattedPackage(name: string): string | undefined {
  if (KNOWN_PACKAGES.includes(name)) return undefined;
  let best: { pkg: string; d: number } | undefined;
  for (const pkg of KNOWN_PACKAGES) {
    const max = allowedEdits(pkg);
    const d = editDistance(name, pkg, max);
    if (d >= 1 && d <= max && (!best || d < best.d)) best = { pkg, d };
  }
  return best?.pkg;
}

/** The well-known server a config label imitates (`githib`, `filesytem`), if any. */
function typosquattedName(label: string): string | undefined {
  const core = label.toLowerCase().replace(/^mcp[-_]|[-_]mcp$|[-_]server$/g, '');
  if (core.length < 6 || KNOWN_NAMES.includes(core)) return undefined;
  for (const known of KNOWN_NAMES) {
    if (known.length < 6 || known[0] !== core[0]) continue;
    if (core.startsWith(known) && /^([-_ .]|\d+$)/.test(core.slice(known.length))) continue; // github-work, sqlite3
    const max = known.length >= 9 ? 2 : 1;
    const d = editDistance(core, known, max);
    if (d >= 1 && d <= max) return known;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'mcp-tool-name-shadowing',
    name: 'McpToolNameShadowing',
    shortDescription: 'An MCP server or tool imitates a well-known one: a typosquatted package or server name, or two tools with the same name in one tool list.',
    fullDescription: 'Agents pick tools by name and users approve servers by name. A package one keystroke away from a popular MCP server (`@modelcontextprotocol/server-filesytem`), a server label imitating a known one (`githib`) or a second tool reusing another tool\'s name lets a look-alike run with your credentials or silently replace the tool the agent meant to call. Install servers by their exact published name and keep tool names unique.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM03'],
    cwe: [1357, 494],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3'] },
    fix: 'suggestion',
    messages: {
      packageTyposquat: '"{{found}}" is {{distance}} away from the well-known MCP server package "{{known}}": a typosquatted package runs with your credentials. Check the name.',
      nameTyposquat: 'MCP server "{{found}}" is named like the well-known "{{known}}" server but does not run its package: check that this is the server you meant to install.',
      duplicateTool: 'Tool "{{tool}}" is defined again here (first at line {{line}}): the later definition shadows the earlier one, and the model cannot tell which one it calls.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const config = mcpConfig(view);
      for (const server of config?.servers ?? []) {
        const origin = mcpServerOrigin(view, server);
        const spec: { name: string; token: CommandToken } | undefined = origin.pkg ?? origin.image;
        let squatted = false;
        if (spec) {
          const known = typosquattedPackage(spec.name);
          if (known) {
            squatted = true;
            const t = spec.token;
            const offset = t.value.toLowerCase().indexOf(spec.name);
            // report the package name only, not its version
            const start = offset >= 0 && t.end - t.start === t.value.length ? t.start + offset : t.start;
            const end = offset >= 0 && t.end - t.start === t.value.length ? start + spec.name.length : t.end;
            const d = editDistance(spec.name, known, 2);
            ctx.report({
              messageId: 'packageTyposquat',
              data: { found: spec.name, known, distance: d === 1 ? 'one edit' : 'two edits' },
              start, end,
              fixes: [{ title: `Use ${known}`, kind: 'suggestion', edits: [{ start, end, newText: known }] }],
            });
          }
        }
        if (!squatted && !knownMcpServer(origin)) {
          const known = typosquattedName(server.name);
          if (known) ctx.report({ messageId: 'nameTyposquat', data: { found: server.name, known }, start: server.nameStart, end: server.nameEnd });
        }
      }
      // tool lists: the same name twice among sibling definitions
      const firstByList = new Map<DataNode | undefined, Map<string, DataNode>>();
      for (const t of toolDefinitions(view)) {
        const list = t.node.parent;
        const seen = firstByList.get(list) ?? new Map<string, DataNode>();
        firstByList.set(list, seen);
        const first = seen.get(t.name);
        if (!first) { seen.set(t.name, t.nameNode); continue; }
        const r = contentRange(view, t.nameNode);
        ctx.report({ messageId: 'duplicateTool', data: { tool: t.name, line: lineOf(view.text, first.start) }, start: r.start, end: r.end });
      }
    },
  },
});
