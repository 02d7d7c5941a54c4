/** Which rules are new to the learner (pure: unit-tested). */

/** Rule ids in `firing` that are not in `seen`, once each, in first-firing order. */
export function newRules(seen: readonly string[], firing: readonly string[]): string[] {
  const known = new Set(seen);
  const out: string[] = [];
  for (const id of firing) {
    if (!id || known.has(id)) continue;
    known.add(id);
    out.push(id);
  }
  return out;
}
