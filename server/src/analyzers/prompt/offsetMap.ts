/**
 * Offset maps from a decoded prompt string (view text) back to the file it came from.
 * A map records, per view character, its file offset and whether that character is a verbatim copy
 * of one source character (exact); edits are only allowed over exact, contiguous runs.
 */
import type { OffsetMap } from '../../engine/views';

export class SegmentMap implements OffsetMap {
  /** fileOff[i] = file offset of view char i; fileOff[length] = file offset just after the last char. */
  private readonly fileOff: Int32Array;
  private readonly exact: Uint8Array;
  constructor(readonly length: number) {
    this.fileOff = new Int32Array(length + 1);
    this.exact = new Uint8Array(length);
  }
  set(viewOffset: number, fileOffset: number, exact: boolean): void {
    if (viewOffset < 0 || viewOffset > this.length) return;
    this.fileOff[viewOffset] = fileOffset;
    if (viewOffset < this.length) this.exact[viewOffset] = exact ? 1 : 0;
  }
  toFile(offset: number): number {
    const o = Math.max(0, Math.min(this.length, Math.floor(offset)));
    return this.fileOff[o];
  }
  canEdit(start: number, end: number): boolean {
    if (start < 0 || end > this.length || start > end) return false;
    if (start === end) {
      if (start < this.length && this.exact[start]) return true;
      return start > 0 && this.exact[start - 1] === 1 && this.fileOff[start] === this.fileOff[start - 1] + 1;
    }
    for (let i = start; i < end; i++) {
      if (!this.exact[i]) return false;
      if (i + 1 < end && this.fileOff[i + 1] !== this.fileOff[i] + 1) return false;
    }
    return true;
  }
}

/** A view that is a verbatim slice of the file starting at `base`. */
export function shiftMap(base: number, length: number): OffsetMap {
  return {
    toFile: (o) => base + Math.max(0, Math.min(length, o)),
    canEdit: (s, e) => s >= 0 && e <= length && s <= e,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'", '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ' };

/**
 * Decode a double-quoted JSON (or single-line YAML double-quoted) string body char by char.
 * Returns the decoded text and its map, or undefined if the raw text does not decode cleanly
 * to `expected` (then callers fall back to a line search).
 */
export function mapEscapedString(file: string, contentStart: number, contentEnd: number, expected: string): SegmentMap | undefined {
  const map = new SegmentMap(expected.length);
  let v = 0;
  let i = contentStart;
  while (i < contentEnd && v <= expected.length) {
    const c = file[i];
    if (c === '\\') {
      const n = file[i + 1];
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(file.slice(i + 2, i + 6))) {
        const ch = String.fromCharCode(parseInt(file.slice(i + 2, i + 6), 16));
        if (expected[v] !== ch) return undefined;
        map.set(v++, i, false);
        i += 6;
        continue;
      }
      if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(file.slice(i + 2, i + 4))) {
        const ch = String.fromCharCode(parseInt(file.slice(i + 2, i + 4), 16));
        if (expected[v] !== ch) return undefined;
        map.set(v++, i, false);
        i += 4;
        continue;
      }
      if (n !== undefined && n in SIMPLE_ESCAPES) {
        if (expected[v] !== SIMPLE_ESCAPES[n]) return undefined;
        map.set(v++, i, false);
        i += 2;
        continue;
      }
      return undefined;
    }
    if (c === '\n' || c === '\r') return undefined; // folded YAML line: not char-by-char
    if (expected[v] !== c) return undefined;
    map.set(v++, i, true);
    i++;
  }
  if (v !== expected.length) return undefined;
  map.set(v, i, false);
  return map;
}

/**
 * Best-effort map for YAML block / folded / multi-line scalars: each decoded line is searched in the
 * source from a moving cursor; lines found verbatim are exact, words of folded lines are searched one by one,
 * anything else maps to the cursor (approximate, not editable).
 */
export function mapByLineSearch(file: string, from: number, to: number, value: string): SegmentMap {
  const map = new SegmentMap(value.length);
  let cursor = from;
  let v = 0;
  const lines = value.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const at = line.length > 0 ? file.indexOf(line, cursor) : -1;
    if (line.length > 0 && at >= 0 && at + line.length <= to) {
      for (let k = 0; k < line.length; k++) map.set(v + k, at + k, true);
      cursor = at + line.length;
    } else if (line.length > 0) {
      // folded scalar: words joined by spaces; map each word where it is found
      let k = 0;
      const words = line.split(' ');
      for (let w = 0; w < words.length; w++) {
        const word = words[w];
        const wat = word.length > 0 ? file.indexOf(word, cursor) : -1;
        if (word.length > 0 && wat >= 0 && wat + word.length <= to) {
          for (let q = 0; q < word.length; q++) map.set(v + k + q, wat + q, true);
          cursor = wat + word.length;
        } else {
          for (let q = 0; q < word.length; q++) map.set(v + k + q, cursor, false);
        }
        k += word.length;
        if (w < words.length - 1) { map.set(v + k, cursor, false); k++; }
      }
    }
    v += line.length;
    if (li < lines.length - 1) {
      // the newline maps to the end of the source line
      const nl = file.indexOf('\n', cursor);
      const pos = nl >= 0 && nl < to ? nl : cursor;
      map.set(v, pos, false);
      v++;
      if (nl >= 0 && nl < to) cursor = nl + 1;
    }
  }
  map.set(value.length, Math.min(cursor, to), false);
  return map;
}
