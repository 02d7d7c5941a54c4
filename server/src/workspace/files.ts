/** Walks a directory tree for files AISec analyses: honours .gitignore, skips vendored and build output. */
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { detectFileKind } from '../engine/fileKind';

export const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', '.output', 'coverage',
  '__pycache__', '.venv', 'venv', 'env', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages',
  '.cache', '.turbo', '.parcel-cache', 'target', 'vendor', 'bower_components', '.ipynb_checkpoints', '.e2e-out',
]);

export interface WalkResult {
  files: string[];
  /** Files seen but not analysed, with why (absolute path -> reason). */
  skipped: { file: string; reason: string }[];
}

interface Layer { dir: string; ig: Ignore }

function readGitignore(dir: string): Ignore | undefined {
  const p = path.join(dir, '.gitignore');
  try {
    return ignore().add(fs.readFileSync(p, 'utf8'));
  } catch {
    return undefined;
  }
}

function ignoredBy(layers: Layer[], abs: string, isDir: boolean): boolean {
  for (const l of layers) {
    let rel = path.relative(l.dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (isDir) rel += '/';
    if (l.ig.ignores(rel)) return true;
  }
  return false;
}

/** Files under the given paths (files are taken as given, directories walked). */
export function collectFiles(paths: string[], maxFileBytes: number): WalkResult {
  const result: WalkResult = { files: [], skipped: [] };
  const seen = new Set<string>();
  const add = (abs: string, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    if (!detectFileKind(abs)) {
      if (explicit) result.skipped.push({ file: abs, reason: 'not a file kind AISec analyses' });
      return;
    }
    let size = 0;
    try {
      size = fs.statSync(abs).size;
    } catch (e) {
      result.skipped.push({ file: abs, reason: `cannot read: ${(e as Error).message}` });
      return;
    }
    if (size > maxFileBytes) {
      result.skipped.push({ file: abs, reason: `${(size / 1048576).toFixed(1)} MB, above the ${(maxFileBytes / 1048576).toFixed(1)} MB limit` });
      return;
    }
    result.files.push(abs);
  };
  const walk = (dir: string, layers: Layer[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      result.skipped.push({ file: dir, reason: `cannot read directory: ${(e as Error).message}` });
      return;
    }
    const own = readGitignore(dir);
    const here = own ? [...layers, { dir, ig: own }] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isSymbolicLink()) continue; // never follow links out of the tree
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || ignoredBy(here, abs, true)) continue;
        walk(abs, here);
      } else if (e.isFile()) {
        if (ignoredBy(here, abs, false)) continue;
        add(abs, false);
      }
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      result.skipped.push({ file: abs, reason: 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) walk(abs, []);
    else add(abs, true);
  }
  return result;
}

/** Read a file as text; undefined for unreadable files. Invalid UTF-8 is replaced, NUL bytes are kept (binary detection). */
export function readText(abs: string): string | undefined {
  try {
    const buf = fs.readFileSync(abs);
    // strip a UTF-8 BOM: positions must match what editors show
    const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    return buf.toString('utf8', start);
  } catch {
    return undefined;
  }
}
