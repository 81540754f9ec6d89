import { describe, expect, it } from "vitest";
import type { EpochRow } from "./epoch-row.js";
import { minibatchRatios } from "./minibatch-ratios.js";

function row(system: EpochRow["system"], backend: string, task: string, batchSize: number | null, secondsPerEpoch: number, threads: number | null = 2): EpochRow {
  const model = task.startsWith("regression") ? "ReLU w/ Adam (8→16→16→1 ReLU)" : "Tanh w/ Adam (3072→100→100→10 Tanh)";
  return { system, backend, dtype: "float32", task: task as EpochRow["task"], model, secondsPerEpoch, rows: 5000, batchSize, warmupEpochs: 1, timedEpochs: 3, threads, cpuModel: "test CPU", nativeIsa: null };
}

describe("minibatchRatios", () => {
  it("divides each mini-batch epoch by the full-batch epoch of the same system, backend and threads, with NumPy's fastest and the target beside Nabla's", () => {
    const ratios = minibatchRatios([
      row("nabla", "nabla/native", "classification", null, 0.25),
      row("nabla", "nabla/native", "classification batch 128", 128, 0.3),
      row("nabla", "nabla/wasm", "classification batch 128", 128, 1),
      row("numpy", "openblas", "classification", null, 0.5, 1),
      row("numpy", "openblas", "classification batch 128", 128, 2, 1),
      row("numpy", "openblas", "classification batch 128", 128, 40, 2),
      row("nabla", "nabla/native", "regression", null, 0.001),
      row("nabla", "nabla/native", "regression batch 32", 32, 0.05),
    ]);
    expect(ratios.map((r) => [r.backend, r.threads, r.task, r.batchSize, r.ratio, r.numpySecondsPerEpoch, r.target])).toEqual([
      ["nabla/native", 2, "classification", 128, 1.2, 2, 1.4],
      ["openblas", 1, "classification", 128, 4, undefined, undefined],
      ["nabla/native", 2, "regression", 32, 50, undefined, undefined],
    ]);
  });
});
