/**
 * Views: parsed projections of one file that rules inspect. Analyzers build them; rules read them.
 * Every offset in a view is an offset into `view.text`; `toFileOffset` maps it back into the file
 * (identity unless the view is embedded, e.g. a notebook cell or a prompt inside YAML).
 */
import type { PyNode } from '../analyzers/python/tree';
import type { ProjectIndex } from '../analyzers/flow/project';
import type { FileRole } from './fileRole';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export interface OffsetMap {
  /** Map a view offset to a file offset. */
  toFile(offset: number): number;
  /** Can an edit of [start, end) in view coordinates be applied verbatim to the file? */
  canEdit(start: number, end: number): boolean;
  /**
   * Encode replacement text for the file's syntax (e.g. JSON string escaping for notebook cells);
   * undefined when it cannot be written there. Absent: the text is written verbatim.
   */
  encode?(newText: string): string | undefined;
}

export interface BaseView {
  text: string;
  map?: OffsetMap;
  /** The file's path (as given to analyze) and the other workspace files, for cross-file flow (optional). */
  path?: string;
  project?: ProjectIndex;
  /** The file's role (engine): outside product and example code a tool's arguments are model-chosen only when the file gives the tool to a model. */
  role?: FileRole;
}

export interface PythonView extends BaseView {
  /** A plain-JS mirror of the tree-sitter tree (the wasm tree is freed right after parsing). */
  root: PyNode;
}

export interface JsView extends BaseView {
  ast: TSESTree.Program;
  typescript: boolean;
  jsx: boolean;
}

/** JSON / JSONC / YAML value tree with exact positions. */
export type DataNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
export interface DataProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: DataNode;
}
export interface DataNode {
  type: DataNodeType;
  /** Scalar value; undefined for object/array. */
  value?: string | number | boolean | null;
  start: number;
  end: number;
  /** For objects. */
  properties?: DataProperty[];
  /** For arrays. */
  items?: DataNode[];
  parent?: DataNode;
  /** For string nodes: offset of the first content character (after the quote / block indicator). */
  contentStart?: number;
}
export interface DataView extends BaseView {
  format: 'json' | 'jsonc' | 'yaml';
  /** One root per YAML document; one for JSON. */
  roots: DataNode[];
  /** Base name of the file, lower-case (dialects depend on it: mcp.json, claude_desktop_config.json...). */
  fileName: string;
  /** Path of the file, posix separators. */
  path: string;
}

export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'unknown';
export interface PromptSection {
  role: PromptRole;
  /** Offsets of the section body in view text. */
  start: number;
  end: number;
}
export interface PromptVariable {
  name: string;
  /** Whole placeholder, e.g. `{{ user_input | safe }}`. */
  start: number;
  end: number;
  role: PromptRole;
  filters: string[];
  syntax: 'jinja' | 'mustache' | 'handlebars' | 'fstring' | 'dotprompt';
}
export interface PromptView extends BaseView {
  format: 'prompty' | 'dotprompt' | 'jinja' | 'mustache' | 'handlebars' | 'instructions' | 'data' | 'text';
  /** Parsed front matter (prompty, dotprompt, *.prompt.md), if any. */
  frontMatter?: DataNode;
  /** Offsets of the front matter block (between the --- lines), if any. */
  frontMatterRange?: { start: number; end: number };
  sections: PromptSection[];
  variables: PromptVariable[];
}

export interface TextView extends BaseView {}

export interface Views {
  python?: PythonView;
  js?: JsView;
  data?: DataView;
  /** A file can hold several prompts (e.g. a YAML file with several templates). */
  prompt?: PromptView[];
  text: TextView;
}
