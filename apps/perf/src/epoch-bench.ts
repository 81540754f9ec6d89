import { Tensor, Xoshiro128Generator, buildModel, fit, getDefaultRegistry, type Backend, type DType, type Targets } from "@nabla/core";
import type { BackendInstance, DiscoveredBackend } from "./backend-discovery.js";
import { describeEpochRow, timedEpochRow, type EpochRow } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import { rowPlatform } from "./row-platform.js";
import type { Skipped } from "./perf-report.js";
import { fillUniform, syntheticLabels } from "./synthetic-data.js";
import { planEpochs, type EpochPlan } from "./timing.js";

export interface TaskData {
  x: Tensor;
  y: Targets;
}

/** Standardized-looking features and targets of the task's shapes on one backend. */
export function syntheticTaskData(task: MlpTask, rows: number, backend: Backend, dtype: DType): TaskData {
  const x = Tensor.zeros([rows, task.widths[0]], { backend, dtype });
  fillUniform(x.data, 11);
  const outputs = task.widths[task.widths.length - 1];
  if (task.loss === "cross-entropy") return { x, y: syntheticLabels(rows, outputs, 5) };
  const y = Tensor.zeros([rows, outputs], { backend, dtype });
  fillUniform(y.data, 13);
  return { x, y };
}

/** Seconds of each epoch of `fit`, read from its per-epoch callback. */
export function fitEpochSeconds(task: MlpTask, data: TaskData, backend: Backend, dtype: DType, epochs: number): number[] {
  const model = buildModel(task.spec, { registry: getDefaultRegistry(), backend, dtype, seed: 42 });
  const seconds: number[] = [];
  let previous = 0;
  fit(model, data.x, data.y, {
    epochs,
    ...(task.batchSize === undefined ? {} : { batchSize: task.batchSize, generator: new Xoshiro128Generator(7) }),
    onEpochEnd: ({ elapsed }) => {
      seconds.push(elapsed - previous);
      previous = elapsed;
    },
  });
  return seconds;
}

export interface EpochBenchOptions {
  threads: number;
  dtypes: readonly DType[];
  warmupEpochs: number;
  budgetSeconds: number;
  log: (line: string) => void;
  /** Collects garbage and lets finalizers run, so a backend can reuse the memory of dropped tensors. */
  settle: () => Promise<void>;
  /** The section a skipped configuration is reported under (default "epochs"). */
  section?: Skipped["section"];
}

/** Rows of the run that estimates an epoch before the full data is built. */
const PROBE_FRACTION = 10;

/**
 * One epoch's seconds estimated from a tenth of the rows, and the epochs to run within the budget
 * (null, logged and added to `skipped`, when even one would not fit).
 */
export function probeEpochPlan(
  task: MlpTask,
  backend: Backend,
  backendKey: string,
  dtype: DType,
  options: EpochBenchOptions,
  skipped: Skipped[],
): { estimate: number; plan: EpochPlan } | null {
  const probeRows = Math.ceil(task.rows / PROBE_FRACTION);
  const probeData = syntheticTaskData(task, probeRows, backend, dtype);
  const [, probeSeconds] = fitEpochSeconds(task, probeData, backend, dtype, 2);
  const estimate = (probeSeconds * task.rows) / probeRows;
  const plan = planEpochs(estimate, options.budgetSeconds, { warmup: options.warmupEpochs, epochs: task.timedEpochs });
  if (plan) return { estimate, plan };
  const reason = `one epoch estimated at ${estimate.toFixed(0)} s, over the ${options.budgetSeconds} s budget`;
  skipped.push({ section: options.section ?? "epochs", system: "nabla", backend: backendKey, dtype, what: task.task, reason });
  options.log(`${options.section ?? "epochs"} ${backendKey} ${dtype} ${task.task}: skipped, ${reason}`);
  return null;
}

/**
 * Seconds per epoch of the report's MLPs trained through buildModel + fit (full batch, or in the
 * task's mini-batches), per backend and dtype: the median of the task's timed epochs after the warm-up, fewer where the
 * estimate from a tenth of the rows says the plan would overrun the budget.
 */
export async function runEpochBench(
  backends: readonly DiscoveredBackend[],
  tasks: readonly MlpTask[],
  options: EpochBenchOptions,
): Promise<{ rows: EpochRow[]; skipped: Skipped[] }> {
  const rows: EpochRow[] = [];
  const skipped: Skipped[] = [];
  await onEachBackend(backends, options.threads, async (instance, discovered) => {
    for (const task of tasks) {
      for (const dtype of options.dtypes) {
        const where = `${options.section ?? "epochs"} ${discovered.key} ${dtype} ${task.task}`;
        const probed = probeEpochPlan(task, instance.backend, discovered.key, dtype, options, skipped);
        if (!probed) continue;
        const { plan } = probed;
        const data = syntheticTaskData(task, task.rows, instance.backend, dtype);
        const seconds = fitEpochSeconds(task, data, instance.backend, dtype, plan.warmup + plan.epochs).slice(plan.warmup);
        const row = timedEpochRow({ system: "nabla", backend: discovered.key, dtype, threads: instance.threads, ...rowPlatform(instance.backend) }, task, plan, seconds);
        rows.push(row);
        options.log(`${where}: ${describeEpochRow(row)}`);
        await options.settle();
      }
    }
  });
  return { rows, skipped };
}

/** Runs `measure` on an instance of each backend (on `threads` threads where it takes a count), released after. */
export async function onEachBackend(
  backends: readonly DiscoveredBackend[],
  threads: number,
  measure: (instance: BackendInstance, discovered: DiscoveredBackend) => Promise<void>,
): Promise<void> {
  for (const discovered of backends) {
    const instance = discovered.create(discovered.threaded ? threads : undefined);
    try {
      await measure(instance, discovered);
    } finally {
      instance.release();
    }
  }
}
