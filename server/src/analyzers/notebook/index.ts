/**
 * Jupyter notebooks: the .ipynb JSON becomes a DataView, and the code cells become one Python text
 * (cells separated by a newline; `!shell` and `%magic` lines blanked, `%%cell` magics blank their
 * whole cell) analysed by the Python analyzer. An OffsetMap maps every character of that Python
 * text back into the JSON file, through string escapes; an edit is allowed only where the range
 * maps one to one onto unescaped characters.
 */
import type { AnalysisError } from '../../engine/model';
import type { DataNode, DataView, OffsetMap, PythonView } from '../../engine/views';
import { analyzeData } from '../data';
import { analyzePython } from '../python';

/** Python text built from JSON string literals, with the file offset of each character. */
class NotebookText {
  private readonly parts: string[] = [];
  readonly offsets: number[] = [];
  /** 1 where the character came from an escape sequence or was synthesised (not editable). */
  readonly escaped: number[] = [];

  get length(): number {
    return this.offsets.length;
  }

  push(ch: string, fileOffset: number, escaped: boolean): void {
    this.parts.push(ch);
    this.offsets.push(fileOffset);
    this.escaped.push(escaped ? 1 : 0);
  }

  /** Append the decoded content of a JSON string literal spanning [start, end) in the file. */
  pushJsonString(file: string, start: number, end: number): void {
    let i = start + 1;
    const stop = end - 1;
    while (i < stop) {
      const c = file[i];
      if (c !== '\\') {
        this.push(c, i, false);
        i++;
        continue;
      }
      const e = file[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
      if (e === 'u') {
        const code = parseInt(file.slice(i + 2, i + 6), 16);
        this.push(Number.isNaN(code) ? '?' : String.fromCharCode(code), i, true);
        i += 6;
      } else {
        this.push(simple[e] ?? e ?? '', i, true);
        i += 2;
      }
    }
  }

  text(from = 0): string {
    return this.parts.slice(from).join('');
  }

  /** Replace a character by a space (same length, same offsets). */
  blank(i: number): void {
    if (this.parts[i] !== '\n') this.parts[i] = ' ';
  }
}

export function analyzeNotebook(path: string, text: string): { python?: PythonView; data?: DataView; errors: AnalysisError[] } {
  const errors: AnalysisError[] = [];
  const data = analyzeData(path, text);
  errors.push(...data.errors);
  const root = data.view?.roots[0];
  if (!data.view || !root || root.type !== 'object') return { data: data.view, errors };
  const cells = prop(root, 'cells');
  if (!cells || cells.type !== 'array') return { data: data.view, errors };

  const nb = new NotebookText();
  for (const cell of cells.items ?? []) {
    if (cell.type !== 'object' || prop(cell, 'cell_type')?.value !== 'code') continue;
    const source = prop(cell, 'source');
    const pieces = source?.type === 'string' ? [source] : source?.type === 'array' ? (source.items ?? []).filter((s) => s.type === 'string') : [];
    if (pieces.length === 0) continue;
    if (nb.length > 0) {
      const prev = nb.offsets[nb.length - 1];
      nb.push('\n', prev + 1, true);
    }
    const cellStart = nb.length;
    for (const s of pieces) nb.pushJsonString(text, s.start, s.end);
    if (cellStart < nb.length) nb.push('\n', nb.offsets[nb.length - 1] + 1, true);
    blankMagics(nb, cellStart);
  }
  if (nb.length === 0) return { data: data.view, errors };

  const pyText = nb.text();
  const { offsets, escaped } = nb;
  const map: OffsetMap = {
    toFile(offset: number): number {
      if (offset < 0) return offsets[0] ?? 0;
      if (offset >= offsets.length) return (offsets[offsets.length - 1] ?? 0) + 1;
      return offsets[offset];
    },
    canEdit(start: number, end: number): boolean {
      if (start < 0 || end > offsets.length || start > end) return false;
      if (start === end) return start < offsets.length && !escaped[start];
      for (let i = start; i < end; i++) {
        if (escaped[i]) return false;
        if (i > start && offsets[i] !== offsets[i - 1] + 1) return false;
      }
      return true;
    },
    // cell sources are JSON strings: quotes, backslashes and newlines must be escaped
    encode: (newText: string) => JSON.stringify(newText).slice(1, -1),
  };
  const py = analyzePython(pyText, map);
  for (const e of py.errors) {
    errors.push({ ...e, start: e.start !== undefined ? map.toFile(e.start) : undefined, end: e.end !== undefined ? map.toFile(e.end) : undefined });
  }
  return { python: py.view, data: data.view, errors };
}

function prop(node: DataNode, key: string): DataNode | undefined {
  return node.properties?.find((p) => p.key === key)?.value;
}

/**
 * IPython syntax is not Python: blank `!cmd` / `%magic` lines (keeping offsets), and the whole cell
 * for `%%cellmagic` (its body is another language).
 */
function blankMagics(nb: NotebookText, from: number): void {
  const text = nb.text(from);
  let lineStart = 0;
  let cellMagic = false;
  const blank: [number, number][] = [];
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (lineStart === 0 && trimmed.startsWith('%%')) cellMagic = true;
    if (cellMagic || trimmed.startsWith('!') || trimmed.startsWith('%') || /^\s*\w[\w.]*\?\??\s*$/.test(line)) blank.push([from + lineStart, from + lineEnd]);
    lineStart = lineEnd + 1;
  }
  if (!blank.length) return;
  for (const [s, e] of blank) for (let i = s; i < e; i++) nb.blank(i);
}
