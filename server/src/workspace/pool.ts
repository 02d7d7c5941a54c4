/**
 * The worker threads of a big scan (scan.ts scanPathsAsync): files are handed out in walk order, in contiguous runs
 * (neighbouring files import each other: one worker computes their summaries once) that shrink towards the end so
 * the workers finish together. Each reply is one file. A worker that crashes or runs out of memory loses nothing:
 * the files it had not answered are analysed again one at a time by a worker without heap limits, and a file that
 * makes that worker fail too is answered as failed (the caller reports it as analysis-incomplete).
 */
import { MessageChannel, Worker } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import type { ResourceLimits } from 'worker_threads';
import type { FileOutcome } from './scan';

export type WorkerReply = { outcome: FileOutcome } | { failed: string };

/** A message from a worker: one file's outcome, or why its analysis threw. */
export interface WorkerMessage {
  i: number;
  outcome?: FileOutcome;
  failed?: string;
}

/** A message to a worker: files to analyse (index in the task list, absolute path). */
export interface WorkerTask {
  items: { i: number; abs: string }[];
}

export interface PoolOptions {
  script: string;
  jobs: number;
  workerData: unknown;
  /** Heap limits of the workers (not of the one analysing files again after a failure); doubled after each worker that runs out. */
  resourceLimits?: ResourceLimits;
}

/** Thrown when workers cannot start at all (the caller scans in process instead). */
export class PoolStartError extends Error {}

/**
 * A worker's side channel to the summaries every worker has computed (projectIndex.ts SharedSummaries): `get` is
 * answered at once (the worker waits on `flag`), `put` stores. Keys name the file, the level and the content hash.
 */
export interface SharedChannel {
  port: MessagePort;
  /** Int32 set to 1 by the main thread when the answer to a `get` is on the port. */
  flag: SharedArrayBuffer;
}

export type SharedRequest = { id: number; get: string } | { put: string; value: unknown };
export interface SharedAnswer {
  id: number;
  known: boolean;
  value?: unknown;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  /** Files sent and not answered yet. */
  pending: Set<number>;
  /** Analyses files again after a failure: no heap limits, one file at a time. */
  retry: boolean;
  answered: number;
  why?: string;
}

const MAX_RUN = 32;

export function runPool(tasks: readonly string[], o: PoolOptions, onReply: (i: number, r: WorkerReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const n = tasks.length;
    let cursor = 0;
    let remaining = n;
    let finished = false;
    let answeredAny = false;
    const again: number[] = [];
    const slots = new Set<Slot>();
    let retrySlot: Slot | undefined;
    let limits = o.resourceLimits;

    const store = new Map<string, unknown>();
    const finish = (err?: Error) => {
      if (finished) return;
      finished = true;
      for (const s of slots) {
        s.port.close();
        void s.worker.terminate();
      }
      slots.clear();
      if (err) reject(err);
      else resolve();
    };

    const runSize = () => Math.max(1, Math.min(MAX_RUN, Math.ceil((n - cursor) / (o.jobs * 4))));

    const feed = (s: Slot) => {
      if (s.retry) {
        if (s.pending.size === 0 && again.length) {
          const i = again.shift()!;
          s.pending.add(i);
          s.worker.postMessage({ items: [{ i, abs: tasks[i] }] } satisfies WorkerTask);
        }
        return;
      }
      // two runs in flight: the worker never waits for the next one
      while (cursor < n && s.pending.size < 2 * runSize()) {
        const items: WorkerTask['items'] = [];
        for (let k = runSize(); k > 0 && cursor < n; k--, cursor++) {
          items.push({ i: cursor, abs: tasks[cursor] });
          s.pending.add(cursor);
        }
        s.worker.postMessage({ items } satisfies WorkerTask);
      }
    };

    const spawn = (retry: boolean): Slot => {
      const channel = new MessageChannel();
      const flag = new SharedArrayBuffer(4);
      const shared: SharedChannel = { port: channel.port2, flag };
      const worker = new Worker(o.script, { workerData: { ...(o.workerData as object), retry, shared }, transferList: [channel.port2], resourceLimits: retry ? undefined : limits, stdout: false, stderr: false });
      const s: Slot = { worker, port: channel.port1, pending: new Set(), retry, answered: 0 };
      const wake = new Int32Array(flag);
      channel.port1.on('message', (m: SharedRequest) => {
        if ('put' in m) {
          if (!store.has(m.put)) store.set(m.put, m.value);
          return;
        }
        const answer: SharedAnswer = store.has(m.get) ? { id: m.id, known: true, value: store.get(m.get) } : { id: m.id, known: false };
        channel.port1.postMessage(answer);
        Atomics.store(wake, 0, 1);
        Atomics.notify(wake, 0);
      });
      slots.add(s);
      worker.on('message', (m: WorkerMessage) => {
        if (finished || !s.pending.delete(m.i)) return;
        s.answered++;
        answeredAny = true;
        remaining--;
        try {
          onReply(m.i, m.failed !== undefined ? { failed: `the analysis failed: ${m.failed}` } : { outcome: m.outcome! });
        } catch (e) {
          finish(e as Error);
          return;
        }
        if (remaining === 0) finish();
        else {
          feed(s);
          if (!s.retry && s.pending.size === 0 && cursor >= n) void s.worker.terminate();
        }
      });
      worker.on('error', (e: Error & { code?: string }) => {
        s.why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap limit/i.test(e.message) ? 'the analysis ran out of memory' : `the analysis crashed (${e.message.split('\n')[0]})`;
      });
      worker.on('exit', (code) => {
        slots.delete(s);
        s.port.close();
        if (s === retrySlot) retrySlot = undefined;
        if (finished) return;
        const lost = [...s.pending].sort((a, b) => a - b);
        s.pending.clear();
        if (lost.length && !answeredAny && s.answered === 0 && !s.retry && code !== 0 && !s.why?.includes('memory')) {
          // the worker could not even start (no file answered anywhere): the caller scans in process
          finish(new PoolStartError(s.why ?? `scan worker exited with code ${code}`));
          return;
        }
        const why = s.why ?? `the analysis crashed (worker exited with code ${code})`;
        // what the workspace keeps in memory (the project index) may need more than the limit: the next workers get twice as much
        if (!s.retry && s.why?.includes('memory') && limits?.maxOldGenerationSizeMb) limits = { ...limits, maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb * 2 };
        if (s.retry) {
          // it failed alone, without heap limits: fail closed
          for (const i of lost) {
            remaining--;
            try {
              onReply(i, { failed: why });
            } catch (e) {
              finish(e as Error);
              return;
            }
          }
        } else {
          again.push(...lost);
          again.sort((a, b) => a - b);
        }
        if (remaining === 0) {
          finish();
          return;
        }
        schedule();
      });
      feed(s);
      return s;
    };

    const schedule = () => {
      const normal = [...slots].filter((s) => !s.retry).length;
      for (let k = normal; k < o.jobs && cursor < n; k++) spawn(false);
      if (again.length && !retrySlot) retrySlot = spawn(true);
      else if (retrySlot) feed(retrySlot);
    };

    if (n === 0) {
      resolve();
      return;
    }
    try {
      schedule();
    } catch (e) {
      finish(new PoolStartError((e as Error).message));
    }
  });
}
