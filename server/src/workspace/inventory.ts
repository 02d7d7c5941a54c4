/** The AI inventory of a set of analysed files (CLI `aisec inventory`, the editor's AI Inventory view). */
import { buildViews } from '../analyzers';
import type { InventoryItem } from '../analyzers/inventory';
import { collectInventory, linkFindings } from '../analyzers/inventory';
import { detectFileKind } from '../engine/fileKind';
import type { Finding } from '../engine/model';

export interface InventoryInput {
  /** Path relative to the workspace root, posix separators. */
  rel: string;
  text: string;
  findings: readonly Finding[];
}

export function inventoryOfFiles(files: Iterable<InventoryInput>): InventoryItem[] {
  const out: InventoryItem[] = [];
  for (const f of files) {
    const kind = detectFileKind(f.rel);
    if (!kind) continue;
    let items: InventoryItem[];
    try {
      items = collectInventory(f.rel, f.text, buildViews(f.rel, f.text, kind).views);
    } catch {
      continue; // an analyzer failure costs this file's inventory, never the whole run
    }
    linkFindings(items, f.findings);
    out.push(...items);
  }
  return out;
}

/** Items grouped the way people read an inventory: one entry per kind + name, with every place it occurs. */
export interface InventoryEntry {
  kind: InventoryItem['kind'];
  name: string;
  details: InventoryItem['details'];
  locations: InventoryItem[];
}

export function groupInventory(items: readonly InventoryItem[]): InventoryEntry[] {
  const map = new Map<string, InventoryEntry>();
  for (const it of items) {
    const key = `${it.kind}\u0000${it.name}${it.kind === 'mcpServer' || it.kind === 'tool' ? `\u0000${it.file}` : ''}`;
    let e = map.get(key);
    if (!e) map.set(key, (e = { kind: it.kind, name: it.name, details: { ...it.details }, locations: [] }));
    e.locations.push(it);
  }
  return [...map.values()];
}
