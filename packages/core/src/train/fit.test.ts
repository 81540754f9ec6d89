import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { Module } from "../module.js";
import { createRegistry } from "../registry/registry.js";
import { buildModel } from "../spec/build-model.js";
import { Sequential } from "../sequential.js";
import { Model } from "../spec/model.js";
import { testPlugin } from "../test-plugins.js";
import { Tensor } from "../tensor.js";
import { Xoshiro128Generator } from "../random/xoshiro128.js";
import { fit, fitAsync } from "./fit.js";
import { FitOptionsError } from "./fit-options-error.js";
import { NonFiniteLossError } from "./non-finite-loss-error.js";
import { TrainingDataError } from "./training-data-error.js";

const registry = createRegistry([corePlugin, testPlugin]);
const linearSpec = {
  specVersion: 1,
  input: { shape: [2] },
  layers: [{ type: "test/dense", options: { in: 2, out: 1 } }],
  loss: { type: "test/mse" },
  optimizer: { type: "test/sgd", options: { lr: 0.1 } },
};

// y = 3·x1 − 2·x2 on a fixed grid: a linear model can fit it exactly.
const xs = Array.from({ length: 40 }, (_, i) => [((i % 8) - 3.5) / 4, (Math.floor(i / 8) - 2) / 2]).flat();
const ys = Array.from({ length: 40 }, (_, i) => 3 * xs[2 * i] - 2 * xs[2 * i + 1]);

// The final loss of the seeded run below, recorded once; only its exact repetition is tested.
const PINNED_FINAL_LOSS = 0.000004772347886086526;

describe("fit", () => {
  it("learns a linear map full-batch, recording one loss per epoch", () => {
    const model = buildModel(linearSpec, { registry, dtype: "float64" });
    const x = Tensor.from(xs, [40, 2], { dtype: "float64" });
    const y = Tensor.from(ys, [40, 1], { dtype: "float64" });
    const seen: number[] = [];
    const { lossHistory } = fit(model, x, y, { epochs: 200, onEpochEnd: (info) => void seen.push(info.epoch) });
    expect(lossHistory).toHaveLength(200);
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(lossHistory[199]).toBeLessThan(lossHistory[0] / 1000);
    expect(model.parameters()[0].value.toArray().map((v) => Number(v.toFixed(3)))).toEqual([3, -2]);
  });

  it("gives the same numbers for the same seed and spec, run after run", () => {
    const run = () => {
      const model = buildModel(linearSpec, { registry, dtype: "float64", seed: 11 });
      const x = Tensor.from(xs, [40, 2], { dtype: "float64" });
      const y = Tensor.from(ys, [40, 1], { dtype: "float64" });
      return fit(model, x, y, { epochs: 20, batchSize: 8, generator: new Xoshiro128Generator(5) }).lossHistory;
    };
    const first = run();
    expect(run()).toEqual(first);
    // Pinned: a change to the generator, the init or the update order shows up here.
    expect(first[19]).toBe(PINNED_FINAL_LOSS);
  });

  it("learns with shuffled mini-batches too, and stops when the callback returns false", () => {
    const model = buildModel(linearSpec, { registry, dtype: "float64" });
    const x = Tensor.from(xs, [40, 2], { dtype: "float64" });
    const y = Tensor.from(ys, [40, 1], { dtype: "float64" });
    const { lossHistory } = fit(model, x, y, { epochs: 100, batchSize: 16, generator: new Xoshiro128Generator(1) });
    expect(lossHistory[99]).toBeLessThan(lossHistory[0] / 100);
    const stopped = fit(model, x, y, { epochs: 50, onEpochEnd: (info) => info.epoch < 3 });
    expect(stopped.lossHistory).toHaveLength(3);
  });

  it("stops with a NonFiniteLossError naming the epoch and the first layer whose output went non-finite", () => {
    class Explode extends Module {
      readonly type = "test/explode";
      calls = 0;
      forward(input: Tensor): Tensor {
        this.calls++;
        return this.calls < 3 ? input : Tensor.from(Array(input.size).fill(NaN), input.shape, input);
      }
      backward(grad: Tensor): Tensor {
        return grad;
      }
    }
    const built = buildModel(linearSpec, { registry, dtype: "float64" });
    const network = new Sequential([new Explode(), ...built.network.modules]);
    const model = new Model(network, built.toSpec(), built.backend, "float64", { loss: built.loss, optimizer: built.optimizer });
    const x = Tensor.from(xs, [40, 2], { dtype: "float64" });
    const y = Tensor.from(ys, [40, 1], { dtype: "float64" });
    try {
      fit(model, x, y, { epochs: 10 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NonFiniteLossError);
      const e = error as NonFiniteLossError;
      expect(e.epoch).toBe(3);
      expect(e.layerIndex).toBe(0);
      expect(e.message).toMatch(/epoch 3.*layer 0 \(test\/explode\)/);
    }
  });

  it("refuses mismatched rows and bad epoch counts with clear errors", () => {
    const model = buildModel(linearSpec, { registry, dtype: "float64" });
    const x = Tensor.from(xs, [40, 2], { dtype: "float64" });
    expect(() => fit(model, x, Tensor.zeros([39, 1], { dtype: "float64" }), { epochs: 1 })).toThrow(TrainingDataError);
    expect(() => fit(model, x, Tensor.zeros([39, 1], { dtype: "float64" }), { epochs: 1 })).toThrow(/40 rows but y has 39/);
    expect(() => fit(model, x, Tensor.zeros([40, 1], { dtype: "float64" }), { epochs: 0 })).toThrow(/epochs must be a positive integer/);
    expect(() => fit(model, x, Tensor.zeros([40, 1], { dtype: "float64" }), { epochs: 1, checkpoint: { path: "x", every: 0 } })).toThrow(FitOptionsError);
  });

  it("checks the training data in fitAsync too, before the first epoch", async () => {
    const model = buildModel(linearSpec, { registry, dtype: "float64" });
    const x = Tensor.from(xs.map((v, i) => (i === 7 ? NaN : v)), [40, 2], { dtype: "float64" });
    let epochs = 0;
    const run = fitAsync(model, x, Tensor.zeros([40, 1], { dtype: "float64" }), { epochs: 1, onEpochEnd: () => void epochs++ });
    await expect(run).rejects.toThrow(TrainingDataError);
    await expect(run).rejects.toThrow(/x holds NaN at row 3, column 1/);
    expect(epochs).toBe(0);
  });
});
