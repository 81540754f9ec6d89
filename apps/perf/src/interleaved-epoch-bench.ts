import type { DiscoveredBackend } from "./backend-discovery.js";
import { describeEpochRow, timedEpochRow, type EpochRow } from "./epoch-row.js";
import { fitEpochSeconds, onEachBackend, probeEpochPlan, syntheticTaskData, type EpochBenchOptions } from "./epoch-bench.js";
import type { MlpTask } from "./mlp-tasks.js";
import type { Skipped } from "./perf-report.js";
import { rowPlatform } from "./row-platform.js";
import { interleavedRounds, type EpochPlan } from "./timing.js";

/**
 * Seconds per epoch of tasks that are compared with one another (a plugin against the built-in it
 * stands in for), timed in alternation: each round trains every task of a group in turn, afresh
 * and with its warm-up, for a share of its timed epochs. A slow spell of a shared machine then falls
 * on all of a group alike instead of on whichever task happened to run during it. A group's tasks
 * have the same shapes, so they train on the same data. Rows as runEpochBench's, their warm-up the
 * rounds' warm-ups together.
 */
export async function runInterleavedEpochBench(
  backends: readonly DiscoveredBackend[],
  groups: readonly (readonly MlpTask[])[],
  options: EpochBenchOptions & { rounds: number },
): Promise<{ rows: EpochRow[]; skipped: Skipped[] }> {
  const rows: EpochRow[] = [];
  const skipped: Skipped[] = [];
  await onEachBackend(backends, options.threads, async (instance, discovered) => {
    for (const group of groups) {
      for (const dtype of options.dtypes) {
        // The previous group's data, every probe's and every model with its training buffers are
        // dropped before the next is built: the wasm backend's 4 GiB would not hold them all.
        await options.settle();
        const planned: { task: MlpTask; plan: EpochPlan; seconds: number[] }[] = [];
        let rounds = options.rounds;
        for (const task of group) {
          const probed = probeEpochPlan(task, instance.backend, discovered.key, dtype, options, skipped);
          if (!probed) continue;
          planned.push({ task, plan: probed.plan, seconds: [] });
          rounds = Math.min(rounds, interleavedRounds(probed.estimate, options.budgetSeconds, probed.plan, options.rounds));
        }
        if (planned.length === 0) continue;
        await options.settle();
        const data = syntheticTaskData(planned[0].task, planned[0].task.rows, instance.backend, dtype);
        for (let round = 0; round < rounds; round++) {
          for (const { task, plan, seconds } of planned) {
            const epochs = Math.ceil(plan.epochs / rounds);
            seconds.push(...fitEpochSeconds(task, data, instance.backend, dtype, plan.warmup + epochs).slice(plan.warmup));
            await options.settle();
          }
        }
        for (const { task, plan, seconds } of planned) {
          const measured = { system: "nabla" as const, backend: discovered.key, dtype, threads: instance.threads, ...rowPlatform(instance.backend) };
          const row = timedEpochRow(measured, task, { warmup: plan.warmup * rounds, epochs: seconds.length }, seconds);
          rows.push(row);
          options.log(`${options.section ?? "epochs"} ${discovered.key} ${dtype} ${task.task}: ${describeEpochRow(row)}, in ${rounds} alternating rounds`);
        }
      }
    }
  });
  return { rows, skipped };
}
