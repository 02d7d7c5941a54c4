/**
 * Look a name taken from scanned source up in a plain-object table. `TABLE[name]` would also find
 * inherited members (`constructor`, `toString`, `__proto__`), which crash or mislead a rule.
 * The tables are constants (module-level literals): each is read into a Map on first use, since a keyed
 * lookup of a string made from source text first looks the string up among the engine's property names,
 * on every call (the flow asks for each call of a file, in every round).
 */
const asMaps = new WeakMap<object, Map<string, unknown>>();

export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  let m = asMaps.get(table);
  if (!m) asMaps.set(table, (m = new Map(Object.entries(table))));
  return m.get(key) as T | undefined;
}
