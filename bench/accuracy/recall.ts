/**
 * Recall corpus: vulnerable cases written from published advisories (accuracy/vulnerable/<case>/case.yaml)
 * and npm packages at versions with advisories. Each case lists the vulnerabilities it holds (file, line
 * range, expected rule ids or an OWASP category, kind) and has a safe neighbour (the fixed version) that
 * must stay quiet. Pure scoring (unit-tested in test/unit/accuracy.test.ts); reading is in corpus.ts.
 */
import { parse } from 'yaml';
import type { Counts } from './labels';
import { emptyCounts } from './labels';

export type VulnKind = 'code' | 'prompt' | 'tool';
export const KINDS: readonly VulnKind[] = ['code', 'prompt', 'tool'];
export const OWASP_IDS = ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10'];

export interface Expected {
  /** Relative to the vulnerable tree's root, posix separators. */
  file: string;
  /** 1-based inclusive range. */
  start: number;
  end: number;
  /** Any of these rules counts; empty: any rule of the category. */
  rules: string[];
  owasp: string;
  kind: VulnKind;
  /** The missed pattern of issue 8 this covers (1..10), if any. */
  pattern?: number;
  note?: string;
}

export interface VulnCase {
  id: string;
  title: string;
  advisory: string;
  reference?: string;
  /** Folder of the vulnerable tree, relative to the case folder (default `vulnerable`), unless npm is set. */
  vulnerable: string;
  /** Folder of the fixed version (default `safe`; absent for npm packages without a committed neighbour). */
  safe?: string;
  /** An npm package at a version with a published advisory (fetched by scripts/fetch-corpus.sh). */
  npm?: string;
  expected: Expected[];
  /**
   * Other true findings in the vulnerable tree (a second rule on the same flaw, a weaker issue next to it):
   * they count as true for the corpus's precision, not for recall.
   */
  also: { file: string; start: number; end: number; rules: string[]; reason: string }[];
}

/** Parse a case.yaml; throws with the case id on malformed entries. */
export function parseCase(text: string, fallbackId: string): VulnCase {
  const o = parse(text) as Record<string, unknown>;
  if (!o || typeof o !== 'object') throw new Error(`${fallbackId}: case.yaml must be a mapping`);
  const id = typeof o.id === 'string' ? o.id : fallbackId;
  const exp = Array.isArray(o.expected) ? (o.expected as Record<string, unknown>[]) : [];
  const range = (e: Record<string, unknown>, where: string): [number, number] => {
    if (typeof e.line === 'number') return [e.line, e.line];
    if (typeof e.lines === 'string' && /^\d+-\d+$/.test(e.lines)) return e.lines.split('-').map(Number) as [number, number];
    if (Array.isArray(e.lines) && e.lines.length === 2) return e.lines as [number, number];
    throw new Error(`${where}: line or lines (a-b) is required`);
  };
  const ruleList = (e: Record<string, unknown>) => (e.rules === undefined ? [] : Array.isArray(e.rules) ? (e.rules as string[]) : [String(e.rules)]);
  const also = (Array.isArray(o.also) ? (o.also as Record<string, unknown>[]) : []).map((e, i) => {
    const where = `${id}: also[${i}]`;
    if (typeof e.file !== 'string') throw new Error(`${where}: file is required`);
    const [start, end] = range(e, where);
    if (typeof e.reason !== 'string') throw new Error(`${where}: reason is required`);
    return { file: e.file, start, end, rules: ruleList(e), reason: e.reason };
  });
  const expected: Expected[] = exp.map((e, i) => {
    const where = `${id}: expected[${i}]`;
    if (typeof e.file !== 'string') throw new Error(`${where}: file is required`);
    const [start, end] = range(e, where);
    const rules = ruleList(e);
    if (typeof e.owasp !== 'string' || !OWASP_IDS.includes(e.owasp)) throw new Error(`${where}: owasp must be one of LLM01..LLM10`);
    if (!KINDS.includes(e.kind as VulnKind)) throw new Error(`${where}: kind must be code, prompt or tool`);
    return { file: e.file, start, end, rules, owasp: e.owasp, kind: e.kind as VulnKind, pattern: typeof e.pattern === 'number' ? e.pattern : undefined, note: typeof e.note === 'string' ? e.note : undefined };
  });
  return {
    id,
    title: typeof o.title === 'string' ? o.title : id,
    advisory: typeof o.advisory === 'string' ? o.advisory : '-',
    reference: typeof o.reference === 'string' ? o.reference : undefined,
    vulnerable: typeof o.vulnerable === 'string' ? o.vulnerable : 'vulnerable',
    safe: o.safe === null || o.safe === false ? undefined : typeof o.safe === 'string' ? o.safe : o.npm ? undefined : 'safe',
    npm: typeof o.npm === 'string' ? o.npm : undefined,
    expected,
    also,
  };
}

/** A finding as the recall scorer needs it: file relative to the tree root, 1-based lines. */
export interface TreeFinding {
  file: string;
  rule: string;
  startLine: number;
  endLine: number;
  severity: string;
}

/** Does a finding of `rule` on these lines find the expected vulnerability? */
export function findsExpected(e: Expected, f: TreeFinding, ruleOwasp: ReadonlyMap<string, readonly string[]>): boolean {
  if (f.file !== e.file) return false;
  if (f.startLine > e.end || f.endLine < e.start) return false;
  if (e.rules.length) return e.rules.includes(f.rule);
  return (ruleOwasp.get(f.rule) ?? []).includes(e.owasp);
}

export interface CaseResult {
  case: VulnCase;
  found: boolean[];
  /** Findings in the vulnerable tree that match an expected vulnerability (or an `also` entry). */
  truePositives: TreeFinding[];
  /** Findings in the vulnerable tree that match none (counted as false for the corpus's precision). */
  unexpected: TreeFinding[];
  /** Findings in the safe neighbour (which must stay quiet). */
  safeFindings: TreeFinding[];
  /** The vulnerable tree was not available (npm package not fetched). */
  missing: boolean;
}

export function scoreCase(c: VulnCase, vulnFindings: readonly TreeFinding[] | undefined, safeFindings: readonly TreeFinding[], ruleOwasp: ReadonlyMap<string, readonly string[]>): CaseResult {
  if (!vulnFindings) return { case: c, found: c.expected.map(() => false), truePositives: [], unexpected: [], safeFindings: [...safeFindings], missing: true };
  const found = c.expected.map((e) => vulnFindings.some((f) => findsExpected(e, f, ruleOwasp)));
  const truePositives: TreeFinding[] = [];
  const unexpected: TreeFinding[] = [];
  const isAlso = (f: TreeFinding) => c.also.some((a) => a.file === f.file && f.startLine <= a.end && f.endLine >= a.start && (!a.rules.length || a.rules.includes(f.rule)));
  for (const f of vulnFindings) (c.expected.some((e) => findsExpected(e, f, ruleOwasp)) || isAlso(f) ? truePositives : unexpected).push(f);
  return { case: c, found, truePositives, unexpected, safeFindings: [...safeFindings], missing: false };
}

export interface RecallReport {
  /** found / total (in Counts: tp = found, fp = missed). */
  byCategory: Map<string, { found: number; total: number }>;
  byKind: Map<string, { found: number; total: number }>;
  byPattern: Map<number, { found: number; total: number }>;
  overall: { found: number; total: number };
  /** Precision on the vulnerable corpus: matching findings vs unexpected + safe-neighbour findings. */
  precision: Counts;
  /** Cases whose tree was missing (not counted). */
  missingCases: string[];
}

export function scoreRecall(results: readonly CaseResult[]): RecallReport {
  const r: RecallReport = { byCategory: new Map(), byKind: new Map(), byPattern: new Map(), overall: { found: 0, total: 0 }, precision: emptyCounts(), missingCases: [] };
  const add = <K>(m: Map<K, { found: number; total: number }>, k: K, hit: boolean) => {
    const c = m.get(k) ?? { found: 0, total: 0 };
    c.total++;
    if (hit) c.found++;
    m.set(k, c);
  };
  for (const res of results) {
    // safe neighbours count for precision even when the vulnerable tree is missing
    r.precision.fp += res.safeFindings.length;
    r.precision.total += res.safeFindings.length;
    if (res.missing) {
      r.missingCases.push(res.case.id);
      continue;
    }
    res.case.expected.forEach((e, i) => {
      const hit = res.found[i];
      add(r.byCategory, e.owasp, hit);
      add(r.byKind, e.kind, hit);
      if (e.pattern !== undefined) add(r.byPattern, e.pattern, hit);
      r.overall.total++;
      if (hit) r.overall.found++;
    });
    r.precision.tp += res.truePositives.length;
    r.precision.fp += res.unexpected.length;
    r.precision.total += res.truePositives.length + res.unexpected.length;
  }
  return r;
}
