// Elementwise kernels compute in f64 two lanes at a time whatever the storage type, and round once
// when storing: a float32 result then equals the reference backend's, which computes in JavaScript
// doubles and rounds on assignment into a Float32Array.

/** Elements [i, i + 1] of T storage at ptr, widened to an f64x2. */
@inline export function loadPair<T>(ptr: usize, i: i32): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(ptr + (<usize>i << 2)));
  return v128.load(ptr + (<usize>i << 3));
}

/** Stores both lanes of an f64x2 as elements [i, i + 1] of T storage, rounding to nearest for f32. */
@inline export function storePair<T>(ptr: usize, i: i32, value: v128): void {
  if (sizeof<T>() == 4) v128.store64_lane(ptr + (<usize>i << 2), f32x4.demote_f64x2_zero(value), 0);
  else v128.store(ptr + (<usize>i << 3), value);
}

/** Element i of T storage, splatted into both lanes: the odd last element of a pair loop. */
@inline export function loadOne<T>(ptr: usize, i: i32): v128 {
  return f64x2.splat(<f64>load<T>(ptr + (<usize>i << alignof<T>())));
}

/** Stores lane 0 as element i of T storage. */
@inline export function storeOne<T>(ptr: usize, i: i32, value: v128): void {
  store<T>(ptr + (<usize>i << alignof<T>()), <T>f64x2.extract_lane(value, 0));
}
