import type { DType } from "@nabla/core";
import { describeEpochRow, timedEpochRow, type PeerOptions, type PeerResult, type SystemName } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import type { Skipped } from "./perf-report.js";
import { rowPlatform } from "./row-platform.js";
import { planEpochs } from "./timing.js";

/** What a Python script of the MLP loop prints: the seconds of each epoch it ran, and facts of its build. */
export interface PythonScriptOutput {
  seconds: number[];
}

/** One Python peer (NumPy or PyTorch): how to run its script and how to describe the build it ran on. */
export interface PythonEpochPeer<Output extends PythonScriptOutput> {
  system: SystemName;
  backend: string;
  /** A note naming the library, interpreter and BLAS, written once from the first probe's output. */
  describe(output: Output): string;
  run(task: MlpTask, rows: number, dtype: DType, epochs: number, threads: number): Output;
}

/**
 * Times `peer` on every task and dtype, each configuration in its own process: a probe on a tenth
 * of the rows estimates an epoch, the budget decides how many epochs are timed, and what cannot
 * run is reported under `section`.
 */
export function runPythonEpochPeer<Output extends PythonScriptOutput>(
  peer: PythonEpochPeer<Output>,
  tasks: readonly MlpTask[],
  dtypes: readonly DType[],
  threads: number,
  options: PeerOptions,
  section: Skipped["section"],
): PeerResult {
  const result: PeerResult = { rows: [], skipped: [], notes: [] };
  const { system, backend } = peer;
  for (const task of tasks) {
    for (const dtype of dtypes) {
      const where = `${system} ${dtype} ${threads} threads ${task.task}`;
      const skip = (reason: string, logged: string) => {
        result.skipped.push({ section, system, backend, dtype, threads, what: task.task, reason });
        options.log(`${where}: ${logged}`);
      };
      try {
        const probeRows = Math.ceil(task.rows / 10);
        const probe = peer.run(task, probeRows, dtype, 2, threads);
        if (result.notes.length === 0) result.notes.push(peer.describe(probe));
        const estimate = (probe.seconds[1] * task.rows) / probeRows;
        const plan = planEpochs(estimate, options.budgetSeconds, { warmup: options.warmupEpochs, epochs: task.timedEpochs });
        if (!plan) {
          const reason = `one epoch estimated at ${estimate.toFixed(0)} s, over the ${options.budgetSeconds} s budget`;
          skip(reason, `skipped, ${reason}`);
          continue;
        }
        const seconds = peer.run(task, task.rows, dtype, plan.warmup + plan.epochs, threads).seconds.slice(plan.warmup);
        const row = timedEpochRow({ system, backend, dtype, threads, ...rowPlatform() }, task, plan, seconds);
        result.rows.push(row);
        options.log(`${where}: ${describeEpochRow(row)}`);
      } catch (error) {
        skip(`failed: ${(error as Error).message}`, `failed, ${(error as Error).message}`);
      }
    }
  }
  return result;
}
