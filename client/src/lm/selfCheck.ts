/**
 * Test mode only (the e2e test starts code-server with AISEC_E2E_OUT=<dir>): the command `aisec.e2e.lmSelfCheck` runs in
 * the extension host what a test cannot reach from the browser: `vscode.lm.tools`, `vscode.lm.invokeTool` on the
 * registered tool, the Problems panel's diagnostics (`languages.getDiagnostics`) of the same files, and the `@aisec`
 * handler. It reads `<dir>/lmtool-request.json` and writes `<dir>/lmtool-result.json`; test/e2e/parts/lmtool.mjs asserts.
 * Without AISEC_E2E_OUT nothing here is registered (the palette entry is hidden by the `aisec.e2e` context key).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ChatRequest, ChatRequestHandler, ChatResponseStream, Command, ExtensionContext } from 'vscode';
import { CancellationTokenSource, chat, commands, languages, LanguageModelTextPart, lm, Selection, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FINDING_LINE, TOOL_NAME } from './findings';
import { APPLY_FIX_COMMAND } from './chat';
import { observeChatRequests } from './participant';
import { createCheckTool } from './tool';

export const SELF_CHECK_COMMAND = 'aisec.e2e.lmSelfCheck';

interface SelfCheckRequest {
  files: string[];
  /** A rule for `@aisec /explain <rule>`. */
  explainRule: string;
  /** A file and rule for `/fix` with the cursor on that finding. */
  fix: { file: string; ruleId: string };
}

type Key = { ruleId: string; range: [number, number, number, number] };
const key = (k: Key) => `${k.ruleId}@${k.range.join(':')}`;

function textOf(result: { content: unknown[] }): string {
  return result.content.map((p) => (p instanceof LanguageModelTextPart ? p.value : typeof (p as { value?: unknown }).value === 'string' ? (p as { value: string }).value : '')).join('\n');
}

/** The findings the tool listed, read back from its answer (1-based, end exclusive, as printed). */
function parseTool(text: string): Key[] {
  return text.split('\n').map((l) => FINDING_LINE.exec(l)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ ruleId: m[7], range: [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])] }));
}

function panelOf(uri: Uri): Key[] {
  return languages.getDiagnostics(uri).filter((d) => d.source === 'aisec').map((d) => ({
    ruleId: String(typeof d.code === 'object' && d.code ? d.code.value : d.code),
    range: [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
  }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class RecordingStream {
  readonly markdown: string[] = [];
  readonly buttons: Command[] = [];
  readonly other: string[] = [];
  asStream(): ChatResponseStream {
    const push = (kind: string) => () => { this.other.push(kind); };
    return {
      markdown: (v: unknown) => { this.markdown.push(typeof v === 'string' ? v : String((v as { value?: string }).value ?? '')); },
      button: (c: Command) => { this.buttons.push(c); },
      anchor: push('anchor'), filetree: push('filetree'), progress: push('progress'), reference: push('reference'), push: push('push'),
    } as unknown as ChatResponseStream;
  }
}

export function registerSelfCheck(context: ExtensionContext, client: LanguageClient, chatHandler: ChatRequestHandler | undefined): void {
  const out = process.env.AISEC_E2E_OUT;
  if (!out || !path.isAbsolute(out)) return;
  void commands.executeCommand('setContext', 'aisec.e2e', true);
  context.subscriptions.push(commands.registerCommand(SELF_CHECK_COMMAND, async () => {
    const result: Record<string, unknown> = { startedAt: new Date().toISOString() };
    const write = () => fs.writeFileSync(path.join(out, 'lmtool-result.json'), JSON.stringify(result, null, 2));
    try {
      const req = JSON.parse(fs.readFileSync(path.join(out, 'lmtool-request.json'), 'utf8')) as SelfCheckRequest;
      const root = workspace.workspaceFolders?.[0]?.uri;
      if (!root) throw new Error('no workspace folder');
      result.api = {
        registerTool: typeof lm?.registerTool, tools: Array.isArray(lm?.tools), invokeTool: typeof lm?.invokeTool,
        selectChatModels: typeof lm?.selectChatModels, createChatParticipant: typeof chat?.createChatParticipant,
      };
      result.tools = (lm.tools ?? []).filter((t) => t.name.startsWith('aisec')).map((t) => ({ name: t.name, description: t.description, tags: t.tags, inputSchema: t.inputSchema }));
      result.models = await lm.selectChatModels().then((ms) => ms.map((m) => `${m.vendor}/${m.id}`), (e: Error) => `error: ${e.message}`);
      const invoke = async (input: object) => textOf(await lm.invokeTool(TOOL_NAME, { input, toolInvocationToken: undefined }));
      const token = new CancellationTokenSource().token;

      // per file: the tool's findings and the Problems panel's (waiting until the panel has them, at most 30 s)
      const files: Record<string, unknown>[] = [];
      for (const f of req.files) {
        const uri = Uri.joinPath(root, f);
        await window.showTextDocument(await workspace.openTextDocument(uri), { preview: false });
        const t0 = Date.now();
        const text = await invoke({ files: [f] });
        const tool = parseTool(text);
        const want = tool.map(key).sort().join(',');
        let panel = panelOf(uri);
        while (panel.map(key).sort().join(',') !== want && Date.now() - t0 < 30_000) { await sleep(200); panel = panelOf(uri); }
        // stable for 1 s more (a late publish would show here)
        await sleep(1000);
        panel = panelOf(uri);
        files.push({ file: f, text, tool, panel, same: panel.map(key).sort().join(',') === want, ms: Date.now() - t0 });
      }
      result.files = files;
      result.multi = await invoke({ files: req.files });
      result.snippet = await invoke({ text: 'import torch\n\ndef load(path):\n    return torch.load(path)\n', languageId: 'python' });
      result.outside = await invoke({ files: ['../outside.py'] });
      result.invalid = await invoke({ files: 'app.py' });
      const tool = createCheckTool(client);
      result.prepare = await Promise.resolve(tool.prepareInvocation?.({ input: { files: [req.files[0]] } }, token));

      // @aisec: registered, and its handler's offline answers (no chat model in code-server)
      result.participant = { registered: !!chatHandler, chatOpenCommand: (await commands.getCommands(true)).filter((c) => /^workbench\.action\.chat\.open$/.test(c)) };
      if (chatHandler) {
        const ask = async (prompt: string, command: string | undefined, model?: unknown) => {
          const s = new RecordingStream();
          const r = await chatHandler({ prompt, command, references: [], toolReferences: [], toolInvocationToken: undefined, model } as unknown as ChatRequest, { history: [] }, s.asStream(), token);
          return { markdown: s.markdown.join(''), buttons: s.buttons.map((b) => ({ title: b.title, command: b.command, arguments: b.arguments })), result: r ?? null };
        };
        result.explain = await ask(req.explainRule, 'explain');
        const uri = Uri.joinPath(root, req.fix.file);
        const editor = await window.showTextDocument(await workspace.openTextDocument(uri), { preview: false });
        const t0 = Date.now();
        let d = languages.getDiagnostics(uri).find((x) => x.source === 'aisec' && String(typeof x.code === 'object' && x.code ? x.code.value : x.code) === req.fix.ruleId);
        while (!d && Date.now() - t0 < 30_000) { await sleep(200); d = languages.getDiagnostics(uri).find((x) => x.source === 'aisec' && String(typeof x.code === 'object' && x.code ? x.code.value : x.code) === req.fix.ruleId); }
        if (d) {
          editor.selection = new Selection(d.range.start, d.range.start);
          result.fix = await ask('', 'fix');
          result.explainAtCursor = await ask('why is this a problem?', 'explain');
          // code-server has no chat model: a stand-in records what a model would be sent and answers one line
          const sent: string[][] = [];
          const fake = (fail: boolean) => ({
            vendor: 'aisec-e2e', id: fail ? 'failing' : 'recording', family: 'test', name: 'stand-in', version: '1', maxInputTokens: 100000,
            countTokens: async () => 0,
            sendRequest: async (messages: { role: number; content: unknown[] }[]) => {
              sent.push(messages.map((m) => `${m.role}:${m.content.map((c) => (c as { value?: string }).value ?? '').join('')}`));
              if (fail) throw new Error('no quota (stand-in)');
              return { text: (async function* () { yield 'STAND-IN MODEL ANSWER'; })(), stream: (async function* () { /* unused */ })() };
            },
          });
          result.explainWithModel = { ...(await ask('can I keep this?', 'explain', fake(false))), sent: sent.splice(0) };
          result.fixWithModel = { ...(await ask('', 'fix', fake(false))), sent: sent.splice(0) };
          result.explainModelFails = { ...(await ask('why?', 'explain', fake(true))), sent: sent.splice(0) };
          // the /fix button: the editor's own quick fix, applied to the document (then reverted: nothing is saved)
          const button = (result.fix as { buttons: { command: string; arguments?: unknown[] }[] }).buttons.find((b) => b.command === APPLY_FIX_COMMAND);
          if (button) {
            const before = editor.document.getText();
            const applied = await commands.executeCommand<{ applied: boolean; reason?: string }>(button.command, ...(button.arguments ?? []));
            const after = window.activeTextEditor?.document.getText() ?? '';
            result.applyFix = { applied, changed: after !== before, after, dirty: window.activeTextEditor?.document.isDirty };
            await commands.executeCommand('workbench.action.files.revert');
            result.applyFix = { ...(result.applyFix as object), reverted: (await workspace.openTextDocument(uri)).getText() === before };
          }
        } else result.fix = { error: `no ${req.fix.ruleId} diagnostic in ${req.fix.file}` };
        // the chat view: does a request typed there reach @aisec? (code-server has no chat model and no Copilot)
        const seen: unknown[] = [];
        observeChatRequests((x) => seen.push(x));
        try {
          await commands.executeCommand('workbench.action.chat.open', { query: `@aisec /explain ${req.fix.ruleId}`, isPartialQuery: false });
          const t1 = Date.now();
          while (!seen.length && Date.now() - t1 < 10_000) await sleep(200);
          result.chatView = { opened: true, requests: seen };
        } catch (e) {
          result.chatView = { opened: false, error: (e as Error).message, requests: seen };
        } finally {
          observeChatRequests(undefined);
        }
      }
    } catch (e) {
      result.error = (e as Error).stack ?? String(e);
    }
    result.finishedAt = new Date().toISOString();
    write();
    void window.showInformationMessage('AISec self-check written');
  }));
}
