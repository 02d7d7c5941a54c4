/**
 * The one module that knows web-tree-sitter. The grammar (tree-sitter-python.wasm from the
 * tree-sitter-python npm package) and the runtime (tree-sitter.wasm from web-tree-sitter) are
 * copied next to the bundles at build time; see server/wasm/PROVENANCE.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
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
        await Parser.init({ locateFile: () => runtime, wasmBinary: fs.readFileSync(runtime) } as object);
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
    initError = `Python parser failed and is being reloaded: ${(e as Error).message}`;
    initPromise = undefined;
    void initPythonParser(lastWasmDir);
    return undefined;
  }
}
