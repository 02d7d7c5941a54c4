/**
 * The one module that knows web-tree-sitter. The grammar (tree-sitter-python.wasm from the
 * tree-sitter-python npm package) and the runtime (tree-sitter.wasm from web-tree-sitter) are
 * copied next to the bundles at build time; see server/wasm/PROVENANCE.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';
import type { Edit, Point, Tree } from 'web-tree-sitter';
import { changedRange } from '../textChange';

let parser: Parser | undefined;
let cursorCalls: CursorCalls | undefined;

/**
 * The runtime's own tree-cursor entry points (the Emscripten module web-tree-sitter loads). Each one reads the
 * cursor from the runtime's transfer buffer and writes it back there; the TreeCursor class copies the cursor
 * in and out of that buffer around every call, which was most of the cost of mirroring a tree. tree.ts keeps
 * the cursor in the buffer for a whole walk instead. Undefined when the module does not have them (another
 * web-tree-sitter version): tree.ts then uses the TreeCursor class.
 */
export interface CursorCalls {
  buffer: number;
  getValue(ptr: number, type: 'i32'): number;
  setValue(ptr: number, value: number, type: 'i32'): void;
  typeId(tree: number): number;
  startIndex(tree: number): number;
  endIndex(tree: number): number;
  isNamed(tree: number): number;
  isMissing(tree: number): number;
  fieldId(tree: number): number;
  firstChild(tree: number): number;
  nextSibling(tree: number): number;
  parent(tree: number): number;
}

export function pythonCursorCalls(): CursorCalls | undefined {
  return cursorCalls;
}

function cursorCallsOf(m: Record<string, unknown>): CursorCalls | undefined {
  const names = {
    typeId: '_ts_tree_cursor_current_node_type_id_wasm',
    startIndex: '_ts_tree_cursor_start_index_wasm',
    endIndex: '_ts_tree_cursor_end_index_wasm',
    isNamed: '_ts_tree_cursor_current_node_is_named_wasm',
    isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
    fieldId: '_ts_tree_cursor_current_field_id_wasm',
    firstChild: '_ts_tree_cursor_goto_first_child_wasm',
    nextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
    parent: '_ts_tree_cursor_goto_parent_wasm',
  };
  const fns: Record<string, (tree: number) => number> = {};
  for (const [k, n] of Object.entries(names)) {
    if (typeof m[n] !== 'function') return undefined;
    fns[k] = m[n] as (tree: number) => number;
  }
  if (typeof m._ts_init !== 'function' || typeof m.getValue !== 'function' || typeof m.setValue !== 'function') return undefined;
  const buffer = (m._ts_init as () => number)();
  return { buffer, getValue: m.getValue as CursorCalls['getValue'], setValue: m.setValue as CursorCalls['setValue'], ...(fns as unknown as Omit<CursorCalls, 'buffer' | 'getValue' | 'setValue'>) };
}
let initError: string | undefined;
let initPromise: Promise<void> | undefined;

function candidates(file: string, extraDir?: string): string[] {
  const dirs = [extraDir, __dirname, path.join(__dirname, '..'), path.join(__dirname, '..', 'dist'), path.join(__dirname, '..', '..', 'dist'), path.join(__dirname, '..', '..', '..', 'dist')].filter(Boolean) as string[];
  return dirs.map((d) => path.join(d, file));
}

function findFile(file: string, extraDir?: string): string | undefined {
  if (extraDir && fs.existsSync(path.join(extraDir, file))) return path.join(extraDir, file);
  try {
    // development and tests: straight from node_modules; the packaged bundles have none and use their own folder
    if (file === 'tree-sitter.wasm') return require.resolve('web-tree-sitter/tree-sitter.wasm');
    if (file === 'tree-sitter-python.wasm') return require.resolve('tree-sitter-python/tree-sitter-python.wasm');
  } catch {
    /* fall through */
  }
  for (const c of candidates(file)) if (fs.existsSync(c)) return c;
  return undefined;
}

/** Load the runtime and grammar once. Safe to call many times; never rejects. */
let lastWasmDir: string | undefined;

export function initPythonParser(wasmDir?: string): Promise<void> {
  if (wasmDir) lastWasmDir = wasmDir;
  if (!initPromise) {
    initPromise = (async () => {
      try {
        const runtime = findFile('tree-sitter.wasm', wasmDir);
        const grammar = findFile('tree-sitter-python.wasm', wasmDir);
        if (!runtime || !grammar) throw new Error('tree-sitter.wasm or tree-sitter-python.wasm not found next to the bundle');
        // the options object becomes the Emscripten module (its exports are added to it)
        const moduleOptions: Record<string, unknown> = { locateFile: () => runtime, wasmBinary: fs.readFileSync(runtime) };
        await Parser.init(moduleOptions);
        cursorCalls = cursorCallsOf(moduleOptions);
        const lang = await Language.load(fs.readFileSync(grammar));
        const p = new Parser();
        p.setLanguage(lang);
        parser = p;
      } catch (e) {
        initError = `Python parser unavailable: ${(e as Error).message}`;
      }
    })();
  }
  return initPromise;
}

export function pythonParserError(): string | undefined {
  return parser ? undefined : initError ?? 'Python parser not initialised (call initAnalyzers first)';
}

export function parsePython(text: string): Tree | undefined {
  if (!parser) return undefined;
  try {
    return parser.parse(text) ?? undefined;
  } catch (e) {
    // the WebAssembly runtime aborted (e.g. out of memory): drop this parser and load a fresh one, so later
    // files (the next edit in the editor) are parsed again instead of failing for the rest of the session
    parser = undefined;
    // trees of the aborted runtime: forget them without touching it
    kept.length = 0;
    initError = `Python parser failed and is being reloaded: ${(e as Error).message}`;
    initPromise = undefined;
    void initPythonParser(lastWasmDir);
    return undefined;
  }
}

/**
 * The last trees parsed per key (a file path), most recent last. Re-parsing a key hands its previous tree to
 * tree-sitter with the edit between the two texts (one changed range: common prefix and suffix), so an edit in
 * the editor re-parses the changed part only. Without syntax errors, tree-sitter's incremental parse gives the tree
 * a fresh parse gives; its error recovery may differ, so a text with syntax errors gets a fresh parse
 * (parsePythonKept). test/unit/parseIncremental.test.ts checks kept trees against fresh ones on random edits of
 * every Python fixture; AISEC_VERIFY_PARSE=1 compares every kept tree with a fresh one (python/index.ts).
 */
const KEEP_TREES = 4;
const kept: { key: string; text: string; tree: Tree; hasError: boolean }[] = [];

/** Row and column (UTF-16 code units, as web-tree-sitter counts them) of offset `at`. */
function pointAt(text: string, at: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: at - lineStart };
}

/** The one changed range between two texts, as tree-sitter wants it. */
export function textEdit(before: string, after: string): Edit | undefined {
  const r = changedRange(before, after);
  if (!r) return undefined;
  return {
    startIndex: r.start,
    oldEndIndex: r.oldEnd,
    newEndIndex: r.newEnd,
    startPosition: pointAt(before, r.start),
    oldEndPosition: pointAt(before, r.oldEnd),
    newEndPosition: pointAt(after, r.newEnd),
  };
}

/**
 * Parse `text` as the new content of `key`, reusing the tree of its previous content. The tree belongs to this
 * cache: read it, do not delete it (it is deleted when `key` is parsed again or drops out of the cache).
 */
export function parsePythonKept(key: string, text: string): Tree | undefined {
  if (!parser) return undefined;
  const at = kept.findIndex((k) => k.key === key);
  const prev = at >= 0 ? kept.splice(at, 1)[0] : undefined;
  if (prev && prev.text === text) {
    kept.push(prev);
    return prev.tree;
  }
  let tree: Tree | undefined;
  // while the file has syntax errors (its previous text had some), its next text most likely has them too and an
  // incremental parse would be thrown away (below): it is parsed fresh straight away
  if (prev && !prev.hasError) {
    try {
      const edit = textEdit(prev.text, text);
      if (edit) prev.tree.edit(edit);
      tree = parser.parse(text, prev.tree) ?? undefined;
      // error recovery may differ between an incremental and a fresh parse: a text with syntax errors gets the
      // fresh one, so results stay a function of the text alone
      if (tree?.rootNode.hasError) {
        tree.delete();
        tree = undefined;
      }
    } catch {
      tree = undefined;
    }
  }
  prev?.tree.delete();
  let hasError = false;
  if (!tree) {
    tree = parsePython(text);
    if (!tree) return undefined;
    hasError = tree.rootNode.hasError;
  }
  kept.push({ key, text, tree, hasError });
  while (kept.length > KEEP_TREES) kept.shift()!.tree.delete();
  return tree;
}

/** Forget every kept tree (tests; a parser reload). */
export function dropKeptTrees(): void {
  while (kept.length) kept.pop()!.tree.delete();
}
