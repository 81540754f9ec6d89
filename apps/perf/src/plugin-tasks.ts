import { cifarRows, mlpSpec, type MlpTask, type PluginTaskName } from "./mlp-tasks.js";

const CIFAR_WIDTHS = [3072, 100, 100, 10];

/** The batch size of the mini-batch rows. */
export const PLUGIN_BATCH_SIZE = 128;

/**
 * The CIFAR MLP with the extras plugin's GELU and RMSprop (expressions compiled by the backend)
 * and with the built-in tanh and Adam they are measured against, full batch and in batches of 128.
 */
export function pluginTasks(quick: boolean): MlpTask[] {
  const variants: ["tanh" | "extras/gelu", "adam" | "extras/rmsprop"][] = [
    ["tanh", "adam"],
    ["extras/gelu", "adam"],
    ["tanh", "extras/rmsprop"],
  ];
  return [undefined, PLUGIN_BATCH_SIZE].flatMap((batchSize) =>
    variants.map(([activation, optimizer]): MlpTask => {
      const task: PluginTaskName = `cifar ${activation} ${optimizer} ${batchSize === undefined ? "full batch" : "batch 128"}`;
      return {
        task,
        model: `${activation === "tanh" ? "Tanh" : "GELU"} w/ ${optimizer === "adam" ? "Adam" : "RMSprop"}${batchSize === undefined ? "" : `, batch ${batchSize}`}`,
        spec: mlpSpec(CIFAR_WIDTHS, activation, "cross-entropy", 0.001, optimizer),
        widths: CIFAR_WIDTHS,
        activation,
        loss: "cross-entropy",
        learningRate: 0.001,
        rows: cifarRows(quick),
        // Mini-batch epochs as many as full batch: one slow epoch on a shared machine moves a median of three.
        timedEpochs: quick ? 3 : 5,
        ...(batchSize === undefined ? {} : { batchSize }),
      };
    }),
  );
}

/** The plugin tasks in the groups that are timed in alternation: full batch, then batch 128. */
export function pluginTaskGroups(quick: boolean): MlpTask[][] {
  const tasks = pluginTasks(quick);
  return [tasks.filter((t) => t.batchSize === undefined), tasks.filter((t) => t.batchSize !== undefined)];
}
