type Numbers = ArrayLike<number>;
type FloatOutput = Float64Array | Float32Array;

// Below this bound a variance is rounding noise of a constant column (scikit-learn's _is_constant_feature).
const EPSILON = 2.220446049250313e-16;

/**
 * Per-column standardization, z = (x − mean) / scale, as scikit-learn's StandardScaler: population
 * standard deviation (ddof 0), and scale 1 for a constant column so it maps to 0 instead of NaN.
 */
export class StandardScaler {
  /** @param mean - Each column's mean. @param scale - Each column's population standard deviation (1 for a constant column). */
  constructor(readonly mean: Float64Array, readonly scale: Float64Array) {
    if (mean.length !== scale.length) throw new RangeError(`StandardScaler: ${mean.length} means but ${scale.length} scales`);
  }

  /** Number of columns it standardizes. */
  get cols(): number {
    return this.mean.length;
  }

  /** Standardizes a row-major [rows × cols] table into `out` (a new Float64Array by default). */
  transform<T extends FloatOutput = Float64Array>(features: Numbers, out?: T): T {
    const { cols, mean, scale } = this;
    if (features.length % cols !== 0) {
      throw new RangeError(`StandardScaler.transform: ${features.length} values are not whole rows of ${cols} columns`);
    }
    const result = out ?? (new Float64Array(features.length) as T);
    if (result.length !== features.length) {
      throw new RangeError(`StandardScaler.transform: out has ${result.length} elements, the input ${features.length}`);
    }
    for (let i = 0; i < features.length; i += cols) {
      for (let c = 0; c < cols; c++) result[i + c] = (features[i + c] - mean[c]) / scale[c];
    }
    return result;
  }
}

/**
 * Fits a StandardScaler to a row-major [rows × cols] table with scikit-learn's arithmetic: column
 * sums accumulated row by row in float64, mean = sum / n, and the corrected two-pass variance
 * (Σ(x − mean)² − (Σ(x − mean))² / n) / n of Chan, Golub and LeVeque. Bit for bit equal to
 * scikit-learn on C-ordered input (train_test_split's output is); NumPy sums a Fortran-ordered
 * array pairwise per column, so there the last bits can differ.
 */
export function fitStandardScaler(features: Numbers, rows: number, cols: number): StandardScaler {
  if (features.length !== rows * cols) {
    throw new RangeError(`fitStandardScaler: ${features.length} values do not make ${rows} rows × ${cols} columns`);
  }
  if (rows === 0) throw new RangeError("fitStandardScaler: no rows to fit");
  const mean = new Float64Array(cols);
  for (let i = 0; i < features.length; i += cols) {
    for (let c = 0; c < cols; c++) mean[c] += features[i + c];
  }
  for (let c = 0; c < cols; c++) mean[c] /= rows;

  const correction = new Float64Array(cols);
  const squares = new Float64Array(cols);
  for (let i = 0; i < features.length; i += cols) {
    for (let c = 0; c < cols; c++) {
      const d = features[i + c] - mean[c];
      correction[c] += d;
      squares[c] += d * d;
    }
  }
  const scale = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    const variance = (squares[c] - (correction[c] * correction[c]) / rows) / rows;
    const upperBound = rows * EPSILON * variance + (rows * mean[c] * EPSILON) ** 2;
    scale[c] = variance <= upperBound ? 1 : Math.sqrt(variance);
  }
  return new StandardScaler(mean, scale);
}
