/** Human-readable output for terminals and CI logs. */
import type { Severity } from '../engine/model';
import type { ScannedFile, ScanResult } from '../workspace/scan';
import { roleSuffix } from '../engine/fileRole';

/**
 * An untrusted string (file name, message with a code excerpt, justification, pack name) made safe for a
 * terminal: ANSI/OSC escape sequences and every other control character (C0, DEL, C1, line and paragraph
 * separators, bidi overrides) are removed, so a file name cannot move the cursor, retitle the window, hide
 * lines or forge output.
 */
export function termSafe(s: unknown): string {
  return String(s ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '') // OSC ... BEL/ST
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\t' ? ' ' : ''));
}

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEV_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

/** The lines of one file's findings (with a blank line after), or '' when it has none to show. */
export function formatFileText(f: ScannedFile, showSuppressed: boolean): string {
  const shown = f.result.findings.filter((x) => showSuppressed || !x.suppression);
  if (shown.length === 0) return '';
  const out: string[] = [paint('4', termSafe(f.rel))];
  for (const x of shown) {
    const pos = `${x.range.start.line + 1}:${x.range.start.character + 1}`.padEnd(8);
    const sev = paint(SEV_COLOR[x.severity], x.severity.padEnd(8));
    const sup = x.suppression ? paint('2', ` [suppressed: ${termSafe(x.suppression.justification)}]`) : '';
    out.push(`  ${pos}${sev}${termSafe(x.message)}${roleSuffix(x.role)}  ${paint('2', termSafe(x.ruleId))}${sup}`);
  }
  return out.join('\n') + '\n\n';
}

/** The text report: each file's findings, then the skipped files and the summary line (formatTextSummary). */
export function formatText(scan: ScanResult, elapsedMs: number, showSuppressed: boolean): string {
  return scan.files.map((f) => formatFileText(f, showSuppressed)).join('') + formatTextSummary(scan, elapsedMs);
}

/** The end of the text report, after the files' findings (printed as they come when streaming). */
export function formatTextSummary(scan: ScanResult, elapsedMs: number): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const f of scan.files) {
    for (const x of f.result.findings) {
      if (x.suppression) suppressed++;
      else counts[x.severity]++;
    }
  }
  if (scan.skipped.length) {
    out.push(paint('2', `skipped ${scan.skipped.length} file(s):`));
    for (const s of scan.skipped.slice(0, 20)) out.push(paint('2', `  ${termSafe(s.file)}: ${termSafe(s.reason)}`));
    if (scan.skipped.length > 20) out.push(paint('2', `  ... and ${scan.skipped.length - 20} more`));
  }
  const parseErrors = scan.files.filter((f) => f.result.errors.some((e) => e.kind === 'parse' && !e.incomplete)).length;
  const total = counts.error + counts.warning + counts.info;
  const incomplete = scan.files.filter((f) => f.result.incomplete?.length).length;
  out.push(
    `${total === 0 ? paint('32', '✔ no findings') : paint('1', `✖ ${total} finding${total === 1 ? '' : 's'}`)} (${counts.error} error, ${counts.warning} warning, ${counts.info} info)` +
      `${suppressed ? `, ${suppressed} suppressed` : ''} in ${scan.files.length} file${scan.files.length === 1 ? '' : 's'}` +
      `${parseErrors ? `, ${parseErrors} with syntax errors (analysed what parsed)` : ''}${incomplete ? `, ${incomplete} not fully analysed (analysis-incomplete)` : ''}, ${scan.lines.toLocaleString('en-US')} lines, ${elapsedMs} ms`,
  );
  return out.join('\n') + '\n';
}
