import type { FloatArray } from "../dtype.js";

/**
 * A seeded stream of random numbers. Everything random in Nabla (weight init, dropout masks,
 * shuffles, splits) draws from one of these, so a seed fixes every number of a run.
 * Fill methods draw in index order, so `fillStandardNormal` on a row-major [in, out] array
 * matches drawing a matrix of that shape element by element.
 */
export interface RandomGenerator {
  /** The registry name of the algorithm (e.g. "nabla/xoshiro128", "nabla/numpy"). */
  readonly algorithm: string;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1). */
  nextDouble(): number;
  /** A standard normal draw. */
  standardNormal(): number;
  /** Fills `out` with standard normal draws, in index order. */
  fillStandardNormal(out: FloatArray): void;
  /** Fills `out` with uniform draws in [0, 1), in index order. */
  fillUniform(out: FloatArray): void;
  /** Each element 1 with probability p, else 0 (NumPy's binomial(1, p)). */
  fillBernoulli(out: FloatArray, p: number): void;
  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array;
}
