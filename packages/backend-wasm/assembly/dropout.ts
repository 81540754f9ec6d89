// Inverted dropout with its mask drawn from Philox4x32-10, as @nabla/core's DropoutMask defines it:
// element k is kept when word k mod 4 of the block ⌊k/4⌋ under the key is at most keepMax. Only
// 32-bit integer arithmetic (and 64-bit products of 32-bit words) decides the mask, so it is the
// reference's bit for bit. One block per step on the calling thread: a mask is cheap beside the
// Linear layers around it.

const MULTIPLIER_0: u64 = 0xd2511f53;
const MULTIPLIER_1: u64 = 0xcd9e8d57;
const KEY_STEP_0: u32 = 0x9e3779b9;
const KEY_STEP_1: u32 = 0xbb67ae85;

@inline function keepOrDrop<T>(x: usize, mask: usize, out: usize, k: i32, n: i32, word: u32, keepMax: u32, kept: T): void {
  if (k >= n) return;
  const off = <usize>k * sizeof<T>();
  const m: T = word <= keepMax ? kept : <T>0;
  store<T>(mask + off, m);
  store<T>(out + off, load<T>(x + off) * m);
}

function dropoutT<T>(x: usize, mask: usize, out: usize, n: i32, key0: u32, key1: u32, keepMax: u32, scale: f64): void {
  const kept = <T>scale;
  // n < 2³¹, so the block number fits the counter's first word and the second stays 0.
  for (let k: i32 = 0; k < n; k += 4) {
    let c0 = <u32>(k >>> 2), c1: u32 = 0, c2: u32 = 0, c3: u32 = 0;
    let k0 = key0, k1 = key1;
    for (let round = 0; round < 10; round++) {
      const product0 = MULTIPLIER_0 * <u64>c0;
      const product1 = MULTIPLIER_1 * <u64>c2;
      const next0 = <u32>(product1 >>> 32) ^ c1 ^ k0;
      const next2 = <u32>(product0 >>> 32) ^ c3 ^ k1;
      c1 = <u32>product1;
      c3 = <u32>product0;
      c0 = next0;
      c2 = next2;
      k0 += KEY_STEP_0;
      k1 += KEY_STEP_1;
    }
    keepOrDrop<T>(x, mask, out, k, n, c0, keepMax, kept);
    keepOrDrop<T>(x, mask, out, k + 1, n, c1, keepMax, kept);
    keepOrDrop<T>(x, mask, out, k + 2, n, c2, keepMax, kept);
    keepOrDrop<T>(x, mask, out, k + 3, n, c3, keepMax, kept);
  }
}

export function dropout(isF64: bool, x: usize, mask: usize, out: usize, n: i32, key0: u32, key1: u32, keepMax: u32, scale: f64): void {
  if (isF64) dropoutT<f64>(x, mask, out, n, key0, key1, keepMax, scale);
  else dropoutT<f32>(x, mask, out, n, key0, key1, keepMax, scale);
}
