/**
 * The AI inventory as a CycloneDX 1.6 ML-BOM (JSON): models as `machine-learning-model` components,
 * prompt files as `data` components, tools as `application` components, endpoints and MCP servers as
 * `services`. Each entry carries a stable bom-ref and its locations and linked findings as properties.
 */
import { createHash } from 'crypto';
import type { InventoryItem } from '../analyzers/inventory';
import { groupInventory } from '../workspace/inventory';
import type { InventoryEntry } from '../workspace/inventory';

interface Property { name: string; value: string }

function bomRef(e: InventoryEntry): string {
  const h = createHash('sha256').update(`${e.kind}\u0000${e.name}\u0000${e.locations[0]?.file ?? ''}`).digest('hex').slice(0, 12);
  return `aisec:${e.kind}:${h}`;
}

function props(e: InventoryEntry): Property[] {
  const out: Property[] = [];
  for (const [k, v] of Object.entries(e.details)) out.push({ name: `aisec:${k}`, value: Array.isArray(v) ? v.join(',') : String(v) });
  for (const l of e.locations) out.push({ name: 'aisec:location', value: `${l.file}:${l.range.start.line + 1}:${l.range.start.character + 1}` });
  for (const l of e.locations) for (const f of l.findings) out.push({ name: 'aisec:finding', value: `${f.ruleId} ${l.file}:${f.line} ${f.fingerprint}${f.suppressed ? ' suppressed' : ''}` });
  return out;
}

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  // a version-4-shaped UUID derived from the content, so the same inventory gives the same serial number
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function toCycloneDx(items: readonly InventoryItem[], opts: { version: string; timestamp: string; rootName: string }): object {
  const entries = groupInventory(items);
  const components: object[] = [];
  const services: object[] = [];
  for (const e of entries) {
    const base = { 'bom-ref': bomRef(e), name: e.name, properties: props(e) };
    switch (e.kind) {
      case 'model': {
        const provider = String(e.details.provider ?? 'unknown');
        components.push({ type: 'machine-learning-model', ...base, ...(provider !== 'unknown' ? { publisher: provider, group: provider } : {}), description: `Model used via ${String(e.details.via ?? 'an SDK call')}`, modelCard: { modelParameters: { task: 'unknown' } } });
        break;
      }
      case 'prompt':
        components.push({ type: 'data', ...base, description: `Prompt template (${String(e.details.format ?? 'text')})`, data: [{ type: 'configuration', name: e.name, contents: { url: `file:${e.locations[0]?.file ?? e.name}` } }] });
        break;
      case 'tool':
        components.push({ type: 'application', ...base, description: `Agent tool (${String(e.details.framework ?? 'tool')})` });
        break;
      case 'provider':
        components.push({ type: 'library', ...base, description: `AI provider SDK (${String(e.details.module ?? e.name)})`, group: e.name });
        break;
      case 'endpoint':
        services.push({ ...base, endpoints: [e.name], description: `AI endpoint via ${String(e.details.via ?? 'configuration')}`, ...(e.details.provider && e.details.provider !== 'unknown' ? { provider: { name: String(e.details.provider) } } : {}) });
        break;
      case 'mcpServer': {
        const url = typeof e.details.url === 'string' ? e.details.url : undefined;
        services.push({ ...base, description: `MCP server (${String(e.details.dialect ?? 'config')}${e.details.command ? `: ${String(e.details.command)}` : ''})`, ...(url ? { endpoints: [url] } : {}), ...(e.details.transport ? { data: [{ flow: 'bi-directional', classification: `mcp-${String(e.details.transport)}` }] } : {}) });
        break;
      }
    }
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuidFrom(JSON.stringify(entries.map((e) => [e.kind, e.name, e.locations.map((l) => l.file)])))}`,
    version: 1,
    metadata: {
      timestamp: opts.timestamp,
      tools: { components: [{ type: 'application', name: 'AISec', version: opts.version }] },
      component: { type: 'application', 'bom-ref': 'aisec:root', name: opts.rootName },
    },
    components,
    services,
    dependencies: [{ ref: 'aisec:root', dependsOn: [...components, ...services].map((c) => (c as { 'bom-ref': string })['bom-ref']) }],
  };
}
