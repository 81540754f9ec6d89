import { philox4x32 } from "./philox.js";

/**
 * What decides one dropout mask drawn inside a backend (`Backend.dropout`). Element k is kept when
 * word k mod 4 of Philox4x32-10 at counter (⌊k/4⌋ mod 2³², ⌊k/4⌋ / 2³², 0, 0) under `key` is at
 * most `keepMax`; then mask[k] = `scale`, else 0. The mask depends on nothing else (not the
 * thread count, the instruction set or the dtype), so every backend draws the same one.
 */
export interface DropoutMask {
  /** Philox's key: two unsigned 32-bit words, drawn afresh for each mask from the model's generator. */
  readonly key: readonly [number, number];
  /** The largest kept word, ⌈(1 − p)·2³²⌉ − 1: a word is kept with probability 1 − p, to within 2⁻³². */
  readonly keepMax: number;
  /** A kept element's mask value, 1/(1 − p) (inverted dropout), rounded to the dtype where stored. */
  readonly scale: number;
}

/** The mask of inverted dropout with drop probability p ∈ (0, 1) under a Philox key. */
export function dropoutMask(p: number, key: readonly [number, number]): DropoutMask {
  if (!(p > 0 && p < 1)) throw new RangeError(`dropoutMask: p must be in (0, 1), got ${p}`);
  for (const word of key) {
    if (!Number.isInteger(word) || word < 0 || word > 0xffffffff) throw new RangeError(`dropoutMask: key words must be unsigned 32-bit integers, got ${word}`);
  }
  // (1 − p)·2³² is exact in a double, so the ceiling is too; a word w < (1 − p)·2³² exactly when w ≤ keepMax.
  return { key, keepMax: Math.ceil((1 - p) * 4294967296) - 1, scale: 1 / (1 - p) };
}

/**
 * The readable definition every backend must reproduce: mask[k] as `DropoutMask` states it for
 * k = 0 … mask.length − 1, and out[k] = x[k] · mask[k] in the arrays' own precision.
 */
export function applyDropoutMask(x: ArrayLike<number>, mask: { [k: number]: number; length: number }, out: { [k: number]: number }, draw: DropoutMask): void {
  const words = new Uint32Array(4);
  const [k0, k1] = draw.key;
  for (let k = 0; k < mask.length; k++) {
    if (k % 4 === 0) {
      const block = k / 4;
      philox4x32(block >>> 0, Math.floor(block / 4294967296), 0, 0, k0, k1, words);
    }
    mask[k] = words[k % 4] <= draw.keepMax ? draw.scale : 0;
    // Reading mask[k] back gives the stored (rounded) value, as multiply would see it.
    out[k] = x[k] * mask[k];
  }
}
