/**
 * The "AISec Learning" view (`aisec.learning`, in the AISec container): the team's learning paths from
 * `.aisec.yaml` and packs (the server's `aisec/learningPaths` request) > modules with their state and due
 * date > items: a rule's lesson (`aisec.showLesson`) or an exercise (`aisec.exercises.start`). Refreshed when
 * progress is recorded, when a config or pack file changes and on `aisec.learning.refresh`. With no path,
 * the view's welcome content explains how to add one.
 */
import type { Disposable, ExtensionContext, TreeDataProvider } from 'vscode';
import { commands, EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LearningModule, LearningPath } from '../../../server/src/learning/paths';
import type { ItemStatus, LearningProgress, ModuleStatus } from '../../../server/src/learning/progress';
import { MODULE_STATE_LABELS, moduleStatus, PROGRESS_STATE_KEY } from '../../../server/src/learning/progress';
import type { LearningPathsFolder, LearningPathsResult } from '../../../server/src/learning/protocol';
import { LEARNING_PATHS_REQUEST } from '../../../server/src/learning/protocol';
import { EXPORT_PROGRESS_COMMAND, exportProgressCommand } from './exportProgress';
import { onDidChangeProgress, readProgress } from './progress';

export const LEARNING_VIEW = 'aisec.learning';
export const REFRESH_LEARNING_COMMAND = 'aisec.learning.refresh';
export const OPEN_LEARNING_DOCS_COMMAND = 'aisec.learning.openDocs';
/** Context key: true when a workspace folder defines a learning path (set once the view or the key is first loaded). */
export const HAS_PATHS_CONTEXT = 'aisec.learning.hasPaths';
const SHOW_LESSON_COMMAND = 'aisec.showLesson';
const START_EXERCISE_COMMAND = 'aisec.exercises.start';

type Node =
  | { type: 'folder'; folder: LearningPathsFolder }
  | { type: 'path'; folder: LearningPathsFolder; path: LearningPath }
  | { type: 'module'; path: LearningPath; module: LearningModule; status: ModuleStatus }
  | { type: 'item'; module: LearningModule; item: ItemStatus };

/** Today in the user's time zone (due dates are calendar days). */
export function localToday(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const STATE_ICONS: Record<ModuleStatus['state'], [string, string | undefined]> = {
  done: ['pass-filled', 'testing.iconPassed'],
  'in-progress': ['circle-large-outline', 'charts.yellow'],
  'not-started': ['circle-large-outline', undefined],
  overdue: ['warning', 'list.errorForeground'],
};

function icon(name: string, color?: string): ThemeIcon {
  return color ? new ThemeIcon(name, new ThemeColor(color)) : new ThemeIcon(name);
}

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

export class LearningTreeProvider implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<LearningPathsFolder[]> | undefined;
  private progress: LearningProgress;

  constructor(
    private readonly context: ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.progress = readProgress(context);
  }

  /** Re-read the paths from the server (config changed) and the progress. */
  refresh(): void {
    this.data = undefined;
    void this.load(); // keeps the context key current while the view is hidden
    this.progressChanged(readProgress(this.context));
  }

  progressChanged(p: LearningProgress): void {
    this.progress = p;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private load(): Promise<LearningPathsFolder[]> {
    this.data ??= this.client.sendRequest<LearningPathsResult>(LEARNING_PATHS_REQUEST, {}).then(
      (r) => {
        // for `when` clauses (the walkthrough's "your team's path" step, menus)
        void commands.executeCommand('setContext', HAS_PATHS_CONTEXT, r.folders.some((f) => f.paths.length > 0));
        return r.folders;
      },
      (e: Error) => {
        void window.showWarningMessage(`AISec: could not read the learning paths: ${e.message}`);
        return [];
      },
    );
    return this.data;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const folders = (await this.load()).filter((f) => f.paths.length);
      // one folder: its paths at the top; several: a node per folder
      if (folders.length === 1) return folders[0].paths.map((path) => ({ type: 'path' as const, folder: folders[0], path }));
      return folders.map((folder) => ({ type: 'folder' as const, folder }));
    }
    if (node.type === 'folder') return node.folder.paths.map((path) => ({ type: 'path' as const, folder: node.folder, path }));
    const today = localToday();
    if (node.type === 'path') return node.path.modules.map((module) => ({ type: 'module' as const, path: node.path, module, status: moduleStatus(module, this.progress, today) }));
    if (node.type === 'module') return node.status.items.map((item) => ({ type: 'item' as const, module: node.module, item }));
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.type === 'folder') {
      const t = new TreeItem(workspace.getWorkspaceFolder(Uri.parse(node.folder.uri))?.name ?? Uri.parse(node.folder.uri).fsPath, TreeItemCollapsibleState.Expanded);
      t.iconPath = new ThemeIcon('root-folder');
      return t;
    }
    if (node.type === 'path') {
      const today = localToday();
      const states = node.path.modules.map((m) => moduleStatus(m, this.progress, today));
      const required = states.filter((s) => s.required);
      const counted = required.length ? required : states;
      const done = counted.filter((s) => s.state === 'done').length;
      const t = new TreeItem(node.path.title, TreeItemCollapsibleState.Expanded);
      t.id = `path:${node.folder.uri}:${node.path.id}`;
      t.description = `${done}/${counted.length} ${required.length ? 'required ' : ''}done${states.some((s) => s.state === 'overdue') ? ' · overdue' : ''}`;
      t.tooltip = [node.path.title, node.path.description, node.path.pack ? `From the pack ${node.path.pack}` : undefined, `id: ${node.path.id}`].filter(Boolean).join('\n');
      t.iconPath = new ThemeIcon('mortar-board');
      t.contextValue = 'aisec.learning.path';
      return t;
    }
    if (node.type === 'module') {
      const s = node.status;
      const t = new TreeItem(node.module.title, s.state === 'done' ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.Expanded);
      const parts: string[] = [MODULE_STATE_LABELS[s.state]];
      if (s.state !== 'done' && s.itemsTotal) parts.push(`${s.itemsDone}/${s.itemsTotal}`);
      if (s.due) parts.push(`due ${s.due}`);
      if (!s.required) parts.push('optional');
      t.description = parts.join(' · ');
      const tip = new MarkdownString(undefined, false);
      tip.isTrusted = false;
      tip.supportHtml = false;
      tip.appendText(`${node.module.title}\n${MODULE_STATE_LABELS[s.state]}${s.completedAt ? ` on ${day(s.completedAt)}` : ''}${s.due ? ` · due ${s.due}` : ''}${s.required ? '' : ' · optional'}\n`);
      if (node.module.notes) tip.appendText(`\n${node.module.notes}\n`);
      t.tooltip = tip;
      const [name, color] = STATE_ICONS[s.state];
      t.iconPath = icon(name, color);
      t.contextValue = `aisec.learning.module.${s.state}`;
      return t;
    }
    const it = node.item;
    if (it.kind === 'lesson') {
      const t = new TreeItem(it.id, TreeItemCollapsibleState.None);
      t.description = it.done ? `lesson · done ${day(it.at)}` : 'lesson';
      t.tooltip = `Open the lesson of ${it.id}`;
      t.iconPath = it.done ? icon('pass', 'testing.iconPassed') : new ThemeIcon('book');
      t.command = { command: SHOW_LESSON_COMMAND, title: 'Open lesson', arguments: [it.id] };
      t.contextValue = 'aisec.learning.lesson';
      return t;
    }
    const t = new TreeItem(it.id, TreeItemCollapsibleState.None);
    const hints = it.hints ? ` · ${it.hints} hint${it.hints === 1 ? '' : 's'}` : '';
    t.description = it.done ? `passed ${day(it.at)}${hints}${it.assisted ? ' · assisted' : ''}` : it.started ? `not passed yet (${it.attempts} attempt${it.attempts === 1 ? '' : 's'})` : 'exercise';
    t.tooltip = `Start the exercise ${it.id}`;
    t.iconPath = it.done ? icon('pass', 'testing.iconPassed') : it.started ? icon('error', 'testing.iconFailed') : new ThemeIcon('beaker');
    t.command = { command: START_EXERCISE_COMMAND, title: 'Start exercise', arguments: [it.id] };
    t.contextValue = 'aisec.learning.exercise';
    return t;
  }
}

/** Opens the bundled README at its "Learning paths" section (offline). */
async function openDocs(context: ExtensionContext): Promise<void> {
  const readme = Uri.joinPath(context.extensionUri, 'README.md');
  try {
    await commands.executeCommand('markdown.showPreview', readme.with({ fragment: 'learning-paths' }));
  } catch {
    await window.showTextDocument(readme);
  }
}

export function registerLearningView(context: ExtensionContext, client: LanguageClient): LearningTreeProvider {
  const provider = new LearningTreeProvider(context, client);
  // progress follows the user through Settings Sync like the rest of their state
  context.globalState.setKeysForSync([PROGRESS_STATE_KEY]);
  const view = window.createTreeView(LEARNING_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const refreshSoon = debounce(() => provider.refresh(), 300);
  const w = workspace.createFileSystemWatcher('**/{.aisec.yaml,.aisec.yml,.aisec.json,*.aisec-pack.yaml,*.aisec-pack.yml,*.aisec-pack.json,aisec-pack.yaml,aisec-pack.yml,aisec-pack.json}');
  context.subscriptions.push(w, w.onDidChange(refreshSoon), w.onDidCreate(refreshSoon), w.onDidDelete(refreshSoon));
  void provider.refresh();
  context.subscriptions.push(
    provider,
    view,
    onDidChangeProgress((p) => provider.progressChanged(p)),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aisec')) refreshSoon();
    }),
    workspace.onDidChangeWorkspaceFolders(() => refreshSoon()),
    // another window may have recorded progress (globalState is shared, without an event)
    window.onDidChangeWindowState((st) => {
      if (st.focused) provider.progressChanged(readProgress(context));
    }),
    commands.registerCommand(REFRESH_LEARNING_COMMAND, () => provider.refresh()),
    commands.registerCommand(EXPORT_PROGRESS_COMMAND, () => exportProgressCommand(context)),
    commands.registerCommand(OPEN_LEARNING_DOCS_COMMAND, () => openDocs(context)),
  );
  return provider;
}

function debounce(fn: () => void, ms: number): () => void {
  let t: NodeJS.Timeout | undefined;
  return () => {
    if (t) clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}
