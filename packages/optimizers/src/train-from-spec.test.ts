import { Tensor, Xoshiro128Generator, buildModel, corePlugin, createRegistry, fit, ops } from "@nabla/core";
import { activationsPlugin } from "@nabla/activations";
import { layersPlugin } from "@nabla/layers";
import { lossesPlugin } from "@nabla/losses";
import { describe, expect, it } from "vitest";
import { optimizersPlugin } from "./optimizers-plugin.js";

// End to end: a JSON spec naming components of all four packages, resolved in an isolated registry.
const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, lossesPlugin, optimizersPlugin]);

/** y = sin(x1) + x2² on 500 points with x uniform in [−2, 2]². */
function regressionData(): { x: Tensor; y: Tensor } {
  const u = new Float64Array(1000);
  new Xoshiro128Generator(2024).fillUniform(u);
  const x = Tensor.from(u.map((v) => 4 * v - 2), [500, 2], { dtype: "float64" });
  const y = Tensor.from(Array.from({ length: 500 }, (_, i) => Math.sin(x.get(i, 0)) + x.get(i, 1) ** 2), [500, 1], { dtype: "float64" });
  return { x, y };
}

/** Three Gaussian blobs (σ = 0.6) centred on a circle of radius 1.5, 100 points each. */
function blobData(): { x: Tensor; labels: Int32Array } {
  const noise = new Float64Array(600);
  new Xoshiro128Generator(7).fillStandardNormal(noise);
  const labels = Int32Array.from({ length: 300 }, (_, i) => i % 3);
  const values = Array.from(labels, (c, i) => {
    const angle = (2 * Math.PI * c) / 3;
    return [1.5 * Math.cos(angle) + 0.6 * noise[2 * i], 1.5 * Math.sin(angle) + 0.6 * noise[2 * i + 1]];
  }).flat();
  return { x: Tensor.from(values, [300, 2]), labels };
}

function rSquared(predictions: Tensor, targets: Tensor): number {
  const y = targets.toArray();
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const residual = y.reduce((s, v, k) => s + (v - predictions.data[k]) ** 2, 0);
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - residual / total;
}

// Generous timeout: turbo runs every package's tests at once on a small machine.
describe("training a model built from a JSON spec", { timeout: 20_000 }, () => {
  it("fits y = sin(x1) + x2² with Adam: loss falls ≥ 10× in 300 full-batch epochs and R² > 0.9", () => {
    const model = buildModel(
      {
        specVersion: 1,
        input: { shape: [2] },
        layers: [
          { type: "linear", options: { in: 2, out: 16 } },
          { type: "tanh" },
          { type: "linear", options: { in: 16, out: 16 } },
          { type: "tanh" },
          { type: "linear", options: { in: 16, out: 1 } },
        ],
        loss: { type: "mse" },
        optimizer: { type: "adam", options: { lr: 0.01 } },
      },
      { registry, dtype: "float64", seed: 1 },
    );
    const { x, y } = regressionData();
    const { lossHistory } = fit(model, x, y, { epochs: 300 });
    expect(lossHistory).toHaveLength(300);
    expect(lossHistory[0] / lossHistory[299]).toBeGreaterThanOrEqual(10);
    expect(rSquared(model.predict(x), y)).toBeGreaterThan(0.9);
  });

  it("classifies three blobs with SiLU, dropout, cross entropy and Adam above 90% train accuracy", () => {
    const model = buildModel(
      {
        specVersion: 1,
        input: { shape: [2] },
        layers: [
          { type: "linear", options: { in: 2, out: 16 } },
          { type: "silu" },
          { type: "dropout", options: { p: 0.1 } },
          { type: "linear", options: { in: 16, out: 3 } },
        ],
        loss: { type: "cross-entropy" },
        optimizer: { type: "adam", options: { lr: 0.02 } },
      },
      { registry, seed: 3 },
    );
    const { x, labels } = blobData();
    const { lossHistory } = fit(model, x, labels, { epochs: 200 });
    expect(lossHistory[199]).toBeLessThan(lossHistory[0]);
    const predicted = ops.argmaxRows(model.predict(x));
    const accuracy = predicted.filter((c, i) => c === labels[i]).length / labels.length;
    expect(accuracy).toBeGreaterThan(0.9);
  });

  it("lowers the loss with plain SGD too", () => {
    const model = buildModel(
      {
        specVersion: 1,
        input: { shape: [2] },
        layers: [{ type: "linear", options: { in: 2, out: 8 } }, { type: "relu" }, { type: "linear", options: { in: 8, out: 1 } }],
        loss: { type: "mse" },
        optimizer: { type: "sgd", options: { lr: 0.05 } },
      },
      { registry, dtype: "float64", seed: 5 },
    );
    const { x, y } = regressionData();
    const { lossHistory } = fit(model, x, y, { epochs: 50 });
    expect(lossHistory[49]).toBeLessThan(lossHistory[0] / 2);
  });
});
