import { expF64, logF64 } from "./math";
import { loadOne, loadPair, storeOne, storePair } from "./pairs";

function meanSquaredErrorT<T>(pred: usize, target: usize, grad: usize, n: i32): f64 {
  let sum = f64x2.splat(0.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const d = f64x2.sub(loadPair<T>(pred, i), loadPair<T>(target, i));
    sum = f64x2.add(sum, f64x2.mul(d, d));
  }
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  if (i < n) {
    const d = <f64>load<T>(pred + (<usize>i << alignof<T>())) - <f64>load<T>(target + (<usize>i << alignof<T>()));
    total += d * d;
  }
  if (grad) {
    // Equation (14): ∂L/∂a = 2(a − y)/N
    const factor = f64x2.splat(2 / <f64>n);
    let j = 0;
    for (; j + 2 <= n; j += 2) storePair<T>(grad, j, f64x2.mul(factor, f64x2.sub(loadPair<T>(pred, j), loadPair<T>(target, j))));
    if (j < n) storeOne<T>(grad, j, f64x2.mul(factor, f64x2.sub(loadOne<T>(pred, j), loadOne<T>(target, j))));
  }
  return total / <f64>n;
}

// Per row: log-sum-exp shifted by the row maximum, then −log softmax at the label.
function softmaxCrossEntropyT<T>(logits: usize, labels: usize, grad: usize, rows: i32, cols: i32): f64 {
  const ES = sizeof<T>();
  let total: f64 = 0;
  for (let i = 0; i < rows; i++) {
    const row = logits + <usize>(i * cols) * ES;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = <f64>load<T>(row + <usize>j * ES);
      if (v > max) max = v;
    }
    let sumExp: f64 = 0;
    for (let j = 0; j < cols; j++) sumExp += expF64(<f64>load<T>(row + <usize>j * ES) - max);
    const logSumExp = max + logF64(sumExp);
    const label = load<i32>(labels + (<usize>i << 2));
    total += logSumExp - <f64>load<T>(row + <usize>label * ES);
    if (grad) {
      // Equation (17): ∂L/∂a = (softmax − onehot)/N
      const gradRow = grad + <usize>(i * cols) * ES;
      for (let j = 0; j < cols; j++) {
        const p = expF64(<f64>load<T>(row + <usize>j * ES) - logSumExp);
        store<T>(gradRow + <usize>j * ES, <T>((p - (j == label ? 1.0 : 0.0)) / <f64>rows));
      }
    }
  }
  return total / <f64>rows;
}

// The first index of each row's maximum; NaN never compares greater, as in the reference.
function argmaxRowsT<T>(x: usize, rows: i32, cols: i32, out: usize): void {
  const ES = sizeof<T>();
  for (let i = 0; i < rows; i++) {
    const row = x + <usize>(i * cols) * ES;
    let best = 0;
    let bestValue = load<T>(row);
    for (let j = 1; j < cols; j++) {
      const v = load<T>(row + <usize>j * ES);
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    store<i32>(out + (<usize>i << 2), best);
  }
}

/** Mean of (pred − target)²; writes 2(pred − target)/n into grad unless grad is 0. */
export function meanSquaredError(isF64: bool, pred: usize, target: usize, grad: usize, n: i32): f64 {
  return isF64 ? meanSquaredErrorT<f64>(pred, target, grad, n) : meanSquaredErrorT<f32>(pred, target, grad, n);
}

/** Mean over rows of −log softmax(logits)[label]; writes (softmax − onehot)/rows into grad unless grad is 0. */
export function softmaxCrossEntropy(isF64: bool, logits: usize, labels: usize, grad: usize, rows: i32, cols: i32): f64 {
  return isF64
    ? softmaxCrossEntropyT<f64>(logits, labels, grad, rows, cols)
    : softmaxCrossEntropyT<f32>(logits, labels, grad, rows, cols);
}

/** out[i] (i32) = index of the largest element of row i. */
export function argmaxRows(isF64: bool, x: usize, rows: i32, cols: i32, out: usize): void {
  if (isF64) argmaxRowsT<f64>(x, rows, cols, out);
  else argmaxRowsT<f32>(x, rows, cols, out);
}
