/**
 * A scan worker thread (dist/scanWorker.js; pool.ts starts it): analyses the files it is sent, one reply per file.
 * It loads the scan's configs itself (the same files and options as the main thread) and builds its own project
 * index over the same walked files, so every file's result is the one an in-process scan gives.
 */
import * as path from 'path';
import { parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { initAnalyzers } from '../analyzers';
import { builtinRules } from '../engine/registry';
import type { RegisteredRule } from '../engine/rule';
import type { LoadedConfig } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { WorkspaceIndex } from './manifests';
import type { SharedAnswer, SharedChannel, SharedRequest, WorkerMessage, WorkerTask } from './pool';
import { fileSource, WorkspaceIndex as ProjectIndex } from './projectIndex';
import type { SharedSummaries } from './projectIndex';
import type { FileSummary } from '../analyzers/flow';
import type { WorkerInit } from './scan';
import { analyseFile, relPath } from './scan';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const d = workerData as WorkerInit;
  await initAnalyzers(__dirname);
  const byId = new Map(builtinRules.map((r) => [r.meta.id, r]));
  const rules = d.ruleIds.map((id) => byId.get(id)).filter((r): r is RegisteredRule => !!r);
  const configs = new Map<string, LoadedConfig>();
  const configFor = (dir: string): LoadedConfig => {
    let c = configs.get(dir);
    if (!c) {
      const inside = !path.relative(d.root, dir).startsWith('..');
      c = loadConfigFor(dir, inside ? d.root : undefined, rules, d.configFile, { boundary: d.root, ...d.configOptions });
      if (d.today) c.config.today = d.today;
      configs.set(dir, c);
    }
    return c;
  };
  const index = new WorkspaceIndex(d.root);
  const project = new ProjectIndex(fileSource(d.root, () => d.files.map((f) => relPath(d.root, f))));
  const channel = (workerData as { shared?: SharedChannel }).shared;
  if (channel) project.shared = sharedSummaries(channel);
  port.on('message', (task: WorkerTask) => {
    for (const { i, abs } of task.items) {
      const rel = relPath(d.root, abs);
      if (d.test?.crashOn && rel.endsWith(d.test.crashOn)) process.exit(3);
      if (d.test?.oomOn && !d.retry && rel.endsWith(d.test.oomOn)) {
        const hog: string[][] = [];
        for (;;) hog.push(new Array(1e6).fill(`${hog.length}`));
      }
      let reply: WorkerMessage;
      try {
        const loaded = configFor(path.dirname(abs));
        reply = { i, outcome: analyseFile({ abs, rel, loaded, relToConfig: relPath(loaded.root, abs) }, project, index, d.keepAllText) };
      } catch (e) {
        reply = { i, failed: (e as Error).message };
      }
      port.postMessage(reply);
    }
  });
}

/**
 * The summaries of the other workers, through the main thread: a `get` waits for its answer (a summary another worker
 * computed saves parsing that file again here); a `put` does not wait. No answer within 10 s: computed here.
 */
function sharedSummaries(channel: SharedChannel): SharedSummaries {
  const wake = new Int32Array(channel.flag);
  let ids = 0;
  const key = (rel: string, level: 0 | 1, hash: string) => `${level}\u0000${hash}\u0000${rel}`;
  return {
    get(rel, level, hash) {
      const id = ++ids;
      Atomics.store(wake, 0, 0);
      channel.port.postMessage({ id, get: key(rel, level, hash) } satisfies SharedRequest);
      if (Atomics.wait(wake, 0, 0, 10_000) === 'timed-out') return undefined;
      for (let m = receiveMessageOnPort(channel.port); m; m = receiveMessageOnPort(channel.port)) {
        const answer = m.message as SharedAnswer;
        if (answer.id === id) return answer.known ? (answer.value as FileSummary | null) : undefined;
      }
      return undefined;
    },
    put(rel, level, hash, summary) {
      channel.port.postMessage({ put: key(rel, level, hash), value: summary } satisfies SharedRequest);
    },
  };
}

void main();
