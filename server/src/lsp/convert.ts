/** Engine findings <-> LSP diagnostics. */
import { CodeDescription, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { EffectiveConfig } from '../engine/config';
import type { LineIndex } from '../engine/lineIndex';
import type { FileKind, Finding, Severity } from '../engine/model';
import { roleSuffix } from '../engine/fileRole';
import { configuredPolicyLink, policyLink } from '../engine/policy';
import { lessonCommandLink } from '../learning/lessons';
import type { RegisteredRule } from '../engine/rule';
import type { DiagnosticData } from '../protocol';
import { commentSyntax } from './commentSyntax';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/**
 * The rule-id link (codeDescription.href): the organisation's policy page when one is configured; else, for a
 * client that shows lessons (`lessonUri`: the document's URI), a `command:aisec.showLesson` link to the bundled
 * lesson of this finding; else (other editors) the public OWASP page of the rule's category.
 */
export function toDiagnostic(f: Finding, rule: RegisteredRule | undefined, config: EffectiveConfig, lines: LineIndex, path: string, kind: FileKind | undefined, frontMatterEndLine: number, lessonUri?: string): Diagnostic {
  const line = f.range.start.line;
  const lineText = lines.lineText(line);
  const comment = commentSyntax(path, kind, lineText, line, frontMatterEndLine) ?? { prefix: '', suffix: '' };
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    fingerprint: f.fingerprint,
    fixes: f.fixes.map((fx) => ({ title: fx.title, kind: fx.kind, edits: fx.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText })) })),
    comment,
    line,
    indent: /^\s*/.exec(lineText)?.[0] ?? '',
  };
  const d = Diagnostic.create(f.range, f.message + roleSuffix(f.role), SEVERITY[f.severity], f.ruleId, 'aisec');
  if (rule) d.codeDescription = { href: configuredPolicyLink(rule.meta, config) ?? (lessonUri ? lessonCommandLink(f.ruleId, { uri: lessonUri, range: f.range }) : policyLink(rule.meta, config)) } as CodeDescription;
  d.data = data;
  return d;
}
