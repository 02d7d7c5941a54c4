/**
 * Baselines: today's findings recorded by fingerprint, so only new findings count. One format and one
 * filter for the CLI (`--baseline`, `--update-baseline`) and the language server (`aisec.baseline`).
 * Fingerprints are computed by the engine from the path relative to the scan root / workspace folder,
 * so a baseline recorded by `aisec scan` at the repository root matches what the editor computes.
 */
import { MAX_CONFIG_BYTES, readRegularText } from './files';

export interface BaselineFile {
  version: 1;
  tool: 'aisec';
  fingerprints: string[];
}

/** The fingerprints in a baseline file's text; throws an Error naming the problem when it is not one. */
export function parseBaseline(text: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  const fps = (data as { fingerprints?: unknown } | null)?.fingerprints;
  if (!Array.isArray(fps)) throw new Error('expected { "fingerprints": [...] }');
  return new Set(fps.map(String));
}

/** Read and parse a baseline file; throws with the reason (missing file, bad JSON, wrong shape). */
export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    // regular files only, size-capped, never blocking (a FIFO or a device is refused)
    text = readRegularText(file, 8 * MAX_CONFIG_BYTES);
  } catch (e) {
    throw new Error(`cannot read: ${(e as Error).message}`);
  }
  return parseBaseline(text);
}

/** Findings whose fingerprint is not in the baseline (the only ones that count). */
export function filterBaseline<T extends { fingerprint: string }>(findings: readonly T[], known: ReadonlySet<string>): T[] {
  return findings.filter((f) => !known.has(f.fingerprint));
}

/** The baseline file text for these findings' fingerprints (sorted, de-duplicated). */
export function formatBaseline(fingerprints: Iterable<string>): string {
  const file: BaselineFile = { version: 1, tool: 'aisec', fingerprints: [...new Set(fingerprints)].sort() };
  return JSON.stringify(file, null, 2) + '\n';
}
