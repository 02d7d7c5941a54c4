/**
 * What the walkthrough's steps run (package.json `contributes.walkthroughs`): the practice project, the lead
 * templates, the learning-mode toggle, and the `aisec.hasLearningPath` context key for "Your team's path".
 */
import * as path from 'path';
import type { ExtensionContext } from 'vscode';
import { commands, ConfigurationTarget, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import { parse } from 'yaml';
import { CTX_HAS_LEARNING_PATH, OPEN_LEARNING_TEMPLATE_COMMAND, OPEN_PRACTICE_COMMAND, OPEN_TEAM_PACK_DOCS_COMMAND, SET_LEARNING_MODE_COMMAND } from './ids';
import { hasLearningPath, TEAM_PACK_TEMPLATE, withLearningTemplate } from './templates';

const CONFIG_NAMES = ['.aisec.yaml', '.aisec.yml'];

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Copies the bundled practice project into `<parent>/aisec-practice[-N]` and opens it (in a new window when a folder is open). */
export async function openPracticeWorkspace(context: ExtensionContext, target?: string | Uri): Promise<Uri | undefined> {
  let parent = typeof target === 'string' ? Uri.file(target) : target;
  if (!parent) {
    const picked = await window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Copy the practice project here', title: 'AISec: where should the practice project go?' });
    if (!picked?.length) return undefined;
    parent = picked[0];
  }
  let dest = Uri.joinPath(parent, 'aisec-practice');
  for (let n = 2; await exists(dest); n++) dest = Uri.joinPath(parent, `aisec-practice-${n}`);
  await workspace.fs.copy(Uri.file(context.asAbsolutePath('practice')), dest, { overwrite: false });
  if (target) return dest; // scripted use: copy only
  await commands.executeCommand('vscode.openFolder', dest, { forceNewWindow: !!workspace.workspaceFolders?.length });
  return dest;
}

async function openTeamPack(): Promise<void> {
  const doc = await workspace.openTextDocument({ language: 'yaml', content: TEAM_PACK_TEMPLATE });
  await window.showTextDocument(doc);
}

async function openLearningTemplate(): Promise<void> {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await workspace.openTextDocument({ language: 'yaml', content: withLearningTemplate('') });
    await window.showTextDocument(doc);
    return;
  }
  let uri = Uri.joinPath(folder.uri, CONFIG_NAMES[0]);
  for (const n of CONFIG_NAMES) if (await exists(Uri.joinPath(folder.uri, n))) uri = Uri.joinPath(folder.uri, n);
  if (!(await exists(uri))) await workspace.fs.writeFile(uri, new Uint8Array());
  const doc = await workspace.openTextDocument(uri);
  const editor = await window.showTextDocument(doc);
  const next = withLearningTemplate(doc.getText());
  if (next === undefined) {
    void window.showInformationMessage(`AISec: ${path.basename(uri.fsPath)} already has a learning: section.`);
    return;
  }
  // an unsaved edit: the lead reviews it and saves
  const edit = new WorkspaceEdit();
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  edit.insert(uri, end, next.slice(doc.getText().length));
  await workspace.applyEdit(edit);
  editor.revealRange(doc.lineAt(Math.max(0, doc.lineCount - 1)).range);
}

async function setLearningMode(value?: boolean): Promise<void> {
  let on = value;
  if (typeof on !== 'boolean') {
    const current = workspace.getConfiguration('aisec').get<boolean>('learningMode', false);
    const pick = await window.showQuickPick(
      [
        { label: 'On', description: 'full lessons in hovers, an exercise the first time a rule fires', on: true },
        { label: 'Off', description: 'short hovers, no learning notifications', on: false },
      ],
      { title: `AISec learning mode (now ${current ? 'on' : 'off'})` },
    );
    if (!pick) return;
    on = pick.on;
  }
  await workspace.getConfiguration('aisec').update('learningMode', on, ConfigurationTarget.Global);
  void window.showInformationMessage(`AISec learning mode is ${on ? 'on' : 'off'}.`);
}

/** `aisec.hasLearningPath`: a workspace folder's .aisec.yaml defines learning.paths. */
async function updateLearningPathContext(): Promise<void> {
  let found = false;
  for (const folder of workspace.workspaceFolders ?? []) {
    for (const n of CONFIG_NAMES) {
      try {
        const bytes = await workspace.fs.readFile(Uri.joinPath(folder.uri, n));
        if (hasLearningPath(parse(Buffer.from(bytes).toString('utf8')))) found = true;
      } catch {
        // missing or invalid: the server reports config errors
      }
    }
  }
  await commands.executeCommand('setContext', CTX_HAS_LEARNING_PATH, found);
}

export function registerWalkthrough(context: ExtensionContext): void {
  const watcher = workspace.createFileSystemWatcher('**/.aisec.{yaml,yml}');
  context.subscriptions.push(
    commands.registerCommand(OPEN_PRACTICE_COMMAND, (target?: string | Uri) => openPracticeWorkspace(context, target)),
    commands.registerCommand(OPEN_TEAM_PACK_DOCS_COMMAND, openTeamPack),
    commands.registerCommand(OPEN_LEARNING_TEMPLATE_COMMAND, openLearningTemplate),
    commands.registerCommand(SET_LEARNING_MODE_COMMAND, setLearningMode),
    watcher,
    watcher.onDidChange(updateLearningPathContext),
    watcher.onDidCreate(updateLearningPathContext),
    watcher.onDidDelete(updateLearningPathContext),
    workspace.onDidChangeWorkspaceFolders(updateLearningPathContext),
  );
  void updateLearningPathContext();
}
