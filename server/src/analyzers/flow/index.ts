/**
 * Shared data-flow helpers for rules: taint tracking of model output, untrusted input and tool arguments, for
 * Python (tree-sitter) and JS/TS (typescript-estree).
 * - core.ts: the language-neutral engine (scopes, rounds, summaries with symbolic parameters, fields of
 *   self/this, class hierarchies, call semantics, guards); python.ts and js.ts only map syntax onto it.
 * - project.ts: cross-file flow through an optional ProjectIndex (workspace/projectIndex.ts supplies it).
 * Sources, sanitizers and pass-through functions are data (tables.ts); sinks belong to the rules.
 */
export type { SinkContext, SourceKind, Taint } from './taint';
export { pythonFlow, pyArgs, pyKeywordNode, pyStringValue, pyStringContent, pyAddKeywordEdit, kids } from './python';
export type { PyFlow } from './python';
export { CTX, CHECKED_BY_HELPER, MARKDOWN_RENDERED, MARKDOWN_IMAGES_STRIPPED, PATH_NAME_FIXED, PATH_PREFIX_CHECKED, localProcessOnly } from './taint';
export { jsFlow, jsChildren, linkParent, linkedParent, jsStringValue, memberKey, objProp, propName, unwrap } from './js';
export type { JsFlow } from './js';
export type { FileSummary, OutgoingCall, ProjectIndex } from './project';
