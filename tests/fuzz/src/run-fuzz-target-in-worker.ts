import { Worker } from "node:worker_threads";
import type { FuzzSettings } from "./fuzz-settings.js";
import type { FuzzWorkerData } from "./fuzz-worker.js";
import type { FuzzRunResult } from "./run-fuzz-target.js";

/**
 * runFuzzTarget in a worker thread, watched: a case that has not finished after `hangMs` (a
 * synchronous loop that never ends, which no in-thread timer can interrupt) stops the worker and
 * is reported as a failure whose FUZZ_PATH, the case's index, replays it.
 */
export function runFuzzTargetInWorker(target: string, settings: FuzzSettings, hangMs: number): Promise<FuzzRunResult> {
  const progress = new SharedArrayBuffer(4);
  const current = new Int32Array(progress);
  const data: FuzzWorkerData = { target, settings, progress };
  const worker = new Worker(new URL("./fuzz-worker.js", import.meta.url), { workerData: data });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let lastIndex = -1;
    let lastChange = performance.now();
    const watchdog = setInterval(() => {
      const index = Atomics.load(current, 0);
      if (index !== lastIndex) {
        lastIndex = index;
        lastChange = performance.now();
        return;
      }
      if (performance.now() - lastChange < hangMs) return;
      clearInterval(watchdog);
      void worker.terminate();
      resolve({
        target,
        cases: index + 1,
        seed: settings.seed,
        seconds: (performance.now() - started) / 1000,
        knownFailures: new Map(),
        failure: {
          path: String(index),
          counterexample: "(the case never returned; replay it to see the input)",
          error: `${target}: time invariant broken: case ${index} ran for more than ${hangMs} ms without returning`,
          replay: `FUZZ_TARGET=${target} FUZZ_SEED=${settings.seed} FUZZ_PATH=${index} pnpm fuzz`,
        },
      });
    }, 250);
    worker.once("message", (result: FuzzRunResult) => {
      clearInterval(watchdog);
      void worker.terminate();
      resolve(result);
    });
    worker.once("error", (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}
