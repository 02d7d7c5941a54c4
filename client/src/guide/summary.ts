/** Text of the workspace-scan summary (no vscode import: unit-tested). */
import type { ScanSummary } from '../../../server/src/protocol';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "3 errors, 8 warnings, 1 info" (only the non-zero severities). */
export function severityText(s: ScanSummary['bySeverity']): string {
  const parts: string[] = [];
  if (s.error) parts.push(plural(s.error, 'error'));
  if (s.warning) parts.push(plural(s.warning, 'warning'));
  if (s.info) parts.push(`${s.info} info`);
  return parts.join(', ');
}

/** One line for the notification, e.g. "AISec scanned 42 files in 1.3 s: 12 findings (3 errors, 9 warnings) in 5 files. Most frequent: x (4), y (3)." */
export function scanSummaryText(s: ScanSummary): string {
  const head = s.cancelled
    ? `AISec scan cancelled after ${s.scanned} of ${plural(s.files, 'file')} (${formatDuration(s.ms)})`
    : `AISec scanned ${plural(s.files, 'file')} in ${formatDuration(s.ms)}`;
  if (!s.findings) return `${head}: no findings${s.cancelled ? ' so far' : ''}.`;
  const top = Object.entries(s.rules)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([r, n]) => `${r} (${n})`);
  return `${head}: ${plural(s.findings, 'finding')} (${severityText(s.bySeverity)}) in ${plural(s.filesWithFindings, 'file')}${s.cancelled ? ' so far' : ''}. Most frequent: ${top.join(', ')}.`;
}
