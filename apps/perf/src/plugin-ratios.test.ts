import { describe, expect, it } from "vitest";
import type { EpochRow } from "./epoch-row.js";
import { pluginRatios } from "./plugin-ratios.js";

function row(task: string, backend: string, secondsPerEpoch: number): EpochRow {
  return { system: "nabla", backend, dtype: "float32", task: task as EpochRow["task"], model: "", secondsPerEpoch, rows: 5000, batchSize: null, warmupEpochs: 1, timedEpochs: 3, threads: 2, cpuModel: "test CPU", nativeIsa: null };
}

describe("pluginRatios", () => {
  it("divides each plugin's epoch by its built-in's on the same backend and dtype, with the issue's targets", () => {
    const ratios = pluginRatios([
      row("cifar tanh adam full batch", "wasm", 2),
      row("cifar extras/gelu adam full batch", "wasm", 2.2),
      row("cifar tanh adam batch 128", "wasm", 4),
      row("cifar tanh extras/rmsprop batch 128", "wasm", 4.2),
      row("cifar extras/gelu adam full batch", "native", 1),
    ]);
    expect(ratios.map((r) => [r.backend, r.comparison, r.ratio, r.target])).toEqual([
      ["wasm", "extras/gelu ÷ tanh, full batch", 1.1, 1.15],
      ["wasm", "extras/rmsprop ÷ adam, batch 128", 1.05, 1.1],
    ]);
  });
});
