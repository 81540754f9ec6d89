import type { DType } from "@nabla/core";
import type { TaskName } from "./mlp-tasks.js";

export type SystemName = "nabla" | "tfjs" | "jax-js" | "numpy";

/** Seconds per full-batch epoch of one MLP on one system, backend and dtype. */
export interface EpochRow {
  system: SystemName;
  backend: string;
  dtype: DType;
  task: TaskName;
  /** The model's name and architecture, e.g. "ReLU w/ Adam (8→16→16→1 ReLU)". */
  model: string;
  secondsPerEpoch: number;
  rows: number;
  warmupEpochs: number;
  timedEpochs: number;
  threads: number | null;
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
