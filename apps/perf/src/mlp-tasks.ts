import type { ModelSpec } from "@nabla/core";

/** The report's two tasks, the same MLPs in mini-batches (minibatch-tasks.ts), and the CIFAR MLP variants that time plugin components against built-ins (plugin-tasks.ts). */
export type TaskName = ReportTaskName | MinibatchTaskName | PluginTaskName;

/** The report's two tasks, each trained full batch. */
export type ReportTaskName = "regression" | "classification";

/** One of the report's MLPs trained in mini-batches of the given size, e.g. "classification batch 128". */
export type MinibatchTaskName = `${ReportTaskName} batch ${number}`;

/** A CIFAR MLP variant of the plugin section: activation, optimizer and batch. */
export type PluginTaskName = `cifar ${"tanh" | "extras/gelu"} ${"adam" | "extras/rmsprop"} ${"full batch" | "batch 128"}`;

/** One of the report's MLPs, as Nabla's spec and as the plain description the peers rebuild it from. */
export interface MlpTask {
  task: TaskName;
  /** The model's name in experiments/<task>/experiment.json. */
  model: string;
  spec: ModelSpec;
  /** Layer widths, input first: 8→16→16→1 is [8, 16, 16, 1]. */
  widths: readonly number[];
  activation: "relu" | "tanh" | "extras/gelu";
  loss: "mse" | "cross-entropy";
  learningRate: number;
  rows: number;
  /** Epochs timed after the warm-up (the median is reported). */
  timedEpochs: number;
  /** Rows per optimizer step; full batch when left out, as in the report. */
  batchSize?: number;
}

/** The spec of an MLP: Linear layers of `widths` with `activation` between them. */
export function mlpSpec(widths: readonly number[], activation: string, loss: string, lr: number, optimizer = "adam"): ModelSpec {
  const layers = widths.slice(1).flatMap((out, i) => {
    const linear = { type: "linear", options: { in: widths[i], out } };
    return i < widths.length - 2 ? [linear, { type: activation }] : [linear];
  });
  return { specVersion: 1, input: { shape: [widths[0]] }, layers, loss: { type: loss }, optimizer: { type: optimizer, options: { lr } } };
}

const CALIFORNIA_TRAIN_ROWS = 16512;
const CIFAR_TRAIN_ROWS = 50000;
/** --quick cuts CIFAR to a tenth of its rows; California Housing is small enough to keep whole. */
const CIFAR_QUICK_ROWS = 5000;

/** The two Adam MLPs of the report's tables (experiments/regression and experiments/classification), at their training-set sizes. */
export function mlpTasks(quick: boolean): MlpTask[] {
  return [
    {
      task: "regression",
      model: "ReLU w/ Adam",
      spec: mlpSpec([8, 16, 16, 1], "relu", "mse", 0.001),
      widths: [8, 16, 16, 1],
      activation: "relu",
      loss: "mse",
      learningRate: 0.001,
      rows: CALIFORNIA_TRAIN_ROWS,
      timedEpochs: quick ? 10 : 20,
    },
    {
      task: "classification",
      model: "Tanh w/ Adam",
      spec: mlpSpec([3072, 100, 100, 10], "tanh", "cross-entropy", 0.001),
      widths: [3072, 100, 100, 10],
      activation: "tanh",
      loss: "cross-entropy",
      learningRate: 0.001,
      rows: quick ? CIFAR_QUICK_ROWS : CIFAR_TRAIN_ROWS,
      timedEpochs: quick ? 3 : 5,
    },
  ];
}

export function cifarRows(quick: boolean): number {
  return quick ? CIFAR_QUICK_ROWS : CIFAR_TRAIN_ROWS;
}

/** Architecture as the tables print it: "8→16→16→1 ReLU". */
export function architecture(task: MlpTask): string {
  const names = { relu: "ReLU", tanh: "Tanh", "extras/gelu": "extras/gelu" };
  return `${task.widths.join("→")} ${names[task.activation]}`;
}
