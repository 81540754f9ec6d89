import {
  Module,
  Parameter,
  Tensor,
  getDefaultBackend,
  ops,
  reuseTensor,
  type Backend,
  type BackwardOptions,
  type DType,
  type RandomGenerator,
} from "@nabla/core";

export interface LinearOptions {
  /** Draws the initial weights. */
  generator: RandomGenerator;
  backend?: Backend;
  /** Default "float32". */
  dtype?: DType;
}

/**
 * z = x·W + b for a batch x of shape [rows, in]: the affine half of equation (1), written with
 * samples as rows, so W has shape [in, out] and b, of shape [1, out], is added to every row.
 */
export class Linear extends Module {
  readonly type = "nabla/linear";
  readonly weight: Parameter;
  readonly bias: Parameter;
  private input: Tensor | undefined;
  private output: Tensor | undefined;
  private inputGrad: Tensor | undefined;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions,
  ) {
    super();
    for (const [label, value] of [["in", inFeatures], ["out", outFeatures]] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`Linear: ${label} must be an integer ≥ 1, got ${value}`);
    }
    const backend = options.backend ?? getDefaultBackend();
    const dtype = options.dtype ?? "float32";
    this.weight = new Parameter("weight", heInitialWeight(inFeatures, outFeatures, options.generator, backend, dtype));
    this.bias = new Parameter("bias", Tensor.zeros([1, outFeatures], { backend, dtype }));
  }

  forward(x: Tensor): Tensor {
    this.input = x;
    const z = ops.matmul(x, this.weight.value, { out: reuseTensor(this.output, [x.rows, this.outFeatures], x) });
    this.output = ops.addRowVector(z, this.bias.value, z);
    return this.output;
  }

  /** Takes g = ∂L/∂z, which the activation above has already multiplied by g'(z). */
  backward(g: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    const x = this.input;
    if (!x) throw new Error("Linear: backward called before forward");
    // (2) ∂L/∂W = xᵀ·g
    ops.matmul(x, g, { transposeA: true, out: this.weight.grad });
    // (3) ∂L/∂b = Σ_rows g
    ops.sumRows(g, this.bias.grad);
    if (!options.inputGrad) return null;
    // (4) ∂L/∂x = g·Wᵀ
    this.inputGrad = ops.matmul(g, this.weight.value, { transposeB: true, out: reuseTensor(this.inputGrad, x.shape, x) });
    return this.inputGrad;
  }

  override parameters(): Parameter[] {
    return [this.weight, this.bias];
  }
}

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
