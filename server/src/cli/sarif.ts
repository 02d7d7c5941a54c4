/** SARIF 2.1.0 output (DESIGN.md section 2). */
import type { EffectiveConfig } from '../engine/config';
import { LineIndex } from '../engine/lineIndex';
import type { Finding, OwaspLlmId, Severity } from '../engine/model';
import { OWASP_TITLES, owaspPage, policyLink, policyOwner } from '../engine/policy';
import type { RegisteredRule } from '../engine/rule';
import type { ScannedFile } from '../workspace/scan';
import { docsSection } from '../engine/docs';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0' };

export interface SarifInput {
  version: string;
  /** The scan root (absolute): results' paths are relative to it, and `%SRCROOT%` names it. */
  root?: string;
  rules: readonly RegisteredRule[];
  files: ScannedFile[];
  config: EffectiveConfig;
  /** Effective severity per rule, for defaultConfiguration. */
  severityOf: (rule: RegisteredRule) => Severity;
}

export function ruleHelpMarkdown(rule: RegisteredRule): string {
  const why = docsSection(rule.docs, 'Why it matters');
  const fix = docsSection(rule.docs, 'How to fix');
  const owasp = rule.meta.owasp.map((o) => `[${o}: ${OWASP_TITLES[o]}](${owaspPage(o)})`).join(', ');
  return [`**${rule.meta.shortDescription}**`, '', '### Why it matters', why, '', '### How to fix', fix, '', `OWASP LLM Top 10 2025: ${owasp}. CWE: ${rule.meta.cwe.map((c) => `CWE-${c}`).join(', ')}.`].join('\n');
}

export function toSarif(input: SarifInput): object {
  const usedRules = input.rules;
  const ruleIndex = new Map(usedRules.map((r, i) => [r.meta.id, i]));
  const owaspIds = Object.keys(OWASP_TITLES) as OwaspLlmId[];
  const results: object[] = [];
  for (const f of input.files) {
    const lines = new LineIndex(f.text);
    for (const finding of f.result.findings) results.push(toResult(finding, f, lines, ruleIndex, input));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'AISec',
            version: input.version,
            semanticVersion: input.version,
            informationUri: 'https://genai.owasp.org/llm-top-10/',
            rules: usedRules.map((r) => ({
              id: r.meta.id,
              name: r.meta.name,
              shortDescription: { text: r.meta.shortDescription },
              fullDescription: { text: r.meta.fullDescription },
              help: { text: r.meta.shortDescription, markdown: ruleHelpMarkdown(r) },
              helpUri: policyLink(r.meta, input.config),
              defaultConfiguration: { level: LEVEL[input.severityOf(r)] },
              properties: {
                tags: ['security', ...r.meta.owasp.map((o) => `external/owasp-llm/${o.toLowerCase()}`), ...r.meta.cwe.map((c) => `external/cwe/cwe-${c}`)],
                precision: r.meta.confidence === 'high' ? 'high' : r.meta.confidence === 'medium' ? 'medium' : 'low',
                'security-severity': SECURITY_SEVERITY[r.meta.severity],
                confidence: r.meta.confidence,
                frameworks: r.meta.frameworks,
              },
              relationships: [
                ...r.meta.owasp.map((o) => ({ target: { id: o, toolComponent: { name: 'OWASP LLM Top 10 2025' } }, kinds: ['superset'] })),
                ...r.meta.cwe.map((c) => ({ target: { id: String(c), toolComponent: { name: 'CWE' } }, kinds: ['superset'] })),
              ],
            })),
          },
        },
        taxonomies: [
          {
            name: 'OWASP LLM Top 10 2025',
            organization: 'OWASP',
            version: '2025',
            informationUri: 'https://genai.owasp.org/llm-top-10/',
            isComprehensive: true,
            taxa: owaspIds.map((o) => ({ id: o, name: OWASP_TITLES[o], helpUri: owaspPage(o) })),
          },
          {
            name: 'CWE',
            organization: 'MITRE',
            version: '4.16',
            informationUri: 'https://cwe.mitre.org/',
            isComprehensive: false,
            taxa: [...new Set(usedRules.flatMap((r) => r.meta.cwe))].sort((a, b) => a - b).map((c) => ({ id: String(c), name: `CWE-${c}`, helpUri: `https://cwe.mitre.org/data/definitions/${c}.html` })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { ...(input.root ? { uri: rootUri(input.root) } : {}), description: { text: 'The scan root: the repository root around the scanned paths, or the folder given with --root' } } },
        columnKind: 'utf16CodeUnits',
        // files whose analysis could not finish (fail closed): one notification per file and reason
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: incompleteNotifications(input.files) }],
        results,
      },
    ],
  };
}

/** A `file:` URI for a folder, ending with a slash (SARIF 3.14.14: originalUriBaseIds URIs are folders). */
function rootUri(root: string): string {
  let p = root.replace(/\\/g, '/');
  if (!p.startsWith('/')) p = `/${p}`; // Windows drive paths: file:///C:/...
  if (!p.endsWith('/')) p += '/';
  return `file://${encodeURI(p)}`;
}

function toResult(finding: Finding, file: ScannedFile, lines: LineIndex, ruleIndex: Map<string, number>, input: SarifInput): object {
  const rule = input.rules[ruleIndex.get(finding.ruleId) ?? -1];
  const region = (start: number, end: number) => {
    const s = lines.positionAt(start);
    const e = lines.positionAt(end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const owner = rule ? policyOwner(rule.meta, input.config) : undefined;
  const r: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(file.rel), uriBaseId: '%SRCROOT%' },
          region: { ...region(finding.start, finding.end), snippet: { text: file.text.slice(finding.start, Math.min(finding.end, finding.start + 400)) } },
        },
      },
    ],
    partialFingerprints: { 'aisecFingerprint/v1': finding.fingerprint },
    properties: { confidence: finding.confidence, ...(finding.role ? { role: finding.role } : {}), ...(owner ? { owner } : {}), ...(rule ? { policy: policyLink(rule.meta, input.config) } : {}) },
  };
  if (finding.fixes.length) {
    r.fixes = finding.fixes.map((fx) => ({
      description: { text: fx.title },
      artifactChanges: [{ artifactLocation: { uri: encodeURI(file.rel), uriBaseId: '%SRCROOT%' }, replacements: fx.edits.map((e) => ({ deletedRegion: region(e.start, e.end), insertedContent: { text: e.newText } })) }],
    }));
  }
  if (finding.suppression) {
    r.suppressions = [{ kind: finding.suppression.kind === 'inSource' ? 'inSource' : 'external', status: 'accepted', justification: finding.suppression.justification, ...(finding.suppression.by || finding.suppression.until ? { properties: { by: finding.suppression.by, until: finding.suppression.until } } : {}) }];
  }
  return r;
}

function incompleteNotifications(files: ScannedFile[]): object[] {
  const out: object[] = [];
  for (const f of files) {
    for (const reason of f.result.incomplete ?? []) {
      out.push({
        level: 'warning',
        message: { text: `Analysis incomplete: ${reason}` },
        descriptor: { id: 'analysis-incomplete' },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.rel), uriBaseId: '%SRCROOT%' } } }],
      });
    }
  }
  return out;
}
