import { Tensor, Xoshiro128Generator, type Module } from "@nabla/core";

/** Central differences (f(t + h) − f(t − h)) / 2h for every element of t, which is restored afterwards. */
export function numericGradient(f: () => number, t: Tensor, h = 1e-5): Float64Array {
  const result = new Float64Array(t.size);
  for (let k = 0; k < t.size; k++) {
    const saved = t.data[k];
    t.data[k] = saved + h;
    const plus = f();
    t.data[k] = saved - h;
    const minus = f();
    t.data[k] = saved;
    result[k] = (plus - minus) / (2 * h);
  }
  return result;
}

/** ‖a − b‖ / (‖a‖ + ‖b‖): the usual relative error of a gradient check. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0, normA = 0, normB = 0;
  for (let k = 0; k < a.length; k++) {
    diff += (a[k] - b[k]) ** 2;
    normA += a[k] ** 2;
    normB += b[k] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(normA) + Math.sqrt(normB), 1e-300);
}

/**
 * Checks ∂L/∂input from `module.backward` against finite differences for L = Σ forward(x) ⊙ r,
 * with r a fixed random float64 tensor (so ∂L/∂output = r).
 */
export function inputGradientError(module: Module, x: Tensor, seed = 7): number {
  const output = module.forward(x);
  const r = Tensor.zeros(output.shape, { dtype: "float64" });
  new Xoshiro128Generator(seed).fillStandardNormal(r.data);
  const loss = () => {
    const out = module.forward(x);
    let sum = 0;
    for (let k = 0; k < out.size; k++) sum += out.data[k] * r.data[k];
    return sum;
  };
  module.forward(x);
  const analytic = Float64Array.from(module.backward(r, { inputGrad: true })!.data);
  return relativeError(analytic, numericGradient(loss, x));
}
