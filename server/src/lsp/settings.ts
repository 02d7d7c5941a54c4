/**
 * The `aisec.*` settings as the client sends them, made safe to use: every field of the wrong type, out of range
 * or missing takes its default (a hand-edited settings.json can hold anything).
 */
import * as os from 'os';
import type { AisecSettings, EditorLimits } from '../protocol';
import { DEFAULT_EDITOR_LIMITS, DEFAULT_SETTINGS } from '../protocol';

/** Longest debounce accepted (ms): a larger value reads as a mistake, not a wish to wait a minute. */
export const MAX_DEBOUNCE_MS = 10_000;

/** A whole number in [min, max] from a number or a numeric string, else `fallback`. */
function intIn(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** Per-document cost limits of the editor; 0 turns a limit off. */
export function editorLimitsOf(v: unknown): EditorLimits {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const d = DEFAULT_EDITOR_LIMITS;
  return {
    maxFileSizeKb: intIn(o.maxFileSizeKb, 0, 1_000_000, d.maxFileSizeKb),
    maxLines: intIn(o.maxLines, 0, 100_000_000, d.maxLines),
    maxAnalysisMs: intIn(o.maxAnalysisMs, 0, 600_000, d.maxAnalysisMs),
  };
}

/** The settings the server uses, from whatever the client answered to workspace/configuration. */
export function normalizeSettings(raw: unknown): AisecSettings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    // any other field the client sends is kept (settings this file does not know yet)
    ...o,
    enable: typeof o.enable === 'boolean' ? o.enable : d.enable,
    run: o.run === 'onSave' || o.run === 'onType' ? o.run : d.run,
    debounceMs: intIn(o.debounceMs, 0, MAX_DEBOUNCE_MS, d.debounceMs),
    configPath: str(o.configPath, d.configPath),
    baseline: str(o.baseline, d.baseline),
    learningMode: typeof o.learningMode === 'boolean' ? o.learningMode : d.learningMode,
    ...(typeof o.allowExtendsOutsideWorkspace === 'boolean' ? { allowExtendsOutsideWorkspace: o.allowExtendsOutsideWorkspace } : {}),
    editorLimits: editorLimitsOf(o.editorLimits),
  } as AisecSettings;
}

/** Why an open document is above the editor's size or line limit (not analysed as you type), or undefined. */
export function overLimit(text: string, limits: EditorLimits): string | undefined {
  const kb = text.length / 1024;
  if (limits.maxFileSizeKb > 0 && kb > limits.maxFileSizeKb) {
    return `the document is ${Math.round(kb).toLocaleString('en-US')} KB, above the editor's limit of ${limits.maxFileSizeKb.toLocaleString('en-US')} KB (setting aisec.editorLimits.maxFileSizeKb; \`aisec scan\` analyses it)`;
  }
  if (limits.maxLines > 0) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (++lines > limits.maxLines) {
        // the whole count, for the message (cheap next to an analysis)
        for (i = text.indexOf('\n', i + 1); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
        return `the document has ${lines.toLocaleString('en-US')} lines, above the editor's limit of ${limits.maxLines.toLocaleString('en-US')} (setting aisec.editorLimits.maxLines; \`aisec scan\` analyses it)`;
      }
    }
  }
  return undefined;
}

let cpus: number | undefined;
/** The CPUs the process may run on (at least 1). */
function cpuCount(): number {
  return (cpus ??= Math.max(1, os.cpus().length, typeof os.availableParallelism === 'function' ? os.availableParallelism() : 1));
}

/** The process's CPU time (user + system), ms: what an analysis costs, however busy the machine is. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The engine's stop callback for the editor's time limit (FileInput.stop), started now; undefined without a limit.
 * The limit is on CPU time, so that a busy machine does not cut analyses that would fit on a quiet one.
 */
export function deadline(limits: EditorLimits, now: () => number = cpuMs): (() => string | undefined) | undefined {
  if (!(limits.maxAnalysisMs > 0)) return undefined;
  const t0 = now();
  // the process's CPU time grows at most (CPU count) times as fast as the wall clock: before limit / CPU count of wall
  // time the limit cannot have been reached, and the CPU clock (a system call per rule, ~2 ms an analysis) is not read
  const wall0 = now === cpuMs ? performance.now() : undefined;
  const early = limits.maxAnalysisMs / cpuCount();
  return () => {
    if (wall0 !== undefined && performance.now() - wall0 < early) return undefined;
    const ms = now() - t0;
    return ms > limits.maxAnalysisMs ? `the editor's time limit of ${limits.maxAnalysisMs.toLocaleString('en-US')} ms (CPU) per analysis was reached (setting aisec.editorLimits.maxAnalysisMs; \`aisec scan\` analyses the whole file)` : undefined;
  };
}
