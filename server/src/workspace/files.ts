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
  /** With `keepStats`: the status of each file taken by the walk (absolute path -> stat of the file itself). */
  stats?: Map<string, fs.Stats>;
}

interface Layer { dir: string; ig: Ignore }

function readGitignore(dir: string, listed = true): Ignore | undefined {
  if (!listed) return undefined; // the folder's listing has no .gitignore: nothing to open
  const r = readRegularFile(path.join(dir, '.gitignore'), 1024 * 1024);
  return r.ok ? ignore().add(r.data.toString('utf8')) : undefined;
}

/** Default cap for configs, packs and baselines (scanned files use `maxFileSize`). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type SafeRead = { ok: true; data: Buffer } | { ok: false; reason: string };

/** What a non-regular file is, for messages. */
export function fileTypeName(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a directory';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/**
 * The one reader for every file AISec reads (configs, packs, baselines, .gitignore, scanned files): regular
 * files only, at most `maxBytes`, never blocking. The file is opened with O_NONBLOCK (a FIFO cannot block the
 * open) and checked with fstat on the opened descriptor (no race between the check and the read): FIFOs,
 * sockets and devices are refused with a reason naming the type; a file above the cap is refused before
 * anything is read. The reason never includes the file's contents.
 */
export function readRegularFile(file: string, maxBytes: number): SafeRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'a directory' : `cannot open (${code ?? (e as Error).message})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: `${fileTypeName(st)}, not a regular file: not read` };
    if (st.size > maxBytes) return { ok: false, reason: `${formatBytes(st.size)}, above the ${formatBytes(maxBytes)} limit: not read` };
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const got = fs.readSync(fd, buf, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    return { ok: true, data: n === st.size ? buf : buf.subarray(0, n) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read (${code ?? (e as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text (a BOM stripped); throws an Error with the reason (never the contents). */
export function readRegularText(file: string, maxBytes = MAX_CONFIG_BYTES): string {
  const r = readRegularFile(file, maxBytes);
  if (!r.ok) throw new Error(r.reason);
  const b = r.data;
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return b.toString('utf8', start);
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A directory entry name as Node gives it, or undefined when the bytes are not valid UTF-8 (Node would mangle them). */
function utf8Name(raw: Buffer): string | undefined {
  let ascii = true;
  for (let i = 0; i < raw.length && ascii; i++) ascii = raw[i] < 0x80;
  if (ascii) return raw.toString('latin1');
  const s = raw.toString('utf8');
  return Buffer.from(s, 'utf8').equals(raw) ? s : undefined;
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
export function collectFiles(paths: string[], maxFileBytes: number, keepStats = false): WalkResult {
  const result: WalkResult = { files: [], skipped: [], stats: keepStats ? new Map() : undefined };
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
      const st = fs.lstatSync(abs);
      if (!st.isFile() && !(explicit && st.isSymbolicLink())) {
        result.skipped.push({ file: abs, reason: `${fileTypeName(st)}, not a regular file: not read` });
        return;
      }
      const target = st.isSymbolicLink() ? fs.statSync(abs) : st;
      if (!target.isFile()) {
        result.skipped.push({ file: abs, reason: `${fileTypeName(target)}, not a regular file: not read` });
        return;
      }
      size = target.size;
      result.stats?.set(abs, target);
    } catch (e) {
      result.skipped.push({ file: abs, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (size > maxFileBytes) {
      result.skipped.push({ file: abs, reason: `${(size / 1048576).toFixed(1)} MB, above the ${(maxFileBytes / 1048576).toFixed(1)} MB limit` });
      return;
    }
    result.files.push(abs);
  };
  const walk = (dir: string, layers: Layer[]) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      result.skipped.push({ file: dir, reason: `cannot read directory: ${(e as Error).message}` });
      return;
    }
    const own = readGitignore(dir, entries.some((e) => e.name.length === 10 && e.name.toString('latin1') === '.gitignore'));
    const here = own ? [...layers, { dir, ig: own }] : layers;
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const e of entries) {
      const name = utf8Name(e.name);
      if (name === undefined) {
        // Node cannot open a file whose name is not UTF-8 by a string path: say so instead of a misleading ENOENT
        if (e.isFile() || e.isDirectory()) result.skipped.push({ file: path.join(dir, e.name.toString('utf8')), reason: `${e.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (bytes ${e.name.toString('hex')}): not analysed; rename it to scan it` });
        continue;
      }
      const abs = path.join(dir, name);
      if (e.isSymbolicLink()) continue; // never follow links out of the tree
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(name) || ignoredBy(here, abs, true)) continue;
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

/**
 * Read a file as text; undefined for unreadable files (FIFOs, devices and files above `maxBytes` included).
 * Invalid UTF-8 is replaced, NUL bytes are kept (binary detection).
 */
export function readText(abs: string, maxBytes = 64 * 1024 * 1024): string | undefined {
  try {
    return readRegularText(abs, maxBytes);
  } catch {
    return undefined;
  }
}
