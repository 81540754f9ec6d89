// Minimal components for core's own tests (the real layers live in sibling packages, which core
// must not depend on). Excluded from the build: nothing in index.ts imports this file.
import { Type } from "@sinclair/typebox";
import type { ActivationFunction } from "./activation-function.js";
import { Module, type BackwardOptions } from "./module.js";
import { importOptimizerState } from "./optimizer.js";
import * as ops from "./ops.js";
import { Parameter } from "./parameter.js";
import type { NablaPlugin } from "./registry/components.js";
import { defineActivation, defineLayer, defineLoss, defineOptimizer } from "./registry/define-component.js";
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
    defineLayer({
      name: "dense",
      options: Type.Object({ in: Type.Integer({ minimum: 1 }), out: Type.Integer({ minimum: 1 }) }),
      outputShape(shape, options) {
        if (shape[shape.length - 1] !== options.in) throw new Error(`expects ${options.in} input features, got ${shape[shape.length - 1]}`);
        return [options.out];
      },
      parameterCount: (_shape, options) => options.in * options.out,
      create(options, context) {
        const weights = Tensor.zeros([options.in, options.out], context);
        context.generator.fillStandardNormal(weights.data);
        return new TestDense(options.in, options.out, weights);
      },
    }),
    defineActivation({ name: "square", create: () => square }),
    defineLoss({
      name: "mse",
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
    }),
    defineOptimizer({
      name: "sgd",
      options: Type.Object({ lr: Type.Number({ exclusiveMinimum: 0, default: 0.1 }) }),
      create(parameters, options) {
        return {
          type: "test/sgd",
          parameters,
          step: () => parameters.forEach((p) => ops.sgdUpdate(p.value, p.grad, options.lr)),
          exportState: () => ({ tensors: new Map(), scalars: new Map() }),
          importState: (state) => void importOptimizerState("test/sgd", state, new Map(), []),
        };
      },
    }),
  ],
};
