import * as path from 'path';
import { ExtensionContext, workspace } from 'vscode';
import type { DocumentSelector, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { SCAN_WORKSPACE_COMMAND, SERVER_NODE_FLAGS } from '../../server/src/protocol';
import { runWorkspaceScan } from './guide/scan';

let client: LanguageClient | undefined;

/** Every language id these files open with in VS Code 1.100, plus file patterns for the rest. */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'json', 'jsonc', 'yaml', 'markdown', 'prompt', 'instructions', 'chatmode', 'jinja', 'handlebars', 'prompty', 'plaintext'].map((language) => ({ scheme: 'file', language })),
  { scheme: 'untitled', language: 'python' },
  { scheme: 'untitled', language: 'typescript' },
  { scheme: 'untitled', language: 'javascript' },
  { notebook: '*', language: 'python' },
  { scheme: 'file', pattern: '**/*.{prompty,prompt,jinja,jinja2,j2,mustache,hbs,handlebars,mdc,ipynb}' },
  { scheme: 'file', pattern: '**/{.cursorrules,.windsurfrules,.clinerules,AGENTS.md,CLAUDE.md,GEMINI.md}' },
];

export async function startLanguageClient(context: ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/.aisec.{yaml,yml,json}') },
    // guided fixes ask for their values (guide/guidedFixes.ts); lessons: hover and rule-id links open aisec.showLesson
    // Restricted Mode (untrusted workspace): the server uses built-in rules only (package.json capabilities.untrustedWorkspaces)
    initializationOptions: () => ({ suppressPrompt: true, guidedFixes: true, lessons: true, restricted: !workspace.isTrusted }),
    // hovers may run exactly one command: the lesson link
    markdown: { isTrusted: { enabledCommands: ['aisec.showLesson'] } },
    diagnosticCollectionName: 'aisec',
    // "Scan workspace" with a cancellable progress notification and a summary (guide/scan.ts)
    middleware: { executeCommand: (command, args, next) => (command === SCAN_WORKSPACE_COMMAND && client ? runWorkspaceScan(client, command, args) : next(command, args)) },
  };
  client = new LanguageClient('aisec', 'AISec', serverOptions, clientOptions);
  await client.start();
  // trust granted later: restart so the server loads the workspace's packs, config and baseline
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  return client;
}

export function stopLanguageClient(): Promise<void> | undefined {
  return client?.stop();
}
