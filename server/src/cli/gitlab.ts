/**
 * GitLab code-quality report (`aisec scan --format gitlab`): the JSON array of issues GitLab reads from a job's
 * `artifacts:reports:codequality` file (a subset of the Code Climate issue format). Each issue has the fields
 * GitLab requires: `description`, `check_name`, `fingerprint`, `severity` and `location.path` (relative to the
 * repository root, no `./`) with `location.lines.begin`.
 *
 * - Suppressed findings (in-source or config) are left out: GitLab has no notion of an accepted issue, and an
 *   issue in the report is an open one in the merge request widget. Baselined findings are filtered before.
 * - The fingerprint is the finding's own (rule + path + normalised line text + occurrence, the same as SARIF's
 *   `partialFingerprints` and the baseline), so an issue keeps its identity when lines move and GitLab can tell
 *   new issues from fixed ones between the source and target branches.
 * - Severities: error -> critical, warning -> major, info -> minor (`blocker` and `info` are not used).
 */
import type { Finding, Severity } from '../engine/model';
import type { ScannedFile } from '../workspace/scan';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Record<Severity, GitlabSeverity> = { error: 'critical', warning: 'major', info: 'minor' };

export interface GitlabIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

/** One issue per open finding, in file then position order (the scan's order). */
export function toGitlab(files: readonly ScannedFile[]): GitlabIssue[] {
  const out: GitlabIssue[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const x of f.result.findings) {
      if (x.suppression) continue;
      out.push(issue(f.rel, x, seen));
    }
  }
  return out;
}

function issue(rel: string, x: Finding, seen: Set<string>): GitlabIssue {
  // fingerprints are unique per file by construction (occurrence counter); guard against a cross-file hash
  // collision anyway, since GitLab keeps only the first issue of a fingerprint
  let fingerprint = x.fingerprint;
  for (let n = 2; seen.has(fingerprint); n++) fingerprint = `${x.fingerprint}-${n}`;
  seen.add(fingerprint);
  return {
    type: 'issue',
    description: `${x.message} (${x.ruleId})`,
    check_name: x.ruleId,
    fingerprint,
    severity: GITLAB_SEVERITY[x.severity],
    categories: ['Security'],
    location: { path: rel.replace(/^\.\//, ''), lines: { begin: x.range.start.line + 1, end: x.range.end.line + 1 } },
  };
}
