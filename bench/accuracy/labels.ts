/**
 * Labels for the precision corpus and their scoring. Pure: no file system, no engine (unit-tested in
 * test/unit/accuracy.test.ts).
 *
 * A label names one finding by a key that survives unrelated edits and line shifts:
 *   corpus-relative path | rule id | hash of the trimmed source line | occurrence index
 * (the occurrence index counts findings of the same rule on identical lines of the same file, in
 * file order). Labels are kept as JSON lines in accuracy/labels/*.jsonl, one finding per line, with a
 * one-line reason.
 */
import { createHash } from 'crypto';

/** One finding of a corpus scan, as the harness sees it. */
export interface CorpusFinding {
  /** Corpus-relative path (`repos/rag-chat/src/app.py`, `npm/ollama/src/browser.ts`), posix separators. */
  path: string;
  /** The tree it was scanned in (`repos/rag-chat`): the first segments of path. */
  tree: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  role: string;
  /** 1-based. */
  line: number;
  endLine?: number;
  column: number;
  /** The trimmed source line of the finding's start. */
  source: string;
  message: string;
}

export interface Label {
  path: string;
  rule: string;
  /** hashLine(source) */
  hash: string;
  occurrence: number;
  /** true: a real, reachable issue a senior AppSec engineer wants in the editor; false otherwise. */
  label: boolean;
  reason: string;
  /** Informational (where it was when labelled; not used for matching). */
  line?: number;
  source?: string;
}

export interface KeyedFinding extends CorpusFinding {
  hash: string;
  occurrence: number;
  key: string;
}

/** Short, stable hash of a source line (whitespace inside the line normalised, ends trimmed). */
export function hashLine(source: string): string {
  return createHash('sha1').update(source.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 12);
}

export function labelKey(x: { path: string; rule: string; hash: string; occurrence: number }): string {
  return `${x.path}|${x.rule}|${x.hash}|${x.occurrence}`;
}

/** Keys for findings: the occurrence index counts identical (path, rule, line text) findings in file order. */
export function keyFindings(findings: readonly CorpusFinding[]): KeyedFinding[] {
  const sorted = [...findings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const seen = new Map<string, number>();
  return sorted.map((f) => {
    const hash = hashLine(f.source);
    const base = `${f.path}|${f.rule}|${hash}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return { ...f, hash, occurrence, key: labelKey({ path: f.path, rule: f.rule, hash, occurrence }) };
  });
}

/** Parse JSON lines of labels; blank lines and `//` comment lines are skipped. Throws with the line number. */
export function parseLabels(text: string, file = 'labels'): Label[] {
  const out: Label[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
    }
    if (typeof o.path !== 'string' || typeof o.rule !== 'string' || typeof o.hash !== 'string' || typeof o.label !== 'boolean') {
      throw new Error(`${file}:${i + 1}: a label needs path, rule, hash (strings) and label (true/false)`);
    }
    if (typeof o.reason !== 'string' || !o.reason.trim()) throw new Error(`${file}:${i + 1}: a label needs a one-line reason`);
    out.push({
      path: o.path,
      rule: o.rule,
      hash: o.hash,
      occurrence: typeof o.occurrence === 'number' ? o.occurrence : 0,
      label: o.label,
      reason: o.reason,
      line: typeof o.line === 'number' ? o.line : undefined,
      source: typeof o.source === 'string' ? o.source : undefined,
    });
  });
  return out;
}

/** A label line for a finding (for --unlabelled files: fill in label and reason). */
export function labelLine(f: KeyedFinding, label: boolean | null = null, reason = ''): string {
  return JSON.stringify({ path: f.path, rule: f.rule, hash: f.hash, occurrence: f.occurrence, line: f.line, severity: f.severity, role: f.role, source: f.source.length > 200 ? `${f.source.slice(0, 197)}...` : f.source, message: f.message, label, reason });
}

export interface Counts {
  total: number;
  tp: number;
  fp: number;
  unlabelled: number;
}

export function emptyCounts(): Counts {
  return { total: 0, tp: 0, fp: 0, unlabelled: 0 };
}

/** TP / (TP + FP), undefined without labelled findings. */
export function precision(c: Counts): number | undefined {
  return c.tp + c.fp ? c.tp / (c.tp + c.fp) : undefined;
}

export interface PrecisionReport {
  overall: Counts;
  byRule: Map<string, Counts>;
  /** Error-level findings only, by rule. */
  errorsByRule: Map<string, Counts>;
  byRole: Map<string, Counts>;
  bySeverity: Map<string, Counts>;
  unlabelled: KeyedFinding[];
  /** Labels of scanned trees whose finding is gone (fixed rule, or the code changed). */
  disappeared: Label[];
  /** Labels whose tree was not scanned this run (e.g. the downloaded corpus is absent). */
  notScanned: number;
  /** Labels that matched a finding: key -> label. */
  matched: Map<string, Label>;
}

/** The tree a corpus path belongs to: its first two segments (`npm/ollama`, `repos/rag-chat`). */
export function treeOf(p: string): string {
  return p.split('/').slice(0, 2).join('/');
}

function bump(m: Map<string, Counts>, k: string): Counts {
  let c = m.get(k);
  if (!c) m.set(k, (c = emptyCounts()));
  return c;
}

/**
 * Score findings against labels. `scannedTrees`: the trees scanned this run (labels of other trees are
 * neither matched nor reported as disappeared).
 */
export function scorePrecision(findings: readonly KeyedFinding[], labels: readonly Label[], scannedTrees: ReadonlySet<string>): PrecisionReport {
  const byKey = new Map<string, Label>();
  for (const l of labels) byKey.set(labelKey(l), l);
  const r: PrecisionReport = { overall: emptyCounts(), byRule: new Map(), errorsByRule: new Map(), byRole: new Map(), bySeverity: new Map(), unlabelled: [], disappeared: [], notScanned: 0, matched: new Map() };
  for (const f of findings) {
    const l = byKey.get(f.key);
    const targets = [r.overall, bump(r.byRule, f.rule), bump(r.byRole, f.role), bump(r.bySeverity, f.severity)];
    if (f.severity === 'error') targets.push(bump(r.errorsByRule, f.rule));
    for (const c of targets) {
      c.total++;
      if (!l) c.unlabelled++;
      else if (l.label) c.tp++;
      else c.fp++;
    }
    if (l) r.matched.set(f.key, l);
    else r.unlabelled.push(f);
  }
  for (const l of labels) {
    const key = labelKey(l);
    if (r.matched.has(key)) continue;
    if (scannedTrees.has(treeOf(l.path))) r.disappeared.push(l);
    else r.notScanned++;
  }
  return r;
}

/** Findings per 1,000 lines. */
export function perKLines(findings: number, lines: number): number {
  return lines ? (findings * 1000) / lines : 0;
}

export function fmtPct(x: number | undefined): string {
  return x === undefined ? '-' : `${(x * 100).toFixed(1)}%`;
}
