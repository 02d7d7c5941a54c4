/**
 * `@aisec` in the chat view (package.json `chatParticipants`): `/explain` a rule or the finding at the cursor, `/fix`
 * the finding at the cursor. Grounded in the rule docs only: the lesson the server builds from rules/<pack>/<id>/<id>.md
 * (`aisec/lesson`, the same text as the lesson view). With a chat model, the model gets that doc, the finding and the
 * question, and nothing else; without one (or when it fails), the answer is the lesson text itself with a button that
 * opens the lesson view. The fix is never written by the model: /fix shows the server's deterministic fix and offers
 * the editor's quick fix as a button.
 */
import type { CancellationToken, ChatRequest, ChatRequestHandler, ChatResponseStream, CodeAction, Command, Diagnostic, Disposable, ExtensionContext, LanguageModelChat, Range as VsRange, TextEditor } from 'vscode';
import { chat, CodeActionKind, commands, LanguageModelChatMessage, languages, lm, Range, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LessonParams, LessonResponse, WireRange } from '../../../server/src/protocol/lesson';
import { LESSON_REQUEST, SHOW_LESSON_COMMAND } from '../../../server/src/protocol/lesson';
import type { ApplyFixArgs, ChatCommand } from './chat';
import { APPLY_FIX_COMMAND, fixAnswer, groundedPrompt, HELP, lessonAnswer, PARTICIPANT_ID, ruleIdCandidates } from './chat';

const wire = (r: VsRange): WireRange => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
const codeOf = (d: Diagnostic) => (typeof d.code === 'object' && d.code ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined);

/** The AISec finding at the cursor of `editor`: one containing the cursor, else one on the cursor's line. */
export function findingAtCursor(editor: TextEditor | undefined, languages: { getDiagnostics(uri: Uri): Diagnostic[] }): { uri: string; range: WireRange; ruleId: string } | undefined {
  if (!editor) return undefined;
  const pos = editor.selection.active;
  const ours = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'aisec' && codeOf(d));
  const d = ours.find((x) => x.range.contains(pos)) ?? ours.find((x) => x.range.start.line <= pos.line && pos.line <= x.range.end.line);
  return d ? { uri: editor.document.uri.toString(), range: wire(d.range), ruleId: codeOf(d)! } : undefined;
}

export interface ChatDeps {
  client: LanguageClient;
  /** The finding at the cursor (injectable for the e2e self-check). */
  cursorFinding: () => { uri: string; range: WireRange; ruleId: string } | undefined;
  /** Chat models when the request carries none (`lm.selectChatModels`). */
  selectModels: () => Thenable<LanguageModelChat[]>;
}

/** Test mode (selfCheck.ts): told of each request the participant gets from the chat view. */
let observer: ((r: { prompt: string; command: string | undefined; model: string | undefined }) => void) | undefined;
export function observeChatRequests(fn: typeof observer): void {
  observer = fn;
}

export function createHandler(deps: ChatDeps): ChatRequestHandler {
  return async (request: ChatRequest, _context, stream: ChatResponseStream, token: CancellationToken) => {
    observer?.({ prompt: request.prompt, command: request.command, model: request.model ? `${request.model.vendor}/${request.model.id}` : undefined });
    const command: ChatCommand = request.command === 'fix' ? 'fix' : request.command === 'explain' ? 'explain' : undefined;
    // the rule: one the question names, else the finding at the cursor
    let lesson: LessonResponse | null = null;
    let finding: { uri: string; range: WireRange; ruleId: string } | undefined;
    for (const id of ruleIdCandidates(request.prompt)) {
      const here = deps.cursorFinding();
      const params: LessonParams = here && here.ruleId === id ? { ruleId: id, uri: here.uri, range: here.range } : { ruleId: id };
      lesson = await deps.client.sendRequest<LessonResponse | null>(LESSON_REQUEST, params, token);
      if (lesson) { finding = params.uri ? here : undefined; break; }
    }
    if (!lesson) {
      finding = deps.cursorFinding();
      if (finding) lesson = await deps.client.sendRequest<LessonResponse | null>(LESSON_REQUEST, { ruleId: finding.ruleId, uri: finding.uri, range: finding.range } satisfies LessonParams, token);
    }
    if (!lesson) {
      stream.markdown(`${command === 'fix' ? 'No AISec finding at the cursor. ' : 'Name an AISec rule or put the cursor on an AISec finding. '}\n\n${HELP}`);
      return { metadata: { aisec: { answered: 'help' } } };
    }
    const l = lesson.lesson;
    const mine = lesson.yourCode ? { yourCode: lesson.yourCode, file: workspace.asRelativePath(Uri.parse(lesson.yourCode.uri)) } : undefined;
    const lessonButton: Command = { command: SHOW_LESSON_COMMAND, title: `Open the lesson: ${l.ruleId}`, arguments: mine ? [l.ruleId, { uri: mine.yourCode.uri, range: mine.yourCode.range }] : [l.ruleId] };
    const fixButton: Command | undefined = mine?.yourCode.fix
      ? { command: APPLY_FIX_COMMAND, title: `Apply the quick fix: ${mine.yourCode.fix.title}`, arguments: [{ uri: mine.yourCode.uri, range: mine.yourCode.range, ruleId: l.ruleId, title: mine.yourCode.fix.title } satisfies ApplyFixArgs] }
      : undefined;

    // a chat model: the one of the request, else any the host offers
    let model: LanguageModelChat | undefined = request.model;
    if (!model) model = (await Promise.resolve(deps.selectModels()).catch(() => []))[0];
    let modelAnswered = false;
    if (model) {
      try {
        const r = await model.sendRequest([LanguageModelChatMessage.User(groundedPrompt(l, mine, request.prompt, command))], { justification: 'AISec explains its finding from the rule documentation.' }, token);
        for await (const part of r.text) { stream.markdown(part); modelAnswered = true; }
        if (modelAnswered) stream.markdown(`\n\n_Source: the AISec rule documentation of \`${l.ruleId}\`${mine ? ' and this finding' : ''}._`);
      } catch (e) {
        if (token.isCancellationRequested) return {};
        stream.markdown(`_The chat model is not available (${(e as Error).message}); here is the lesson._\n\n`);
      }
    }
    if (command === 'fix') {
      stream.markdown(`${modelAnswered ? '\n\n' : ''}${fixAnswer(l, mine)}`);
      if (fixButton) stream.button(fixButton);
    } else if (!modelAnswered) {
      stream.markdown(lessonAnswer(l, mine));
    }
    stream.button(lessonButton);
    if (command !== 'fix' && fixButton) stream.button(fixButton);
    return { metadata: { aisec: { ruleId: l.ruleId, answered: modelAnswered ? 'model' : 'lesson', fix: !!fixButton } } };
  };
}

/**
 * APPLY_FIX_COMMAND: the editor's own quick fix for this finding (found by its title), applied as the editor would.
 * Returns whether it was applied, and why not.
 */
export async function applyQuickFix(a: ApplyFixArgs): Promise<{ applied: boolean; reason?: string }> {
  if (!a || typeof a.uri !== 'string' || !a.range || typeof a.title !== 'string') return { applied: false, reason: 'invalid arguments' };
  const uri = Uri.parse(a.uri);
  const range = new Range(a.range.start.line, a.range.start.character, a.range.end.line, a.range.end.character);
  const editor = await window.showTextDocument(uri, { selection: range, preserveFocus: false });
  const actions = (await commands.executeCommand<(CodeAction | Command)[]>('vscode.executeCodeActionProvider', editor.document.uri, range, CodeActionKind.QuickFix.value)) ?? [];
  // by title at the finding's range (the converted actions do not always carry their diagnostics); one naming another rule is skipped
  const action = actions.find((x): x is CodeAction => !('command' in x && typeof x.command === 'string') && x.title.startsWith(a.title)
    && !(x as CodeAction).diagnostics?.some((d) => d.source === 'aisec' && codeOf(d) !== a.ruleId));
  if (!action) {
    void window.showWarningMessage(`AISec: the quick fix "${a.title}" is no longer offered here (the code changed?).`);
    return { applied: false, reason: `not offered among: ${actions.map((x) => x.title).join(' | ') || '(none)'}` };
  }
  if (action.edit && !(await workspace.applyEdit(action.edit))) return { applied: false, reason: 'the edit was not applied' };
  if (action.command) await commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return { applied: true };
}

/** Registers `@aisec` when the host has the chat API (and the apply-fix command its buttons run). */
export function registerChatParticipant(context: ExtensionContext, client: LanguageClient): { participant?: Disposable; handler?: ChatRequestHandler } {
  context.subscriptions.push(commands.registerCommand(APPLY_FIX_COMMAND, applyQuickFix));
  if (typeof chat?.createChatParticipant !== 'function') return {};
  const handler = createHandler({
    client,
    cursorFinding: () => findingAtCursor(window.activeTextEditor, languages),
    selectModels: () => (typeof lm?.selectChatModels === 'function' ? lm.selectChatModels() : Promise.resolve([])),
  });
  const participant = chat.createChatParticipant(PARTICIPANT_ID, handler);
  participant.iconPath = Uri.joinPath(context.extensionUri, 'media', 'aisec.svg');
  context.subscriptions.push(participant);
  return { participant, handler };
}
