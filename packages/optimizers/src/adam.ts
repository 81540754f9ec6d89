import { Type, type Static } from "@sinclair/typebox";
import { Tensor, importOptimizerState, ops, validateOptions, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";

/** Adam's hyperparameters, with their ranges and defaults: what a spec's "nabla/adam" accepts and what the constructor fills in. */
export const adamOptionsSchema = Type.Object({
  /** Learning rate α. */
  lr: Type.Number({ exclusiveMinimum: 0, default: 1e-3, description: "learning rate α" }),
  /** Decay of the first moment, in [0, 1). */
  beta1: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.9, description: "decay of the first moment, in [0, 1)" }),
  /** Decay of the second moment, in [0, 1). */
  beta2: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.999, description: "decay of the second moment, in [0, 1)" }),
  /** Added to sqrt(v̂) so the step stays finite where v̂ ≈ 0. */
  eps: Type.Number({ exclusiveMinimum: 0, default: 1e-8, description: "added to sqrt(v̂) so the step stays finite where v̂ ≈ 0" }),
});

/** Adam's options; each one left out takes its default from adamOptionsSchema. */
export type AdamOptions = Partial<Static<typeof adamOptionsSchema>>;

/**
 * Adam with bias correction: m_t = β1 m + (1 − β1) g (19), v_t = β2 v + (1 − β2) g² (20),
 * m̂ = m_t/(1 − β1^t), v̂ = v_t/(1 − β2^t) (21), w ← w − α m̂/(sqrt(v̂) + ε) (22). The moments
 * start at zero and t counts from 1, so the first step moves each weight by about α.
 */
export class Adam implements Optimizer {
  /** Its registry key. */
  readonly type = "nabla/adam";
  /** The parameters it updates. */
  readonly parameters: readonly Parameter[];
  /** Learning rate α. */
  readonly lr: number;
  /** First-moment decay β1. */
  readonly beta1: number;
  /** Second-moment decay β2. */
  readonly beta2: number;
  /** ε of equation (22). */
  readonly eps: number;
  private readonly moments: readonly { m: Tensor; v: Tensor }[];
  private t = 0;

  constructor(parameters: readonly Parameter[], options: AdamOptions = {}) {
    ({ lr: this.lr, beta1: this.beta1, beta2: this.beta2, eps: this.eps } = validateOptions(adamOptionsSchema, options, "Adam"));
    this.parameters = [...parameters];
    this.moments = this.parameters.map(({ value }) => ({
      m: Tensor.zeros(value.shape, { dtype: value.dtype, backend: value.backend }),
      v: Tensor.zeros(value.shape, { dtype: value.dtype, backend: value.backend }),
    }));
  }

  /** Steps taken so far: the t of the latest bias correction. */
  get stepCount(): number {
    return this.t;
  }

  // #region step
  /** One bias-corrected Adam step, equations (19)–(22), for every parameter. */
  step(): void {
    this.t += 1;
    const hyperparameters = { lr: this.lr, beta1: this.beta1, beta2: this.beta2, eps: this.eps, step: this.t };
    this.parameters.forEach((parameter, i) => {
      ops.adamUpdate(parameter.value, parameter.grad, this.moments[i].m, this.moments[i].v, hyperparameters);
    });
  }
  // #endregion step

  /** The moments as "m.<i>" and "v.<i>" for parameter i, and the step count t as "step". */
  exportState(): OptimizerState {
    return { tensors: this.momentTensors(), scalars: new Map([["step", this.t]]) };
  }

  importState(state: OptimizerState): void {
    const step = importOptimizerState(this.type, state, this.momentTensors(), ["step"]).get("step")!;
    this.t = step;
  }

  private momentTensors(): Map<string, Tensor> {
    return new Map(this.moments.flatMap(({ m, v }, i) => [[`m.${i}`, m], [`v.${i}`, v]] as const));
  }
}
