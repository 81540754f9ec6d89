import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import type { Loss } from "../loss.js";
import type { Optimizer } from "../optimizer.js";
import type { Parameter } from "../parameter.js";
import type { RandomGenerator } from "../random/random-generator.js";
import type { Sequential } from "../sequential.js";
import type { Tensor } from "../tensor.js";
import type { ModelSpec } from "./model-spec.js";

/** The parts of a Model besides its network, spec, backend and dtype; each may be absent. */
export interface ModelParts {
  /** The loss the spec named (`fit` needs one). */
  readonly loss?: Loss;
  /** The optimizer the spec named, over the network's parameters (`fit` needs one). */
  readonly optimizer?: Optimizer;
  /** The stream the layers draw from (dropout masks); a checkpoint saves its state. */
  readonly generator?: RandomGenerator;
  /** The per-sample shape the network outputs (its last entry is the class count of a classifier), when the builder knows it. */
  readonly outputShape?: readonly number[];
}

/** A network built from a spec, with the loss and optimizer the spec named. */
export class Model {
  /** The loss the spec named, if any (`fit` needs one). */
  readonly loss?: Loss;
  /** The optimizer the spec named, over the network's parameters, if any (`fit` needs one). */
  readonly optimizer?: Optimizer;
  /** The stream the layers draw from (dropout masks); a checkpoint saves its state. */
  readonly generator?: RandomGenerator;
  /** The per-sample shape the network outputs (its last entry is the class count of a classifier), when the builder knows it. */
  readonly outputShape?: readonly number[];

  constructor(
    /** The layers, in order. */
    readonly network: Sequential,
    private readonly spec: ModelSpec,
    /** The backend every tensor of the model lives on. */
    readonly backend: Backend,
    /** Element type of the parameters. */
    readonly dtype: DType,
    parts: ModelParts = {},
  ) {
    this.loss = parts.loss;
    this.optimizer = parts.optimizer;
    this.generator = parts.generator;
    this.outputShape = parts.outputShape;
  }

  /** The per-sample input shape the spec declares. */
  get inputShape(): readonly number[] {
    return this.spec.input.shape;
  }

  /** The network's output in the current mode (training unless `eval()` was called). */
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

  /** The network's trainable parameters. */
  parameters(): Parameter[] {
    return this.network.parameters();
  }

  /** Switches the network to training mode; returns this. */
  train(): this {
    this.network.train();
    return this;
  }

  /** Switches the network to evaluation mode (dropout off); returns this. */
  eval(): this {
    this.network.eval();
    return this;
  }

  /** The JSON document this model was built from (a copy: editing it changes nothing here). */
  toSpec(): ModelSpec {
    return structuredClone(this.spec);
  }
}
