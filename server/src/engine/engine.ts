/**
 * analyze(file, config, rules) -> findings + errors. Pure: no fs, no network, no clock.
 * Never throws on bad input: a file it cannot parse yields a parse error and whatever rules still apply.
 */
import type { ProjectIndex } from '../analyzers/flow/project';
import { minimatch } from 'minimatch';
import { buildViews, KIND_VIEWS } from '../analyzers';
import type { EffectiveConfig } from './config';
import { effectiveSeverity } from './config';
import { stableHash } from './hash';
import { LineIndex } from './lineIndex';
import type { AnalysisError, AnalysisResult, FileKind, FileRole, Finding, Fix, Severity, Suppression, TextEdit, ViewName } from './model';
import { detectFileKind } from './fileKind';
import { fileRole } from './fileRole';
import { ANALYSIS_INCOMPLETE_RULE, INVALID_SUPPRESSION_RULE } from './registry';
import type { RegisteredRule, ReportDescriptor, RuleContext } from './rule';
import { parseSuppressions } from './suppressions';
import { mayReport, prefiltersEnabled, PrefilterText, prefilterWords } from './prefilter';
import type { BaseView, Views } from './views';

export interface FileInput {
  /** Path relative to the workspace/scan root, posix separators (absolute is accepted too). */
  path: string;
  text: string;
  /** The editor's language id, when known. */
  languageId?: string;
  /**
   * The path relative to the config root (the folder of the nearest `.aisec.yaml`, else the workspace
   * root), for file roles and `roles` globs; defaults to `path`.
   */
  rolePath?: string;
  /** The other files of the workspace, for cross-file flow (imports resolved to workspace files); optional. */
  project?: ProjectIndex;
  /**
   * The caller's reason not to analyse this file (the editor's per-document limits): reported as analysis-incomplete.
   */
  skip?: string;
  /**
   * Asked before each rule (the editor's time limit): a reason stops the analysis there, and the rules not run are
   * reported as analysis-incomplete. analyze() itself reads no clock.
   */
  stop?: () => string | undefined;
}

const MINIFIED_LINE = 5000;

/** Why a file is not analysed, or undefined when it is. */
export function skipReason(file: FileInput, config: EffectiveConfig): string | undefined {
  const { text } = file;
  if (text.length > config.maxFileSize) return `file is ${(text.length / 1048576).toFixed(1)} MB, above the ${(config.maxFileSize / 1048576).toFixed(1)} MB limit`;
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\u0000')) return 'binary file (contains NUL bytes)';
  if (text.length > 100_000) {
    let lines = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    if (text.length / lines > MINIFIED_LINE) return 'minified or generated file (average line longer than 5,000 characters)';
  }
  return undefined;
}

export function isIgnored(path: string, config: EffectiveConfig): boolean {
  return config.ignore.some((g) => minimatch(path, g, { dot: true, matchBase: !g.includes('/') }));
}

function fill(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** A path in a build-output folder or a minified file name: compiled artefacts, not sources. */
function builtArtifact(p: string): boolean {
  return /(^|[\\/])(dist|build|out|\.next|_next|\.output|\.nuxt|\.svelte-kit)[\\/]/.test(p) || /\.min\.(js|mjs|cjs|css|json)$/.test(p);
}

export function analyze(file: FileInput, config: EffectiveConfig, rules: readonly RegisteredRule[]): AnalysisResult {
  const kind = detectFileKind(file.path, file.languageId);
  const result: AnalysisResult = { path: file.path, kind, findings: [], errors: [] };
  if (!kind) return result;
  const reason = skipReason(file, config);
  if (reason) {
    // too large or minified: not analysed, and said so as a finding (a single 200,000-character comment line must
    // not hide a file); binary files are not source
    // Built output (a bundle under dist/, build/, .next/..., a `.min.js`) and generated or vendored files are the
    // compiled form of sources analysed elsewhere: skipped without a finding, as the CLI skips build folders
    const hides = !reason.startsWith('binary') && !builtArtifact(file.rolePath ?? file.path) && !['generated', 'vendored'].includes(fileRole(file.rolePath ?? file.path, file.text, config.roles));
    result.errors.push({ kind: 'skipped', message: `${file.path}: not analysed: ${reason}`, ...(hides ? { incomplete: 'the whole file' } : {}) });
    if (hides) {
      const lines = new LineIndex(file.text);
      const role = fileRole(file.rolePath ?? file.path, file.text, config.roles);
      result.role = role;
      reportIncomplete(result, result.findings, config, rules, file.text, lines, role);
      assignFingerprints(result.findings, file.path, lines);
    }
    return result;
  }
  if (file.skip) {
    // the caller's limit (the editor): always said, whatever the file's role
    const lines = new LineIndex(file.text);
    result.role = fileRole(file.rolePath ?? file.path, file.text, config.roles);
    result.errors.push({ kind: 'skipped', message: `${file.path}: not analysed: ${file.skip}`, incomplete: 'the whole file' });
    reportIncomplete(result, result.findings, config, rules, file.text, lines, result.role);
    assignFingerprints(result.findings, file.path, lines);
    return result;
  }
  const text = file.text;
  const role = fileRole(file.rolePath ?? file.path, text, config.roles);
  result.role = role;
  const lines = new LineIndex(text);
  // the rules that can report here (enabled, in this file role, pre-filter passed) and the views they read:
  // a view no remaining rule reads is not built (no parse), and a rule whose pre-filter fails does not run
  const pre = new PrefilterText(text, file.path, kind, role, config.workspace, prefilterWords(rules));
  const candidates: { rule: RegisteredRule; severity: Severity; checked?: boolean }[] = [];
  const need = new Set<ViewName>();
  for (const rule of rules) {
    const severity = effectiveSeverity(config, rule.meta.id, rule.meta.severity, rule.meta.optIn);
    if (severity === 'off') continue;
    if (rule.meta.practice && role !== 'product') continue;
    if (!rule.meta.views.some((v) => rule.check[v])) continue;
    if (!mayReport(rule.meta, pre)) continue;
    // a pre-filter's cheap check (`check`) only pays when it can spare a parse: asked below, once the other rules are known
    const checked = !!rule.meta.prefilter?.check && prefiltersEnabled() && !pre.decodes;
    candidates.push({ rule, severity, checked });
    if (!checked) for (const v of rule.meta.views) if (rule.check[v]) need.add(v);
  }
  const built = KIND_VIEWS[kind];
  const active = candidates.filter((c) => {
    if (!c.checked) return true;
    const own = c.rule.meta.views.filter((v) => c.rule.check[v] && built.includes(v));
    // every view it reads is built anyway (or none is built for this kind): the rule itself decides, at no parse
    if (own.every((v) => need.has(v))) return true;
    if (!c.rule.meta.prefilter!.check!(pre)) return false;
    for (const v of c.rule.meta.views) if (c.rule.check[v]) need.add(v);
    return true;
  });
  let views: Views;
  try {
    // a tree the project index parsed for this file's summary (same path, text and kind), when the analysis reads it
    const handed = (kind === 'python' || kind === 'javascript' || kind === 'typescript') && need.has(kind === 'python' ? 'python' : 'js') ? file.project?.parsedFor?.(file.path, text) : undefined;
    const built = handed && handed.kind === kind && (kind === 'python' ? handed.views.python : handed.views.js) ? handed : buildViews(file.path, text, kind, true, need);
    views = built.views;
    if (file.project) {
      for (const v of [views.python, views.js]) if (v && !v.map) Object.assign(v, { path: file.path, project: file.project });
    }
    for (const v of [views.python, views.js].flat()) if (v) v.role = role;
    result.errors.push(...built.errors);
  } catch (e) {
    // an analyzer must not throw; if one does, keep going with the text view only
    result.errors.push({ kind: 'parse', message: `${file.path}: analyzer failed: ${(e as Error).message}`, incomplete: 'the syntax-based rules' });
    views = { text: { text } };
  }

  const raw: Finding[] = [];
  for (let r = 0; r < active.length; r++) {
    const { rule, severity } = active[r];
    const stopped = file.stop?.();
    if (stopped) {
      stopBefore(result, file.path, stopped, active.slice(r).map((x) => x.rule).filter((x) => x.meta.id !== ANALYSIS_INCOMPLETE_RULE));
      break;
    }
    const options = config.rules[rule.meta.id]?.options ?? {};
    for (const viewName of rule.meta.views) {
      const check = rule.check[viewName] as ((ctx: RuleContext<BaseView>) => void) | undefined;
      if (!check) continue;
      const v = views[viewName];
      const list: BaseView[] = Array.isArray(v) ? v : v ? [v] : [];
      for (const view of list) {
        const ctx: RuleContext<BaseView> = {
          view,
          path: file.path,
          kind,
          role,
          options,
          workspace: config.workspace,
          report: (d) => {
            const f = toFinding(rule, severity, d, view, lines);
            if (f) raw.push({ ...f, role });
          },
        };
        try {
          check(ctx);
        } catch (e) {
          // the rule could not finish: what it found so far stays, and the file is reported as incomplete
          result.errors.push({ kind: 'rule', ruleId: rule.meta.id, message: `${file.path}: rule ${rule.meta.id} failed: ${(e as Error).message}`, incomplete: `rule ${rule.meta.id}` });
        }
      }
    }
  }

  reportIncomplete(result, raw, config, rules, text, lines, role);
  const findings = dedupe(raw);
  applySuppressions(findings, file.path, text, lines, config, rules, result.errors, role);
  assignFingerprints(findings, file.path, lines);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  result.findings = findings;
  return result;
}

/** The caller stopped the analysis (file.stop) before `left`: what was not checked, as an incomplete-analysis error. */
function stopBefore(result: AnalysisResult, path: string, reason: string, left: readonly RegisteredRule[]): void {
  const ids = left.map((x) => x.meta.id);
  if (!ids.length) return;
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more rule(s)` : `rule(s) ${ids.join(', ')}`;
  result.errors.push({ kind: 'skipped', message: `${path}: stopped: ${reason}`, incomplete: shown });
}

/**
 * Fail closed: every error that left part of the file unanalysed becomes an `analysis-incomplete` finding (one per
 * location and reason; failing rules are grouped) and `result.incomplete` lists the reasons, so a scan never reads
 * as "no findings" when it could not look at everything.
 */
function reportIncomplete(result: AnalysisResult, out: Finding[], config: EffectiveConfig, rules: readonly RegisteredRule[], text: string, lines: LineIndex, role: FileRole): void {
  const errs = result.errors.filter((e) => e.incomplete);
  if (errs.length === 0) return;
  const entries: { start: number; end: number; reason: string; skipped: string }[] = [];
  const failedRules = errs.filter((e) => e.kind === 'rule');
  if (failedRules.length) {
    const overflow = failedRules.some((e) => /call stack|too much recursion/i.test(e.message));
    const ids = [...new Set(failedRules.map((e) => e.ruleId ?? '?'))].sort();
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
    entries.push({ start: 0, end: 0, reason: overflow ? `${ids.length} rule(s) ran out of stack on this file` : `${ids.length} rule(s) failed on this file`, skipped: `the rest of ${shown}` });
  }
  for (const e of errs) {
    if (e.kind === 'rule') continue;
    const at = Math.min(Math.max(0, e.start ?? 0), text.length);
    const to = Math.min(Math.max(at, e.end ?? at), text.length);
    entries.push({ start: at, end: to, reason: e.message.replace(/^.*?: analyzer failed: /, 'the analyzer failed: ').replace(/^.*?: (not analysed|stopped): /, '$1: '), skipped: e.incomplete! });
  }
  result.incomplete = [...new Set(entries.map((x) => `${x.reason}; ${x.skipped} not checked`))];
  const rule = rules.find((r) => r.meta.id === ANALYSIS_INCOMPLETE_RULE);
  if (!rule) return;
  const sev = effectiveSeverity(config, rule.meta.id, rule.meta.severity, false);
  // never off: a repository config must not be able to turn a blind spot back into silence
  const severity: Severity = sev === 'off' ? 'warning' : sev;
  for (const x of entries) {
    const message = fill(rule.meta.messages.incomplete ?? 'Analysis incomplete: {{reason}}; {{skipped}} not checked.', { reason: x.reason, skipped: x.skipped });
    out.push({ ruleId: rule.meta.id, messageId: 'incomplete', message, severity, confidence: 'high', start: x.start, end: x.end, range: lines.rangeOf(x.start, x.end), fixes: [], fingerprint: '', role });
  }
}

function mapEdits(edits: TextEdit[], view: BaseView): TextEdit[] | undefined {
  if (!view.map) return edits;
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (!view.map.canEdit(e.start, e.end)) return undefined;
    const newText = view.map.encode ? view.map.encode(e.newText) : e.newText;
    if (newText === undefined) return undefined;
    out.push({ start: view.map.toFile(e.start), end: view.map.toFile(e.end), newText });
  }
  return out;
}

function toFinding(rule: RegisteredRule, severity: Severity, d: ReportDescriptor, view: BaseView, lines: LineIndex): Finding | undefined {
  const messageId = d.messageId ?? Object.keys(rule.meta.messages)[0];
  const template = rule.meta.messages[messageId] ?? rule.meta.shortDescription;
  const start = view.map ? view.map.toFile(d.start) : d.start;
  const end = view.map ? view.map.toFile(Math.max(d.start, d.end - 1)) + (d.end > d.start ? 1 : 0) : d.end;
  const fixes: Fix[] = [];
  for (const fix of d.fixes ?? []) {
    const edits = mapEdits(fix.edits, view);
    if (edits) fixes.push({ ...fix, edits });
  }
  return {
    ruleId: rule.meta.id,
    messageId,
    message: fill(template, d.data),
    severity,
    confidence: rule.meta.confidence,
    start,
    end: Math.max(start, end),
    range: lines.rangeOf(start, Math.max(start, end)),
    fixes,
    fingerprint: '',
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}:${f.start}:${f.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function applySuppressions(findings: Finding[], path: string, text: string, lines: LineIndex, config: EffectiveConfig, rules: readonly RegisteredRule[], errors: AnalysisError[], role: FileRole): void {
  const known = new Set(rules.map((r) => r.meta.id));
  const directives = parseSuppressions(text, lines, known, config.today);
  const invalidRule = rules.find((r) => r.meta.id === INVALID_SUPPRESSION_RULE);
  for (const s of directives) {
    if (s.problems.length > 0) {
      const sev = invalidRule ? effectiveSeverity(config, invalidRule.meta.id, invalidRule.meta.severity, false) : 'off';
      if (invalidRule && sev !== 'off') {
        findings.push({
          ruleId: INVALID_SUPPRESSION_RULE,
          messageId: 'invalid',
          message: fill(invalidRule.meta.messages.invalid ?? 'Invalid suppression: {{problems}}.', { problems: s.problems.join('; ') }),
          severity: sev,
          confidence: 'high',
          start: s.start,
          end: s.end,
          range: lines.rangeOf(s.start, s.end),
          fixes: [],
          fingerprint: '',
          role,
        });
      }
      continue;
    }
    for (const f of findings) {
      if (f.suppression || f.ruleId === INVALID_SUPPRESSION_RULE) continue;
      const line = f.range.start.line;
      if ((line === s.line || line === s.line + 1) && s.ruleIds.includes(f.ruleId)) {
        f.suppression = { kind: 'inSource', justification: s.justification ?? '', until: s.until, by: s.by, line: s.line };
      }
    }
  }
  for (const cs of config.suppressions) {
    if (!minimatch(path, cs.path, { dot: true, matchBase: !cs.path.includes('/') })) continue;
    const expired = cs.until && config.today && cs.until < config.today;
    if (expired) {
      errors.push({ kind: 'suppression', message: `config suppression of ${cs.rule} for ${cs.path} expired on ${cs.until}` });
      continue;
    }
    for (const f of findings) {
      if (!f.suppression && (cs.rule === f.ruleId || cs.rule === '*')) {
        const sup: Suppression = { kind: 'external', justification: cs.reason, until: cs.until, by: cs.by };
        f.suppression = sup;
      }
    }
  }
}

/** Fingerprint = rule + path + normalized text of the finding's line + occurrence; stable when lines move. */
function assignFingerprints(findings: Finding[], path: string, lines: LineIndex): void {
  const counts = new Map<string, number>();
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  for (const f of ordered) {
    const lineText = lines.lineText(f.range.start.line).replace(/\s+/g, ' ').trim();
    const key = `${f.ruleId}\u0000${path}\u0000${lineText}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    f.fingerprint = stableHash(`${key}\u0000${n}`);
  }
}

/**
 * The result of a file whose analysis could not run at all (the worker analysing it crashed or ran out of memory):
 * an analysis-incomplete finding for the whole file (fail closed), as for a file too large to analyse.
 */
export function analysisIncomplete(file: FileInput, config: EffectiveConfig, rules: readonly RegisteredRule[], reason: string): AnalysisResult {
  const kind = detectFileKind(file.path, file.languageId);
  const result: AnalysisResult = { path: file.path, kind, findings: [], errors: [] };
  if (!kind) return result;
  const lines = new LineIndex(file.text);
  const role = fileRole(file.rolePath ?? file.path, file.text, config.roles);
  result.role = role;
  result.errors.push({ kind: 'skipped', message: `${file.path}: not analysed: ${reason}`, incomplete: 'the whole file' });
  reportIncomplete(result, result.findings, config, rules, file.text, lines, role);
  assignFingerprints(result.findings, file.path, lines);
  return result;
}

export type { FileKind };
