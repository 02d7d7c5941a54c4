/**
 * Open AISec findings, from the diagnostics VS Code holds for source `aisec`: the "Findings" view (rule >
 * file > finding; a finding opens its location), the status-bar count (errors / warnings) that focuses the
 * view, and the `aisec.hasFindings` context key (the view's empty state).
 */
import type { Diagnostic, Disposable, ExtensionContext, TreeDataProvider, Uri } from 'vscode';
import { commands, DiagnosticSeverity, EventEmitter, languages, StatusBarAlignment, ThemeIcon, TreeItem, TreeItemCollapsibleState, window, workspace } from 'vscode';
import { CTX_HAS_FINDINGS, FINDINGS_VIEW, SHOW_FINDINGS_COMMAND } from './ids';

export type FindingNode =
  | { type: 'rule'; ruleId: string; files: [Uri, Diagnostic[]][] }
  | { type: 'file'; ruleId: string; uri: Uri; diagnostics: Diagnostic[] }
  | { type: 'finding'; uri: Uri; diagnostic: Diagnostic };

export function ruleIdOf(d: Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c ? String(c.value) : String(c ?? '');
}

/** The AISec findings VS Code holds now, per rule (sorted by worst severity, then id) and file. */
export function findingsByRule(): { type: 'rule'; ruleId: string; files: [Uri, Diagnostic[]][] }[] {
  const byRule = new Map<string, Map<string, [Uri, Diagnostic[]]>>();
  for (const [uri, diags] of languages.getDiagnostics()) {
    for (const d of diags) {
      if (d.source !== 'aisec') continue;
      const id = ruleIdOf(d);
      const files = byRule.get(id) ?? new Map<string, [Uri, Diagnostic[]]>();
      byRule.set(id, files);
      const entry = files.get(uri.toString()) ?? [uri, []];
      files.set(uri.toString(), entry);
      entry[1].push(d);
    }
  }
  const worst = (files: Map<string, [Uri, Diagnostic[]]>) => Math.min(...[...files.values()].flatMap(([, ds]) => ds.map((d) => d.severity)));
  return [...byRule.entries()]
    .sort((a, b) => worst(a[1]) - worst(b[1]) || a[0].localeCompare(b[0]))
    .map(([ruleId, files]) => ({
      type: 'rule' as const,
      ruleId,
      files: [...files.values()].sort((a, b) => workspace.asRelativePath(a[0]).localeCompare(workspace.asRelativePath(b[0]))).map(([u, ds]) => [u, ds.sort((x, y) => x.range.start.line - y.range.start.line)] as [Uri, Diagnostic[]]),
    }));
}

const icon = (s: DiagnosticSeverity) => new ThemeIcon(s === DiagnosticSeverity.Error ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'info');

export class FindingsTreeProvider implements TreeDataProvider<FindingNode>, Disposable {
  private readonly changed = new EventEmitter<FindingNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  refresh(): void {
    this.changed.fire(undefined);
  }
  dispose(): void {
    this.changed.dispose();
  }
  getChildren(node?: FindingNode): FindingNode[] {
    if (!node) return findingsByRule();
    if (node.type === 'rule') return node.files.map(([uri, diagnostics]) => ({ type: 'file' as const, ruleId: node.ruleId, uri, diagnostics }));
    if (node.type === 'file') return node.diagnostics.map((diagnostic) => ({ type: 'finding' as const, uri: node.uri, diagnostic }));
    return [];
  }
  getTreeItem(node: FindingNode): TreeItem {
    if (node.type === 'rule') {
      const n = node.files.reduce((a, [, ds]) => a + ds.length, 0);
      const t = new TreeItem(node.ruleId, TreeItemCollapsibleState.Expanded);
      t.description = `${n} finding${n === 1 ? '' : 's'} in ${node.files.length} file${node.files.length === 1 ? '' : 's'}`;
      t.iconPath = icon(Math.min(...node.files.flatMap(([, ds]) => ds.map((d) => d.severity))));
      t.contextValue = 'aisecFindingRule';
      t.id = `rule:${node.ruleId}`;
      return t;
    }
    if (node.type === 'file') {
      const t = new TreeItem(node.uri, TreeItemCollapsibleState.Expanded);
      const dir = workspace.asRelativePath(node.uri, false).split('/').slice(0, -1).join('/');
      t.description = dir ? `${dir} · ${node.diagnostics.length}` : `${node.diagnostics.length}`;
      t.contextValue = 'aisecFindingFile';
      t.id = `file:${node.ruleId}:${node.uri.toString()}`;
      return t;
    }
    const d = node.diagnostic;
    const t = new TreeItem(d.message, TreeItemCollapsibleState.None);
    t.description = `line ${d.range.start.line + 1}`;
    t.tooltip = `${ruleIdOf(d)}: ${d.message}`;
    t.iconPath = icon(d.severity);
    t.contextValue = 'aisecFinding';
    t.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri, { selection: d.range, preserveFocus: false }] };
    return t;
  }
}

/** Counts of the open AISec findings. */
export function countFindings(): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const [, diags] of languages.getDiagnostics()) {
    for (const d of diags) {
      if (d.source !== 'aisec') continue;
      if (d.severity === DiagnosticSeverity.Error) n.error++;
      else if (d.severity === DiagnosticSeverity.Warning) n.warning++;
      else n.info++;
    }
  }
  return n;
}

export function registerFindings(context: ExtensionContext): FindingsTreeProvider {
  const provider = new FindingsTreeProvider();
  const status = window.createStatusBarItem('aisec.findingsStatus', StatusBarAlignment.Left, 10);
  status.name = 'AISec findings';
  status.command = SHOW_FINDINGS_COMMAND;
  const update = () => {
    const n = countFindings();
    const total = n.error + n.warning + n.info;
    status.text = `$(shield) AISec $(error) ${n.error} $(warning) ${n.warning}`;
    status.tooltip = total ? `AISec: ${n.error} error(s), ${n.warning} warning(s), ${n.info} info open. Click to show them by rule.` : 'AISec: no open findings. Click to open the AISec findings view.';
    status.show();
    void commands.executeCommand('setContext', CTX_HAS_FINDINGS, total > 0);
    provider.refresh();
  };
  let timer: NodeJS.Timeout | undefined;
  const view = window.createTreeView(FINDINGS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    status,
    view,
    // a hidden view may miss refreshes: read the diagnostics again whenever it is shown
    view.onDidChangeVisibility((e) => e.visible && provider.refresh()),
    commands.registerCommand(SHOW_FINDINGS_COMMAND, () => commands.executeCommand(`${FINDINGS_VIEW}.focus`)),
    languages.onDidChangeDiagnostics(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, 250);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  update();
  return provider;
}
