/**
 * `aisec.showLesson RULE [{ uri, range }]`: the lesson of a rule in a webview panel (one per rule, reused), built
 * from the server's `aisec/lesson` answer. Opened from the hover link, the "Learn: <rule>" code action, the
 * rule-id link of a diagnostic, the Problems context menu (no argument: pick an AISec problem) and the walkthrough.
 */
import { randomBytes } from 'crypto';
import { commands, Diagnostic, ExtensionContext, languages, QuickPickItem, ViewColumn, WebviewPanel, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LessonParams, LessonResponse, WireRange } from '../../../server/src/protocol/lesson';
import { LESSON_REQUEST, SHOW_LESSON_COMMAND } from '../../../server/src/protocol/lesson';
import { recordLesson } from '../learning/progress';
import { lessonHtml } from './lessonHtml';

const EXERCISE_COMMAND = 'aisec.exercises.start';

export function registerLessonView(context: ExtensionContext, client: LanguageClient): void {
  const panels = new Map<string, WebviewPanel>();

  async function show(ruleId?: unknown, finding?: { uri?: unknown; range?: WireRange }): Promise<void> {
    if (typeof ruleId !== 'string' || !ruleId) {
      const picked = await pickProblem();
      if (!picked) return;
      return show(picked.ruleId, { uri: picked.uri, range: picked.range });
    }
    const params: LessonParams = { ruleId };
    if (finding && typeof finding.uri === 'string' && finding.range) Object.assign(params, { uri: finding.uri, range: finding.range });
    const r = await client.sendRequest<LessonResponse | null>(LESSON_REQUEST, params);
    if (!r) {
      void window.showWarningMessage(`AISec: no lesson for "${ruleId}" (unknown rule).`);
      return;
    }
    const hasExercises = (await commands.getCommands(true)).includes(EXERCISE_COMMAND);
    // no script; the only links that run something: this rule's exercise (when the exercises are installed)
    const options = { enableScripts: false, enableCommandUris: hasExercises ? [EXERCISE_COMMAND] : false, localResourceRoots: [] };
    let panel = panels.get(ruleId);
    if (panel) {
      panel.webview.options = options;
      panel.reveal(panel.viewColumn, false);
    } else {
      panel = window.createWebviewPanel('aisec.lesson', `Lesson: ${ruleId}`, { viewColumn: ViewColumn.Beside, preserveFocus: false }, { ...options, enableFindWidget: true });
      panels.set(ruleId, panel);
      panel.onDidDispose(() => panels.delete(ruleId), undefined, context.subscriptions);
    }
    const exercise = hasExercises ? `command:${EXERCISE_COMMAND}?${encodeURIComponent(JSON.stringify([`rule:${ruleId}`]))}` : undefined;
    panel.webview.html = lessonHtml(r, { cspSource: panel.webview.cspSource, nonce: randomBytes(16).toString('base64'), exerciseLink: exercise });
    await recordLesson(context, ruleId);
  }

  context.subscriptions.push(commands.registerCommand(SHOW_LESSON_COMMAND, show), { dispose: () => panels.forEach((p) => p.dispose()) });
}

interface ProblemItem extends QuickPickItem {
  ruleId: string;
  uri: string;
  range: WireRange;
}

/** Without a rule (the Problems context menu passes none): the AISec problems, those of the active editor first. */
async function pickProblem(): Promise<ProblemItem | undefined> {
  const active = window.activeTextEditor?.document.uri.toString();
  const cursor = window.activeTextEditor?.selection.active;
  const items: (ProblemItem & { rank: number })[] = [];
  for (const [uri, diags] of languages.getDiagnostics()) {
    for (const d of diags) {
      const ruleId = codeOf(d);
      if (d.source !== 'aisec' || !ruleId) continue;
      const here = uri.toString() === active;
      const atCursor = here && cursor && d.range.contains(cursor);
      items.push({
        label: ruleId,
        description: `${workspace.asRelativePath(uri)}:${d.range.start.line + 1}`,
        detail: d.message,
        ruleId,
        uri: uri.toString(),
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
        rank: atCursor ? 0 : here ? 1 : 2,
      });
    }
  }
  if (!items.length) {
    void window.showInformationMessage('AISec: no AISec problem to learn about. Open a file with a finding, or run "AISec: Scan workspace".');
    return undefined;
  }
  items.sort((a, b) => a.rank - b.rank);
  return window.showQuickPick(items, { title: 'AISec: open the lesson of a problem', matchOnDescription: true, matchOnDetail: true });
}

function codeOf(d: Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && typeof c.value === 'string') return c.value;
  return undefined;
}

