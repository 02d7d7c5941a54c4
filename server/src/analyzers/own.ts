/**
 * Look a name taken from scanned source up in a plain-object table. `TABLE[name]` would also find
 * inherited members (`constructor`, `toString`, `__proto__`), which crash or mislead a rule.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
