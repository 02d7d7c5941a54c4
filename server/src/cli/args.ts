/** A small, strict argument parser: unknown flags are usage errors (exit 2). */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valueFlags: ReadonlySet<string>, boolFlags: ReadonlySet<string>): ParsedArgs {
  const out: ParsedArgs = { command: undefined, positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') || (a.startsWith('-') && a.length === 2)) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (valueFlags.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        out.flags.set(name, v);
      } else if (boolFlags.has(name)) {
        out.flags.set(name, true);
      } else {
        throw new UsageError(`unknown option ${name}`);
      }
      continue;
    }
    if (out.command === undefined) out.command = a;
    else out.positionals.push(a);
  }
  return out;
}
