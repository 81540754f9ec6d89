import { ActivationModule, Sequential, Tensor, Xoshiro128Generator, createReferenceBackend, ops, type Backend } from "@nabla/core";
import { ReLU, SiLU, Tanh } from "@nabla/activations";
import { describe, expect, it } from "vitest";
import { randomTensor } from "@nabla/core/testing";
import { Linear } from "./linear.js";

/** The reference backend with the three fused Linear kernels, composed, and a log of the calls that reach them. */
function fusingBackend(): { backend: Backend; calls: string[] } {
  const reference = createReferenceBackend();
  const calls: string[] = [];
  const backend: Backend = {
    ...reference,
    name: "fusing-test",
    linearForward(x, weight, bias, z, after) {
      calls.push(`forward${after ? ` + ${after.fn.name}` : ""}`);
      reference.matmul(x, weight, z, false, false);
      reference.addRowVector(z, bias, z);
      if (after) reference.activate(after.fn, z, after.out);
    },
    linearInputGradient(g, weight, out, below) {
      calls.push(`input gradient${below ? ` × ${below.fn.name}'` : ""}`);
      reference.matmul(g, weight, out, false, true);
      if (below) reference.activateBackward(below.fn, below.z, below.a, out, out);
    },
    linearWeightGradients(x, g, gradWeight, gradBias) {
      calls.push("weight gradients");
      reference.matmul(x, g, gradWeight, true, false);
      reference.sumRows(g, gradBias);
    },
  };
  return { backend, calls };
}

function mlp(backend: Backend, activation: () => ActivationModule): Sequential {
  const generator = new Xoshiro128Generator(5);
  const linear = (i: number, o: number) => new Linear(i, o, { generator, backend, dtype: "float64" });
  return new Sequential([linear(3, 4), activation(), linear(4, 4), activation(), linear(4, 2)]);
}

/** Forward and backward module by module, never fused: what Sequential must reproduce. */
function unfusedPass(network: Sequential, x: Tensor, gradOutput: Tensor): { output: number[]; grads: number[][] } {
  let value = x;
  for (const module of network.modules) value = module.forward(value);
  const output = value.toArray();
  let grad: Tensor | null = gradOutput;
  for (let i = network.modules.length - 1; i >= 0; i--) grad = network.modules[i].backward(grad!, { inputGrad: i > 0 });
  return { output, grads: network.parameters().map((p) => p.grad.toArray()) };
}

describe("Sequential fuses each Linear layer with the activations next to it", () => {
  for (const activation of [ReLU, SiLU, Tanh]) {
    it(`gives the module-by-module outputs and gradients with ${activation().fn.name}`, () => {
      const { backend, calls } = fusingBackend();
      const x = randomTensor([5, 3], 1).to({ backend });
      const gradOutput = randomTensor([5, 2], 2).to({ backend });

      const fused = mlp(backend, activation);
      const output = fused.forward(x).toArray();
      fused.backward(gradOutput, { inputGrad: false });
      const grads = fused.parameters().map((p) => p.grad.toArray());

      const expected = unfusedPass(mlp(backend, activation), x, gradOutput);
      expect(output).toEqual(expected.output);
      grads.forEach((grad, i) => expect(grad).toEqual(expected.grads[i]));

      const name = activation().fn.name;
      expect(calls.slice(0, 3)).toEqual([`forward + ${name}`, `forward + ${name}`, "forward"]);
    });
  }

  it("runs one kernel per Linear layer in each direction and none of the activations' own", () => {
    const { backend, calls } = fusingBackend();
    const network = mlp(backend, Tanh);
    network.forward(randomTensor([5, 3], 1).to({ backend }));
    network.backward(randomTensor([5, 2], 2).to({ backend }), { inputGrad: false });
    expect(calls).toEqual([
      "forward + tanh",
      "forward + tanh",
      "forward",
      "weight gradients",
      "input gradient × tanh'",
      "weight gradients",
      "input gradient × tanh'",
      "weight gradients",
    ]);
  });

  it("keeps each module's output for locating non-finite values: z for the Linear layer, a for its activation", () => {
    const { backend } = fusingBackend();
    const network = mlp(backend, Tanh);
    const output = network.forward(randomTensor([5, 3], 1).to({ backend }));
    const [z1, a1] = network.outputs;
    expect(a1!.toArray()).toEqual(ops.activate((network.modules[1] as ActivationModule).fn, z1!).toArray());
    expect(network.outputs[4]).toBe(output);
  });

  it("still returns the input gradient through a leading activation when the caller asks for it", () => {
    const { backend } = fusingBackend();
    const generator = new Xoshiro128Generator(6);
    const network = new Sequential([ReLU(), new Linear(3, 2, { generator, backend, dtype: "float64" })]);
    const x = Tensor.from([1, -2, 3, -4, 5, -6], [2, 3], { backend, dtype: "float64" });
    network.forward(x);
    const gradX = network.backward(Tensor.from([1, 1, 1, 1], [2, 2], { backend, dtype: "float64" }))!;
    const linear = network.modules[1] as Linear;
    // ∂L/∂x = (g·Wᵀ) ⊙ [x > 0]
    const w = linear.weight.value;
    const rowSums = [0, 1, 2].map((i) => w.get(i, 0) + w.get(i, 1));
    // (+ 0 turns the −0 of a negative gradient times a zero derivative into 0.)
    expect(gradX.toArray().map((v) => v + 0)).toEqual([rowSums[0], 0, rowSums[2], 0, rowSums[1], 0]);
  });
});
