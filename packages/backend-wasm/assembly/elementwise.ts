import { loadOne, loadPair, storeOne, storePair } from "./pairs";

// Kernels of one rounding step (add, multiply) run in the storage type, 16 bytes at a time; those
// mixing in a JavaScript double (scale, the optimizer steps) run in f64 pairs and round once.

@inline function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

function addRowVectorT<T>(x: usize, row: usize, out: usize, rows: i32, cols: i32): void {
  const L = lanes<T>();
  const rowBytes = <usize>cols * sizeof<T>();
  for (let i = 0; i < rows; i++) {
    const xi = x + <usize>i * rowBytes, oi = out + <usize>i * rowBytes;
    let j = 0;
    for (; j + L <= cols; j += L) {
      const off = <usize>j * sizeof<T>();
      v128.store(oi + off, v128.add<T>(v128.load(xi + off), v128.load(row + off)));
    }
    for (; j < cols; j++) {
      const off = <usize>j * sizeof<T>();
      store<T>(oi + off, load<T>(xi + off) + load<T>(row + off));
    }
  }
}

// Rows are added one after another into out, in the storage type, as the reference backend does.
function sumRowsT<T>(x: usize, out: usize, rows: i32, cols: i32): void {
  const L = lanes<T>();
  const rowBytes = <usize>cols * sizeof<T>();
  memory.fill(out, 0, rowBytes);
  for (let i = 0; i < rows; i++) {
    const xi = x + <usize>i * rowBytes;
    let j = 0;
    for (; j + L <= cols; j += L) {
      const off = <usize>j * sizeof<T>();
      v128.store(out + off, v128.add<T>(v128.load(out + off), v128.load(xi + off)));
    }
    for (; j < cols; j++) {
      const off = <usize>j * sizeof<T>();
      store<T>(out + off, load<T>(out + off) + load<T>(xi + off));
    }
  }
}

function multiplyT<T>(a: usize, b: usize, out: usize, n: i32): void {
  const L = lanes<T>();
  let i = 0;
  for (; i + L <= n; i += L) {
    const off = <usize>i * sizeof<T>();
    v128.store(out + off, v128.mul<T>(v128.load(a + off), v128.load(b + off)));
  }
  for (; i < n; i++) {
    const off = <usize>i * sizeof<T>();
    store<T>(out + off, load<T>(a + off) * load<T>(b + off));
  }
}

function scaleT<T>(x: usize, alpha: f64, out: usize, n: i32): void {
  const a = f64x2.splat(alpha);
  let i = 0;
  for (; i + 2 <= n; i += 2) storePair<T>(out, i, f64x2.mul(a, loadPair<T>(x, i)));
  if (i < n) storeOne<T>(out, i, f64x2.mul(a, loadOne<T>(x, i)));
}

function sgdUpdateT<T>(param: usize, grad: usize, lr: f64, n: i32): void {
  const rate = f64x2.splat(lr);
  let i = 0;
  for (; i + 2 <= n; i += 2) storePair<T>(param, i, f64x2.sub(loadPair<T>(param, i), f64x2.mul(rate, loadPair<T>(grad, i))));
  if (i < n) storeOne<T>(param, i, f64x2.sub(loadOne<T>(param, i), f64x2.mul(rate, loadOne<T>(grad, i))));
}

// One Adam step on the pairs at element i, equations (19)–(22). The moments are stored before the
// bias-corrected estimates read them back, so float32 moments are rounded where the reference rounds.
// stepSize = lr / (1 − β1^t) and inverseCorrection2 = 1 / (1 − β2^t) come once per step: one
// division and one square root per pair instead of three divisions, which bound the whole step
// (the divider is the slowest unit in it), each product within an ulp of a double of the reference's.
@inline function adamPair<T>(
  param: usize, grad: usize, m: usize, v: usize, i: i32, one: bool,
  beta1: f64, beta2: f64, eps: f64, stepSize: f64, inverseCorrection2: f64,
): void {
  const g = one ? loadOne<T>(grad, i) : loadPair<T>(grad, i);
  const mOld = one ? loadOne<T>(m, i) : loadPair<T>(m, i);
  const vOld = one ? loadOne<T>(v, i) : loadPair<T>(v, i);
  const mNew = f64x2.add(f64x2.mul(f64x2.splat(beta1), mOld), f64x2.mul(f64x2.splat(1 - beta1), g));
  const vNew = f64x2.add(f64x2.mul(f64x2.splat(beta2), vOld), f64x2.mul(f64x2.mul(f64x2.splat(1 - beta2), g), g));
  if (one) {
    storeOne<T>(m, i, mNew);
    storeOne<T>(v, i, vNew);
  } else {
    storePair<T>(m, i, mNew);
    storePair<T>(v, i, vNew);
  }
  const mStored = one ? loadOne<T>(m, i) : loadPair<T>(m, i);
  const rootVHat = f64x2.sqrt(f64x2.mul(one ? loadOne<T>(v, i) : loadPair<T>(v, i), f64x2.splat(inverseCorrection2)));
  const w = one ? loadOne<T>(param, i) : loadPair<T>(param, i);
  const step = f64x2.div(f64x2.mul(f64x2.splat(stepSize), mStored), f64x2.add(rootVHat, f64x2.splat(eps)));
  if (one) storeOne<T>(param, i, f64x2.sub(w, step));
  else storePair<T>(param, i, f64x2.sub(w, step));
}

function adamUpdateT<T>(
  param: usize, grad: usize, m: usize, v: usize, n: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, correction1: f64, correction2: f64,
): void {
  const stepSize = lr / correction1;
  const inverseCorrection2 = 1 / correction2;
  let i = 0;
  for (; i + 2 <= n; i += 2) adamPair<T>(param, grad, m, v, i, false, beta1, beta2, eps, stepSize, inverseCorrection2);
  if (i < n) adamPair<T>(param, grad, m, v, i, true, beta1, beta2, eps, stepSize, inverseCorrection2);
}

// x − x is 0 for finite x and NaN for ±Infinity and NaN, so one comparison finds both.
function allFiniteT<T>(x: usize, n: i32): bool {
  const L = lanes<T>();
  let bad = v128.splat<i32>(0);
  let i = 0;
  for (; i + L <= n; i += L) {
    const v = v128.load(x + <usize>i * sizeof<T>());
    const d = v128.sub<T>(v, v);
    bad = v128.or(bad, v128.ne<T>(d, d));
  }
  if (v128.any_true(bad)) return false;
  for (; i < n; i++) {
    const v = load<T>(x + <usize>i * sizeof<T>());
    if (v - v != 0) return false;
  }
  return true;
}

/** out[i, j] = x[i, j] + row[j] */
export function addRowVector(isF64: bool, x: usize, row: usize, out: usize, rows: i32, cols: i32): void {
  if (isF64) addRowVectorT<f64>(x, row, out, rows, cols);
  else addRowVectorT<f32>(x, row, out, rows, cols);
}

/** out[j] = Σ_i x[i, j] */
export function sumRows(isF64: bool, x: usize, out: usize, rows: i32, cols: i32): void {
  if (isF64) sumRowsT<f64>(x, out, rows, cols);
  else sumRowsT<f32>(x, out, rows, cols);
}

/** out = a ⊙ b */
export function multiply(isF64: bool, a: usize, b: usize, out: usize, n: i32): void {
  if (isF64) multiplyT<f64>(a, b, out, n);
  else multiplyT<f32>(a, b, out, n);
}

/** out = alpha · x */
export function scale(isF64: bool, x: usize, alpha: f64, out: usize, n: i32): void {
  if (isF64) scaleT<f64>(x, alpha, out, n);
  else scaleT<f32>(x, alpha, out, n);
}

/** param ← param − lr · grad */
export function sgdUpdate(isF64: bool, param: usize, grad: usize, lr: f64, n: i32): void {
  if (isF64) sgdUpdateT<f64>(param, grad, lr, n);
  else sgdUpdateT<f32>(param, grad, lr, n);
}

/** One bias-corrected Adam step; correction1 = 1 − β1^t and correction2 = 1 − β2^t. */
export function adamUpdate(
  isF64: bool, param: usize, grad: usize, m: usize, v: usize, n: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, correction1: f64, correction2: f64,
): void {
  if (isF64) adamUpdateT<f64>(param, grad, m, v, n, lr, beta1, beta2, eps, correction1, correction2);
  else adamUpdateT<f32>(param, grad, m, v, n, lr, beta1, beta2, eps, correction1, correction2);
}

/** 1 when no element is NaN or ±Infinity, else 0. */
export function allFinite(isF64: bool, x: usize, n: i32): bool {
  return isF64 ? allFiniteT<f64>(x, n) : allFiniteT<f32>(x, n);
}
