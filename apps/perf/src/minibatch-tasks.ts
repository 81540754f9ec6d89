import { mlpTasks, type MlpTask, type ReportTaskName } from "./mlp-tasks.js";

/** The batch sizes the mini-batch section times each of the report's MLPs at (issue #11). */
export const MINIBATCH_SIZES: Readonly<Record<ReportTaskName, readonly number[]>> = {
  classification: [128, 32],
  regression: [32],
};

/**
 * The report's two MLPs, each full batch and then at each of its MINIBATCH_SIZES: the full-batch
 * epoch is timed in the same section, beside the mini-batch ones, so that their ratio compares
 * numbers taken minutes apart rather than in different runs.
 */
export function minibatchTasks(quick: boolean): MlpTask[] {
  return mlpTasks(quick).flatMap((full) => {
    const base = full.task as ReportTaskName;
    const batched = MINIBATCH_SIZES[base].map(
      (batchSize): MlpTask => ({
        ...full,
        task: `${base} batch ${batchSize}`,
        batchSize,
        // As many as full batch: on a shared machine one slow epoch moves a median of three (a
        // 0.40 s batch-128 epoch among 0.25 s ones), and the budget still caps the slow peers.
        timedEpochs: full.timedEpochs,
      }),
    );
    return [full, ...batched];
  });
}
