/**
 * The language server: the only code (with lsp/*) that imports vscode-languageserver.
 * It translates protocol in -> one engine call -> protocol out, and keeps no state between requests
 * beyond caches (settings and configs per resource, cleared on change) and pending debounced runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  Connection,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  WorkDoneProgressReporter,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initAnalyzers } from '../analyzers';
import { registerExerciseRequests } from './exercises';
import { analyze } from '../engine/engine';
import { isIgnored } from '../engine/engine';
import { LineIndex } from '../engine/lineIndex';
import type { AnalysisResult } from '../engine/model';
import { builtinRules, ruleById } from '../engine/registry';
import type { LoadedConfig } from '../packs/config';
import type { RegisteredRule } from '../engine/rule';
import { CONFIG_FILE_NAMES, loadConfigFor } from '../packs/config';
import type { AisecSettings, DiagnosticData, FixAppliedArgs, GuidedFixArgs, ScanSummary, SuppressArgs } from '../protocol';
import { APPLY_GUIDED_FIX_COMMAND, FIX_APPLIED_COMMAND } from '../protocol';
import { guidedAskOf, pinRevisionAsk, pinRevisionEdit } from './guidedFixes';
import { APPLY_SUPPRESSION_COMMAND, DEFAULT_SETTINGS, FIX_ALL_KIND, SCAN_WORKSPACE_COMMAND, SUPPRESS_COMMAND, suppressionLine } from '../protocol';
import type { EffectiveConfig } from '../engine/config';
import { collectFiles, fileTypeName, readText } from '../workspace/files';
import { fileSource, WorkspaceIndex as ProjectIndex } from '../workspace/projectIndex';
import { relPath } from '../workspace/scan';
import { isManifestFile, WorkspaceIndex } from '../workspace/manifests';
import { filterBaseline, readBaseline } from '../workspace/baseline';
import { inventoryOfFiles } from '../workspace/inventory';
import type { InventoryInput } from '../workspace/inventory';
import type { InventoryResult } from '../protocol';
import { INVENTORY_REQUEST } from '../protocol';
import { toDiagnostic } from './convert';
import { deadline, normalizeSettings, overLimit } from './settings';
import { cancelIdleCollect, collectWhenIdle } from './idleGc';
import { warmUp } from './warmUp';
import { hoverMarkdown } from './hover';
import { registerLearningRequests } from './learning';
import { lessonResponse } from './lesson';
import { LESSON_KIND, LESSON_REQUEST, SHOW_LESSON_COMMAND } from '../protocol/lesson';
import type { LessonParams, LessonResponse } from '../protocol/lesson';
import { DIAGNOSTICS_REQUEST } from '../protocol/diagnostics';
import type { DocumentDiagnosticsParams, DocumentDiagnosticsResponse } from '../protocol/diagnostics';

const rulesById = ruleById(builtinRules);
/** Rule lookup per loaded config (built-ins plus its packs' declarative rules). */
const ruleMaps = new WeakMap<LoadedConfig, Map<string, RegisteredRule>>();
function rulesOf(loaded: LoadedConfig | undefined): Map<string, RegisteredRule> {
  if (!loaded || loaded.rules === builtinRules) return rulesById;
  let m = ruleMaps.get(loaded);
  if (!m) ruleMaps.set(loaded, (m = ruleById(loaded.rules)));
  return m;
}
/** Rule packs (data files) are watched like configs. */
const PACK_FILE = /(^|\.)aisec-pack\.(json|ya?ml)$/;

interface ClientFeatures {
  configuration: boolean;
  pull: boolean;
  refresh: boolean;
  progress: boolean;
  /** Our VS Code client asks for a justification itself (initializationOptions.suppressPrompt). */
  suppressPrompt: boolean;
  /** ...and for the values of guided fixes, and runs FIX_APPLIED_COMMAND after a fix (initializationOptions.guidedFixes). */
  guidedFixes: boolean;
  /** Our VS Code client shows lessons (initializationOptions.lessons): links go to `aisec.showLesson`. */
  lessons: boolean;
  watchedFilesDynamic: boolean;
  /** Restricted Mode (initializationOptions.restricted): built-in rules only, no workspace config or packs. */
  restricted: boolean;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const features: ClientFeatures = { configuration: false, pull: false, refresh: false, progress: false, suppressPrompt: false, guidedFixes: false, lessons: false, watchedFilesDynamic: false, restricted: false };
  let workspaceRoots: string[] = [];
  const settingsCache = new Map<string, Promise<AisecSettings>>();
  const configCache = new Map<string, LoadedConfig>();
  /** Declared dependencies per workspace root (package rules); cleared with the config cache. */
  const workspacePackagesCache = new Map<string, WorkspaceIndex>();
  const pending = new Map<string, NodeJS.Timeout>();
  const pulledUris = new Set<string>();
  /**
   * Documents whose findings were pushed to a client that also pulls: by the workspace scan while closed, or by an
   * analysis that finished before the client's first pull of a (re)opened document. VS Code keeps pushed and pulled
   * diagnostics in two collections, so the pushed copy is cleared at the first pull, else the Problems panel lists
   * every finding twice.
   */
  const pushedToPuller = new Set<string>();
  /** Config files whose errors we published, so they can be cleared. */
  const configDiagnosticUris = new Set<string>();
  /** Config/pack errors per file URI, merged into that document's own diagnostics when it is open. */
  const configDiagnostics = new Map<string, Diagnostic[]>();
  /** Config error sets already shown in a message box (shown once, not per directory). */
  const shownConfigErrors = new Set<string>();
  const ready = initAnalyzers(__dirname);

  const log = (msg: string) => connection.console.log(`[aisec] ${msg}`);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    features.configuration = !!caps.workspace?.configuration;
    features.pull = !!caps.textDocument?.diagnostic;
    features.refresh = !!caps.workspace?.diagnostics?.refreshSupport;
    features.progress = !!caps.window?.workDoneProgress;
    features.watchedFilesDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = (params.initializationOptions ?? {}) as { suppressPrompt?: boolean; guidedFixes?: boolean; lessons?: boolean; restricted?: boolean };
    features.restricted = init.restricted === true;
    if (features.restricted) log('Restricted Mode: built-in rules only (no workspace config, packs or baseline outside the workspace)');
    features.suppressPrompt = !!init.suppressPrompt;
    features.guidedFixes = !!init.guidedFixes;
    features.lessons = !!init.lessons;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!workspaceRoots.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) workspaceRoots.push(p);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [APPLY_SUPPRESSION_COMMAND, SCAN_WORKSPACE_COMMAND] },
        ...(features.pull ? { diagnosticProvider: { identifier: 'aisec', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'aisec-language-server', version: typeof AISEC_VERSION === 'string' ? AISEC_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    // first diagnostics: the parsers and rules get their first-use costs out of the way before a file is opened
    void ready.then(() => warmUp());
    if (features.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'aisec' });
    if (features.watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...CONFIG_FILE_NAMES, '*.aisec-pack.{yaml,yml,json}', 'aisec-pack.{yaml,yml,json}', ...MANIFEST_GLOBS].map((n) => ({ globPattern: `**/${n}` })),
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      workspaceRoots = workspaceRoots.filter((r) => !removed.has(r)).concat(e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p));
      invalidateAll();
    });
  });

  // ---- settings and config (per resource, cleared on change) ----
  function getSettings(uri: string): Promise<AisecSettings> {
    if (!features.configuration) return Promise.resolve(normalizeSettings(DEFAULT_SETTINGS));
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'aisec' })
        .then((v: Partial<AisecSettings> | null) => normalizeSettings(v))
        .catch(() => normalizeSettings(DEFAULT_SETTINGS));
      settingsCache.set(uri, s);
    }
    return s;
  }

  function rootFor(file: string): string | undefined {
    let best: string | undefined;
    for (const r of workspaceRoots) if (isInside(file, r) && (!best || r.length > best.length)) best = r;
    return best;
  }

  function configFor(file: string, settings: AisecSettings): LoadedConfig {
    const dir = path.dirname(file);
    const root = rootFor(file);
    const explicit = settings.configPath && !features.restricted ? path.resolve(root ?? dir, settings.configPath) : undefined;
    const allowOutside = settings.allowExtendsOutsideWorkspace === true;
    const key = `${dir}\u0000${explicit ?? ''}\u0000${allowOutside}`;
    let c = configCache.get(key);
    if (!c) {
      c = loadConfigFor(dir, root, builtinRules, explicit, { restricted: features.restricted, allowExtendsOutside: allowOutside, boundary: root });
      configCache.set(key, c);
      publishConfigErrors(c);
    }
    return c;
  }

  function publishConfigErrors(c: LoadedConfig): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of c.files) byFile.set(f, []);
    for (const e of c.errors) {
      const list = byFile.get(e.file) ?? [];
      list.push(Diagnostic.create({ start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.line - 1, character: 10_000 } }, `AISec config: ${e.message} (analysis continues with the valid settings)`, DiagnosticSeverity.Error, 'config', 'aisec'));
      byFile.set(e.file, list);
    }
    for (const w of c.warnings ?? []) byFile.set(w.file, [...(byFile.get(w.file) ?? []), Diagnostic.create({ start: { line: w.line - 1, character: w.column - 1 }, end: { line: w.line - 1, character: 10_000 } }, `AISec config: ${w.message}`, DiagnosticSeverity.Warning, 'config', 'aisec')]);
    for (const [file, diags] of byFile) {
      const uri = pathToFileURL(file).toString();
      if (diags.length || configDiagnosticUris.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics: diags });
        if (diags.length) configDiagnosticUris.add(uri);
        else configDiagnosticUris.delete(uri);
        if (diags.length) configDiagnostics.set(uri, diags);
        else configDiagnostics.delete(uri);
      }
    }
    const key = c.errors.map((e) => `${e.file}:${e.line}:${e.message}`).join('|');
    if (c.errors.length && !shownConfigErrors.has(key)) {
      shownConfigErrors.add(key);
      void connection.window.showErrorMessage(`AISec: ${c.errors.length} problem(s) in ${path.basename(c.errors[0].file)}: ${c.errors[0].message} (line ${c.errors[0].line})`);
    }
  }

  /** config + the workspace's declared dependencies (read once per root, see workspace/manifests.ts). */
  function withWorkspace(config: EffectiveConfig, file: string | undefined): EffectiveConfig {
    const root = file ? rootFor(file) : undefined;
    if (!root) return config;
    let index = workspacePackagesCache.get(root);
    if (!index) {
      index = new WorkspaceIndex(root);
      workspacePackagesCache.set(root, index);
    }
    // each file sees its own folder's manifests and those above it (never a sibling project's)
    return { ...config, workspace: index.forFile(file!) };
  }

  /** A rule pack, or any file a cached config was loaded from (packs named anything, via extends). */
  function isConfigInput(file: string): boolean {
    if (!file) return false;
    if (PACK_FILE.test(path.basename(file))) return true;
    for (const c of configCache.values()) if (c.files.includes(file)) return true;
    return false;
  }

  /** Fingerprints of the `aisec.baseline` file (relative to the workspace folder), re-read whenever its mtime changes. */
  const baselineCache = new Map<string, { mtimeMs: number; known: Set<string> }>();
  const baselineProblems = new Set<string>();
  function baselineFor(file: string | undefined, settings: AisecSettings): Set<string> | undefined {
    if (!settings.baseline) return undefined;
    const base = (file && rootFor(file)) ?? workspaceRoots[0] ?? process.cwd();
    const abs = path.resolve(base, settings.baseline);
    const problem = (msg: string) => {
      if (baselineProblems.has(abs + msg)) return;
      baselineProblems.add(abs + msg);
      log(`baseline ${abs}: ${msg}`);
      void connection.window.showWarningMessage(`AISec: baseline ${settings.baseline}: ${msg}. All findings are shown.`);
    };
    // Restricted Mode: a baseline outside the workspace is not read
    if (features.restricted && !(workspaceRoots.some((r) => isInside(abs, r)))) {
      problem('outside the workspace, not read in Restricted Mode');
      return undefined;
    }
    let mtimeMs: number;
    try {
      const st = fs.statSync(abs);
      if (!st.isFile()) {
        problem(`${fileTypeName(st)}, not a regular file: not read`);
        return undefined;
      }
      mtimeMs = st.mtimeMs;
    } catch {
      problem('file not found');
      return undefined;
    }
    const cached = baselineCache.get(abs);
    if (cached && cached.mtimeMs === mtimeMs) return cached.known;
    try {
      const known = readBaseline(abs);
      baselineCache.set(abs, { mtimeMs, known });
      return known;
    } catch (e) {
      problem((e as Error).message);
      return undefined;
    }
  }

  // ---- cross-file flow: one project index per workspace folder; open documents are read from the editor ----
  const projects = new Map<string, ProjectIndex>();
  function openText(abs: string): string | undefined {
    for (const d of documents.all()) if (uriToPath(d.uri) === abs) return d.getText();
    return undefined;
  }
  function projectFor(file: string | undefined): { index: ProjectIndex; rel: string } | undefined {
    const root = file ? rootFor(file) : undefined;
    if (!file || !root) return undefined;
    let index = projects.get(root);
    if (!index) {
      const list = (): string[] => collectFiles([root], 4 * 1024 * 1024).files.filter((f) => SOURCE_FILE.test(f)).map((f) => relPath(root, f)).sort().slice(0, MAX_PROJECT_FILES);
      index = new ProjectIndex(fileSource(root, list, openText));
      projects.set(root, index);
    }
    return { index, rel: relPath(root, file) };
  }
  /** A source file changed in the editor: forget its summary and re-analyse the open files that import it or that it imports. */
  function sourceChanged(doc: TextDocument, delay: number): void {
    const p = projectFor(uriToPath(doc.uri));
    if (!p || !SOURCE_FILE.test(p.rel)) return;
    p.index.invalidate(p.rel);
    const related = new Set([...p.index.importersOf(p.rel), ...p.index.importsOf(p.rel)]);
    for (const d of documents.all()) {
      if (d.uri === doc.uri) continue;
      const other = projectFor(uriToPath(d.uri));
      if (other?.index === p.index && related.has(other.rel)) {
        lastAnalysis.delete(d.uri);
        schedule(d, delay);
      }
    }
  }

  function invalidateAll(): void {
    generation++;
    projects.clear();
    largeFolders.clear();
    settingsCache.clear();
    configCache.clear();
    workspacePackagesCache.clear();
    if (features.refresh) void connection.languages.diagnostics.refresh();
    for (const d of documents.all()) schedule(d, 0);
  }

  // ---- analysis ----
  type Analysis = { result: AnalysisResult; diagnostics: Diagnostic[]; loaded?: LoadedConfig } | undefined;
  /** The last analysis per open document: hover and code actions on an unchanged document reuse it. */
  const lastAnalysis = new Map<string, { version: number; generation: number; value: Analysis }>();
  /** Bumped whenever settings or configs change, which makes every cached analysis stale. */
  let generation = 0;

  /** Is `doc` (a version of an open document) no longer the current one, or closed? */
  function superseded(doc: TextDocument): boolean {
    return documents.get(doc.uri)?.version !== doc.version;
  }

  /**
   * The analysis of this version of `doc`, or SUPERSEDED when a newer version (or a close) arrived before it ran: the
   * caller drops it. Analyses of one version are shared (the same promise), so a hover during a run waits for it.
   */
  async function analyzeDocument(doc: TextDocument): Promise<Analysis | typeof SUPERSEDED> {
    const cached = lastAnalysis.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached.value;
    const running = inFlight.get(doc.uri);
    if (running && running.version === doc.version && running.generation === generation) return running.value;
    const startGeneration = generation;
    const value = analyzeDocumentNow(doc);
    const entry = { version: doc.version, generation, value };
    inFlight.set(doc.uri, entry);
    try {
      const v = await value;
      if (v !== SUPERSEDED && startGeneration === generation && !superseded(doc)) lastAnalysis.set(doc.uri, { version: doc.version, generation, value: v });
      return v;
    } finally {
      if (inFlight.get(doc.uri) === entry) inFlight.delete(doc.uri);
    }
  }
  /** The analysis of the current version of `doc`'s document (for requests: hover, code actions, pull); undefined once closed. */
  async function currentAnalysis(doc: TextDocument): Promise<Analysis> {
    let d: TextDocument | undefined = doc;
    for (;;) {
      const r = await analyzeDocument(d);
      if (r !== SUPERSEDED) return r;
      d = documents.get(doc.uri);
      if (!d) return undefined;
    }
  }
  /** The analysis running per document (one version at a time). */
  const inFlight = new Map<string, { version: number; generation: number; value: Promise<Analysis | typeof SUPERSEDED> }>();

  /**
   * The one analysis pipeline of the server (open documents, workspace scan, inventory): config for the
   * file, ignore globs, workspace packages, engine, baseline. Undefined when analysis is off for the file.
   */
  function analyzeText(file: string | undefined, fallbackPath: string, text: string, languageId: string | undefined, settings: AisecSettings, editor?: { alone?: boolean; timeFactor?: number }): { result: AnalysisResult; rel: string; config: EffectiveConfig; loaded?: LoadedConfig } | undefined {
    if (!settings.enable) return undefined;
    const loaded = file ? configFor(file, settings) : undefined;
    const config = withWorkspace(loaded?.config ?? loadConfigFor(process.cwd(), undefined, builtinRules).config, file);
    const root = file ? rootFor(file) : undefined;
    // relative to its workspace folder; a file outside every folder keeps its absolute path (dialects such as
    // .vscode/mcp.json are recognised from the path)
    const rel = file ? (root ? relPath(root, file) : file.split(path.sep).join('/')) : fallbackPath;
    const relToConfig = loaded && file ? relPath(loaded.root, file) : undefined;
    if (relToConfig !== undefined && isIgnored(relToConfig, config)) return { result: { path: rel, kind: undefined, findings: [], errors: [] }, rel, config, loaded };
    // an open document: the editor's per-document limits (size and lines before anything is parsed, time between rules)
    const limits = editor && settings.editorLimits ? { ...settings.editorLimits, maxAnalysisMs: settings.editorLimits.maxAnalysisMs * (editor.timeFactor ?? 1) } : undefined;
    const skip = limits ? overLimit(text, limits) : undefined;
    const project = !skip && !editor?.alone && file && SOURCE_FILE.test(file) ? projectFor(file)?.index : undefined;
    const result = analyze({ path: rel, text, languageId, rolePath: relToConfig, project, skip, stop: limits && !skip ? deadline(limits) : undefined }, config, loaded?.rules ?? builtinRules);
    const baseline = baselineFor(file, settings);
    if (baseline) result.findings = filterBaseline(result.findings, baseline);
    for (const e of result.errors) if (e.kind !== 'parse') log(e.message);
    return { result, rel, config, loaded };
  }

  function toDiagnostics(a: { result: AnalysisResult; rel: string; config: EffectiveConfig; loaded?: LoadedConfig }, text: string, uri: string): Diagnostic[] {
    const lines = new LineIndex(text);
    const fmEnd = frontMatterEndLine(text);
    const rules = rulesOf(a.loaded);
    return a.result.findings.filter((f) => !f.suppression).map((f) => toDiagnostic(f, rules.get(f.ruleId), a.config, lines, a.rel, a.result.kind, fmEnd, features.lessons ? uri : undefined));
  }

  /** `alone`: without the other workspace files (no cross-file flow; the first publish after an open). */
  async function analyzeDocumentNow(doc: TextDocument, how: { alone?: boolean } = {}): Promise<Analysis | typeof SUPERSEDED> {
    await ready;
    const settings = await getSettings(doc.uri);
    // cancellation: a newer version arrived while this run waited (parser, settings): it is not started at all
    if (superseded(doc)) return SUPERSEDED;
    cancelIdleCollect();
    const text = doc.getText();
    // the first full analysis after an open may compute many files' summaries: a longer time limit (x10)
    const a = analyzeText(uriToPath(doc.uri), doc.uri, text, doc.languageId, settings, { alone: how.alone, timeFactor: openedVersion.get(doc.uri) === doc.version && !how.alone ? 10 : 1 });
    if (!a) return undefined;
    const diagnostics = toDiagnostics(a, text, doc.uri);
    diagnostics.push(...(configDiagnostics.get(doc.uri) ?? []));
    return { result: a.result, diagnostics, loaded: a.loaded };
  }

  /** Debounced runs: a newer schedule of the same document replaces the older one (its timer is cleared). */
  function schedule(doc: TextDocument, delay: number, opened = false): void {
    const prev = pending.get(doc.uri);
    if (prev) clearTimeout(prev);
    pending.set(
      doc.uri,
      setTimeout(() => {
        pending.delete(doc.uri);
        void validate(doc.uri, doc.version, opened);
      }, delay),
    );
  }

  /**
   * Analyse and publish one version. `opened`: the document was just opened. Its first full analysis may have to
   * compute the summaries of many workspace files (cross-file flow: seconds in a large package), so the file's own
   * analysis (without the other files) is published first, and the full one replaces it a macrotask later, unless an
   * edit superseded it meanwhile.
   */
  async function validate(uri: string, version: number, opened = false): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return; // superseded
    try {
      if (opened && !features.pull && SOURCE_FILE.test(uri) && !lastAnalysis.has(uri) && largeWorkspace(uriToPath(uri))) {
        const alone = await analyzeDocumentNow(doc, { alone: true });
        if (alone === SUPERSEDED || superseded(doc)) return;
        void connection.sendDiagnostics({ uri, version, diagnostics: alone?.diagnostics ?? [] });
        // let an edit (or a close) that is already waiting arrive first: it supersedes the full run
        await new Promise((r) => setImmediate(r));
        if (superseded(doc)) return;
      }
      const r = await analyzeDocument(doc);
      // the young generation is emptied while idle, before the next edit's analysis (idleGc.ts; pushed or pulled)
      collectWhenIdle();
      // cancellation: the analysis of a version that a newer one superseded (before or while it ran) is dropped, never
      // published; the newer version's own run publishes
      const current = documents.get(uri);
      if (r === SUPERSEDED || !current || current.version !== version) return;
      if (features.pull && pulledUris.has(uri)) {
        if (features.refresh) void connection.languages.diagnostics.refresh();
        return;
      }
      void connection.sendDiagnostics({ uri, version, diagnostics: r?.diagnostics ?? [] });
      if (features.pull) pushedToPuller.add(uri);
    } catch (e) {
      log(`analysis of ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  }

  /**
   * Does the workspace folder of `file` hold more than FIRST_PUBLISH_ALONE source files (a bounded walk, cached per
   * folder)? There, the first analysis of an opened document publishes the file's own findings first (validate).
   */
  const largeFolders = new Map<string, boolean>();
  function largeWorkspace(file: string | undefined): boolean {
    const root = file ? rootFor(file) : undefined;
    if (!root) return false;
    let large = largeFolders.get(root);
    if (large === undefined) largeFolders.set(root, (large = moreSourceFilesThan(root, FIRST_PUBLISH_ALONE)));
    return large;
  }

  /** The version each document was opened with: its first onDidChangeContent is the open itself, not an edit. */
  const openedVersion = new Map<string, number>();
  documents.onDidOpen(async (e) => {
    openedVersion.set(e.document.uri, e.document.version);
    schedule(e.document, 0, true);
  });
  documents.onDidChangeContent(async (e) => {
    // the open (already scheduled, without debounce; the workspace's files did not change)
    if (openedVersion.get(e.document.uri) === e.document.version) return;
    openedVersion.delete(e.document.uri);
    const settings = await getSettings(e.document.uri);
    if (settings.run === 'onType') {
      schedule(e.document, settings.debounceMs);
      sourceChanged(e.document, settings.debounceMs);
    }
  });
  documents.onDidSave(async (e) => {
    const settings = await getSettings(e.document.uri);
    if (settings.run === 'onSave') schedule(e.document, 0);
    if (settings.run === 'onSave') sourceChanged(e.document, 0);
    const saved = uriToPath(e.document.uri) ?? '';
    if (CONFIG_FILE_NAMES.includes(path.basename(saved)) || isConfigInput(saved) || isManifestFile(saved)) invalidateAll();
  });
  documents.onDidClose((e) => {
    // the file is read from disk again from now on
    const closed = projectFor(uriToPath(e.document.uri));
    if (closed) closed.index.invalidate(closed.rel);
    const t = pending.get(e.document.uri);
    if (t) clearTimeout(t);
    pending.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    pulledUris.delete(e.document.uri);
    pushedToPuller.delete(e.document.uri);
    lastAnalysis.delete(e.document.uri);
    openedVersion.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    pulledUris.add(params.textDocument.uri);
    // the client pulls this document now: clear what was pushed for it before (see pushedToPuller)
    if (pushedToPuller.delete(params.textDocument.uri)) void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const r = await currentAnalysis(doc);
    return { kind: DocumentDiagnosticReportKind.Full, items: r?.diagnostics ?? [] };
  });

  connection.onDidChangeConfiguration(() => invalidateAll());
  connection.onDidChangeWatchedFiles((e) => {
    if (e.changes.some((c) => CONFIG_FILE_NAMES.includes(path.basename(uriToPath(c.uri) ?? '')) || isConfigInput(uriToPath(c.uri) ?? '') || isManifestFile(uriToPath(c.uri) ?? '') || c.type === FileChangeType.Deleted)) invalidateAll();
  });

  // ---- hover ----
  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const r = await currentAnalysis(doc);
    if (!r) return null;
    const offset = doc.offsetAt(params.position);
    const hits = r.result.findings.filter((f) => f.start <= offset && offset <= Math.max(f.end, f.start + 1));
    if (!hits.length) return null;
    const config = r.loaded?.config ?? loadConfigFor(process.cwd(), undefined, builtinRules).config;
    const learningMode = !!(await getSettings(doc.uri)).learningMode;
    const md = hits
      .map((f) => {
        const rule = rulesOf(r.loaded).get(f.ruleId);
        return rule ? hoverMarkdown(f, rule, config, { lessons: features.lessons, learningMode, finding: { uri: doc.uri, range: f.range } }) : f.message;
      })
      .join('\n\n---\n\n');
    return { contents: { kind: 'markdown', value: md }, range: { start: doc.positionAt(hits[0].start), end: doc.positionAt(hits[0].end) } };
  });

  // ---- code actions: rebuilt from Diagnostic.data, no server state ----
  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const wantsFixAll = !!only?.some((k) => k === FIX_ALL_KIND || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
    const actions: CodeAction[] = [];
    if (wantsFixAll) {
      const r = await currentAnalysis(doc);
      const edits = nonOverlapping((r?.result.findings ?? []).filter((f) => !f.suppression).flatMap((f) => f.fixes.filter((x) => x.kind === 'autofix').slice(0, 1).flatMap((x) => x.edits)));
      if (edits.length) {
        actions.push({
          title: 'AISec: apply all safe fixes',
          kind: FIX_ALL_KIND,
          edit: docEdit(doc, edits.map((e) => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText))),
        });
      }
      return actions;
    }
    for (const d of params.context.diagnostics) {
      if (d.source !== 'aisec' || !d.data) continue;
      const data = d.data as DiagnosticData;
      data.fixes.forEach((fx, i) => {
        const title = fx.kind === 'autofix' ? fx.title : `${fx.title} (review the change)`;
        // a client that prompts (VS Code) asks for values only the user knows, and offers "Explain this fix" after
        const ask = features.guidedFixes ? guidedAskOf(data.ruleId, fx) : undefined;
        if (ask) {
          const args: GuidedFixArgs = { uri: doc.uri, version: doc.version, ruleId: data.ruleId, title: fx.title, edits: fx.edits, ask, range: d.range };
          actions.push({ title: `${fx.title}... (asks for the name)`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fx.kind === 'autofix', command: { title: fx.title, command: APPLY_GUIDED_FIX_COMMAND, arguments: [args] } });
          return;
        }
        const after: FixAppliedArgs = { uri: doc.uri, ruleId: data.ruleId, title: fx.title, range: d.range };
        actions.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0 && fx.kind === 'autofix',
          edit: docEdit(doc, fx.edits.map((e) => TextEdit.replace(e.range, e.newText))),
          ...(features.guidedFixes ? { command: { title: 'Explain this fix', command: FIX_APPLIED_COMMAND, arguments: [after] } } : {}),
        });
      });
      if (features.guidedFixes && data.ruleId === 'unpinned-model-revision' && /\.(py|ipynb)$/.test(doc.uri)) {
        const pin = pinRevisionEdit(doc.getText(), typeof d.message === 'string' ? d.message : d.message.value, doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
        if (pin) {
          const edits = [{ range: { start: doc.positionAt(pin.start), end: doc.positionAt(pin.end) }, newText: pin.newText }];
          const args: GuidedFixArgs = { uri: doc.uri, version: doc.version, ruleId: data.ruleId, title: 'Pin the model to a commit sha', edits, ask: pinRevisionAsk(), range: d.range };
          actions.push({ title: 'Pin the model to a commit sha... (asks for the sha)', kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: args.title, command: APPLY_GUIDED_FIX_COMMAND, arguments: [args] } });
        }
      }
      if (data.comment.prefix) {
        const args: SuppressArgs = { uri: doc.uri, ruleId: data.ruleId, line: data.line, indent: data.indent, comment: data.comment };
        if (features.suppressPrompt) {
          actions.push({ title: `AISec: suppress ${data.ruleId} on this line (asks for a justification)...`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: 'Suppress with justification', command: SUPPRESS_COMMAND, arguments: [args] } });
        } else {
          // editors without our prompt get the comment with an empty justification to fill in:
          // until it is written, the directive is itself reported (invalid-suppression)
          actions.push({ title: `AISec: suppress ${data.ruleId} on this line (write the justification after "--")`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: docEdit(doc, [TextEdit.insert({ line: data.line, character: 0 }, suppressionLine(args))]) });
        }
      }
    }
    // after the fixes: the lesson of each rule. Not a fix, so kind "" (VS Code lists it under "More Actions").
    // The Problems panel's context menu shows only quick-fix kinds (VS Code 1.100 has no problems/context menu
    // for extensions): to a request for quick fixes only, the lesson comes as the sub-kind LESSON_KIND, last.
    const lessonKind = !only ? CodeActionKind.Empty : only.some((k) => k === CodeActionKind.QuickFix || LESSON_KIND.startsWith(`${k}.`) || k === LESSON_KIND) ? LESSON_KIND : undefined;
    if (features.lessons && lessonKind !== undefined) {
      for (const d of params.context.diagnostics) {
        if (d.source !== 'aisec' || !d.data) continue;
        const ruleId = (d.data as DiagnosticData).ruleId;
        if (!actions.some((a) => a.command?.command === SHOW_LESSON_COMMAND && a.command.arguments?.[0] === ruleId)) {
          actions.push({ title: `Learn: ${ruleId}`, kind: lessonKind, diagnostics: [d], command: { title: `Learn: ${ruleId}`, command: SHOW_LESSON_COMMAND, arguments: [ruleId, { uri: doc.uri, range: d.range }] } });
        }
      }
    }
    return actions;
  });

  // ---- the lesson of a rule, with the finding ("your code") when one is named ----
  connection.onRequest(LESSON_REQUEST, (p: LessonParams) => lessonOfRequest(p));
  async function lessonOfRequest(p: LessonParams): Promise<LessonResponse | null> {
    await ready;
    const doc = p.uri ? documents.get(p.uri) : undefined;
    const r = doc ? await currentAnalysis(doc) : undefined;
    const file = p.uri ? uriToPath(p.uri) : workspaceRoots[0] && path.join(workspaceRoots[0], '.aisec.yaml');
    const loaded = r?.loaded ?? (file ? configFor(file, await getSettings(p.uri ?? pathToFileURL(file).toString())) : undefined);
    const rule = rulesOf(loaded).get(p.ruleId);
    if (!rule) return null;
    const config = loaded?.config ?? loadConfigFor(process.cwd(), undefined, builtinRules).config;
    return lessonResponse(rule, config, p, doc && r ? { text: doc.getText(), findings: r.result.findings } : undefined);
  }

  // ---- one document's diagnostics as the editor gets them (the VS Code language-model tool; protocol/diagnostics.ts) ----
  connection.onRequest(DIAGNOSTICS_REQUEST, async (p: DocumentDiagnosticsParams): Promise<DocumentDiagnosticsResponse | null> => {
    if (!p || typeof p.uri !== 'string') return null;
    await ready;
    const open = p.snippet ? undefined : documents.get(p.uri);
    if (open) {
      const r = await currentAnalysis(open);
      return { uri: p.uri, from: 'open', version: documents.get(p.uri)?.version, analysed: !!r, diagnostics: r?.diagnostics ?? [] };
    }
    if (typeof p.text !== 'string') return { uri: p.uri, from: 'text', analysed: false, diagnostics: [] };
    const a = analyzeText(uriToPath(p.uri), p.uri, p.text, p.languageId, await getSettings(p.uri), { alone: !!p.snippet, timeFactor: 10 });
    const diagnostics = a ? toDiagnostics(a, p.text, p.uri) : [];
    if (a && !p.snippet) diagnostics.push(...(configDiagnostics.get(p.uri) ?? []));
    return { uri: p.uri, from: 'text', analysed: !!a, diagnostics };
  });

  /** Built-in rule ids plus those of every pack loaded so far (for command argument validation). */
  function knownRuleIds(): Set<string> {
    const ids = new Set(builtinRules.map((r) => r.meta.id));
    for (const c of configCache.values()) for (const r of c.rules) ids.add(r.meta.id);
    return ids;
  }

  connection.onExecuteCommand(async (params, token, workDone) => {
    if (params.command === APPLY_SUPPRESSION_COMMAND) {
      const a = params.arguments?.[0] as SuppressArgs | undefined;
      const invalid = invalidSuppressArgs(a, (uri) => documents.get(uri)?.lineCount, (id) => knownRuleIds().has(id));
      if (invalid) {
        log(`${APPLY_SUPPRESSION_COMMAND} refused: ${invalid}`);
        return { applied: false, reason: invalid };
      }
      const doc = documents.get(a!.uri)!;
      const r = await connection.workspace.applyEdit({ label: `Suppress ${a!.ruleId}`, edit: docEdit(doc, [TextEdit.insert({ line: a!.line, character: 0 }, suppressionLine(a!))]) });
      return { applied: r.applied };
    }
    if (params.command === SCAN_WORKSPACE_COMMAND) return scanWorkspace(token, WorkDoneProgressReporter.isNullInstance(workDone) ? undefined : workDone);
    return undefined;
  });

  /**
   * Analyses every file of the workspace folders and publishes the findings of the files that are not open.
   * Progress: on the client's work-done token when the request carries one (our VS Code client shows it as a
   * cancellable notification), else a server-initiated one. Cancelling the request (or the server-initiated
   * progress) stops the loop between two files; the summary then says how far it got.
   */
  async function scanWorkspace(token: CancellationToken, reporter: WorkDoneProgressReporter | undefined): Promise<ScanSummary> {
    await ready;
    const t0 = Date.now();
    const serverProgress = !reporter && features.progress ? await connection.window.createWorkDoneProgress() : undefined;
    const progress: WorkDoneProgressReporter | undefined = reporter ?? serverProgress;
    const cancelled = () => token.isCancellationRequested || !!serverProgress?.token.isCancellationRequested;
    const walk = collectFiles(workspaceRoots, 4 * 1024 * 1024);
    const total = walk.files.length;
    progress?.begin('AISec: scanning workspace', 0, `0/${total} files`, true);
    const summary: ScanSummary = { files: total, scanned: 0, findings: 0, bySeverity: { error: 0, warning: 0, info: 0 }, filesWithFindings: 0, rules: {}, ms: 0, cancelled: false };
    const count = (diags: Diagnostic[]) => {
      const own = diags.filter((d) => d.source === 'aisec' && d.code !== 'config');
      summary.findings += own.length;
      if (own.length) summary.filesWithFindings++;
      for (const d of own) {
        const sev = d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
        summary.bySeverity[sev]++;
        const rule = typeof d.code === 'string' ? d.code : String(d.code ?? '');
        summary.rules[rule] = (summary.rules[rule] ?? 0) + 1;
      }
    };
    let lastReport = Date.now();
    for (let i = 0; i < total; i++) {
      // let the connection read a cancellation between files
      if (i % 8 === 0) await new Promise((r) => setImmediate(r));
      if (cancelled()) {
        summary.cancelled = true;
        break;
      }
      const file = walk.files[i];
      const uri = pathToFileURL(file).toString();
      const open = documents.get(uri);
      summary.scanned++;
      if (open) {
        // open documents are analysed (and published) live: count their findings only
        const r = await currentAnalysis(open);
        count(r?.diagnostics ?? []);
      } else {
        const text = readText(file);
        if (text === undefined) continue;
        const a = analyzeText(file, file, text, undefined, await getSettings(uri));
        if (!a) continue;
        const diags = toDiagnostics(a, text, uri);
        count(diags);
        if (diags.length) {
          void connection.sendDiagnostics({ uri, diagnostics: diags });
          if (features.pull) pushedToPuller.add(uri);
        }
      }
      if (Date.now() - lastReport > 100 || i + 1 === total) {
        lastReport = Date.now();
        progress?.report(Math.round((100 * (i + 1)) / Math.max(1, total)), `${i + 1}/${total} files · ${path.basename(file)}`);
      }
    }
    progress?.done();
    summary.ms = Date.now() - t0;
    return summary;
  }

  // ---- AI inventory of the workspace (the client's tree view) ----
  connection.onRequest(INVENTORY_REQUEST, async (): Promise<InventoryResult> => {
    await ready;
    const walk = collectFiles(workspaceRoots, 4 * 1024 * 1024);
    const inputs: (InventoryInput & { uri: string })[] = [];
    for (const file of walk.files) {
      const uri = pathToFileURL(file).toString();
      const open = documents.get(uri);
      const text = open?.getText() ?? readText(file);
      if (text === undefined) continue;
      // open documents reuse their live analysis
      const a = open ? await currentAnalysis(open).then((r) => r && { result: r.result, rel: r.result.path }) : analyzeText(file, file, text, undefined, await getSettings(uri));
      if (!a || !a.result.kind) continue;
      inputs.push({ uri, rel: a.rel, text, findings: a.result.findings });
    }
    const uriOf = new Map(inputs.map((i) => [i.rel, i.uri]));
    const items = inventoryOfFiles(inputs).map((i) => ({ kind: i.kind, name: i.name, uri: uriOf.get(i.file) ?? i.file, range: i.range, details: i.details, findings: i.findings }));
    return { items };
  });

  registerLearningRequests(connection, () => workspaceRoots, async (uri) => (await getSettings(uri)).configPath, () => features.restricted);
  registerExerciseRequests(connection, ready, __dirname);
  documents.listen(connection);
  connection.listen();
}

declare const AISEC_VERSION: string;

/** An analysis not run (or not kept) because a newer version of the document arrived. */
const SUPERSEDED = Symbol('superseded');

/** Dependency manifests and lockfiles watched so the package rules see new dependencies (workspace/manifests.ts). */
const MANIFEST_GLOBS = ['requirements*.txt', 'pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py', 'environment.yml', 'uv.lock', 'poetry.lock', 'package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'tsconfig.json'];

function docEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
}

function nonOverlapping<T extends { start: number; end: number; newText: string }>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: T[] = [];
  let last = -1;
  for (const e of sorted) {
    // the same edit from several findings (e.g. one missing import) is applied once
    if (out.some((o) => o.start === e.start && o.end === e.end && o.newText === e.newText)) continue;
    if (e.start < last) continue;
    out.push(e);
    last = e.end;
  }
  return out;
}

/** Workspace folders with more source files than this publish an opened document's own findings first. */
const FIRST_PUBLISH_ALONE = 200;

/** More than `n` source files under `root` (node_modules, build output and dot folders aside)? Stops at n + 1. */
function moreSourceFilesThan(root: string, n: number): boolean {
  let count = 0;
  const dirs = [root];
  while (dirs.length) {
    const dir = dirs.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !/^(node_modules|dist|build|out|__pycache__|venv)$/.test(e.name)) dirs.push(path.join(dir, e.name));
      } else if (e.isFile() && SOURCE_FILE.test(e.name) && ++count > n) return true;
    }
  }
  return false;
}

/** Files that take part in cross-file flow, and how many of a workspace folder's are indexed at most. */
const SOURCE_FILE = /\.(py|ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const MAX_PROJECT_FILES = 20000;

/** Control characters and line breaks that must never reach a comment line written into a document. */
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Why the arguments of `aisec.applySuppression` are refused, or undefined when they are valid. Any client can
 * send the command: the justification is one line, the line is a non-negative integer inside the document,
 * the rule id is known, the uri is an open document and the comment pieces are short single-line strings.
 */
function invalidSuppressArgs(a: SuppressArgs | undefined, lineCountOf: (uri: string) => number | undefined, isKnownRule: (id: string) => boolean): string | undefined {
  if (!a || typeof a !== 'object') return 'missing arguments';
  if (typeof a.uri !== 'string') return 'uri must be a string';
  const lines = lineCountOf(a.uri);
  if (lines === undefined) return 'uri is not an open document';
  if (typeof a.ruleId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,120}$/.test(a.ruleId) || !isKnownRule(a.ruleId)) return 'unknown rule id';
  if (typeof a.line !== 'number' || !Number.isInteger(a.line) || a.line < 0 || a.line >= Math.max(1, lines)) return 'line must be a non-negative integer inside the document';
  if (typeof a.justification !== 'string' || !a.justification.trim()) return 'a justification is required';
  if (a.justification.length > 500 || UNSAFE_LINE.test(a.justification)) return 'the justification must be a single line (at most 500 characters, no control characters)';
  if (typeof a.indent !== 'string' || !/^[ \t]{0,200}$/.test(a.indent)) return 'indent must be spaces or tabs';
  const c = a.comment as { prefix?: unknown; suffix?: unknown } | undefined;
  if (!c || typeof c.prefix !== 'string' || typeof c.suffix !== 'string' || c.prefix.length > 10 || c.suffix.length > 10 || UNSAFE_LINE.test(c.prefix + c.suffix)) return 'comment must be { prefix, suffix }, short single-line strings';
  if (a.until !== undefined && (typeof a.until !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(a.until))) return 'until must be a date YYYY-MM-DD';
  if (a.by !== undefined && (typeof a.by !== 'string' || !/^[^\s\u0000-\u001f\u007f-\u009f]{1,100}$/.test(a.by) || a.by.includes('--'))) return 'by must be a single word (an owner handle)';
  return undefined;
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Line after a leading YAML front matter block (`---` ... `---`), or 0. */
function frontMatterEndLine(text: string): number {
  if (!text.startsWith('---')) return 0;
  const m = /\r?\n---\s*(\r?\n|$)/.exec(text.slice(3));
  if (!m) return 0;
  return text.slice(0, 3 + m.index).split('\n').length;
}
