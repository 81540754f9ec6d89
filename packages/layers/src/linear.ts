import { Type } from "@sinclair/typebox";
import {
  Module,
  Parameter,
  Tensor,
  getDefaultBackend,
  ops,
  reuseTensor,
  validateOptions,
  type ActivationFusing,
  type ActivationModule,
  type Backend,
  type BackwardOptions,
  type DType,
  type RandomGenerator,
} from "@nabla/core";

/** A Linear layer's sizes, as a model spec gives them: the one place their ranges are stated. */
export const linearSizesSchema = Type.Object({
  /** Input features. */
  in: Type.Integer({ minimum: 1, description: "input features" }),
  /** Output features. */
  out: Type.Integer({ minimum: 1, description: "output features" }),
});

/** How a Linear layer is built. */
export interface LinearOptions {
  /** Draws the initial weights. */
  generator: RandomGenerator;
  /** Where its parameters live (default: the default backend). */
  backend?: Backend;
  /** Default "float32". */
  dtype?: DType;
}

/**
 * z = x·W + b for a batch x of shape [rows, in]: the affine half of equation (1), written with
 * samples as rows, so W has shape [in, out] and b, of shape [1, out], is added to every row.
 */
export class Linear extends Module implements ActivationFusing {
  readonly type = "nabla/linear";
  /** W, shape [in, out], He-initialised. */
  readonly weight: Parameter;
  /** b, shape [1, out], zero-initialised. */
  readonly bias: Parameter;
  private input: Tensor | undefined;
  private output: Tensor | undefined;
  private inputGrad: Tensor | undefined;

  /** @param inFeatures - Features of each input sample. @param outFeatures - Features of each output sample. @param options - The generator for the initial weights, and where and in which dtype the parameters live. */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions,
  ) {
    super();
    validateOptions(linearSizesSchema, { in: inFeatures, out: outFeatures }, "Linear");
    const backend = options.backend ?? getDefaultBackend();
    const dtype = options.dtype ?? "float32";
    this.weight = new Parameter("weight", heInitialWeight(inFeatures, outFeatures, options.generator, backend, dtype));
    this.bias = new Parameter("bias", Tensor.zeros([1, outFeatures], { backend, dtype }));
  }

  // #region forward
  /** z = x·W + b for a batch x of shape [rows, in]; keeps x for the backward pass. */
  forward(x: Tensor): Tensor {
    this.input = x;
    this.output = ops.linearForward(x, this.weight.value, this.bias.value, this.outputBuffer(x));
    return this.output;
  }
  // #endregion forward

  /** forward(x) and the activation after this layer, a = g(z), in one pass. */
  forwardActivated(x: Tensor, after: ActivationModule): { output: Tensor; activated: Tensor } {
    this.input = x;
    const z = this.outputBuffer(x);
    const activation = after.recordInput(z);
    this.output = ops.linearForward(x, this.weight.value, this.bias.value, z, activation);
    return { output: z, activated: activation.out };
  }

  // #region backward
  /** Takes g = ∂L/∂z, which the activation above has already multiplied by g'(z). */
  backward(g: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    const x = this.parameterGradients(g);
    if (!options.inputGrad) return null;
    // (4) ∂L/∂x = g·Wᵀ
    this.inputGrad = ops.linearInputGradient(g, this.weight.value, reuseTensor(this.inputGrad, x.shape, x));
    return this.inputGrad;
  }
  // #endregion backward

  /** backward(g), then the activation below this layer: ∂L/∂z_below = (g·Wᵀ) ⊙ g'(z_below), in one pass. */
  backwardActivated(g: Tensor, below: ActivationModule): Tensor {
    this.parameterGradients(g);
    const { below: activation, gradZ } = below.backwardOperands();
    return ops.linearInputGradient(g, this.weight.value, gradZ, activation);
  }

  // #region parameter-gradients
  /** (2) ∂L/∂W = xᵀ·g and (3) ∂L/∂b = Σ_rows g; returns the input x of the last forward pass. */
  private parameterGradients(g: Tensor): Tensor {
    const x = this.input;
    if (!x) throw new Error("Linear: backward called before forward");
    ops.linearWeightGradients(x, g, this.weight.grad, this.bias.grad);
    return x;
  }
  // #endregion parameter-gradients

  private outputBuffer(x: Tensor): Tensor {
    return reuseTensor(this.output, [x.rows, this.outFeatures], x);
  }

  /** [weight, bias]. */
  override parameters(): Parameter[] {
    return [this.weight, this.bias];
  }
}

// #region he-init
/**
 * He initialisation: standard normal draws times sqrt(2/in), drawn row-major like NumPy's
 * randn(in, out) and scaled in float64 before rounding to `dtype`, as the NumPy original did.
 */
function heInitialWeight(inFeatures: number, outFeatures: number, generator: RandomGenerator, backend: Backend, dtype: DType): Tensor {
  const scaled = Tensor.zeros([inFeatures, outFeatures], { dtype: "float64", backend });
  generator.fillStandardNormal(scaled.data);
  ops.scale(scaled, Math.sqrt(2 / inFeatures), scaled);
  return dtype === "float64" ? scaled : scaled.to({ dtype });
}
// #endregion he-init
