/**
 * The tools and resources of `aisec mcp`. Every tool only reads: it analyses text with AISec's rules and answers
 * with findings, lessons or settings. None writes a file, starts a process or uses the network, and the
 * annotations say so. test/unit/mcp.test.ts scans this file with AISec's own tool rules and expects no finding.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { AisecWorkspace } from './workspace';
import { SNIPPET_LANGUAGES, ToolInputError } from './workspace';

/** Only reads the workspace, gives the same answer for the same files, never reaches outside the machine. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** The largest snippet accepted over the protocol, in characters (the config's maxFileSize, 2 MB by default, applies too). */
export const MAX_SNIPPET_CHARS = 4 * 1024 * 1024;

function asResult(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) }] };
}

/** A tool's answer, or its error as a tool error the agent can read (bad input never ends the server). */
async function answer(run: () => unknown): Promise<CallToolResult> {
  try {
    return asResult(await run());
  } catch (e) {
    const message = e instanceof ToolInputError ? e.message : `internal error: ${(e as Error).message}`;
    return { isError: true, content: [{ type: 'text', text: `AISec: ${message}` }] };
  }
}

const RULE_ID = z.string().min(1).max(200).describe('An AISec rule id, e.g. llm-output-code-execution (list_rules gives them all)');

export function registerAisecTools(server: McpServer, ws: AisecWorkspace): void {
  server.registerTool(
    'scan_file',
    {
      title: 'Scan a workspace file with AISec',
      description:
        'Reviews one file of the workspace for AI security problems (model output reaching exec/SQL/HTML, unsafe model loading, prompt injection paths, secrets, MCP and agent config risks) with the same rules, configuration (.aisec.yaml), packs and baseline as the AISec CLI and editor. Returns the findings with 1-based ranges, severity, rule id, message and the edits of each available fix. Reads the file only; the path must be inside the workspace root.',
      inputSchema: z.strictObject({
        path: z.string().min(1).max(4096).describe('File path relative to the workspace root (or absolute inside it)'),
      }),
      annotations: { title: 'Scan a workspace file', ...READ_ONLY },
    },
    async ({ path }) => answer(() => ws.scanFile(path)),
  );

  server.registerTool(
    'scan_snippet',
    {
      title: 'Scan a code snippet with AISec',
      description:
        `Reviews code that is not on disk yet (for example a change you are about to write) as if it were the given file: that folder's configuration, rule packs, file role and the baseline apply. Give fileName (e.g. src/agent.py, .vscode/mcp.json; never read) or language (${Object.keys(SNIPPET_LANGUAGES).join(', ')}). Returns findings with 1-based ranges, severity, rule id, message and fix edits. Analyses the text only.`,
      inputSchema: z.strictObject({
        text: z.string().max(MAX_SNIPPET_CHARS).describe('The code or config text to review'),
        language: z.string().max(40).optional().describe('Language of the text when no fileName is given: python, javascript, typescript, json, yaml, prompt...'),
        fileName: z.string().max(4096).optional().describe('Where the text would live, relative to the workspace root (decides the config, the file role and the kind of file, e.g. .cursor/mcp.json)'),
      }),
      annotations: { title: 'Scan a snippet', ...READ_ONLY },
    },
    async ({ text, language, fileName }) => answer(() => ws.scanSnippet(text, language, fileName)),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain an AISec rule',
      description: 'Returns the lesson of an AISec rule as Markdown: what it finds, why it matters, vulnerable and fixed examples, how to fix it, when it is a false positive, its OWASP LLM Top 10 and CWE mapping, and the severity and policy link in force in this workspace.',
      inputSchema: z.strictObject({
        ruleId: RULE_ID,
        path: z.string().max(4096).optional().describe('Optional file or folder whose configuration to use (default: the workspace root)'),
      }),
      annotations: { title: 'Explain a rule', ...READ_ONLY },
    },
    async ({ ruleId, path }) => answer(() => ws.explainRule(ruleId, path)),
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List the AISec rules',
      description: 'Lists every rule in force at the workspace root (built-in and rule-pack rules): id, effective severity and where that setting came from, OWASP LLM category, fix kind and a one-line description.',
      inputSchema: z.strictObject({}),
      annotations: { title: 'List rules', ...READ_ONLY },
    },
    async () => answer(() => ws.listRules()),
  );

  server.registerTool(
    'show_config',
    {
      title: 'Show the effective AISec configuration',
      description: 'Shows the AISec configuration in force for the workspace root or a given file or folder: the .aisec.yaml files and packs loaded, their errors, ignore globs, file roles, policy links, config suppressions, size limit, baseline, and the rules turned off or changed from their defaults.',
      inputSchema: z.strictObject({
        path: z.string().max(4096).optional().describe('Optional file or folder relative to the workspace root (default: the root)'),
      }),
      annotations: { title: 'Show configuration', ...READ_ONLY },
    },
    async ({ path }) => answer(() => ws.effectiveConfig(path)),
  );

  server.registerResource(
    'rule-docs',
    new ResourceTemplate('aisec://rules/{ruleId}', {
      list: async () => ({
        resources: ws.ruleIds().map((r) => ({ uri: `aisec://rules/${r.id}`, name: r.id, description: r.description, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'AISec rule documentation', description: 'The documentation page of each AISec rule (Markdown)', mimeType: 'text/markdown' },
    async (uri, { ruleId }) => {
      const id = Array.isArray(ruleId) ? ruleId[0] : ruleId;
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: ws.ruleDoc(decodeURIComponent(String(id))) }] };
    },
  );
}
