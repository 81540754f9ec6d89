import { parentPort, workerData } from "node:worker_threads";
import type { FuzzSettings } from "./fuzz-settings.js";
import { runFuzzTarget } from "./run-fuzz-target.js";
import { selectFuzzTargets } from "./select-fuzz-targets.js";

/** What the CLI hands a worker: one target's name, the settings, and a shared cell for the case index. */
export interface FuzzWorkerData {
  readonly target: string;
  readonly settings: FuzzSettings;
  /** Int32Array over a SharedArrayBuffer: [index of the case now running]. */
  readonly progress: SharedArrayBuffer;
}

// Runs one target off the main thread, so the CLI can stop it when a case never returns.
const { target, settings, progress } = workerData as FuzzWorkerData;
const current = new Int32Array(progress);
const result = await runFuzzTarget(selectFuzzTargets([target])[0], settings, (index) => Atomics.store(current, 0, index));
parentPort!.postMessage(result);
