import { ActivationModule, Tensor, Xoshiro128Generator, type ActivationFunction } from "@nabla/core";

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


/** Relative error of an activation's backward pass against finite differences of L = Σ g(z) ⊙ r (float64). */
export function activationGradientError(fn: ActivationFunction, values: number[]): number {
  const module = new ActivationModule(fn.name, fn);
  const z = Tensor.from(values, [1, values.length], { dtype: "float64" });
  const r = Tensor.zeros(z.shape, { dtype: "float64" });
  new Xoshiro128Generator(1).fillStandardNormal(r.data);
  const loss = () => {
    const a = module.forward(z);
    let sum = 0;
    for (let k = 0; k < a.size; k++) sum += a.data[k] * r.data[k];
    return sum;
  };
  module.forward(z);
  const analytic = Float64Array.from(module.backward(r)!.data);
  return relativeError(analytic, numericGradient(loss, z));
}
