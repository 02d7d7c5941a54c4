/**
 * JSON, JSONC and YAML into one positioned value tree (DataNode), so tool-definition and prompt
 * rules can point at the exact key or value. The only module that knows jsonc-parser and yaml.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsoncNode, ParseError } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { AnalysisError } from '../../engine/model';
import type { DataNode, DataProperty, DataView } from '../../engine/views';
import { fileBaseName } from '../../engine/fileKind';

export function analyzeData(path: string, text: string): { view?: DataView; errors: AnalysisError[] } {
  const name = fileBaseName(path);
  const isYaml = /\.(ya?ml)$/.test(name);
  return isYaml ? analyzeYaml(path, name, text) : analyzeJson(path, name, text);
}

function analyzeJson(path: string, name: string, text: string): { view?: DataView; errors: AnalysisError[] } {
  // nesting beyond the limit is cut out (each too-deep value read as a number, same offsets) and reported as
  // incomplete: the rest of the document is still analysed, and the parser's recursion stays bounded
  const deep = cutBeyond(text, MAX_DATA_DEPTH);
  const cutErrors: AnalysisError[] = deep.cuts.map(([start, end]) => ({ kind: 'parse', message: `JSON nested deeper than ${MAX_DATA_DEPTH} levels`, start, end, incomplete: 'the value nested below that depth' }));
  const parsed = analyzeJsonText(path, name, text, deep.text);
  return { view: parsed.view, errors: [...cutErrors, ...parsed.errors] };
}

function analyzeJsonText(path: string, name: string, text: string, parseText: string): { view?: DataView; errors: AnalysisError[] } {
  const perrors: ParseError[] = [];
  const tree = parseTree(parseText, perrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  // one unclosed brace per nesting level repeats the same error at the same offset: report it once
  const unique = perrors.filter((e, i) => perrors.findIndex((o) => o.error === e.error && o.offset === e.offset) === i);
  const errors: AnalysisError[] = unique.slice(0, 5).map((e) => ({ kind: 'parse' as const, message: `JSON: ${printParseErrorCode(e.error)}`, start: e.offset, end: e.offset + e.length }));
  if (!tree) return { errors };
  const root = fromJsonc(tree, text, undefined, 0);
  const format = name.endsWith('.json') && !/(^|\.)mcp\.json$|settings\.json$/.test(name) && !text.includes('//') ? 'json' : 'jsonc';
  return { view: { text, format, roots: root ? [root] : [], fileName: name, path: path.replace(/\\/g, '/') }, errors };
}

/** Deeper nesting than this is not real configuration: it is cut off (and reported) instead of overflowing the stack. */
export const MAX_DATA_DEPTH = 256;

function fromJsonc(n: JsoncNode, text: string, parent: DataNode | undefined, depth: number): DataNode | undefined {
  if (depth > MAX_DATA_DEPTH) return undefined;
  switch (n.type) {
    case 'object': {
      const node: DataNode = { type: 'object', start: n.offset, end: n.offset + n.length, properties: [], parent };
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        const value = v ? fromJsonc(v, text, node, depth + 1) : undefined;
        if (!value) continue;
        node.properties!.push({ key: k.value, keyStart: k.offset, keyEnd: k.offset + k.length, value });
      }
      return node;
    }
    case 'array': {
      const node: DataNode = { type: 'array', start: n.offset, end: n.offset + n.length, items: [], parent };
      for (const c of n.children ?? []) {
        const item = fromJsonc(c, text, node, depth + 1);
        if (item) node.items!.push(item);
      }
      return node;
    }
    case 'string':
      return { type: 'string', value: n.value as string, start: n.offset, end: n.offset + n.length, contentStart: n.offset + 1, parent };
    case 'number':
      return { type: 'number', value: n.value as number, start: n.offset, end: n.offset + n.length, parent };
    case 'boolean':
      return { type: 'boolean', value: n.value as boolean, start: n.offset, end: n.offset + n.length, parent };
    case 'null':
      return { type: 'null', value: null, start: n.offset, end: n.offset + n.length, parent };
    default:
      return undefined;
  }
}

function analyzeYaml(path: string, name: string, text: string): { view?: DataView; errors: AnalysisError[] } {
  const errors: AnalysisError[] = [];
  const roots: DataNode[] = [];
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false});
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    for (const e of doc.errors.slice(0, 5)) errors.push({ kind: 'parse', message: `YAML: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1] });
    yamlCut = undefined;
    const root = fromYaml(doc.contents, undefined, 0);
    if (root) roots.push(root);
    const cut = yamlCut as { start: number; end: number } | undefined; // set by fromYaml
    if (cut) errors.push({ kind: 'parse', message: `YAML nested deeper than ${MAX_DATA_DEPTH} levels`, start: cut.start, end: cut.end, incomplete: 'the value nested below that depth' });
    yamlCut = undefined;
  }
  return { view: { text, format: 'yaml', roots, fileName: name, path: path.replace(/\\/g, '/') }, errors };
}

/** The first YAML node cut for depth in the current document (reported as incomplete), if any. */
let yamlCut: { start: number; end: number } | undefined;

function fromYaml(n: unknown, parent: DataNode | undefined, depth: number): DataNode | undefined {
  if (n && depth > MAX_DATA_DEPTH) {
    const r = (n as { range?: [number, number, number] }).range;
    yamlCut ??= { start: r?.[0] ?? 0, end: (r?.[0] ?? 0) + 1 };
  }
  if (!n || depth > MAX_DATA_DEPTH) return undefined;
  if (isAlias(n)) return undefined; // aliases are not followed: no billion-laughs expansion
  if (isMap(n)) {
    const [start, , end] = n.range ?? [0, 0, 0];
    const node: DataNode = { type: 'object', start, end, properties: [], parent };
    for (const item of n.items) {
      if (!isPair(item)) continue;
      const k = item.key;
      if (!isScalar(k)) continue;
      const value = fromYaml(item.value, node, depth + 1) ?? { type: 'null' as const, value: null, start: k.range?.[1] ?? start, end: k.range?.[1] ?? start, parent: node };
      const prop: DataProperty = { key: String(k.value), keyStart: k.range?.[0] ?? start, keyEnd: k.range?.[1] ?? start, value };
      node.properties!.push(prop);
    }
    return node;
  }
  if (isSeq(n)) {
    const [start, , end] = n.range ?? [0, 0, 0];
    const node: DataNode = { type: 'array', start, end, items: [], parent };
    for (const item of n.items) {
      const c = fromYaml(item, node, depth + 1);
      if (c) node.items!.push(c);
    }
    return node;
  }
  if (isScalar(n)) {
    const [start, valueEnd] = n.range ?? [0, 0, 0];
    const v = n.value;
    if (typeof v === 'string') {
      const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
      return { type: 'string', value: v, start, end: valueEnd, contentStart: quoted ? start + 1 : start, parent };
    }
    if (typeof v === 'number') return { type: 'number', value: v, start, end: valueEnd, parent };
    if (typeof v === 'boolean') return { type: 'boolean', value: v, start, end: valueEnd, parent };
    if (v === null || v === undefined) return { type: 'null', value: null, start, end: valueEnd, parent };
    return { type: 'string', value: String(v), start, end: valueEnd, contentStart: start, parent };
  }
  return undefined;
}

/** Helpers for rules. */
export function getProp(node: DataNode | undefined, key: string): DataProperty | undefined {
  return node?.properties?.find((p) => p.key === key);
}
export function getValue(node: DataNode | undefined, ...path: (string | number)[]): DataNode | undefined {
  let cur = node;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.items?.[seg];
    else cur = getProp(cur, seg)?.value;
  }
  return cur;
}
/** Visit every node depth-first. */
export function walkData(node: DataNode, visit: (n: DataNode, key: string | undefined) => void, key?: string): void {
  visit(node, key);
  for (const p of node.properties ?? []) walkData(p.value, visit, p.key);
  for (const i of node.items ?? []) walkData(i, visit, undefined);
}

/** Offset where bracket nesting first exceeds `max` (strings and comments skipped), or -1. Linear, no recursion. */
/**
 * `text` with every bracketed value that opens deeper than `max` replaced by `0` and spaces (offsets and newlines
 * kept), and the ranges cut. A linear scan with a depth counter: no recursion.
 */
export function cutBeyond(text: string, max: number): { text: string; cuts: [number, number][] } {
  const cuts: [number, number][] = [];
  let depth = 0;
  let cutDepth = -1;
  let cutStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 123 || c === 91) {
      if (++depth > max && cutDepth < 0) {
        cutDepth = depth;
        cutStart = i;
      }
    } else if (c === 125 || c === 93) {
      if (depth === cutDepth) {
        cuts.push([cutStart, i + 1]);
        cutDepth = -1;
      }
      depth--;
    }
  }
  if (cutDepth >= 0) cuts.push([cutStart, text.length]);
  if (cuts.length === 0) return { text, cuts };
  const parts: string[] = [];
  let last = 0;
  for (const [s, e] of cuts) {
    parts.push(text.slice(last, s), '0', text.slice(s + 1, e).replace(/[^\r\n]/g, ' '));
    last = e;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), cuts };
}

