/** The one module that knows @typescript-eslint/typescript-estree. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type * as ts from 'typescript';
import type { AnalysisError } from '../../engine/model';
import type { JsView } from '../../engine/views';
import { changedRange } from '../textChange';
import { cutDeepBrackets, isStackOverflow } from '../nesting';

/**
 * The TypeScript syntax trees of the last files analysed with a key (their path), most recent last, one per
 * parse mode (TS/TSX/JS/JSX). Analysing a key again updates its tree with the edit between the two texts
 * (TypeScript's incremental parser, the one editors use: unchanged statements are reused), and typescript-estree
 * converts that tree as it would convert a fresh one. test/unit/parseIncremental.test.ts checks the results are
 * the same on random edits; AISEC_VERIFY_PARSE=1 compares every incremental parse with a fresh one.
 */
const KEEP_TREES = 4;
/**
 * The typescript-estree node of a top-level statement, kept with where its TypeScript statement began (its full
 * start, with leading trivia, and that position's line and column) when it was converted.
 */
interface Converted {
  est: TSESTree.Node;
  pos: number;
  line: number;
  column: number;
}
const kept: { key: string; text: string; file: ts.SourceFile; converted?: Map<ts.Node, Converted> }[] = [];
/**
 * TypeScript and typescript-estree, loaded on the first JavaScript/TypeScript parse: a scan or an editor session
 * without such files never builds TypeScript's tables (tens of MB of heap).
 */
let loaded: { ts: typeof import('typescript'); parse: typeof import('@typescript-eslint/typescript-estree').parse } | undefined;
function lib(): NonNullable<typeof loaded> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= { ts: require('typescript') as typeof import('typescript'), parse: (require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree')).parse });
}
/**
 * Load TypeScript and typescript-estree now. The language server calls it at start-up, before it answers initialize
 * (as when they were static imports): loaded lazily, the load (~150 ms) landed in the warm-up's TypeScript sample, and a
 * Python file opened right after initialize waited for it (first diagnostics 211-294 -> 316-372 ms). The CLI keeps
 * loading them on the first JS/TS parse.
 */
export function preloadJsParser(): void {
  lib();
}
function parse(...args: Parameters<NonNullable<typeof loaded>['parse']>): TSESTree.Program {
  return lib().parse(...args);
}

/** Brackets nested deeper than this are emptied before parsing (reported as incomplete). */
export const MAX_JS_NESTING = 150;

const verifyParse = process.env.AISEC_VERIFY_PARSE === '1';

const SCRIPT_KIND: Record<string, 'TS' | 'TSX' | 'JS' | 'JSX'> = { 'file.ts': 'TS', 'file.tsx': 'TSX', 'file.js': 'JS', 'file.jsx': 'JSX' };

/** What typescript-estree's parse() creates from a string for `filePath` (no sourceType: no module indicator). */
function freshSourceFile(filePath: string, text: string): ts.SourceFile {
  const { ts } = lib();
  const kind = SCRIPT_KIND[filePath];
  return ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, kind === undefined ? undefined : ts.ScriptKind[kind]);
}

/**
 * Parse `text` for `filePath`, reusing the kept tree of `key`: TypeScript updates it with the edit, and only the
 * top-level statements TypeScript re-parsed are converted again; the others keep their typescript-estree nodes of
 * the previous analysis, moved by the length and lines the edit added (the statement's text is unchanged: TypeScript
 * reuses a node only then). The result is the tree a fresh parse gives (AISEC_VERIFY_PARSE=1 checks it).
 */
function keptParse(key: string, filePath: string, text: string, useJsx: boolean): TSESTree.Program {
  const id = `${filePath}\u0000${key}`;
  const at = kept.findIndex((k) => k.key === id);
  const prev = at >= 0 ? kept.splice(at, 1)[0] : undefined;
  let file: ts.SourceFile | undefined;
  if (prev) {
    const r = changedRange(prev.text, text);
    try {
      file = r ? lib().ts.updateSourceFile(prev.file, text, { span: { start: r.start, length: r.oldEnd - r.start }, newLength: r.newEnd - r.start }) : prev.file;
    } catch {
      file = undefined;
    }
  }
  const reused = file !== undefined;
  file ??= freshSourceFile(filePath, text);
  const entry: (typeof kept)[number] = { key: id, text, file, converted: reused ? prev?.converted : undefined };
  kept.push(entry);
  while (kept.length > KEEP_TREES) kept.shift();
  // parse() takes a ts.SourceFile as well as a string (createParseSettings and createSourceFile accept either,
  // as parseAndGenerateServices declares); its type says string only
  const ast = (entry.converted && convertChanged(file, entry.converted, useJsx, filePath)) || parse(file as unknown as string, options(useJsx, filePath));
  const converted = new Map<ts.Node, Converted>();
  const statements = file.statements;
  if (ast.body.length === statements.length) {
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      const lc = file.getLineAndCharacterOfPosition(s.pos);
      converted.set(s, { est: ast.body[i], pos: s.pos, line: lc.line + 1, column: lc.character });
    }
    entry.converted = converted;
  } else entry.converted = undefined;
  return ast;
}

/**
 * The program of `file` with the statements of `before` reused (moved), the others converted; undefined when it
 * cannot be built that way (a string-literal statement: a directive depends on the statements before it).
 */
function convertChanged(file: ts.SourceFile, before: Map<ts.Node, Converted>, useJsx: boolean, filePath: string): TSESTree.Program | undefined {
  const { ts } = lib();
  const statements = file.statements;
  const fresh: ts.Statement[] = [];
  for (const s of statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) return undefined;
    if (!before.has(s)) fresh.push(s);
  }
  file.getLineStarts(); // computed once, on the file (the view below would compute its own)
  // a view of the file holding only the statements to convert (positions, lines and diagnostics are the file's)
  const partial = Object.create(file) as ts.SourceFile & { statements: readonly ts.Statement[] };
  Object.defineProperty(partial, 'statements', { value: ts.factory.createNodeArray(fresh), enumerable: true });
  // typescript-estree finds some tokens (after `export`, after type arguments) by descending from the file: the whole file's children
  Object.defineProperty(partial, 'getChildren', { value: () => file.getChildren(file) });
  const program = parse(partial as unknown as string, options(useJsx, filePath));
  if (program.body.length !== fresh.length) return undefined;
  const body: TSESTree.ProgramStatement[] = [];
  let next = 0;
  for (const s of statements) {
    const c = before.get(s);
    if (!c) {
      body.push(program.body[next++]);
      continue;
    }
    const lc = file.getLineAndCharacterOfPosition(s.pos);
    const delta = s.pos - c.pos;
    const lines = lc.line + 1 - c.line;
    const columns = lc.character - c.column;
    if (delta !== 0 || lines !== 0 || columns !== 0) move(c.est, delta, c.line, lines, columns);
    body.push(c.est as TSESTree.ProgramStatement);
  }
  program.body = body;
  return program;
}

/**
 * Move the offsets of `root` and its descendants by `delta` and their lines by `lines`; positions on `line` (the
 * line the statement's text began on) move by `columns` too. Ranges and positions can be shared between nodes.
 */
function move(root: TSESTree.Node, delta: number, line: number, lines: number, columns: number): void {
  const seen = new Set<object>();
  const stack: TSESTree.Node[] = [root];
  const pos = (p: TSESTree.Position) => {
    if (seen.has(p)) return;
    seen.add(p);
    if (p.line === line) p.column += columns;
    p.line += lines;
  };
  while (stack.length) {
    const n = stack.pop()!;
    const r = n.range;
    if (!seen.has(r)) {
      seen.add(r);
      r[0] += delta;
      r[1] += delta;
    }
    pos(n.loc.start);
    pos(n.loc.end);
    const rec = n as unknown as Record<string, unknown>;
    for (const k in rec) {
      if (k === 'range' || k === 'loc' || k === 'parent') continue;
      const v = rec[k];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const c = v[i] as TSESTree.Node | null;
          if (c && typeof c === 'object' && typeof c.type === 'string') stack.push(c);
        }
      } else if (v && typeof v === 'object' && typeof (v as TSESTree.Node).type === 'string') stack.push(v as TSESTree.Node);
    }
  }
}

/** Forget every kept tree (tests). */
export function dropKeptJsTrees(): void {
  kept.length = 0;
}

function options(useJsx: boolean, filePath: string): Parameters<typeof parse>[1] {
  return {
    jsx: useJsx,
    range: true,
    // typescript-estree computes locations anyway and, when they are not wanted, walks the whole tree to delete them
    // (which also leaves every node a slow dictionary-mode object): keeping them costs less
    loc: true,
    comment: false,
    tokens: false,
    errorOnUnknownASTType: false,
    allowInvalidAST: true,
    suppressDeprecatedPropertyWarnings: true,
    jsDocParsingMode: 'none',
    loggerFn: false,
    filePath,
  };
}

/**
 * `key` (the file's path): keep the syntax tree for the next analysis of the same file, which then re-parses
 * only what changed (the editor); without it nothing is kept.
 */
export function analyzeJs(path: string, text: string, typescript: boolean, key?: string): { view?: JsView; errors: AnalysisError[] } {
  const lower = path.toLowerCase();
  const jsx = /\.(jsx|tsx)$/.test(lower) || (!typescript && /\.(js|mjs|cjs)$/.test(lower));
  const attempts: boolean[] = jsx ? [true, false] : [false, true];
  let firstError: Error | undefined;
  const deep = cutDeepBrackets(text, MAX_JS_NESTING);
  const cutErrors: AnalysisError[] = deep.cuts.slice(0, 5).map(([start]) => ({ kind: 'parse', message: `brackets nested deeper than ${MAX_JS_NESTING} levels`, start, end: start + 1, incomplete: 'the code nested below that depth' }));
  const parseText = deep.text;
  for (const useJsx of attempts) {
    const filePath = typescript ? (useJsx ? 'file.tsx' : 'file.ts') : useJsx ? 'file.jsx' : 'file.js';
    let ast: JsView['ast'];
    try {
      ast = key === undefined ? parse(parseText, options(useJsx, filePath)) : keptParse(key, filePath, parseText, useJsx);
    } catch (e) {
      if (verifyParse && key !== undefined) verifySame(undefined, e as Error, parseText, useJsx, filePath);
      firstError ??= e as Error;
      continue;
    }
    if (verifyParse && key !== undefined) verifySame(ast, undefined, parseText, useJsx, filePath);
    return { view: { text, ast, typescript, jsx: useJsx }, errors: cutErrors };
  }
  const err = firstError as Error & { index?: number };
  // a parser that ran out of stack hides the whole file from the syntax rules: incomplete, not a plain syntax error
  const overflow = isStackOverflow(err);
  return { errors: [...cutErrors, { kind: 'parse', message: `syntax error: ${err.message}`, start: err.index, end: err.index, ...(overflow ? { incomplete: 'every JavaScript/TypeScript syntax rule' } : {}) }] };
}

/** AISEC_VERIFY_PARSE=1: an incremental parse must give what a fresh parse gives, the same tree or the same error. */
function verifySame(ast: unknown, err: Error | undefined, text: string, useJsx: boolean, filePath: string): void {
  let fresh: unknown;
  let freshErr: Error | undefined;
  try {
    fresh = parse(text, options(useJsx, filePath));
  } catch (e) {
    freshErr = e as Error;
  }
  const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
  const same = err || freshErr ? err?.message === freshErr?.message && (err as { index?: number })?.index === (freshErr as { index?: number })?.index : json(ast) === json(fresh);
  if (!same) throw new Error(`incremental parse differs from a fresh parse (${err?.message ?? 'tree'} / ${freshErr?.message ?? 'tree'})`);
}
