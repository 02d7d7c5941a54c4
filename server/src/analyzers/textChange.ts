/** The one changed range between two texts (common prefix and suffix), for incremental parsing of an edited file. */
export interface ChangedRange {
  start: number;
  /** End of the replaced range in the old text. */
  oldEnd: number;
  /** End of the replacement in the new text. */
  newEnd: number;
}

/** Undefined when the texts are equal; the range never splits a surrogate pair. */
export function changedRange(before: string, after: string): ChangedRange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let suffix = 0;
  const room = max - start;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(after.charCodeAt(after.length - suffix))) suffix--;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
