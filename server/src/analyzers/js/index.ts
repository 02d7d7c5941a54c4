/** The one module that knows @typescript-eslint/typescript-estree. */
import { parse } from '@typescript-eslint/typescript-estree';
import * as ts from 'typescript';
import type { AnalysisError } from '../../engine/model';
import type { JsView } from '../../engine/views';
import { changedRange } from '../textChange';

/**
 * The TypeScript syntax trees of the last files analysed with a key (their path), most recent last, one per
 * parse mode (TS/TSX/JS/JSX). Analysing a key again updates its tree with the edit between the two texts
 * (TypeScript's incremental parser, the one editors use: unchanged statements are reused), and typescript-estree
 * converts that tree as it would convert a fresh one. test/unit/parseIncremental.test.ts checks the results are
 * the same on random edits; AISEC_VERIFY_PARSE=1 compares every incremental parse with a fresh one.
 */
const KEEP_TREES = 4;
const kept: { key: string; text: string; file: ts.SourceFile }[] = [];
const verifyParse = process.env.AISEC_VERIFY_PARSE === '1';

const SCRIPT_KIND: Record<string, ts.ScriptKind> = { 'file.ts': ts.ScriptKind.TS, 'file.tsx': ts.ScriptKind.TSX, 'file.js': ts.ScriptKind.JS, 'file.jsx': ts.ScriptKind.JSX };

/** What typescript-estree's parse() creates from a string for `filePath` (no sourceType: no module indicator). */
function freshSourceFile(filePath: string, text: string): ts.SourceFile {
  return ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, SCRIPT_KIND[filePath]);
}

function keptSourceFile(key: string, filePath: string, text: string): ts.SourceFile {
  const id = `${filePath}\u0000${key}`;
  const at = kept.findIndex((k) => k.key === id);
  const prev = at >= 0 ? kept.splice(at, 1)[0] : undefined;
  let file: ts.SourceFile | undefined;
  if (prev) {
    const r = changedRange(prev.text, text);
    try {
      file = r ? ts.updateSourceFile(prev.file, text, { span: { start: r.start, length: r.oldEnd - r.start }, newLength: r.newEnd - r.start }) : prev.file;
    } catch {
      file = undefined;
    }
  }
  file ??= freshSourceFile(filePath, text);
  kept.push({ key: id, text, file });
  while (kept.length > KEEP_TREES) kept.shift();
  return file;
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
  for (const useJsx of attempts) {
    const filePath = typescript ? (useJsx ? 'file.tsx' : 'file.ts') : useJsx ? 'file.jsx' : 'file.js';
    let ast: JsView['ast'];
    try {
      // parse() takes a ts.SourceFile as well as a string (createParseSettings and createSourceFile accept either,
      // as parseAndGenerateServices declares); its type says string only
      const code = key === undefined ? text : (keptSourceFile(key, filePath, text) as unknown as string);
      ast = parse(code, options(useJsx, filePath));
    } catch (e) {
      if (verifyParse && key !== undefined) verifySame(undefined, e as Error, text, useJsx, filePath);
      firstError ??= e as Error;
      continue;
    }
    if (verifyParse && key !== undefined) verifySame(ast, undefined, text, useJsx, filePath);
    return { view: { text, ast, typescript, jsx: useJsx }, errors: [] };
  }
  const err = firstError as Error & { index?: number };
  return { errors: [{ kind: 'parse', message: `syntax error: ${err.message}`, start: err.index, end: err.index }] };
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
