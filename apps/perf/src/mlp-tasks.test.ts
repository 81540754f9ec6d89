import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mlpTasks } from "./mlp-tasks.js";

function experimentSpec(task: string, model: string): unknown {
  const file = fileURLToPath(new URL(`../../../experiments/${task}/experiment.json`, import.meta.url));
  const experiment = JSON.parse(readFileSync(file, "utf8")) as { models: { name: string; spec: unknown }[] };
  return experiment.models.find((m) => m.name === model)?.spec;
}

describe("mlpTasks", () => {
  it.each(mlpTasks(false).map((t) => [t.task, t]))("times the %s model exactly as its experiment file specifies it", (_, task) => {
    expect(task.spec).toEqual(experimentSpec(task.task, task.model));
  });

  it("uses a tenth of CIFAR's 50,000 rows with --quick and all 16,512 California rows either way", () => {
    expect(mlpTasks(false).map((t) => t.rows)).toEqual([16512, 50000]);
    expect(mlpTasks(true).map((t) => t.rows)).toEqual([16512, 5000]);
  });
});
