/**
 * What `aisec mcp` answers, without the MCP protocol: scans of workspace files and of code snippets, rule lessons,
 * the rule list and the effective configuration, all on the CLI's code paths (scanPaths for files, the same config
 * loading, packs and baseline filter for snippets). Read-only: nothing here writes a file, starts a process or opens
 * a connection. Bad input is a ToolInputError with a message for the agent, never a crash.
 */
import * as fs from 'fs';
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { analyze, isIgnored, skipReason } from '../engine/engine';
import { detectFileKind } from '../engine/fileKind';
import { LineIndex } from '../engine/lineIndex';
import type { AnalysisResult, Finding } from '../engine/model';
import { policyLink } from '../engine/policy';
import { builtinRules } from '../engine/registry';
import type { RegisteredRule } from '../engine/rule';
import type { ConfigError, LoadedConfig } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { applyBaseline } from '../cli/baselineFilter';
import { explainText, ruleRows } from '../cli/rulesInfo';
import { readBaseline } from '../workspace/baseline';
import { fileTypeName, readText } from '../workspace/files';
import { WorkspaceIndex } from '../workspace/manifests';
import { relPath, scanPaths } from '../workspace/scan';

/** A problem with the caller's input (or the workspace's config): reported to the agent as a tool error. */
export class ToolInputError extends Error {}

export interface WorkspaceOptions {
  /** The workspace root: paths are relative to it and must stay inside it. */
  root: string;
  /** --config: this config instead of the nearest .aisec.yaml / .aisec.json. */
  configFile?: string;
  /** --baseline: findings recorded in this file are not reported. */
  baseline?: string;
  /** --allow-extends-outside: `extends` may load files outside the workspace. */
  allowExtendsOutside?: boolean;
}

/** Snippet languages and the file name a snippet of each is analysed as (when no file name is given). */
export const SNIPPET_LANGUAGES: Readonly<Record<string, string>> = {
  python: 'snippet.py',
  py: 'snippet.py',
  javascript: 'snippet.js',
  js: 'snippet.js',
  javascriptreact: 'snippet.jsx',
  jsx: 'snippet.jsx',
  typescript: 'snippet.ts',
  ts: 'snippet.ts',
  typescriptreact: 'snippet.tsx',
  tsx: 'snippet.tsx',
  json: 'snippet.json',
  jsonc: 'snippet.jsonc',
  yaml: 'snippet.yaml',
  yml: 'snippet.yaml',
  prompt: 'snippet.prompt',
  jinja: 'snippet.jinja',
  handlebars: 'snippet.hbs',
  notebook: 'snippet.ipynb',
  ipynb: 'snippet.ipynb',
};

/** Editor language ids the engine understands (passed on with a file name). */
const LANGUAGE_IDS = new Set(['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'json', 'jsonc', 'yaml', 'prompt', 'jinja', 'handlebars']);

export interface EditOut {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the edit replaces and its replacement (apply as a string replacement, or by range). */
  oldText: string;
  newText: string;
}

export interface FindingOut {
  ruleId: string;
  severity: string;
  confidence: string;
  message: string;
  /** 1-based lines and columns (UTF-16 code units), end exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The offending text (up to 200 characters). */
  text: string;
  role?: string;
  owasp: string[];
  cwe: number[];
  policy?: string;
  fingerprint: string;
  fixes: { title: string; kind: 'autofix' | 'suggestion'; edits: EditOut[] }[];
  /** The rule's lesson, as an MCP resource. */
  lesson: string;
}

export interface ScanReport {
  path: string;
  kind: string | null;
  role: string | null;
  findings: FindingOut[];
  /** Findings suppressed in the source or the config (with a justification): not listed. */
  suppressed: number;
  /** Findings hidden because the baseline records them. */
  baselined: number;
  /** Why the analysis could not finish, when it could not (an analysis-incomplete finding is listed too). */
  incomplete?: string[];
  /** Set when the file was not analysed (ignored by the config, too large...). */
  notAnalysed?: string;
  configFiles: string[];
  warnings: string[];
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export class AisecWorkspace {
  readonly root: string;
  private readonly configFile?: string;
  private readonly baselineFile?: string;
  private readonly allowExtendsOutside: boolean;
  private ready?: Promise<void>;

  constructor(opts: WorkspaceOptions) {
    const root = path.resolve(opts.root);
    let st: fs.Stats;
    try {
      st = fs.statSync(root);
    } catch {
      throw new ToolInputError(`workspace root ${root} does not exist`);
    }
    if (!st.isDirectory()) throw new ToolInputError(`workspace root ${root} is not a folder`);
    this.root = realOrSelf(root);
    this.configFile = opts.configFile ? path.resolve(this.root, opts.configFile) : undefined;
    if (this.configFile && !fs.existsSync(this.configFile)) throw new ToolInputError(`--config: no such file: ${opts.configFile}`);
    this.baselineFile = opts.baseline ? path.resolve(this.root, opts.baseline) : undefined;
    // a bad baseline stops the server at start-up, as `aisec scan --baseline` does
    if (this.baselineFile) this.knownFingerprints();
    this.allowExtendsOutside = !!opts.allowExtendsOutside;
  }

  /** The parsers, once (the Python grammar is WebAssembly read from the bundle's folder). */
  init(): Promise<void> {
    this.ready ??= initAnalyzers(__dirname);
    return this.ready;
  }

  private knownFingerprints(): Set<string> | undefined {
    if (!this.baselineFile) return undefined;
    try {
      return readBaseline(this.baselineFile);
    } catch (e) {
      throw new ToolInputError(`baseline ${this.baselineFile}: ${(e as Error).message}`);
    }
  }

  private configFor(dir: string): LoadedConfig {
    return loadConfigFor(dir, this.root, builtinRules, this.configFile, { boundary: this.root, allowExtendsOutside: this.allowExtendsOutside });
  }

  private configErrorText(errors: ConfigError[]): string {
    return `the AISec configuration has errors (fix them first; the CLI refuses to scan too):\n${errors.map((e) => `${relPath(this.root, e.file)}:${e.line}:${e.column}: ${e.message}`).join('\n')}`;
  }

  /**
   * A path the caller gave, resolved against the root: it must stay inside the root, also after symbolic links
   * are followed.
   */
  resolveInside(p: string, what: string): { abs: string; rel: string } {
    if (typeof p !== 'string' || !p.trim()) throw new ToolInputError(`${what} is empty`);
    if (p.includes('\u0000')) throw new ToolInputError(`${what} contains a NUL character`);
    const abs = path.resolve(this.root, p);
    if (!isInside(abs, this.root)) throw new ToolInputError(`${what} ${JSON.stringify(p)} is outside the workspace root ${this.root}; AISec only reads files inside it (start the server with --root to choose another root)`);
    const real = realOrSelf(abs);
    if (!isInside(real, this.root)) throw new ToolInputError(`${what} ${JSON.stringify(p)} leads outside the workspace root through a symbolic link: not read`);
    return { abs, rel: relPath(this.root, abs) };
  }

  /** Scan one workspace file, as `aisec scan FILE --root ROOT [--config] [--baseline]` does. */
  async scanFile(p: string): Promise<ScanReport> {
    const { abs, rel } = this.resolveInside(p, 'path');
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new ToolInputError(`no such file: ${rel}`);
    }
    if (st.isDirectory()) throw new ToolInputError(`${rel} is a folder: give one file (scan_file scans a file at a time)`);
    if (!st.isFile()) throw new ToolInputError(`${rel} is ${fileTypeName(st)}, not a regular file: not read`);
    if (!detectFileKind(abs)) throw new ToolInputError(`${rel} is not a kind of file AISec analyses (Python, JavaScript/TypeScript, notebooks, prompt templates and agent instructions, MCP and tool configs in JSON/YAML)`);
    await this.init();
    const scan = scanPaths([abs], { root: this.root, configFile: this.configFile, rules: builtinRules, keepAllText: true, configOptions: { allowExtendsOutside: this.allowExtendsOutside } });
    if (scan.configErrors.length) throw new ToolInputError(this.configErrorText(scan.configErrors));
    const warnings = (scan.configWarnings ?? []).map((w) => `${relPath(this.root, w.file)}:${w.line}:${w.column}: ${w.message}`);
    const file = scan.files[0];
    const skipped = scan.skipped.find((s) => s.file === rel)?.reason;
    if (!file) {
      const loaded = this.configFor(path.dirname(abs));
      if (isIgnored(relPath(loaded.root, abs), loaded.config)) return this.emptyReport(rel, `ignored by the configuration (ignore: in ${loaded.files.map((f) => relPath(this.root, f)).join(', ')})`, scan.configFiles, warnings);
      throw new ToolInputError(`${rel} was not analysed: ${skipped ?? 'unknown reason'}`);
    }
    const text = file.text || (file.result.findings.length ? readText(abs) ?? '' : '');
    return this.report(rel, text, file.result, this.configFor(path.dirname(abs)), scan.configFiles, warnings, skipped);
  }

  /**
   * Scan a snippet as if it were the file `fileName` (inside the root; never read) or a file of `language`: the
   * config of that folder, its packs, file role and the baseline apply. Nothing is written.
   */
  async scanSnippet(text: string, language: string | undefined, fileName: string | undefined): Promise<ScanReport> {
    if (typeof text !== 'string') throw new ToolInputError('text must be a string');
    const lang = language?.trim().toLowerCase() || undefined;
    if (!fileName && !lang) throw new ToolInputError(`give a language (${Object.keys(SNIPPET_LANGUAGES).join(', ')}) or a file name (e.g. src/agent.py, .vscode/mcp.json)`);
    if (lang && !fileName && !SNIPPET_LANGUAGES[lang]) throw new ToolInputError(`unknown language ${JSON.stringify(language)}: AISec analyses ${Object.keys(SNIPPET_LANGUAGES).join(', ')} (or give a file name whose extension says it)`);
    const name = fileName ?? SNIPPET_LANGUAGES[lang!];
    const { abs, rel } = this.resolveInside(name, 'fileName');
    const languageId = lang && LANGUAGE_IDS.has(lang) ? lang : undefined;
    const kind = detectFileKind(abs, languageId);
    if (!kind) throw new ToolInputError(`AISec does not analyse a file named ${JSON.stringify(rel)}${lang ? ` as ${lang}` : ''}: use a supported extension (.py, .js, .ts, .tsx, .ipynb, .json, .yaml, .prompt...) or a language (${Object.keys(SNIPPET_LANGUAGES).join(', ')})`);
    const loaded = this.configFor(path.dirname(abs));
    if (loaded.errors.length) throw new ToolInputError(this.configErrorText(loaded.errors));
    const warnings = (loaded.warnings ?? []).map((w) => `${relPath(this.root, w.file)}:${w.line}:${w.column}: ${w.message}`);
    const size = Buffer.byteLength(text, 'utf8');
    if (size > loaded.config.maxFileSize) throw new ToolInputError(`the snippet is ${size} bytes, above the ${loaded.config.maxFileSize}-byte limit (maxFileSize): send a smaller part, or scan the file with scan_file`);
    const relToConfig = relPath(loaded.root, abs);
    if (isIgnored(relToConfig, loaded.config)) return this.emptyReport(rel, `${rel} is ignored by the configuration (ignore: in ${loaded.files.map((f) => relPath(this.root, f)).join(', ')})`, loaded.files, warnings);
    await this.init();
    const skip = skipReason({ path: rel, text }, loaded.config);
    // the same inputs a scan of that file would get: its folder's config and rules, the declared dependencies
    const workspace = new WorkspaceIndex(this.root).forFile(abs);
    const result = analyze({ path: rel, text, languageId, rolePath: relToConfig }, { ...loaded.config, workspace }, loaded.rules);
    return this.report(rel, text, result, loaded, loaded.files, warnings, skip);
  }

  private emptyReport(rel: string, why: string, configFiles: string[], warnings: string[]): ScanReport {
    return { path: rel, kind: null, role: null, findings: [], suppressed: 0, baselined: 0, notAnalysed: why, configFiles: configFiles.map((f) => relPath(this.root, f)), warnings };
  }

  private report(rel: string, text: string, result: AnalysisResult, loaded: LoadedConfig, configFiles: string[], warnings: string[], skipped?: string): ScanReport {
    const known = this.knownFingerprints();
    const open = result.findings.filter((f) => !f.suppression);
    const shown = known ? applyBaseline(open, known) : open;
    const rules = new Map(loaded.rules.map((r) => [r.meta.id, r]));
    const lines = new LineIndex(text);
    return {
      path: rel,
      kind: result.kind ?? null,
      role: result.role ?? null,
      findings: shown.map((f) => findingOut(f, text, lines, rules.get(f.ruleId), loaded)),
      suppressed: result.findings.length - open.length,
      baselined: open.length - shown.length,
      incomplete: result.incomplete?.length ? result.incomplete : undefined,
      notAnalysed: skipped,
      configFiles: configFiles.map((f) => relPath(this.root, f)),
      warnings,
    };
  }

  /** Every rule in force at the root (built-in and pack rules) with its severity and where that came from. */
  listRules(): ReturnType<typeof ruleRows> {
    const loaded = this.configFor(this.root);
    if (loaded.errors.length) throw new ToolInputError(this.configErrorText(loaded.errors));
    return ruleRows(loaded);
  }

  /** A rule's lesson (its docs page) with its severity in this configuration, mappings and policy link. */
  explainRule(id: string, p?: string): string {
    const loaded = this.configFor(p ? path.dirname(this.resolveInside(p, 'path').abs) : this.root);
    if (loaded.errors.length) throw new ToolInputError(this.configErrorText(loaded.errors));
    const rule = this.rule(id, loaded);
    return explainText(rule, loaded);
  }

  private rule(id: string, loaded: LoadedConfig): RegisteredRule {
    const rule = loaded.rules.find((r) => r.meta.id === id);
    if (!rule) {
      const near = loaded.rules.map((r) => r.meta.id).filter((x) => x.includes(id) || id.includes(x)).slice(0, 5);
      throw new ToolInputError(`unknown rule ${JSON.stringify(id)}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; list_rules gives every rule id`);
    }
    return rule;
  }

  /** The rule ids of the resources (aisec://rules/<id>) and a rule's docs page. */
  ruleIds(): { id: string; description: string }[] {
    return this.configFor(this.root).rules.map((r) => ({ id: r.meta.id, description: r.meta.shortDescription }));
  }

  ruleDoc(id: string): string {
    const loaded = this.configFor(this.root);
    const rule = this.rule(id, loaded);
    return rule.docs.trim() ? rule.docs : explainText(rule, loaded);
  }

  /** The configuration in force for a folder or file (default: the root), as the CLI and the editor load it. */
  effectiveConfig(p?: string): object {
    const target = p ? this.resolveInside(p, 'path').abs : this.root;
    let dir = target;
    try {
      if (!fs.statSync(target).isDirectory()) dir = path.dirname(target);
    } catch {
      dir = path.dirname(target);
    }
    const loaded = this.configFor(dir);
    const c = loaded.config;
    const rows = ruleRows(loaded);
    let baseline: object | undefined;
    if (this.baselineFile) {
      try {
        baseline = { file: relPath(this.root, this.baselineFile), fingerprints: readBaseline(this.baselineFile).size };
      } catch (e) {
        baseline = { file: relPath(this.root, this.baselineFile), error: (e as Error).message };
      }
    }
    return {
      root: this.root,
      for: relPath(this.root, target) || '.',
      configFiles: loaded.files.map((f) => relPath(this.root, f)),
      explicitConfig: this.configFile ? relPath(this.root, this.configFile) : undefined,
      packs: loaded.packs.map((pk) => ({ file: relPath(this.root, pk.file), name: pk.name, version: pk.version, owner: pk.owner, sha256: pk.sha256 })),
      errors: loaded.errors.map((e) => ({ file: relPath(this.root, e.file), line: e.line, column: e.column, message: e.message })),
      warnings: (loaded.warnings ?? []).map((e) => ({ file: relPath(this.root, e.file), line: e.line, column: e.column, message: e.message })),
      ignore: c.ignore,
      roles: c.roles ?? {},
      policy: c.policy,
      suppressions: c.suppressions,
      maxFileSize: c.maxFileSize,
      baseline,
      rules: {
        enabled: rows.filter((r) => r.severity !== 'off').length,
        off: rows.filter((r) => r.severity === 'off').map((r) => r.id),
        changedFromDefault: rows.filter((r) => r.severity !== r.defaultSeverity).map((r) => ({ id: r.id, severity: r.severity, default: r.defaultSeverity, source: r.source })),
      },
    };
  }
}

function clip(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function findingOut(f: Finding, text: string, lines: LineIndex, rule: RegisteredRule | undefined, loaded: LoadedConfig): FindingOut {
  const edit = (e: { start: number; end: number; newText: string }): EditOut => {
    const r = lines.rangeOf(e.start, e.end);
    return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, oldText: text.slice(e.start, e.end), newText: e.newText };
  };
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    text: clip(text.slice(f.start, f.end)),
    role: f.role,
    owasp: rule?.meta.owasp ?? [],
    cwe: rule?.meta.cwe ?? [],
    policy: rule ? policyLink(rule.meta, loaded.config) : undefined,
    fingerprint: f.fingerprint,
    fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, edits: x.edits.map(edit) })),
    lesson: `aisec://rules/${f.ruleId}`,
  };
}
