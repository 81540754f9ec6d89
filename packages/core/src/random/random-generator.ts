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
  /**
   * True when a dropout mask must be this stream's own `fillBernoulli` draws: NumPy's generator,
   * whose binomial(1, 1 − p, size) the reference protocol reproduces. Otherwise Dropout takes two
   * `nextUint32` words per mask as a Philox key and the backend draws the mask (`ops.dropout`).
   */
  readonly masksFromStream?: boolean;
  /** Each element 1 with probability p, else 0 (NumPy's binomial(1, p)). */
  fillBernoulli(out: FloatArray, p: number): void;
  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array;
  /**
   * The generator's place in its stream as plain JSON (a checkpoint stores it). Optional: a
   * generator without it trains as usual but cannot be saved in a checkpoint.
   */
  exportState?(): RandomGeneratorState;
  /** Continues the stream from a state `exportState` returned; throws GeneratorStateError for a state of another shape. */
  importState?(state: RandomGeneratorState): void;
}

/** A generator's position in its stream, JSON-serializable; `algorithm` names the generator that wrote it. */
export interface RandomGeneratorState {
  /** The generator that wrote it (`RandomGenerator.algorithm`); importing into another is refused. */
  readonly algorithm: string;
  readonly [field: string]: unknown;
}

/** A state handed to `importState` that the generator cannot continue from (another algorithm, a missing or malformed field). */
export class GeneratorStateError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "GeneratorStateError";
  constructor(
    /** The generator the state was imported into. */
    readonly algorithm: string,
    /** What does not fit, for people. */
    readonly problem: string,
  ) {
    super(`${algorithm}: cannot restore the generator state: ${problem}`);
  }
}

/** Checks that `state` was written by `algorithm` and that `field` is a list of `length` 32-bit unsigned integers. */
export function uint32Field(state: RandomGeneratorState, algorithm: string, field: string, length: number): number[] {
  if (state.algorithm !== algorithm) throw new GeneratorStateError(algorithm, `the state is for ${JSON.stringify(state.algorithm)}`);
  const value = Object.hasOwn(state, field) ? state[field] : undefined;
  if (!Array.isArray(value) || value.length !== length || !value.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff)) {
    throw new GeneratorStateError(algorithm, `"${field}" must be ${length} unsigned 32-bit integers`);
  }
  return value;
}
