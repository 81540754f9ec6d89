import type { Backend } from "../backend/backend.js";
import type { Loss, Targets } from "../loss.js";
import type { Module } from "../module.js";
import { Xoshiro128Generator } from "../random/xoshiro128.js";
import { Tensor } from "../tensor.js";

// Finite-difference gradient checks for anyone writing a layer, activation or loss: compare a
// backward pass with central differences in float64 (relative errors below ~1e-6 are right).

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

/** A float64 tensor of standard normal values from a fixed seed, on `backend` (default: the default backend). */
export function randomTensor(shape: readonly number[], seed: number, backend?: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype: "float64", backend });
  new Xoshiro128Generator(seed).fillStandardNormal(t.data);
  return t;
}

/**
 * Relative errors of ∂L/∂x ("input") and of every parameter's gradient (by name) against finite
 * differences, for L = Σ module(x) ⊙ r with a fixed random r, so that ∂L/∂output = r.
 */
export function moduleGradientErrors(module: Module, x: Tensor, seed = 7): Record<string, number> {
  // On x's backend: the default may be a faster one that the module under test does not use.
  const r = randomTensor(module.forward(x).shape, seed, x.backend);
  const loss = () => {
    const out = module.forward(x);
    let sum = 0;
    for (let k = 0; k < out.size; k++) sum += out.data[k] * r.data[k];
    return sum;
  };
  module.forward(x);
  const inputGrad = Float64Array.from(module.backward(r, { inputGrad: true })!.data);
  const parameters = module.parameters();
  const analytic = parameters.map((p) => Float64Array.from(p.grad.data));
  const errors: Record<string, number> = { input: relativeError(inputGrad, numericGradient(loss, x)) };
  parameters.forEach((p, i) => {
    errors[p.name] = relativeError(analytic[i], numericGradient(loss, p.value));
  });
  return errors;
}

/** Relative error of each parameter's gradient (keyed "index:name") for a network trained with `loss`. */
export function networkGradientErrors(network: Module, loss: Loss, x: Tensor, targets: Targets): Record<string, number> {
  const value = () => loss.forward(network.forward(x), targets);
  value();
  network.backward(loss.backward(), { inputGrad: false });
  const analytic = network.parameters().map((p) => Float64Array.from(p.grad.data));
  const errors: Record<string, number> = {};
  network.parameters().forEach((p, i) => {
    errors[`${i}:${p.name}`] = relativeError(analytic[i], numericGradient(value, p.value));
  });
  return errors;
}
