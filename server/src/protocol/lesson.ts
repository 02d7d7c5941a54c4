/** Wire types of the lesson behind every rule (server/src/learning/lessons.ts), shared by the client and the CLI. */

/** Custom request: `{ ruleId, uri?, range? }` -> LessonResponse (null for an unknown rule). */
export const LESSON_REQUEST = 'aisec/lesson';
/** Client command: `aisec.showLesson RULE [{ uri, range }]` opens the lesson view. */
export const SHOW_LESSON_COMMAND = 'aisec.showLesson';
/** Code action kind of "Learn: <rule>" when only quick fixes are asked for (the Problems panel's context menu). */
export const LESSON_KIND = 'quickfix.aisec.lesson';

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface LessonExample {
  /** The code fence's language (`python`, `ts`, `json`, `markdown`...). */
  language: string;
  /** The file name the example is analysed as (decides the file kind: `app.py`, `mcp.json`, `AGENTS.md`). */
  path: string;
  code: string;
}

export interface Lesson {
  ruleId: string;
  /** One sentence: what is wrong. */
  title: string;
  pack: string;
  severity: string;
  confidence: string;
  /** Practice rules report in product code only. */
  practice: boolean;
  fix: 'autofix' | 'suggestion' | 'none';
  /** Markdown sections of the rule doc (empty when the doc has no such section). */
  summary: string;
  whyItMatters: string;
  howToFix: string;
  /** The first line of "How to fix" (plain enough for a hover). */
  oneLineFix: string;
  examples: { vulnerable?: LessonExample; fixed?: LessonExample };
  falsePositives: string;
  references: string;
  policy: {
    link: string;
    /** True when the organisation configured the link (else it is the public OWASP page). */
    configured: boolean;
    owner?: string;
  };
  mapping: {
    owasp: { id: string; title: string; url: string }[];
    cwe: { id: number; url: string }[];
    nistAiRmf: string[];
    euAiAct: string[];
    iso42001: string[];
  };
  /** The team's notes: `policy.notes` of the config or pack in force, and a pack rule's own "Team notes" section. */
  teamNotes: { source: string; text: string }[];
}

export interface LessonParams {
  ruleId: string;
  /** A finding to show as "your code": the document and the finding's range. */
  uri?: string;
  range?: WireRange;
}

export interface FixPreviewHunk {
  /** 0-based first line of the hunk in the current text. */
  startLine: number;
  before: string;
  after: string;
}

export interface YourCode {
  uri: string;
  message: string;
  range: WireRange;
  /** The finding's lines with a little context, and the 0-based line the snippet starts at. */
  snippet: string;
  snippetStartLine: number;
  fix?: { title: string; kind: 'autofix' | 'suggestion'; hunks: FixPreviewHunk[] };
}

export interface LessonResponse {
  lesson: Lesson;
  yourCode?: YourCode;
}
