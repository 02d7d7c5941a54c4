/**
 * The AI Inventory view (Explorer): models, providers, endpoints, MCP servers, tools and prompt files of
 * the workspace, grouped by kind, from the server's `aisec/inventory` request. An entry opens the file at
 * the item's range; its description shows the finding count, its children the linked findings.
 */
import type { Disposable, ExtensionContext, TreeDataProvider } from 'vscode';
import { commands, EventEmitter, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { InventoryKind, InventoryResult, WireInventoryItem } from '../../../server/src/protocol';
import { INVENTORY_REQUEST, OPEN_INVENTORY_ITEM_COMMAND, REFRESH_INVENTORY_COMMAND } from '../../../server/src/protocol';

const KIND_LABELS: Record<InventoryKind, [string, string]> = {
  model: ['Models', 'symbol-class'],
  provider: ['Providers', 'cloud'],
  endpoint: ['Endpoints', 'globe'],
  mcpServer: ['MCP servers', 'server-process'],
  tool: ['Tools', 'tools'],
  prompt: ['Prompt files', 'comment-discussion'],
};
const ORDER: InventoryKind[] = ['model', 'provider', 'endpoint', 'mcpServer', 'tool', 'prompt'];

type Node =
  | { type: 'group'; kind: InventoryKind; items: WireInventoryItem[] }
  | { type: 'item'; item: WireInventoryItem }
  | { type: 'finding'; item: WireInventoryItem; finding: WireInventoryItem['findings'][number] };

function describe(item: WireInventoryItem): string {
  const d = item.details;
  const parts: string[] = [];
  if (typeof d.provider === 'string' && item.kind !== 'provider') parts.push(d.provider);
  if (typeof d.dialect === 'string') parts.push(d.dialect);
  if (typeof d.format === 'string') parts.push(d.format);
  parts.push(workspace.asRelativePath(Uri.parse(item.uri)) + `:${item.range.start.line + 1}`);
  return parts.join(' · ');
}

export class InventoryTreeProvider implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: Promise<WireInventoryItem[]> | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.items = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private load(): Promise<WireInventoryItem[]> {
    this.items ??= this.client.sendRequest<InventoryResult>(INVENTORY_REQUEST, {}).then(
      (r) => r.items,
      (e: Error) => {
        void window.showWarningMessage(`AISec: could not build the AI inventory: ${e.message}`);
        return [];
      },
    );
    return this.items;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const items = await this.load();
      return ORDER.map((kind) => ({ type: 'group' as const, kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length);
    }
    if (node.type === 'group') return node.items.map((item) => ({ type: 'item' as const, item }));
    if (node.type === 'item') return node.item.findings.map((finding) => ({ type: 'finding' as const, item: node.item, finding }));
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.type === 'group') {
      const [label, icon] = KIND_LABELS[node.kind];
      const t = new TreeItem(label, TreeItemCollapsibleState.Expanded);
      const findings = node.items.reduce((n, i) => n + i.findings.filter((f) => !f.suppressed).length, 0);
      t.description = `${node.items.length}${findings ? ` · ${findings} finding${findings === 1 ? '' : 's'}` : ''}`;
      t.iconPath = new ThemeIcon(icon);
      t.contextValue = 'aisecInventoryGroup';
      return t;
    }
    if (node.type === 'item') {
      const open = node.item.findings.filter((f) => !f.suppressed);
      const t = new TreeItem(node.item.name, node.item.findings.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
      t.description = `${open.length ? `${open.length} finding${open.length === 1 ? '' : 's'} · ` : ''}${describe(node.item)}`;
      t.tooltip = [`${node.item.name}`, ...Object.entries(node.item.details).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)].join('\n');
      const worst = open.some((f) => f.severity === 'error') ? 'errorForeground' : open.length ? 'editorWarning.foreground' : undefined;
      t.iconPath = new ThemeIcon(KIND_LABELS[node.item.kind][1], worst ? new ThemeColor(worst) : undefined);
      t.command = { command: OPEN_INVENTORY_ITEM_COMMAND, title: 'Open', arguments: [node.item.uri, node.item.range] };
      t.contextValue = 'aisecInventoryItem';
      return t;
    }
    const f = node.finding;
    const t = new TreeItem(f.ruleId, TreeItemCollapsibleState.None);
    t.description = `${f.severity}${f.suppressed ? ' (suppressed)' : ''} · line ${f.line}`;
    t.iconPath = new ThemeIcon(f.suppressed ? 'pass' : f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
    t.command = { command: OPEN_INVENTORY_ITEM_COMMAND, title: 'Open', arguments: [node.item.uri, { start: { line: f.line - 1, character: 0 }, end: { line: f.line - 1, character: 0 } }] };
    return t;
  }
}

export function registerInventoryView(context: ExtensionContext, client: LanguageClient): InventoryTreeProvider {
  const provider = new InventoryTreeProvider(client);
  context.subscriptions.push(
    provider,
    window.createTreeView('aisec.inventory', { treeDataProvider: provider, showCollapseAll: true }),
    commands.registerCommand(REFRESH_INVENTORY_COMMAND, () => provider.refresh()),
    commands.registerCommand(OPEN_INVENTORY_ITEM_COMMAND, async (uri: string, range: WireInventoryItem['range']) => {
      const doc = await workspace.openTextDocument(Uri.parse(uri));
      const r = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await window.showTextDocument(doc, { selection: r, preserveFocus: false });
    }),
    // files change what the inventory holds: refresh after saves (cheap: the server rebuilds on request)
    workspace.onDidSaveTextDocument(() => provider.refresh()),
  );
  return provider;
}
