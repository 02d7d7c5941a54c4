/**
 * `aisec mcp`: AISec as an MCP server over stdio for coding agents (Claude Code, Cursor, VS Code, Cline...).
 * Read-only and offline: it analyses workspace files and snippets with the CLI's engine, config, packs and baseline,
 * and never writes a file, starts a process or opens a connection (test/unit/mcp.test.ts runs it under Node's
 * permission model without write, child-process or worker rights). Logs go to stderr; stdout carries the protocol.
 */
import * as path from 'path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { LineTransport } from './stdio';
import { registerAisecTools } from './tools';
import { AisecWorkspace, ToolInputError } from './workspace';

export interface McpCommandOptions {
  root?: string;
  configFile?: string;
  baseline?: string;
  allowExtendsOutside?: boolean;
  version: string;
}

const INSTRUCTIONS = `AISec reviews AI-integrating code (Python, JavaScript/TypeScript, notebooks), prompt templates, agent instructions and MCP/tool configurations for security problems, offline. Use scan_snippet on code before writing it and scan_file on files after editing them; each finding names its rule, explain_rule gives the lesson, and fix edits show the change that resolves it.`;

/** Start the server; resolves with the exit code when the client closes stdin. */
export async function mcpCommand(opts: McpCommandOptions): Promise<number> {
  let ws: AisecWorkspace;
  try {
    ws = new AisecWorkspace({ root: path.resolve(opts.root ?? process.cwd()), configFile: opts.configFile, baseline: opts.baseline, allowExtendsOutside: opts.allowExtendsOutside });
  } catch (e) {
    if (e instanceof ToolInputError) {
      process.stderr.write(`aisec mcp: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // stdout carries the protocol only: anything a library prints goes to stderr
  for (const k of ['log', 'info', 'debug'] as const) console[k] = (...a: unknown[]) => console.error(...a);
  // a failure inside one request must not end the session
  process.on('unhandledRejection', (e) => process.stderr.write(`aisec mcp: ${(e as Error)?.stack ?? String(e)}\n`));
  const server = new McpServer({ name: 'aisec', title: 'AISec', version: opts.version }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  registerAisecTools(server, ws);
  const transport = new LineTransport();
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await server.connect(transport);
  // the SDK sets onclose/onerror on connect: keep its handlers, add ours
  const sdkClose = transport.onclose;
  transport.onclose = () => {
    sdkClose?.();
    done();
  };
  const sdkError = transport.onerror;
  transport.onerror = (e) => {
    sdkError?.(e);
    process.stderr.write(`aisec mcp: ${e.message}\n`);
  };
  process.stderr.write(`aisec mcp ${opts.version}: serving ${ws.root} over stdio (read-only)\n`);
  // the parsers load in the background: the first scan waits for them, listing tools does not
  void ws.init().catch((e: Error) => process.stderr.write(`aisec mcp: cannot load the parsers: ${e.message}\n`));
  await finished;
  return 0;
}
