/**
 * Bounded nesting for parsers that recurse (typescript-estree): brackets nested deeper than a limit are emptied
 * (their inside blanked to spaces, newlines and offsets kept, the brackets themselves kept) before parsing, so
 * the parser and the rules' walks stay far from the stack limit and the rest of the file is still analysed.
 * One linear scan with a depth counter; strings, template literals and comments are skipped approximately
 * (a regex literal with brackets can shift the count: the cut is then coarser, never a crash).
 */
export interface NestingCut {
  text: string;
  /** [start, end) of each emptied bracket pair (start at the opening bracket). */
  cuts: [number, number][];
}

export function cutDeepBrackets(text: string, max: number): NestingCut {
  const cuts: [number, number][] = [];
  let depth = 0;
  let cutDepth = -1;
  let cutStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      // "..." '...' `...` (template literals: their ${} parts are skipped with the string)
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === c) break;
        else if (d === 10 && c !== 96) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 40 || c === 91 || c === 123) {
      if (++depth > max && cutDepth < 0) {
        cutDepth = depth;
        cutStart = i;
      }
    } else if (c === 41 || c === 93 || c === 125) {
      if (depth === cutDepth) {
        cuts.push([cutStart, i + 1]);
        cutDepth = -1;
      }
      if (depth > 0) depth--;
    }
  }
  const unclosed = cutDepth >= 0;
  if (unclosed) cuts.push([cutStart, n]);
  if (cuts.length === 0) return { text, cuts };
  const parts: string[] = [];
  let last = 0;
  for (let k = 0; k < cuts.length; k++) {
    const [s, e] = cuts[k];
    const closed = !(unclosed && k === cuts.length - 1);
    parts.push(text.slice(last, s + 1), text.slice(s + 1, closed ? e - 1 : e).replace(/[^\r\n]/g, ' '), closed ? text.slice(e - 1, e) : '');
    last = e;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), cuts };
}

/** A stack overflow (V8: RangeError "Maximum call stack size exceeded"). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || /call stack|too much recursion/i.test(String((e as Error)?.message ?? e));
}
