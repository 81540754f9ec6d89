import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import type { Loss } from "../loss.js";
import type { Optimizer } from "../optimizer.js";
import type { Parameter } from "../parameter.js";
import type { Sequential } from "../sequential.js";
import type { Tensor } from "../tensor.js";
import type { ModelSpec } from "./model-spec.js";

/** A network built from a spec, with the loss and optimizer the spec named. */
export class Model {
  constructor(
    readonly network: Sequential,
    private readonly spec: ModelSpec,
    readonly backend: Backend,
    readonly dtype: DType,
    readonly loss?: Loss,
    readonly optimizer?: Optimizer,
    /** The per-sample shape the network outputs (its last entry is the class count of a classifier), when the builder knows it. */
    readonly outputShape?: readonly number[],
  ) {}

  /** The per-sample input shape the spec declares. */
  get inputShape(): readonly number[] {
    return this.spec.input.shape;
  }

  forward(input: Tensor): Tensor {
    return this.network.forward(input);
  }

  /** A forward pass in eval mode (dropout off), restoring the previous mode afterwards. */
  predict(input: Tensor): Tensor {
    const wasTraining = this.network.training;
    this.network.eval();
    try {
      return this.network.forward(input);
    } finally {
      if (wasTraining) this.network.train();
    }
  }

  parameters(): Parameter[] {
    return this.network.parameters();
  }

  train(): this {
    this.network.train();
    return this;
  }

  eval(): this {
    this.network.eval();
    return this;
  }

  /** The JSON document this model was built from (a copy: editing it changes nothing here). */
  toSpec(): ModelSpec {
    return structuredClone(this.spec);
  }
}
