import { describe, expect, it } from "vitest";
import { minibatchTasks } from "./minibatch-tasks.js";
import { mlpTasks } from "./mlp-tasks.js";

describe("minibatchTasks", () => {
  it("times each report MLP full batch, then CIFAR at batches 128 and 32 and California Housing at 32", () => {
    expect(minibatchTasks(false).map((t) => [t.task, t.batchSize])).toEqual([
      ["regression", undefined],
      ["regression batch 32", 32],
      ["classification", undefined],
      ["classification batch 128", 128],
      ["classification batch 32", 32],
    ]);
  });

  it("changes nothing but the batch size, the task's name and the epochs timed", () => {
    const [regression, classification] = mlpTasks(true);
    const tasks = minibatchTasks(true);
    for (const task of tasks) {
      const full = task.task.startsWith("regression") ? regression : classification;
      const { task: _name, batchSize: _batch, timedEpochs: _epochs, ...rest } = task;
      const { task: _fullName, timedEpochs: _fullEpochs, ...fullRest } = full;
      expect(rest).toEqual(fullRest);
    }
  });
});
