/**
 * The language-model tool `aisec_check` (package.json `languageModelTools`): Copilot agent mode (or any extension through
 * `vscode.lm.invokeTool`) checks files or a snippet and gets AISec's findings as text. Read-only: it opens the files as
 * documents (as Quick Open would, without showing them) and asks the language server for their diagnostics
 * (`aisec/diagnostics`), so the answer is what the Problems panel shows: same server, same config, same analysis.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CancellationToken, Disposable, LanguageModelTool, LanguageModelToolInvocationOptions, LanguageModelToolInvocationPrepareOptions, PreparedToolInvocation, TextDocument } from 'vscode';
import { LanguageModelTextPart, LanguageModelToolResult, lm, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTICS_REQUEST } from '../../../server/src/protocol/diagnostics';
import type { DocumentDiagnosticsParams, DocumentDiagnosticsResponse } from '../../../server/src/protocol/diagnostics';
import type { FileFindings, ToolRequest } from './findings';
import { formatFindings, invocationMessage, parseToolInput, resolveWorkspacePath, snippetFileName, TOOL_NAME } from './findings';

/** Files larger than this are not opened (VS Code's own limit for extensions is 50 MB; the editor limits apply below it). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function fileRoots(): string[] {
  return (workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

function relName(doc: TextDocument): string {
  return doc.uri.scheme === 'file' ? workspace.asRelativePath(doc.uri, (workspace.workspaceFolders?.length ?? 0) > 1) : doc.uri.toString();
}

async function diagnosticsOf(client: LanguageClient, params: DocumentDiagnosticsParams, token: CancellationToken): Promise<DocumentDiagnosticsResponse | null> {
  return client.sendRequest<DocumentDiagnosticsResponse | null>(DIAGNOSTICS_REQUEST, params, token);
}

/** The findings of one request, per file (used by the tool and by the e2e self-check). */
export async function checkRequest(client: LanguageClient, req: ToolRequest, token: CancellationToken): Promise<FileFindings[]> {
  if (req.kind === 'text') {
    const name = req.fileName ?? snippetFileName(req.languageId);
    const roots = fileRoots();
    const uri = roots.length ? Uri.file(path.join(roots[0], name)).toString() : `untitled:${name}`;
    const r = await diagnosticsOf(client, { uri, languageId: req.languageId, text: req.text, snippet: true }, token);
    return [{ path: `${name} (snippet)`, diagnostics: r?.diagnostics ?? [], ...(r && !r.analysed ? { error: 'AISec is turned off for this file (aisec.enable).' } : {}) }];
  }
  const docs: { name: string; doc?: TextDocument; error?: string }[] = [];
  if (req.kind === 'active') {
    const doc = window.activeTextEditor?.document;
    docs.push(doc ? { name: relName(doc), doc } : { name: '(active editor)', error: 'no file is open in the editor: pass files.' });
  } else {
    const roots = fileRoots();
    for (const f of req.files) {
      const r = resolveWorkspacePath(f, roots, (abs) => fs.existsSync(abs));
      if ('error' in r) { docs.push({ name: f, error: r.error }); continue; }
      let st: fs.Stats | undefined;
      try { st = fs.statSync(r.abs); } catch { /* missing */ }
      if (!st?.isFile()) { docs.push({ name: r.rel, error: st ? 'not a file.' : 'no such file.' }); continue; }
      if (st.size > MAX_FILE_BYTES) { docs.push({ name: r.rel, error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` }); continue; }
      try {
        // opening a document reads it; the language client sends it to the server as the editor would
        docs.push({ name: r.rel, doc: await workspace.openTextDocument(Uri.file(r.abs)) });
      } catch (e) {
        docs.push({ name: r.rel, error: `could not be opened: ${(e as Error).message}` });
      }
    }
  }
  const out: FileFindings[] = [];
  for (const d of docs) {
    if (token.isCancellationRequested) break;
    if (!d.doc) { out.push({ path: d.name, diagnostics: [], error: d.error }); continue; }
    const r = await diagnosticsOf(client, { uri: d.doc.uri.toString(), languageId: d.doc.languageId, text: d.doc.getText() }, token);
    out.push({ path: d.name, diagnostics: r?.diagnostics ?? [], ...(!r || !r.analysed ? { error: 'AISec is turned off for this file (aisec.enable) or it is not a file AISec analyses.' } : {}) });
  }
  return out;
}

export function createCheckTool(client: LanguageClient): LanguageModelTool<unknown> {
  return {
    prepareInvocation(options: LanguageModelToolInvocationPrepareOptions<unknown>): PreparedToolInvocation {
      const req = parseToolInput(options.input);
      const active = window.activeTextEditor?.document;
      // read-only and offline: no confirmation needed
      return { invocationMessage: 'error' in req ? 'AISec: checking' : invocationMessage(req, active ? relName(active) : undefined) };
    },
    async invoke(options: LanguageModelToolInvocationOptions<unknown>, token: CancellationToken): Promise<LanguageModelToolResult> {
      const req = parseToolInput(options.input);
      if ('error' in req) return new LanguageModelToolResult([new LanguageModelTextPart(`AISec: invalid input. ${req.error}`)]);
      const files = await checkRequest(client, req, token);
      return new LanguageModelToolResult([new LanguageModelTextPart(formatFindings(files))]);
    },
  };
}

export function registerCheckTool(client: LanguageClient): Disposable | undefined {
  if (typeof lm?.registerTool !== 'function') return undefined; // a host without the language-model tools API
  return lm.registerTool(TOOL_NAME, createCheckTool(client));
}
