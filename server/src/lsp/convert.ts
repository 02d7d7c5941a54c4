/** Engine findings <-> LSP diagnostics. */
import { CodeDescription, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { EffectiveConfig } from '../engine/config';
import type { LineIndex } from '../engine/lineIndex';
import type { FileKind, Finding, Severity } from '../engine/model';
import { roleSuffix } from '../engine/fileRole';
import { policyLink } from '../engine/policy';
import type { RegisteredRule } from '../engine/rule';
import type { DiagnosticData } from '../protocol';
import { commentSyntax } from './commentSyntax';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function toDiagnostic(f: Finding, rule: RegisteredRule | undefined, config: EffectiveConfig, lines: LineIndex, path: string, kind: FileKind | undefined, frontMatterEndLine: number): Diagnostic {
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
  if (rule) d.codeDescription = { href: policyLink(rule.meta, config) } as CodeDescription;
  d.data = data;
  return d;
}
