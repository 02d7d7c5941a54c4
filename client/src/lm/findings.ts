/**
 * The pure part of the language-model tool `aisec_check` (no `vscode` import: unit-tested in test/unit/lmtool.test.ts):
 * its input schema and validation, workspace path resolution, and the text the model gets for the findings.
 */
import * as path from 'path';
import type { DiagnosticData } from '../../../server/src/protocol';

export const TOOL_NAME = 'aisec_check';
/** At most this many files per call, findings listed in full, characters of one message. */
export const MAX_FILES = 20;
export const MAX_LISTED = 60;
export const MAX_MESSAGE = 400;
export const MAX_SNIPPET_CHARS = 200_000;

/** The tool's input (package.json `languageModelTools[].inputSchema` says the same; a unit test keeps them equal). */
export const INPUT_SCHEMA = {
  type: 'object',
  properties: {
    files: {
      type: 'array',
      items: { type: 'string' },
      maxItems: MAX_FILES,
      description: 'Workspace files to check: paths relative to the workspace folder (e.g. "src/agent.py", ".vscode/mcp.json") or absolute paths inside it. Omit files and text to check the file in the active editor.',
    },
    text: { type: 'string', description: 'A code snippet to check instead of files (e.g. code you are about to write). Nothing is saved.' },
    languageId: { type: 'string', description: 'The VS Code language id of text: python, typescript, javascript, typescriptreact, json, jsonc, yaml, markdown, prompty.' },
    fileName: {
      type: 'string',
      pattern: '^(?![\\\\/])(?![A-Za-z]:)(?!(?:.*[\\\\/])?\\.\\.(?:[\\\\/]|$))[^\\u0000]{1,300}$',
      maxLength: 300,
      description: 'Optional relative file name the snippet is checked as, which decides its kind (e.g. ".vscode/mcp.json", "AGENTS.md", "agent.py"). Nothing is read from or written to it; no "..", not absolute.',
    },
  },
  additionalProperties: false,
} as const;

export type ToolRequest =
  | { kind: 'files'; files: string[] }
  | { kind: 'text'; text: string; languageId: string; fileName?: string }
  | { kind: 'active' };

/** Validates what a model sent (the host checks the schema, but not every host does, and not the limits). */
export function parseToolInput(input: unknown): ToolRequest | { error: string } {
  if (input === undefined || input === null) return { kind: 'active' };
  if (typeof input !== 'object' || Array.isArray(input)) return { error: 'The input must be an object: { "files": [...] } or { "text": "...", "languageId": "..." }.' };
  const o = input as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !(k in INPUT_SCHEMA.properties));
  if (unknown.length) return { error: `Unknown input field(s): ${unknown.join(', ')}. Use files, or text with languageId (and optionally fileName).` };
  if (o.text !== undefined) {
    if (o.files !== undefined) return { error: 'Give either files or text, not both.' };
    if (typeof o.text !== 'string') return { error: 'text must be a string.' };
    if (o.text.length > MAX_SNIPPET_CHARS) return { error: `text is longer than ${MAX_SNIPPET_CHARS} characters: save it to a file and pass files instead.` };
    if (typeof o.languageId !== 'string' || !/^[a-z][\w.+-]{0,40}$/i.test(o.languageId)) return { error: 'text needs languageId, a VS Code language id such as "python", "typescript" or "json".' };
    if (o.fileName !== undefined && (typeof o.fileName !== 'string' || !o.fileName.trim() || o.fileName.length > 300)) return { error: 'fileName must be a non-empty relative file name.' };
    const fileName = typeof o.fileName === 'string' ? o.fileName.trim() : undefined;
    if (fileName && (path.isAbsolute(fileName) || !new RegExp(INPUT_SCHEMA.properties.fileName.pattern).test(fileName))) return { error: 'fileName must be a relative name inside the workspace (no "..", not absolute).' };
    return { kind: 'text', text: o.text, languageId: o.languageId, ...(fileName ? { fileName } : {}) };
  }
  if (o.languageId !== undefined || o.fileName !== undefined) return { error: 'languageId and fileName go with text.' };
  if (o.files === undefined) return { kind: 'active' };
  if (!Array.isArray(o.files) || o.files.some((f) => typeof f !== 'string' || !f.trim())) return { error: 'files must be a list of non-empty file paths.' };
  if (o.files.length === 0) return { kind: 'active' };
  if (o.files.length > MAX_FILES) return { error: `At most ${MAX_FILES} files per call (got ${o.files.length}): call the tool again for the rest.` };
  return { kind: 'files', files: [...new Set((o.files as string[]).map((f) => f.trim()))] };
}

/**
 * A path the model gave, resolved inside one of the workspace folders (absolute file-system paths). Relative paths are
 * tried against each folder (the first where `exists` says yes; else the first folder); `file://` URIs are accepted.
 * Anything that leaves every folder is refused: the tool reads workspace files only.
 */
export function resolveWorkspacePath(p: string, roots: readonly string[], exists: (abs: string) => boolean, pathApi: typeof path = path): { abs: string; rel: string } | { error: string } {
  if (!roots.length) return { error: 'No workspace folder is open: pass text with languageId instead.' };
  let given = p.trim();
  if (/^file:\/\//i.test(given)) {
    try {
      given = decodeURIComponent(new URL(given).pathname);
    } catch {
      return { error: `${p}: not a valid file URI.` };
    }
  }
  const candidates = pathApi.isAbsolute(given) ? [pathApi.normalize(given)] : roots.map((r) => pathApi.resolve(r, given));
  const inside = candidates.map((abs) => ({ abs, root: roots.find((r) => isInside(abs, r, pathApi)) })).filter((c): c is { abs: string; root: string } => !!c.root);
  if (!inside.length) return { error: `${p}: outside the workspace folder(s); the tool checks workspace files only.` };
  const pick = inside.find((c) => exists(c.abs)) ?? inside[0];
  const rel = pathApi.relative(pick.root, pick.abs).split(pathApi.sep).join('/');
  return { abs: pick.abs, rel: roots.length > 1 ? `${pathApi.basename(pick.root)}/${rel}` : rel };
}

function isInside(file: string, dir: string, pathApi: typeof path): boolean {
  const r = pathApi.relative(dir, file);
  return r !== '' && !r.startsWith('..') && !pathApi.isAbsolute(r);
}

/** A file name for a snippet from its language id (decides how the server analyses it). */
export function snippetFileName(languageId: string): string {
  const ext: Record<string, string> = {
    python: 'py', typescript: 'ts', javascript: 'js', typescriptreact: 'tsx', javascriptreact: 'jsx', json: 'json', jsonc: 'jsonc',
    yaml: 'yaml', markdown: 'md', prompty: 'prompty', prompt: 'prompt.md', instructions: 'instructions.md', chatmode: 'chatmode.md', jupyter: 'ipynb',
  };
  return `aisec-snippet.${ext[languageId] ?? 'txt'}`;
}

/** The LSP shape of a diagnostic as the server sends it (0-based positions; severity 1 error .. 4 hint). */
export interface WireDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string | { kind: string; value: string };
  data?: Partial<DiagnosticData>;
}

export interface FileFindings {
  /** Workspace-relative path (or the snippet's name). */
  path: string;
  diagnostics: WireDiagnostic[];
  /** Why the file could not be checked (not found, too large, AISec off...). */
  error?: string;
}

export const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export function severityName(lspSeverity: number | undefined): SeverityName {
  return SEVERITY_NAMES[(lspSeverity ?? 1) - 1] ?? 'error';
}

export interface Finding {
  path: string;
  ruleId: string;
  severity: SeverityName;
  /** 1-based line and column as the editor shows them; end inclusive-exclusive as in the editor. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Titles of the deterministic fixes the quick-fix menu offers. */
  fixes: string[];
}

export function toFindings(f: FileFindings): Finding[] {
  return f.diagnostics
    .map((d) => ({
      path: f.path,
      ruleId: String(d.data?.ruleId ?? d.code ?? 'unknown'),
      severity: severityName(d.severity),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      message: typeof d.message === 'string' ? d.message : String(d.message?.value ?? ''),
      fixes: (d.data?.fixes ?? []).map((x) => x.title).filter((t): t is string => typeof t === 'string'),
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One finding as one line: `path:L:C-L:C [severity] rule-id: message (quick fix: "title")`. The e2e test parses it. */
export function findingLine(x: Finding): string {
  const fix = x.fixes.length ? `quick fix: ${x.fixes.map((t) => `"${oneLine(t)}"`).join(' or ')}` : 'no quick fix';
  return `${x.path}:${x.line}:${x.column}-${x.endLine}:${x.endColumn} [${x.severity}] ${x.ruleId}: ${clip(oneLine(x.message), MAX_MESSAGE)} (${fix})`;
}

/** Parses findingLine (the e2e test and the unit test read the tool's answer back with it). */
export const FINDING_LINE = /^(.+?):(\d+):(\d+)-(\d+):(\d+) \[(error|warning|info|hint)\] ([\w.\/-]+): /;

/**
 * The tool's answer: a summary line, then one line per finding (errors first), at most `maxListed` lines; the rest
 * are counted per rule. Deterministic for the same diagnostics.
 */
export function formatFindings(files: readonly FileFindings[], opts: { maxListed?: number } = {}): string {
  const maxListed = opts.maxListed ?? MAX_LISTED;
  const all = files.flatMap(toFindings);
  const checked = files.filter((f) => !f.error);
  const bySev = SEVERITY_NAMES.map((s) => [s, all.filter((x) => x.severity === s).length] as const).filter(([, n]) => n);
  const out: string[] = [];
  const what = files.length === 1 ? files[0].path : `${checked.length} file(s)`;
  out.push(all.length
    ? `AISec found ${all.length} problem(s) in ${what}: ${bySev.map(([s, n]) => `${n} ${s}`).join(', ')}. Same results as the editor's Problems panel (AISec language server, workspace config).`
    : checked.length ? `AISec found no problems in ${what}.` : 'AISec checked no file.');
  for (const f of files) if (f.error) out.push(`${f.path}: not checked: ${f.error}`);
  const rank = (s: SeverityName) => SEVERITY_NAMES.indexOf(s);
  const ordered = [...all].sort((a, b) => rank(a.severity) - rank(b.severity) || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const listed = ordered.slice(0, maxListed);
  if (listed.length) out.push('', ...listed.map(findingLine));
  const rest = ordered.slice(maxListed);
  if (rest.length) {
    const per = new Map<string, number>();
    for (const x of rest) per.set(x.ruleId, (per.get(x.ruleId) ?? 0) + 1);
    out.push('', `…and ${rest.length} more: ${[...per].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${r} x${n}`).join(', ')}. Check fewer files at a time to list them.`);
  }
  if (all.length) {
    out.push('', 'Fix each problem at its cause (the quick fix named in parentheses is what the editor applies), or explain why it is safe. Rule docs: ask @aisec /explain <rule-id>.');
  }
  return out.join('\n');
}

/** The short message shown while the tool runs (prepareInvocation). */
export function invocationMessage(req: ToolRequest, activeFile?: string): string {
  if (req.kind === 'text') return `AISec: checking a ${req.languageId} snippet${req.fileName ? ` as ${req.fileName}` : ''}`;
  if (req.kind === 'active') return activeFile ? `AISec: checking ${activeFile}` : 'AISec: checking the active file';
  return req.files.length === 1 ? `AISec: checking ${req.files[0]}` : `AISec: checking ${req.files.length} files`;
}
