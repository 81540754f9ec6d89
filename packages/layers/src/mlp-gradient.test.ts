import { Sequential, Tensor, Xoshiro128Generator } from "@nabla/core";
import { Sigmoid, SiLU, Tanh } from "@nabla/activations";
import { CrossEntropyLoss, MSELoss } from "@nabla/losses";
import { describe, expect, it } from "vitest";
import { networkGradientErrors, randomTensor } from "@nabla/core/testing";
import { ScriptedGenerator } from "../test/scripted-generator.js";
import { Dropout } from "./dropout.js";
import { Linear } from "./linear.js";

function linear(inFeatures: number, outFeatures: number, generator: Xoshiro128Generator): Linear {
  return new Linear(inFeatures, outFeatures, { generator, dtype: "float64" });
}

describe("backpropagation through a whole MLP", () => {
  it("matches finite differences for Linear → tanh → Linear → sigmoid → Linear with MSE", () => {
    const generator = new Xoshiro128Generator(21);
    const network = new Sequential([linear(3, 5, generator), Tanh(), linear(5, 4, generator), Sigmoid(), linear(4, 2, generator)]);
    const errors = networkGradientErrors(network, new MSELoss(), randomTensor([6, 3], 1), randomTensor([6, 2], 2));
    expect(Object.keys(errors)).toHaveLength(6);
    for (const error of Object.values(errors)) expect(error).toBeLessThan(1e-6);
  });

  it("matches finite differences for Linear → SiLU → Dropout → Linear with cross entropy", () => {
    const generator = new Xoshiro128Generator(22);
    const dropout = new Dropout(0.5, { generator: new ScriptedGenerator([1, 0, 1, 1]) });
    const network = new Sequential([linear(4, 6, generator), SiLU(), dropout, linear(6, 3, generator)]);
    const labels = new Int32Array([0, 2, 1, 1, 0]);
    const errors = networkGradientErrors(network, new CrossEntropyLoss(), randomTensor([5, 4], 3), labels);
    expect(Object.keys(errors)).toHaveLength(4);
    for (const error of Object.values(errors)) expect(error).toBeLessThan(1e-6);
  });

  it("leaves the first layer's input gradient uncomputed, as the fit loop asks", () => {
    const generator = new Xoshiro128Generator(23);
    const network = new Sequential([linear(2, 3, generator), Tanh(), linear(3, 1, generator)]);
    const loss = new MSELoss();
    loss.forward(network.forward(Tensor.from([1, 2], [1, 2], { dtype: "float64" })), Tensor.from([0], [1, 1], { dtype: "float64" }));
    expect(network.backward(loss.backward(), { inputGrad: false })).toBeNull();
  });
});
