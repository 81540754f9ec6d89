import { describe, expect, it } from "vitest";
import { getDefaultRegistry, selectBackend } from "@nabla/core";
import "./register-plugins.js";
import { loadExperiment } from "./load-experiment.js";
import { runTask } from "./run-task.js";

const dataDir = process.env.NABLA_DATA_DIR;
// Native joins wherever its addon was built; its fused Linear kernels must land on the same digits.
const backends = getDefaultRegistry().get("backend", "native").isAvailable() ? ["reference", "wasm", "native"] : ["reference", "wasm"];
const regression = loadExperiment(new URL("../../../experiments/regression/experiment.json", import.meta.url).pathname);

// The report's Table 1 as its run printed it (PROTOCOL.md), four decimals.
const TABLE_1: Record<string, { mse: string; rmse: string; r2: string }> = {
  "ReLU w/ SGD": { mse: "0.7661", rmse: "0.8753", r2: "0.4154" },
  "SiLU w/ SGD": { mse: "0.7899", rmse: "0.8888", r2: "0.3972" },
  "ReLU w/ Adam": { mse: "0.4694", rmse: "0.6852", r2: "0.6418" },
  "ReLU w/ Adam & Dropout": { mse: "0.6935", rmse: "0.8328", r2: "0.4707" },
};

describe.skipIf(!dataDir)("the reference protocol on the real California Housing data", () => {
  // The readable reference kernels and the fast ones must all land on the printed digits.
  it.each(backends)("reproduces every printed number of the report's Table 1 at four decimals on the %s backend", { timeout: 30 * 60_000 }, async (backend) => {
    const registry = getDefaultRegistry();
    const run = await runTask(regression, {
      registry,
      backend: selectBackend(registry, backend),
      protocol: "reference",
      quick: false,
      dataDir,
      quiet: true,
    });
    const printed = Object.fromEntries(
      run.runs[0].map((r) => [r.name, { mse: r.metrics.mse.toFixed(4), rmse: r.metrics.rmse.toFixed(4), r2: r.metrics.r2.toFixed(4) }]),
    );
    expect(printed).toEqual(TABLE_1);
  });
});
