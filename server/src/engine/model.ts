/**
 * The engine's data model. Pure types: no I/O, no editor or protocol knowledge.
 * Offsets are UTF-16 code units into the file text (what JS strings, LSP and SARIF use).
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';
export type Confidence = 'high' | 'medium' | 'low';

export type { FileRole } from './fileRole';
import type { FileRole } from './fileRole';

/** What a file is, for routing it to analyzers and rules. */
export type FileKind = 'python' | 'javascript' | 'typescript' | 'notebook' | 'prompt' | 'data' | 'markdown';

/** A parsed projection of a file that rules can target. */
export type ViewName = 'python' | 'js' | 'data' | 'prompt' | 'text';

export type OwaspLlmId =
  | 'LLM01' | 'LLM02' | 'LLM03' | 'LLM04' | 'LLM05'
  | 'LLM06' | 'LLM07' | 'LLM08' | 'LLM09' | 'LLM10';

export interface Position { line: number; character: number } // 0-based, UTF-16
export interface Range { start: Position; end: Position }

export interface TextEdit { start: number; end: number; newText: string }

export interface Fix {
  title: string;
  /** autofix keeps behaviour and may be applied by fix-all; suggestion needs a human decision. */
  kind: 'autofix' | 'suggestion';
  edits: TextEdit[];
}

export interface FrameworkRefs {
  nistAiRmf?: string[];   // e.g. "MANAGE 2.2"
  euAiAct?: string[];     // e.g. "Art. 15"
  iso42001?: string[];    // e.g. "A.6.2.4"
}

export interface RuleMeta {
  /** Stable kebab-case id naming the risk; never reused. */
  id: string;
  /** PascalCase name (SARIF rule name). */
  name: string;
  /** One sentence: what is wrong. */
  shortDescription: string;
  /** A paragraph: why it matters. */
  fullDescription: string;
  /** Which views the rule inspects. */
  views: ViewName[];
  severity: Severity;
  confidence: Confidence;
  owasp: OwaspLlmId[];
  cwe: number[];
  frameworks: FrameworkRefs;
  /** What kind of fix the rule offers, if any. */
  fix: 'autofix' | 'suggestion' | 'none';
  /** Messages by id; `{{name}}` placeholders are filled from report data. */
  messages: Record<string, string>;
  /** Off unless a config turns it on (low-confidence audit rules). */
  optIn?: boolean;
  /**
   * A practice rule (limits, schema strictness, annotations, logging, pinning) reports in product code
   * only; other rules (a real source reaching a real sink) report in every file role, with the role shown.
   */
  practice?: boolean;
  tags?: string[];
  /**
   * Pre-filter (engine/prefilter.ts): the rule can report on a file only if one of `words` occurs in the file's
   * raw text as a whole word (`[A-Za-z_][A-Za-z0-9_]*`, case-sensitive) or `regex` (no g/y flag) matches it, and `check` (a cheap exact
   * test, for rules that look at every import...) does not return false. A
   * file where it fails does not run the rule, and is not parsed when no remaining rule reads the view. Absent:
   * the rule runs on every file. It must never drop a finding (test/unit/prefilter.test.ts checks every rule).
   */
  prefilter?: { words?: readonly string[]; regex?: RegExp; check?: (file: PrefilterFile) => boolean };
}

/**
 * What a pre-filter's `check` sees of a file (before parsing): it returns false only when the rule cannot report
 * there. `kind` is the file's kind; the text is the raw file text (a notebook's JSON, not its cells).
 */
export interface PrefilterFile {
  text: string;
  path: string;
  kind: FileKind;
  role: FileRole;
  workspace?: Readonly<import('./config').WorkspacePackages>;
  hasWord(word: string): boolean;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
  until?: string;
  by?: string;
  /** 0-based line of the comment, for inSource. */
  line?: number;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  confidence: Confidence;
  /** Offsets into the file text. */
  start: number;
  end: number;
  range: Range;
  fixes: Fix[];
  suppression?: Suppression;
  /** Stable identity for baselines and SARIF partialFingerprints. */
  fingerprint: string;
  /** The role of the file the finding is in (product, test, example, fixture...). */
  role?: FileRole;
}

export interface AnalysisError {
  /** 'parse' when a file could not be (fully) parsed; 'rule' when a rule threw; 'skipped' when not analysed. */
  kind: 'parse' | 'rule' | 'skipped' | 'suppression';
  message: string;
  start?: number;
  end?: number;
  ruleId?: string;
  /**
   * Set when the error means part of the file was not analysed (nesting too deep, a parser's recursion limit, a
   * failing rule): what was skipped. The engine turns it into an `analysis-incomplete` finding (fail closed).
   */
  incomplete?: string;
}

export interface AnalysisResult {
  path: string;
  kind: FileKind | undefined;
  /** The file's role (set when the file was analysed). */
  role?: FileRole;
  findings: Finding[];
  errors: AnalysisError[];
  /** Why the analysis of this file could not finish, when it could not (each reason once); absent when complete. */
  incomplete?: string[];
}
