import type { DType } from "@nabla/core";
import type { EpochRow, SystemName } from "./epoch-row.js";

/** A mini-batch epoch over the full-batch epoch of the same MLP on the same system, backend, dtype and threads. */
export interface MinibatchRatio {
  system: SystemName;
  backend: string;
  dtype: DType;
  threads: number | null;
  /** The full-batch row's task: "classification" or "regression". */
  task: string;
  batchSize: number;
  secondsPerEpoch: number;
  fullBatchSecondsPerEpoch: number;
  /** secondsPerEpoch ÷ fullBatchSecondsPerEpoch. */
  ratio: number;
  /** NumPy's fastest epoch of the same task, batch size and dtype (on a Nabla row only, when NumPy ran). */
  numpySecondsPerEpoch?: number;
  /** The limit on `ratio` for Nabla at this task and batch size, if it sets one. */
  target?: number;
}

/** Issue #11: a batch-128 CIFAR-10 epoch within 1.4× the full-batch epoch on the same backend. */
const TARGETS: readonly { task: string; batchSize: number; ratio: number }[] = [{ task: "classification", batchSize: 128, ratio: 1.4 }];

/** Every mini-batch row whose full-batch row was measured beside it, as a ratio, with NumPy's epoch to compare. */
export function minibatchRatios(rows: readonly EpochRow[]): MinibatchRatio[] {
  const sameRun = (a: EpochRow, b: EpochRow) => a.system === b.system && a.backend === b.backend && a.dtype === b.dtype && a.threads === b.threads && a.model === b.model;
  return rows.flatMap((row) => {
    if (row.batchSize === null) return [];
    const full = rows.find((r) => r.batchSize === null && sameRun(r, row));
    if (!full) return [];
    const numpy = rows
      .filter((r) => r.system === "numpy" && r.task === row.task && r.dtype === row.dtype)
      .sort((a, b) => a.secondsPerEpoch - b.secondsPerEpoch)[0];
    const target = row.system === "nabla" ? TARGETS.find((t) => t.task === full.task && t.batchSize === row.batchSize)?.ratio : undefined;
    return [
      {
        system: row.system,
        backend: row.backend,
        dtype: row.dtype,
        threads: row.threads,
        task: full.task,
        batchSize: row.batchSize,
        secondsPerEpoch: row.secondsPerEpoch,
        fullBatchSecondsPerEpoch: full.secondsPerEpoch,
        ratio: row.secondsPerEpoch / full.secondsPerEpoch,
        ...(numpy && row.system !== "numpy" ? { numpySecondsPerEpoch: numpy.secondsPerEpoch } : {}),
        ...(target === undefined ? {} : { target }),
      },
    ];
  });
}
