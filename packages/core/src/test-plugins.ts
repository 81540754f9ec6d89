// Minimal components for core's own tests (the real layers live in sibling packages, which core
// must not depend on). Excluded from the build: nothing in index.ts imports this file.
import type { ActivationFunction } from "./activation-function.js";
import { Module, type BackwardOptions } from "./module.js";
import { importOptimizerState } from "./optimizer.js";
import * as ops from "./ops.js";
import { Parameter } from "./parameter.js";
import type { NablaPlugin } from "./registry/components.js";
import { Tensor } from "./tensor.js";

/** y = x·W with W drawn from the build context's generator. */
export class TestDense extends Module {
  readonly type = "test/dense";
  readonly weight: Parameter;
  private input: Tensor | undefined;

  constructor(inputs: number, outputs: number, weights: Tensor) {
    super();
    if (weights.size !== inputs * outputs) throw new Error("weights do not match the layer size");
    this.weight = new Parameter("weight", weights);
  }

  forward(input: Tensor): Tensor {
    this.input = input;
    return ops.matmul(input, this.weight.value);
  }

  backward(gradOutput: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    ops.matmul(this.input!, gradOutput, { transposeA: true, out: this.weight.grad });
    return options.inputGrad ? ops.matmul(gradOutput, this.weight.value, { transposeB: true }) : null;
  }

  override parameters(): Parameter[] {
    return [this.weight];
  }
}

export const square: ActivationFunction = { name: "square", forward: (z) => z * z, derivative: (z) => 2 * z };

export const testPlugin: NablaPlugin = {
  meta: { name: "test-plugin", version: "1.0.0" },
  namespace: "test",
  components: [
    {
      kind: "layer",
      name: "dense",
      options: { in: { type: "integer", min: 1 }, out: { type: "integer", min: 1 } },
      outputShape(shape, options) {
        if (shape[shape.length - 1] !== options.in) throw new Error(`expects ${options.in} input features, got ${shape[shape.length - 1]}`);
        return [options.out as number];
      },
      create(options, context) {
        const weights = Tensor.zeros([options.in as number, options.out as number], context);
        context.generator.fillStandardNormal(weights.data);
        return new TestDense(options.in as number, options.out as number, weights);
      },
    },
    { kind: "activation", name: "square", options: {}, create: () => square },
    {
      kind: "loss",
      name: "mse",
      options: {},
      create() {
        let grad: Tensor | undefined;
        return {
          type: "test/mse",
          forward(predictions, targets) {
            grad = Tensor.zeros(predictions.shape, predictions);
            return ops.meanSquaredError(predictions, targets as Tensor, grad);
          },
          backward: () => grad!,
        };
      },
    },
    {
      kind: "optimizer",
      name: "sgd",
      options: { lr: { type: "number", min: 0, exclusiveMin: true, default: 0.1 } },
      create(parameters, options) {
        return {
          type: "test/sgd",
          parameters,
          step: () => parameters.forEach((p) => ops.sgdUpdate(p.value, p.grad, options.lr as number)),
          exportState: () => ({ tensors: new Map(), scalars: new Map() }),
          importState: (state) => void importOptimizerState("test/sgd", state, new Map(), []),
        };
      },
    },
  ],
};
