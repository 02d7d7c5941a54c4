/**
 * `aisec.learning.exportProgress`: writes the learner's progress to `.aisec/progress/<name>.json` in a
 * workspace folder, to commit for the champion (`aisec report --learning`). The name comes from an input
 * box (prefilled with the OS user name, never from git). Another learner's file is never overwritten
 * without confirmation; the learner's own file is merged with (so progress from another machine is kept).
 */
import * as os from 'os';
import type { ExtensionContext, WorkspaceFolder } from 'vscode';
import { Uri, window, workspace } from 'vscode';
import { exportProgress, learnerFileName, mergeProgress, parseExportedProgress, PROGRESS_DIR } from '../../../server/src/learning/progress';
import { readProgress } from './progress';

export const EXPORT_PROGRESS_COMMAND = 'aisec.learning.exportProgress';

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

async function pickFolder(): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'Export the learning progress into which workspace folder?' });
}

async function readExisting(uri: Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Returns the written file, or undefined when cancelled. */
export async function exportProgressCommand(context: ExtensionContext): Promise<Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) {
    void window.showWarningMessage('AISec: open a folder first: the progress is exported to .aisec/progress/ in the workspace.');
    return undefined;
  }
  const name = await window.showInputBox({
    title: 'Export learning progress',
    prompt: `Your name as your team should see it. The file is ${PROGRESS_DIR}/<name>.json; commit it for your champion.`,
    value: osUserName(),
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'Enter a name.' : v.trim().length > 64 ? 'At most 64 characters.' : undefined),
  });
  if (!name?.trim()) return undefined;
  const learner = name.trim().replace(/\s+/g, ' ');
  const target = Uri.joinPath(folder.uri, ...PROGRESS_DIR.split('/'), learnerFileName(learner));
  let progress = readProgress(context);
  const existing = await readExisting(target);
  if (existing !== undefined) {
    const parsed = parseExportedProgress(existing);
    const sameLearner = 'value' in parsed && parsed.value.learner.toLowerCase() === learner.toLowerCase();
    if (sameLearner) progress = mergeProgress(parsed.value, progress);
    else {
      const owner = 'value' in parsed ? `the progress of "${parsed.value.learner}"` : 'a file that is not a valid progress export';
      const answer = await window.showWarningMessage(`${workspace.asRelativePath(target)} already holds ${owner}. Overwrite it with yours?`, { modal: true }, 'Overwrite');
      if (answer !== 'Overwrite') return undefined;
    }
  }
  const data = exportProgress(progress, learner, new Date().toISOString());
  await workspace.fs.createDirectory(Uri.joinPath(target, '..'));
  await workspace.fs.writeFile(target, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'));
  const done = Object.values(data.exercises).filter((e) => e.status === 'passed').length;
  void window.showInformationMessage(`AISec: exported ${done} passed exercise(s) and ${Object.keys(data.lessons).length} lesson(s) to ${workspace.asRelativePath(target)}. Commit it for your champion.`, 'Open').then((a) => {
    if (a === 'Open') void window.showTextDocument(target);
  });
  return target;
}
