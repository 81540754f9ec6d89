import { glibcLog } from "./glibc-log.js";
import type { FloatArray } from "../dtype.js";
import { MT19937_STATE_LENGTH, Mt19937, type Mt19937State } from "./mt19937.js";
import { GeneratorStateError, uint32Field, type RandomGenerator, type RandomGeneratorState } from "./random-generator.js";

const TWO_POW_53 = 9007199254740992;

/** The state as `RandomState.get_state()` reports it: key, pos, has_gauss, cached_gaussian. */
export interface NumpyRandomStateSnapshot extends Mt19937State {
  /** Whether a second normal of the last Box–Muller pair is waiting (NumPy's has_gauss). */
  hasGauss: boolean;
  /** That cached normal (NumPy's cached_gaussian). */
  gauss: number;
}

/**
 * NumPy's legacy `np.random.RandomState(seed)` stream, reproduced bit for bit: the same
 * MT19937 words, `random_sample`, `randn` (polar method with the cached second normal),
 * `binomial(1, p)` by inversion, and `permutation(n)`. It lets a Nabla run draw exactly the
 * weights, dropout masks and splits of the NumPy reference code for the same seed. Normals go
 * through a log, so they match NumPy as run on Linux x86-64 with glibc (see glibcLog below);
 * NumPy elsewhere (macOS, Windows) may itself differ in the last bit of a few normals.
 */
export class NumpyRandomState implements RandomGenerator {
  readonly algorithm = "nabla/numpy";
  /** NumPy's dropout masks are binomial draws from this stream; the reference protocol needs them element by element. */
  readonly masksFromStream = true;
  private readonly mt: Mt19937;
  private hasGauss = false;
  private gauss = 0;

  /** `seed` must be an integer in [0, 2^32 − 1], as for `np.random.seed`. */
  constructor(seed: number) {
    this.mt = new Mt19937(seed);
  }

  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** random_sample: 27 high bits then 26 more, a 53-bit double in [0, 1). */
  nextDouble(): number {
    const high = this.mt.nextUint32() >>> 5;
    const low = this.mt.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** legacy_gauss: each accepted pair yields two normals; the first is cached for the next call. */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  fillStandardNormal(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.standardNormal();
  }

  fillUniform(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.nextDouble();
  }

  /**
   * binomial(1, p, size): NumPy uses inversion for p ≤ 0.5 and counts failures (1 − inversion(1 − p))
   * above it, so the same uniform maps to opposite outcomes on either side of 0.5.
   */
  fillBernoulli(out: FloatArray, p: number): void {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`NumpyRandomState.fillBernoulli: p must be in [0, 1], got ${p}`);
    if (p <= 0.5) {
      const table = binomialInversionTable(1, p);
      for (let k = 0; k < out.length; k++) out[k] = this.binomialInversion(table);
    } else {
      const table = binomialInversionTable(1, 1 - p);
      for (let k = 0; k < out.length; k++) out[k] = 1 - this.binomialInversion(table);
    }
  }

  /** permutation(n): arange(n) shuffled by Fisher–Yates from the end, j = random_interval(i). */
  permutation(n: number): Int32Array {
    const result = new Int32Array(n);
    for (let i = 0; i < n; i++) result[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const swap = result[i];
      result[i] = result[j];
      result[j] = swap;
    }
    return result;
  }

  /**
   * random_interval(max): uniform integer in [0, max] by masking 32-bit words to the smallest
   * all-ones mask covering max and redrawing the ones above it. Supports max < 2^32.
   */
  randomInterval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
      throw new RangeError(`NumpyRandomState.randomInterval: max must be an integer in [0, 2**32 - 1], got ${max}`);
    }
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.mt.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** The full state, comparable with NumPy's `RandomState.get_state()`. */
  getState(): NumpyRandomStateSnapshot {
    return { ...this.mt.getState(), hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /** getState as plain JSON: the 624 key words, the position and the cached normal of legacy_gauss. */
  exportState(): RandomGeneratorState {
    const { key, pos } = this.mt.getState();
    return { algorithm: this.algorithm, key: Array.from(key), pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  importState(state: RandomGeneratorState): void {
    const key = uint32Field(state, this.algorithm, "key", MT19937_STATE_LENGTH);
    const field = (name: string): unknown => (Object.hasOwn(state, name) ? state[name] : undefined);
    const pos = field("pos");
    if (!Number.isInteger(pos) || (pos as number) < 0 || (pos as number) > MT19937_STATE_LENGTH) {
      throw new GeneratorStateError(this.algorithm, `"pos" must be an integer in [0, ${MT19937_STATE_LENGTH}]`);
    }
    const hasGauss = field("hasGauss");
    const gauss = field("gauss");
    if (typeof hasGauss !== "boolean" || typeof gauss !== "number") {
      throw new GeneratorStateError(this.algorithm, '"hasGauss" must be a boolean and "gauss" a number');
    }
    this.mt.setState({ key: Uint32Array.from(key), pos: pos as number });
    this.hasGauss = hasGauss;
    this.gauss = gauss;
  }

  /**
   * random_binomial_inversion: walk the pmf from X = 0, subtracting each probability from one
   * uniform; past `bound` the walk restarts with a fresh uniform (NumPy's guard against rounding).
   */
  private binomialInversion({ n, p, q, qn, bound }: BinomialInversionTable): number {
    let x = 0;
    let px = qn;
    let u = this.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = this.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }
}

/** The constants NumPy caches per (n, p) in its binomial_t, computed with the same expressions. */
interface BinomialInversionTable {
  n: number;
  p: number;
  q: number;
  qn: number;
  bound: number;
}

function binomialInversionTable(n: number, p: number): BinomialInversionTable {
  const q = 1 - p;
  const np = n * p;
  return {
    n,
    p,
    q,
    // Math.exp could differ from glibc's exp in the last bit (it agrees for p = 0.001, 0.002, …, 0.999),
    // which would matter only for a uniform landing exactly between the two.
    qn: Math.exp(n * glibcLog(q)),
    bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))),
  };
}
