/**
 * Accountable suppressions as evidence: every suppression in force (in-source comments and config
 * entries) with its justification, owner and expiry, plus the directives that no longer suppress
 * (expired, no justification, unknown rule). Pure over a finished scan; the caller supplies `today`.
 */
import type { ConfigSuppression } from '../engine/config';
import { LineIndex } from '../engine/lineIndex';
import { parseSuppressions } from '../engine/suppressions';
import type { ScanResult } from '../workspace/scan';

export type SuppressionStatus = 'active' | 'expiring' | 'expired' | 'invalid';

export interface SuppressionEntry {
  path: string;
  /** 1-based line of the suppressed finding (or of the directive, for ones that do not suppress). */
  line: number;
  column: number;
  ruleId: string;
  kind: 'inSource' | 'external';
  justification: string;
  by?: string;
  until?: string;
  /** active; expiring = until within `soonDays`; expired / invalid = it suppresses nothing. */
  status: SuppressionStatus;
  /** Days until `until` (negative when past). */
  daysLeft?: number;
  /** The suppressed finding's message, or the directive's problems. */
  message: string;
  fingerprint?: string;
}

const DAY = 86_400_000;

function daysBetween(today: string, until: string | undefined): number | undefined {
  if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return undefined;
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${until}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / DAY);
}

const CONFIG_EXPIRED = /^config suppression of (\S+) for (.+) expired on (\S+)$/;

/** `configEntries`: the root config's `suppressions`, to show the reason and owner of expired entries. */
export function listSuppressions(scan: ScanResult, knownRuleIds: ReadonlySet<string>, today: string, soonDays = 30, configEntries: readonly ConfigSuppression[] = []): SuppressionEntry[] {
  const out: SuppressionEntry[] = [];
  for (const f of scan.files) {
    for (const x of f.result.findings) {
      const s = x.suppression;
      if (!s) continue;
      const daysLeft = daysBetween(today, s.until);
      out.push({
        path: f.rel,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        ruleId: x.ruleId,
        kind: s.kind,
        justification: s.justification,
        by: s.by,
        until: s.until,
        status: daysLeft !== undefined && daysLeft <= soonDays ? 'expiring' : 'active',
        daysLeft,
        message: x.message,
        fingerprint: x.fingerprint,
      });
    }
    // directives that suppress nothing: the engine reports them as findings; list them with their details
    if (f.text.includes('aisec-ignore')) {
      const lines = new LineIndex(f.text);
      for (const d of parseSuppressions(f.text, lines, knownRuleIds, today)) {
        if (!d.problems.length) continue;
        const pos = lines.rangeOf(d.start, d.end).start;
        out.push({
          path: f.rel,
          line: pos.line + 1,
          column: pos.character + 1,
          ruleId: d.ruleIds.join(',') || '(none)',
          kind: 'inSource',
          justification: d.justification ?? '',
          by: d.by,
          until: d.until,
          status: d.problems.some((p) => p.startsWith('expired')) ? 'expired' : 'invalid',
          daysLeft: daysBetween(today, d.until),
          message: d.problems.join('; '),
        });
      }
    }
    for (const e of f.result.errors) {
      const m = e.kind === 'suppression' ? CONFIG_EXPIRED.exec(e.message) : null;
      if (!m) continue;
      const entry = configEntries.find((c) => c.rule === m[1] && c.path === m[2]);
      out.push({ path: f.rel, line: 1, column: 1, ruleId: m[1], kind: 'external', justification: entry?.reason ?? '', by: entry?.by, until: m[3], status: 'expired', daysLeft: daysBetween(today, m[3]), message: `config suppression for ${m[2]} expired on ${m[3]}` });
    }
  }
  // config entries expire per file: keep one line per (rule, glob) rather than one per file
  const seen = new Set<string>();
  return out.filter((e) => {
    if (e.kind !== 'external' || e.status !== 'expired') return true;
    const k = `${e.ruleId}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Control characters from scanned files must not reach the terminal (escape sequences). */
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

/** Human-readable listing for `aisec scan --list-suppressions`. */
export function formatSuppressionsText(entries: readonly SuppressionEntry[], soonDays = 30): string {
  if (!entries.length) return 'no suppressions\n';
  const out: string[] = [];
  const flag: Record<SuppressionStatus, string> = { active: '', expiring: ` [EXPIRES SOON]`, expired: ' [EXPIRED: does not suppress]', invalid: ' [INVALID: does not suppress]' };
  for (const e of entries) {
    out.push(`${clean(e.path)}:${e.line}:${e.column}  ${clean(e.ruleId)}  (${e.kind === 'inSource' ? 'comment' : 'config'})${flag[e.status]}`);
    out.push(`    justification: ${clean(e.justification) || '(none)'}`);
    out.push(`    owner: ${clean(e.by ?? '(none)')}    expires: ${e.until ? `${clean(e.until)}${e.daysLeft !== undefined ? ` (${e.daysLeft >= 0 ? `in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'}` : `${-e.daysLeft} day${e.daysLeft === -1 ? '' : 's'} ago`})` : ''}` : 'never'}`);
    if (e.status === 'expired' || e.status === 'invalid') out.push(`    problem: ${clean(e.message)}`);
  }
  const n = (s: SuppressionStatus) => entries.filter((e) => e.status === s).length;
  out.push('');
  out.push(`${n('active') + n('expiring')} suppression(s) in force (${n('expiring')} expiring within ${soonDays} days), ${n('expired')} expired, ${n('invalid')} invalid`);
  return out.join('\n') + '\n';
}
