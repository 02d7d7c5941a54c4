/** The rule authoring API. A rule never reads files or settings: it receives them. */
import type { WorkspacePackages } from './config';
import type { Fix, FileKind, FileRole, RuleMeta } from './model';
import type { DataView, JsView, PromptView, PythonView, TextView } from './views';

export interface ReportDescriptor {
  messageId?: string;
  data?: Record<string, string | number>;
  /** Offsets in the view's text. */
  start: number;
  end: number;
  fixes?: Fix[];
}

export interface RuleContext<V> {
  view: V;
  /** The file being analysed (path as given, posix separators). */
  path: string;
  kind: FileKind;
  /** The file's role; practice rules (meta.practice) only run in 'product' files. */
  role: FileRole;
  options: Record<string, unknown>;
  /** Declared dependencies and local modules of the workspace, when the caller supplied them (config.workspace). */
  workspace?: Readonly<WorkspacePackages>;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleChecks {
  python?(ctx: RuleContext<PythonView>): void;
  js?(ctx: RuleContext<JsView>): void;
  data?(ctx: RuleContext<DataView>): void;
  prompt?(ctx: RuleContext<PromptView>): void;
  text?(ctx: RuleContext<TextView>): void;
}

export interface Rule {
  meta: RuleMeta;
  check: RuleChecks;
}

/** A rule as registered: definition plus its docs page. */
export interface RegisteredRule extends Rule {
  docs: string;
  pack: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
