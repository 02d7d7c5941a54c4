/**
 * A minimal LSP test client: spawns the built language server over stdio and speaks JSON-RPC with
 * vscode-jsonrpc. It answers the server's requests (workspace/configuration, client/registerCapability,
 * window/workDoneProgress/create), records every publishDiagnostics, and lets tests wait for a publish
 * matching a predicate (never a fixed sleep).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationToken, createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, CodeAction, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol';
import { SERVER } from './cli';

export interface LspClientOptions {
  /** Workspace folder (absolute path). */
  root: string;
  /** Declare pull diagnostics support (textDocument.diagnostic). */
  pull?: boolean;
  /** Declare workspace/configuration support; `settings` is what the client answers. */
  configuration?: boolean;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Send no workspace folder and no rootUri (single-file mode, as some editors do). */
  noWorkspace?: boolean;
}

interface Waiter {
  uri: string;
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export function uriOf(abs: string): string {
  return pathToFileURL(abs).toString();
}

export function languageIdOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const map: Record<string, string> = { '.py': 'python', '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.json': 'json', '.jsonc': 'jsonc', '.yaml': 'yaml', '.yml': 'yaml', '.md': 'markdown', '.prompty': 'prompty' };
  return map[ext] ?? 'plaintext';
}

export class LspClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly messages: { type: number; message: string }[] = [];
  /** Every $/progress notification, in order. */
  readonly progress: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean } }[] = [];
  stderr = '';
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  initializeResult!: InitializeResult;
  private proc!: ChildProcess;
  private conn!: MessageConnection;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  constructor(readonly opts: LspClientOptions) {}

  async start(): Promise<this> {
    // the node flags the VS Code client starts the server with (idle collections included: server/src/lsp/idleGc.ts)
    this.proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { cwd: this.opts.root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', (code, signal) => (this.exited = { code, signal }));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publishes.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('$/progress', (p: LspClient['progress'][number]) => {
      this.progress.push(p);
      this.onProgress?.(p);
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(p);
      return p.items.map(() => this.opts.settings ?? {});
    });
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p);
      return null;
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.listen();

    const capabilities: ClientCapabilities = {
      workspace: { configuration: !!this.opts.configuration, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: false, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(this.opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    this.initializeResult = await this.withTimeout(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: this.opts.noWorkspace ? null : uriOf(this.opts.root),
        workspaceFolders: this.opts.noWorkspace ? null : [{ uri: uriOf(this.opts.root), name: path.basename(this.opts.root) }],
        capabilities,
        initializationOptions: this.opts.initializationOptions,
      }),
      15_000,
      'initialize',
    );
    await this.conn.sendNotification('initialized', {});
    return this;
  }

  private withTimeout<T>(p: Promise<T> | Thenable<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${this.exited ? ` (server exited ${JSON.stringify(this.exited)})` : ''}\nserver stderr:\n${this.stderr.slice(-3000)}`)), ms);
      Promise.resolve(p).then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e) => {
          clearTimeout(t);
          reject(e);
        },
      );
    });
  }

  request<T>(method: string, params: unknown, ms = 15_000, token?: CancellationToken): Promise<T> {
    return this.withTimeout((token ? this.conn.sendRequest(method, params, token) : this.conn.sendRequest(method, params)) as Promise<T>, ms, method);
  }

  /** Called with each $/progress notification as it arrives. */
  onProgress: ((p: LspClient['progress'][number]) => void) | undefined;

  /** The next publish for `uri` matching `pred`, including one already received after index `since`. */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 15_000, since = 0): Promise<PublishDiagnosticsParams> {
    const already = this.publishes.slice(since).find((p) => p.uri === uri && pred(p));
    if (already) return Promise.resolve(already);
    return this.withTimeout(new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ uri, pred, resolve })), ms, `publishDiagnostics for ${uri}`);
  }

  /** didOpen and wait for the publish of that version. */
  async open(abs: string, text = fs.readFileSync(abs, 'utf8'), languageId = languageIdOf(abs)): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(abs);
    const since = this.publishes.length;
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.waitForDiagnostics(uri, (p) => p.version === 1 || p.version === undefined, 15_000, since);
  }

  /** Full-text didChange (the server accepts incremental sync, whose range-less form replaces the text). Returns the new version. */
  async change(abs: string, text: string): Promise<number> {
    const uri = uriOf(abs);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async close(abs: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(abs) } });
  }

  codeActions(abs: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(abs) }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  hover(abs: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(abs) }, position });
  }

  async stop(): Promise<void> {
    if (!this.proc || this.exited) return;
    try {
      await this.request('shutdown', null, 5_000);
      await this.conn.sendNotification('exit');
    } catch {
      // fall through to kill
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.proc.kill();
        resolve();
      }, 3_000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}

/** Apply LSP TextEdits (non-overlapping) to text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= lineStarts.length ? text.length : Math.min(lineStarts[p.line] + p.character, text.length));
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The TextEdits of a WorkspaceEdit for one uri (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}
