import type { DType } from "@nabla/core";
import { architecture, type MlpTask, type TaskName } from "./mlp-tasks.js";
import type { RowPlatform } from "./row-platform.js";
import { median } from "./timing.js";

export type SystemName = "nabla" | "tfjs" | "jax-js" | "numpy" | "torch";

/** Seconds per epoch of one MLP on one system, backend and dtype, full batch or in mini-batches. */
export interface EpochRow extends RowPlatform {
  system: SystemName;
  backend: string;
  dtype: DType;
  task: TaskName;
  /** The model's name and architecture, e.g. "ReLU w/ Adam (8→16→16→1 ReLU)". */
  model: string;
  secondsPerEpoch: number;
  rows: number;
  /** Rows per optimizer step; null for one full-batch step per epoch. */
  batchSize: number | null;
  warmupEpochs: number;
  timedEpochs: number;
  threads: number | null;
}

/** The fastest row of a system (on one of its backends, or any) for a task and dtype. */
export function fastestEpoch(rows: readonly EpochRow[], where: { system: SystemName; backend?: string; task: string; dtype: DType }): EpochRow | undefined {
  return rows
    .filter((r) => r.system === where.system && (where.backend === undefined || r.backend === where.backend) && r.task === where.task && r.dtype === where.dtype)
    .sort((a, b) => a.secondsPerEpoch - b.secondsPerEpoch)[0];
}

/** What a peer system measured, what it could not run, and why. */
export interface PeerResult {
  rows: EpochRow[];
  skipped: import("./perf-report.js").Skipped[];
  notes: string[];
}

export interface PeerOptions {
  budgetSeconds: number;
  warmupEpochs: number;
  log: (line: string) => void;
}

/** The row for one system's timed epochs (warm-up epochs already dropped from `seconds`). */
export function timedEpochRow(
  measured: { system: SystemName; backend: string; dtype: DType; threads: number | null } & RowPlatform,
  task: MlpTask,
  plan: { warmup: number; epochs: number },
  seconds: readonly number[],
): EpochRow {
  return {
    ...measured,
    task: task.task,
    model: `${task.model} (${architecture(task)})`,
    secondsPerEpoch: median(seconds),
    rows: task.rows,
    batchSize: task.batchSize ?? null,
    warmupEpochs: plan.warmup,
    timedEpochs: plan.epochs,
  };
}

/** The progress line for a recorded row. */
export function describeEpochRow(row: EpochRow): string {
  return `${row.secondsPerEpoch.toFixed(4)} s/epoch (median of ${row.timedEpochs} after ${row.warmupEpochs} warm-up)`;
}
