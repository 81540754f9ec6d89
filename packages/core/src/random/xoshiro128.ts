import type { FloatArray } from "../dtype.js";
import { GeneratorStateError, uint32Field, type RandomGenerator, type RandomGeneratorState } from "./random-generator.js";

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** SplitMix32 spreads a small seed over the 128-bit state (xoshiro must not start all-zero). */
function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Nabla's default generator: xoshiro128** (Blackman and Vigna). Only 32-bit integer arithmetic,
 * so the stream is identical on every platform; normals use the Marsaglia polar method, whose
 * Math.log and Math.sqrt are the same in every V8 build.
 */
export class Xoshiro128Generator implements RandomGenerator {
  readonly algorithm = "nabla/xoshiro128";
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    const next = splitMix32(seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  nextDouble(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  standardNormal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.spareNormal = f * x1;
    return f * x2;
  }

  fillStandardNormal(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.standardNormal();
  }

  fillUniform(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.nextDouble();
  }

  fillBernoulli(out: FloatArray, p: number): void {
    // One 32-bit word per element: the mask is the hot random draw of dropout training.
    const threshold = p * TWO_POW_32;
    for (let k = 0; k < out.length; k++) out[k] = this.nextUint32() < threshold ? 1 : 0;
  }

  permutation(n: number): Int32Array {
    const result = new Int32Array(n);
    for (let i = 0; i < n; i++) result[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.boundedBelow(i + 1);
      const swap = result[i];
      result[i] = result[j];
      result[j] = swap;
    }
    return result;
  }

  /** The four state words and the cached second normal of the polar method (null when none is cached). */
  exportState(): RandomGeneratorState {
    return { algorithm: this.algorithm, words: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0], spareNormal: this.spareNormal ?? null };
  }

  importState(state: RandomGeneratorState): void {
    const words = uint32Field(state, this.algorithm, "words", 4);
    const spare = Object.hasOwn(state, "spareNormal") ? state.spareNormal : undefined;
    if (spare !== null && typeof spare !== "number") throw new GeneratorStateError(this.algorithm, '"spareNormal" must be a number or null');
    if (words.every((word) => word === 0)) throw new GeneratorStateError(this.algorithm, "an all-zero state never leaves zero");
    [this.s0, this.s1, this.s2, this.s3] = words.map((word) => word | 0);
    this.spareNormal = spare ?? undefined;
  }

  /** Uniform integer in [0, bound): words past the last whole multiple of bound are redrawn, so no residue is favoured. */
  private boundedBelow(bound: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % bound;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
