/**
 * A collection of the young generation once the language server is idle after publishing an analysis (the time the
 * user spends typing the next character, the debounce included), instead of scavenges in the middle of the next
 * analysis.
 *
 * Why: a re-analysis of a 2,000-line Python file allocates about 15 MB (the syntax-tree mirror, the flow's state),
 * nearly all of it alive until the analysis ends. With 32 MB semi-spaces (SERVER_NODE_FLAGS) a scavenge fell inside
 * two edits out of three, copying the live mirror and flow state (10-15 MB, 20-30 ms on a 2-core machine): the p95
 * of re-analysis. Collected while idle, every analysis starts with an empty young generation and fits in it.
 *
 * Needs `--expose-gc` (SERVER_NODE_FLAGS): without it (the CLI, tests) this does nothing.
 */
type Gc = (options?: { type?: 'minor' | 'major' }) => void;

function gcFunction(): Gc | null {
  const g = (globalThis as { gc?: unknown }).gc;
  return typeof g === 'function' ? (g as Gc) : null;
}

/** Is an idle collection available (the process has --expose-gc)? */
export function idleCollectAvailable(): boolean {
  return gcFunction() !== null;
}

/**
 * Collect the young generation now (a scavenge); false without --expose-gc. Not a full collection: a forced
 * mark-compact also drops the compiled code and inline caches of the analyzers (measured: the next analyses ran
 * 1.5x slower), and costs as much as the whole heap; the old generation is left to V8's incremental marking.
 */
export function collectNow(): boolean {
  const gc = gcFunction();
  if (!gc) return false;
  // AISEC_IDLE_GC=off: measure without (bench)
  if (process.env.AISEC_IDLE_GC === 'off') return false;
  gc({ type: 'minor' });
  return true;
}

/** Wait this long without a new analysis before collecting (ms): a burst of analyses (opening many files) collects once. */
const IDLE_MS = 20;
let timer: ReturnType<typeof setTimeout> | undefined;

/** An analysis was published: collect once the server has been idle for IDLE_MS (a later call restarts the wait). */
export function collectWhenIdle(): void {
  if (!gcFunction()) return;
  cancelIdleCollect();
  timer = setTimeout(() => {
    timer = undefined;
    collectNow();
  }, IDLE_MS);
  // never keeps the process alive
  timer.unref?.();
}

/** An analysis starts: the collection waits for the next idle time. */
export function cancelIdleCollect(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
}
