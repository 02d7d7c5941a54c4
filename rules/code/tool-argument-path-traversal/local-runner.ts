// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A local code-execution tool shaped like an agent library's LocalExecutionEngine: the model chooses the
// language and the code; each language maps to a fixed file name in a fresh temporary directory.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

function runtimeFor(lang: string, dir: string, code: string) {
  switch (lang) {
    case 'py':
      return { command: 'python3', args: [resolve(dir, 'main.py')], fileName: 'main.py', source: code };
    case 'js':
      return { command: 'node', args: [resolve(dir, 'main.js')], fileName: `main.js`, source: code };
    default:
      throw new Error(`unsupported: ${lang}`);
  }
}

/** The model also names the file: its name is the model's. */
function scriptFor(lang: string, dir: string, code: string, name: string) {
  return { command: lang === 'py' ? 'python3' : 'node', fileName: name, source: code };
}

/** A later property spread over the fixed one can replace it. */
function overridable(opts: { fileName?: string }, code: string) {
  return { fileName: 'main.py', source: code, ...opts };
}

export const runCode = tool(
  async ({ lang, code, fileName, options }) => {
    const dir = resolve(tmpdir(), `run-${randomUUID()}`);
    await mkdir(dir, { recursive: true });
    try {
      const runtime = runtimeFor(lang, dir, code);
      // ok: tool-argument-path-traversal
      await writeFile(resolve(dir, runtime.fileName), runtime.source, 'utf8');
      const named = scriptFor(lang, dir, code, fileName);
      // ruleid: tool-argument-path-traversal
      await writeFile(resolve(dir, named.fileName), named.source, 'utf8');
      const merged = overridable(options, code);
      // ruleid: tool-argument-path-traversal
      await writeFile(resolve(dir, merged.fileName), merged.source, 'utf8');
      return 'ok';
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  {
    name: 'run_code',
    description: 'Run a snippet of code locally',
    schema: z.object({ lang: z.string(), code: z.string(), fileName: z.string(), options: z.object({ fileName: z.string() }).partial() }),
  },
);
