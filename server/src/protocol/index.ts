/** Wire types shared by the VS Code client and the server. */

export const SUPPRESS_COMMAND = 'aisec.suppress';
export const APPLY_SUPPRESSION_COMMAND = 'aisec.applySuppression';
export const SCAN_WORKSPACE_COMMAND = 'aisec.scanWorkspace';
/** Result of SCAN_WORKSPACE_COMMAND (`files` and `findings` as before; the rest feeds the client's summary). */
export interface ScanSummary {
  /** Files in the workspace walk. */
  files: number;
  /** Files analysed before the scan ended (all of them unless cancelled). */
  scanned: number;
  /** Open AISec findings (not suppressed, not in the baseline) in the scanned files. */
  findings: number;
  bySeverity: { error: number; warning: number; info: number };
  filesWithFindings: number;
  /** Findings per rule id. */
  rules: Record<string, number>;
  ms: number;
  cancelled: boolean;
}

/** Client-side commands (VS Code): a fix that asks for a value, and what runs after an AISec quick fix. */
export const APPLY_GUIDED_FIX_COMMAND = 'aisec.applyGuidedFix';
export const FIX_APPLIED_COMMAND = 'aisec.fixApplied';

/** What a guided fix asks the user for (server/src/lsp/guidedFixes.ts). */
export interface GuidedAsk {
  /** The suggested value, as it appears in the fix's edits (replaced by the answer). */
  value: string;
  title: string;
  prompt: string;
  /** Regular expression (source) the answer must match. */
  pattern: string;
  patternMessage: string;
  /** Start with an empty input box (the value is a placeholder, not a suggestion). */
  emptyValue?: boolean;
}

export interface GuidedFixArgs {
  uri: string;
  version: number;
  ruleId: string;
  title: string;
  edits: DiagnosticData['fixes'][number]['edits'];
  ask: GuidedAsk;
  range: DiagnosticData['fixes'][number]['edits'][number]['range'];
}

export interface FixAppliedArgs {
  uri: string;
  ruleId: string;
  title: string;
  range: DiagnosticData['fixes'][number]['edits'][number]['range'];
}

export const FIX_ALL_KIND = 'source.fixAll.aisec';

export interface AisecSettings {
  enable: boolean;
  /** Analyse as you type ("onType") or only on save ("onSave"). */
  run: 'onType' | 'onSave';
  /** Debounce for onType analysis, in ms. */
  debounceMs: number;
  /** Explicit config file (absolute or workspace-relative); empty = nearest .aisec.yaml. */
  configPath: string;
  /** Baseline file (from `aisec scan --update-baseline`), relative to the workspace folder; empty = none. Findings recorded there are not shown. */
  baseline: string;
  /** Hovers show the whole lesson (the guide declares the setting; off by default). */
  learningMode?: boolean;
  /** User-level (machine scope): `extends` may load files outside the workspace folder. */
  allowExtendsOutsideWorkspace?: boolean;
  /** Per-document cost limits of the editor (lsp/settings.ts fills in the defaults). */
  editorLimits?: EditorLimits;
}

/**
 * What one open document may cost per analysis in the editor (0: no limit). A document above the size or line limit
 * is not analysed, and a run that reaches the time limit stops before its remaining rules; either is reported as an
 * `analysis-incomplete` diagnostic naming the limit, never as silence. The CLI has no such limits.
 */
export interface EditorLimits {
  maxFileSizeKb: number;
  maxLines: number;
  maxAnalysisMs: number;
}

/**
 * Node flags the VS Code client starts the language server with. A young generation of 32 MB per semi-space
 * (V8's default is 16 MB): one re-analysis of a 2,000-line Python file allocates about 13 MB, so with the default
 * nearly every edit's syntax-tree mirror lived through two scavenges and was promoted, and the old space filled up
 * for a full collection every few dozen edits (the p95 of re-analysis). `--expose-gc`: the server collects when it is
 * idle after publishing (server/src/lsp/idleGc.ts), so that the next analysis does not. bench/editor.ts measures with
 * the same flags.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc'];

export const DEFAULT_EDITOR_LIMITS: EditorLimits = { maxFileSizeKb: 1024, maxLines: 20_000, maxAnalysisMs: 1000 };

export const DEFAULT_SETTINGS: AisecSettings = { enable: true, run: 'onType', debounceMs: 200, configPath: '', baseline: '', learningMode: false, editorLimits: DEFAULT_EDITOR_LIMITS };

/** Diagnostic.data: enough to rebuild fixes and suppressions without server state. */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
  fixes: { title: string; kind: 'autofix' | 'suggestion'; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
  /** Comment syntax for a suppression on this line. */
  comment: { prefix: string; suffix: string };
  /** Line the suppression comment goes above (0-based) and its indentation. */
  line: number;
  indent: string;
}

export interface SuppressArgs {
  uri: string;
  ruleId: string;
  line: number;
  indent: string;
  comment: { prefix: string; suffix: string };
  justification?: string;
  until?: string;
  by?: string;
}

/** The text of a suppression comment line (DESIGN.md section 6). */
export function suppressionLine(a: SuppressArgs): string {
  const parts = [`aisec-ignore ${a.ruleId}`];
  if (a.until) parts.push(`until ${a.until}`);
  if (a.by) parts.push(`by ${a.by}`);
  parts.push(`-- ${a.justification ?? ''}`.trimEnd());
  return `${a.indent}${a.comment.prefix}${parts.join(' ')}${a.comment.suffix}\n`;
}

/** Custom request: the AI inventory of the workspace (models, providers, endpoints, MCP servers, tools, prompts). */
export const INVENTORY_REQUEST = 'aisec/inventory';
export const REFRESH_INVENTORY_COMMAND = 'aisec.refreshInventory';
export const OPEN_INVENTORY_ITEM_COMMAND = 'aisec.openInventoryItem';

export type InventoryKind = 'model' | 'provider' | 'endpoint' | 'mcpServer' | 'tool' | 'prompt';

export interface WireInventoryItem {
  kind: InventoryKind;
  name: string;
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  details: Record<string, string | number | boolean | string[]>;
  /** Findings in the item's scope (fingerprints as in SARIF partialFingerprints / baselines). */
  findings: { fingerprint: string; ruleId: string; severity: string; line: number; suppressed: boolean }[];
}

export interface InventoryResult {
  items: WireInventoryItem[];
}
