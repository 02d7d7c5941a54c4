/**
 * `aisec report`: evidence for governance. buildReport() turns a finished scan into a plain data model
 * (the JSON output); formatMarkdown() and formatHtml() (reportHtml.ts) render it. Pure: the caller
 * supplies the clock, the tool version and the config files' contents hashes.
 * Everything taken from scanned files (messages, paths, justifications) is attacker-controlled text:
 * the renderers escape it for their format and only ever link http(s) URLs.
 */
import type { EffectiveConfig } from '../engine/config';
import { effectiveSeverity } from '../engine/config';
import type { OwaspLlmId, Severity } from '../engine/model';
import { OWASP_TITLES, owaspPage, policyLink, policyOwner } from '../engine/policy';
import type { RegisteredRule } from '../engine/rule';
import type { LearningReport } from '../learning/report';
import { MODULE_STATE_LABELS } from '../learning/progress';
import type { ScanResult } from '../workspace/scan';
import type { SuppressionEntry } from './suppressions';

export const OWASP_IDS: OwaspLlmId[] = ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10'];
export const NIST_FUNCTIONS = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'] as const;
const NIST_PURPOSE: Record<(typeof NIST_FUNCTIONS)[number], string> = {
  GOVERN: 'Policies, accountability and culture for AI risk',
  MAP: 'Context and risks of the AI system identified',
  MEASURE: 'Risks analysed, assessed and tracked',
  MANAGE: 'Risks prioritised and acted upon',
};

export interface ReportFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  confidence: string;
  message: string;
  policy?: string;
  owner?: string;
  owasp: string[];
  fingerprint: string;
}

export interface MappingRow {
  /** Category id: LLM01, GOVERN, Art. 15, A.6.2.4 ... */
  id: string;
  title?: string;
  url?: string;
  /** Framework references under this row (NIST subcategories). */
  refs?: string[];
  /** Rules in force mapped to the row. */
  rules: string[];
  /** Open (unsuppressed) findings of those rules. */
  findings: number;
  suppressed: number;
}

export interface ReportModel {
  tool: { name: 'AISec'; version: string };
  generatedAt: string;
  root: string;
  summary: { files: number; lines: number; skipped: number; parseErrors: number; findings: Record<Severity, number> & { total: number }; suppressed: number; suppressionsNotInForce: number; rulesInForce: number };
  findings: ReportFinding[];
  suppressions: SuppressionEntry[];
  frameworks: { owasp: MappingRow[]; nistAiRmf: MappingRow[]; euAiAct: MappingRow[]; iso42001: MappingRow[] };
  configuration: { configFiles: { path: string; sha256?: string }[]; packs: PackInForce[]; policyOwner?: string };
  coverage: { files: { path: string; kind?: string; findings: number }[]; skipped: { file: string; reason: string }[] };
  /** `aisec report --learning`: learners' exported progress against the learning paths (absent without the flag). */
  learning?: LearningReport;
}

/** A rule pack in force: a built-in pack (rules counted) or a team pack / config file (name, version, hash). */
export interface PackInForce {
  name: string;
  version: string;
  rules?: number;
  file?: string;
  sha256?: string;
  owner?: string;
}

export interface ReportInput {
  scan: ScanResult;
  rules: readonly RegisteredRule[];
  config: EffectiveConfig;
  suppressions: SuppressionEntry[];
  version: string;
  generatedAt: string;
  root: string;
  configFiles: { path: string; sha256?: string }[];
  /** Packs resolved by the config loader (team packs, npm packs), with versions and hashes. */
  packs?: PackInForce[];
  /** The learning section (`--learning`), built by learning/report.ts. */
  learning?: LearningReport;
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function buildReport(input: ReportInput): ReportModel {
  const { scan, rules, config } = input;
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const inForce = rules.filter((r) => effectiveSeverity(config, r.meta.id, r.meta.severity, r.meta.optIn) !== 'off');
  const open = new Map<string, number>();
  const suppressed = new Map<string, number>();
  const findings: ReportFinding[] = [];
  const counts = { error: 0, warning: 0, info: 0, total: 0 };
  for (const f of scan.files) {
    for (const x of f.result.findings) {
      if (x.suppression) {
        suppressed.set(x.ruleId, (suppressed.get(x.ruleId) ?? 0) + 1);
        continue;
      }
      open.set(x.ruleId, (open.get(x.ruleId) ?? 0) + 1);
      counts[x.severity]++;
      counts.total++;
      const rule = byId.get(x.ruleId);
      findings.push({
        path: f.rel,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        ruleId: x.ruleId,
        severity: x.severity,
        confidence: x.confidence,
        message: x.message,
        policy: rule ? policyLink(rule.meta, config) : undefined,
        owner: rule ? policyOwner(rule.meta, config) : undefined,
        owasp: rule?.meta.owasp ?? [],
        fingerprint: x.fingerprint,
      });
    }
  }
  findings.sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);

  /** Rows keyed by a framework reference, over the rules in force (rules that fire but are not in force count too). */
  const mapping = (refsOf: (r: RegisteredRule) => string[], keyOf: (ref: string) => string): Map<string, MappingRow> => {
    const rows = new Map<string, MappingRow>();
    const ruleSet = new Set([...inForce, ...[...open.keys(), ...suppressed.keys()].map((id) => byId.get(id)).filter((r): r is RegisteredRule => !!r)]);
    for (const r of ruleSet) {
      const keys = new Set<string>();
      for (const ref of refsOf(r)) {
        const key = keyOf(ref);
        if (!key) continue;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { id: key, rules: [], findings: 0, suppressed: 0 }));
        if (ref !== key) row.refs = [...new Set([...(row.refs ?? []), ref])].sort(naturalCompare);
        keys.add(key);
      }
      for (const key of keys) {
        const row = rows.get(key)!;
        row.rules.push(r.meta.id);
        row.findings += open.get(r.meta.id) ?? 0;
        row.suppressed += suppressed.get(r.meta.id) ?? 0;
      }
    }
    for (const row of rows.values()) row.rules.sort();
    return rows;
  };

  const owaspRows = mapping((r) => r.meta.owasp, (ref) => ref);
  const owasp = OWASP_IDS.map((id) => ({ ...(owaspRows.get(id) ?? { id, rules: [], findings: 0, suppressed: 0 }), title: OWASP_TITLES[id], url: owaspPage(id) }));
  const nistRows = mapping((r) => r.meta.frameworks.nistAiRmf ?? [], (ref) => {
    const fn = ref.trim().split(/[\s.]/)[0].toUpperCase();
    return (NIST_FUNCTIONS as readonly string[]).includes(fn) ? fn : '';
  });
  const nistAiRmf = NIST_FUNCTIONS.map((fn) => ({ ...(nistRows.get(fn) ?? { id: fn, rules: [], findings: 0, suppressed: 0 }), title: NIST_PURPOSE[fn] }));
  const sorted = (m: Map<string, MappingRow>) => [...m.values()].sort((a, b) => naturalCompare(a.id, b.id));
  const euAiAct = sorted(mapping((r) => r.meta.frameworks.euAiAct ?? [], (ref) => ref.trim()));
  const iso42001 = sorted(mapping((r) => r.meta.frameworks.iso42001 ?? [], (ref) => ref.trim()));

  const packs = new Map<string, number>();
  for (const r of inForce) packs.set(r.pack, (packs.get(r.pack) ?? 0) + 1);

  const perFile = scan.files.map((f) => ({ path: f.rel, kind: f.result.kind, findings: f.result.findings.filter((x) => !x.suppression).length }));
  return {
    tool: { name: 'AISec', version: input.version },
    generatedAt: input.generatedAt,
    root: input.root,
    summary: {
      files: scan.files.length,
      lines: scan.lines,
      skipped: scan.skipped.length,
      parseErrors: scan.files.filter((f) => f.result.errors.some((e) => e.kind === 'parse')).length,
      findings: counts,
      suppressed: input.suppressions.filter((s) => s.status === 'active' || s.status === 'expiring').length,
      suppressionsNotInForce: input.suppressions.filter((s) => s.status === 'expired' || s.status === 'invalid').length,
      rulesInForce: inForce.length,
    },
    findings,
    suppressions: input.suppressions,
    frameworks: { owasp, nistAiRmf, euAiAct, iso42001 },
    configuration: {
      configFiles: input.configFiles,
      // built-in packs (aisec:<folder>) carry the tool's version; team packs their own, with the rules they define
      packs: [
        ...[...packs].filter(([name]) => !(input.packs ?? []).some((p) => p.name === name)).sort((a, b) => a[0].localeCompare(b[0])).map(([name, n]) => ({ name: `aisec:${name}`, version: input.version, rules: n })),
        ...(input.packs ?? []).map((p) => ({ ...p, rules: packs.get(p.name) ?? 0 })),
      ],
      policyOwner: config.policy.owner,
    },
    coverage: { files: perFile, skipped: scan.skipped },
    ...(input.learning ? { learning: input.learning } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Escape text for a Markdown table cell: no HTML, no links, no emphasis, no line breaks, no pipes. */
export function mdText(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Inline code from an untrusted string (a folder or file name): one line, no backticks, no control characters. */
export function mdCode(s: string): string {
  const t = s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/`/g, '');
  return `\`${t}\``;
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url)) return undefined;
  return url;
}

function mdLink(label: string, url: string | undefined): string {
  const u = safeUrl(url);
  return u ? `[${mdText(label)}](<${u.replace(/[<>()\s]/g, (c) => encodeURIComponent(c))}>)` : mdText(label);
}

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function mappingTableMd(rows: MappingRow[], idHead: string, withTitle: boolean): string {
  if (!rows.length) return '_No rule in force maps to this framework._';
  return mdTable(
    withTitle ? [idHead, 'Title', 'Rules in force', 'Open findings', 'Suppressed'] : [idHead, 'Rules in force', 'Open findings', 'Suppressed'],
    rows.map((r) => [
      r.url ? mdLink(r.id, r.url) : mdText(r.id),
      ...(withTitle ? [mdText(r.title) + (r.refs?.length ? ` (${mdText(r.refs.join(', '))})` : '')] : []),
      r.rules.length ? r.rules.map((id) => mdCode(id).replace(/\|/g, '\\|')).join(', ') : '-',
      String(r.findings),
      String(r.suppressed),
    ]),
  );
}

export function formatMarkdown(m: ReportModel): string {
  const s = m.summary;
  const out: string[] = [];
  out.push(`# AISec security evidence report`, '');
  out.push(`Generated ${mdText(m.generatedAt)} by AISec ${mdText(m.tool.version)} for ${mdCode(m.root)}.`, '');
  out.push('## Summary', '');
  out.push(mdTable(['Errors', 'Warnings', 'Info', 'Open findings', 'Suppressed', 'Suppressions not in force', 'Files analysed', 'Files skipped', 'Rules in force'], [[s.findings.error, s.findings.warning, s.findings.info, s.findings.total, s.suppressed, s.suppressionsNotInForce, s.files, s.skipped, s.rulesInForce].map(String)]), '');
  out.push('## Findings', '');
  out.push(
    m.findings.length
      ? mdTable(['Location', 'Rule', 'Severity', 'Message', 'Policy', 'Owner'], m.findings.map((f) => [mdText(`${f.path}:${f.line}:${f.column}`), mdCode(f.ruleId).replace(/\|/g, '\\|'), mdText(f.severity), mdText(f.message), f.policy ? mdLink('policy', f.policy) : '-', mdText(f.owner ?? '-')]))
      : '_No open findings._',
    '',
  );
  out.push('## Suppressions', '');
  out.push(
    m.suppressions.length
      ? mdTable(['Location', 'Rule', 'Kind', 'Justification', 'Owner', 'Expires', 'Status'], m.suppressions.map((e) => [mdText(`${e.path}:${e.line}`), mdText(e.ruleId), e.kind === 'inSource' ? 'comment' : 'config', mdText(e.justification || '(none)'), mdText(e.by ?? '-'), mdText(e.until ?? 'never'), e.status === 'expired' || e.status === 'invalid' ? `**${e.status}**: ${mdText(e.message)}` : e.status]))
      : '_No suppressions._',
    '',
  );
  out.push('## OWASP Top 10 for LLM Applications 2025', '', mappingTableMd(m.frameworks.owasp, 'Category', true), '');
  out.push('## NIST AI RMF 1.0 functions', '', mappingTableMd(m.frameworks.nistAiRmf, 'Function', true), '');
  out.push('## EU AI Act articles', '', mappingTableMd(m.frameworks.euAiAct, 'Article', false), '');
  out.push('## ISO/IEC 42001:2023 Annex A controls', '', mappingTableMd(m.frameworks.iso42001, 'Control', false), '');
  out.push('## Configuration in force', '');
  out.push(`- Tool: AISec ${mdText(m.tool.version)}`);
  for (const p of m.configuration.packs) out.push(`- Rule pack: ${mdText(p.name)} ${mdText(p.version)}${p.rules !== undefined ? ` (${p.rules} rules in force)` : ''}${p.file ? ` from ${mdText(p.file)}` : ''}${p.owner ? `, owner ${mdText(p.owner)}` : ''}${p.sha256 ? `, sha256 ${mdText(p.sha256)}` : ''}`);
  if (m.configuration.configFiles.length) for (const c of m.configuration.configFiles) out.push(`- Config file: ${mdCode(c.path)}${c.sha256 ? ` (sha256 ${mdText(c.sha256)})` : ''}`);
  else out.push('- Config file: none (built-in defaults)');
  if (m.configuration.policyOwner) out.push(`- Policy owner: ${mdText(m.configuration.policyOwner)}`);
  out.push('');
  out.push('## Files covered', '');
  out.push(`${s.files} file(s) analysed, ${s.lines} lines; ${s.skipped} skipped.`, '');
  for (const f of m.coverage.files) out.push(`- ${mdText(f.path)}${f.findings ? ` (${f.findings} open finding${f.findings === 1 ? '' : 's'})` : ''}`);
  if (m.coverage.skipped.length) {
    out.push('', '### Skipped files', '');
    for (const f of m.coverage.skipped) out.push(`- ${mdText(f.file)}: ${mdText(f.reason)}`);
  }
  if (m.learning) out.push('', ...learningMarkdown(m.learning));
  return out.join('\n') + '\n';
}

/** The `--learning` section: per learner, per path and module, done or not, when, hints, assisted, overdue. */
function learningMarkdown(l: LearningReport): string[] {
  const out: string[] = ['## Learning progress', ''];
  const day = (iso: string | undefined) => (iso ? mdText(iso.slice(0, 10)) : '-');
  out.push(`${l.learners.length} learner(s) from ${mdCode(l.progressDir + '/')}, ${l.paths.length} learning path(s); overdue as of ${mdText(l.today)}.`, '');
  if (!l.paths.length) out.push('_No learning path is configured (`learning:` in .aisec.yaml or a pack)._', '');
  if (!l.learners.length) out.push(`_No readable progress file in ${mdText(l.progressDir)}/._`, '');
  for (const learner of l.learners) {
    out.push(`### ${mdText(learner.learner)}`, '', `From ${mdText(learner.file)}, exported ${mdText(learner.exportedAt)}.`, '');
    const rows: string[][] = [];
    for (const p of learner.paths) {
      const title = l.paths.find((x) => x.id === p.pathId)?.title ?? p.pathId;
      for (const mod of p.modules)
        rows.push([mdText(title), mdText(mod.title), mod.required ? 'required' : 'optional', day(mod.due), mod.overdue ? `**${MODULE_STATE_LABELS[mod.state]}**` : MODULE_STATE_LABELS[mod.state], mod.completed ? `yes, ${day(mod.completedAt)}` : `no (${mod.itemsDone}/${mod.itemsTotal})`, String(mod.hints), mod.assisted ? 'yes' : 'no']);
    }
    out.push(rows.length ? mdTable(['Path', 'Module', 'Kind', 'Due', 'State', 'Completed', 'Hints', 'Assisted'], rows) : '_No module to report._', '');
  }
  if (l.problems.length) {
    out.push('### Progress files not read', '');
    for (const p of l.problems) out.push(`- ${mdText(p.file)}: ${mdText(p.message)}`);
    out.push('');
  }
  return out;
}
