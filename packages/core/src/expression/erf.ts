// erf in float64 for the reference evaluation of expressions (JavaScript has no Math.erf).
//
// |x| < 3: erf x = (2/√π)·e^{−x²}·Σ_n 2^n x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz and Stegun
// 7.1.6), a series of positive terms, so it loses nothing to cancellation.
// |x| ≥ 3: erf x = 1 − erfc x with erfc x = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …))))
// (A&S 7.1.14), a continued fraction evaluated from the tail; erfc(3) ≈ 2e−5, so its error
// reaches erf only far below the last bit. Past |x| = 6, erf x is ±1 in double precision.

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  let tail = x;
  for (let n = 60; n >= 1; n--) tail = x + n / 2 / tail;
  return (Math.exp(-x * x) * ONE_OVER_SQRT_PI) / tail;
}

/** The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt, within a few ulps; odd, ±1 at ±Infinity, NaN for NaN. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 6)) return Number.isNaN(x) ? x : Math.sign(x);
  const value = ax < 3 ? erfSeries(ax) : 1 - erfcContinuedFraction(ax);
  // x === 0 keeps the sign of −0.
  return x < 0 ? -value : x === 0 ? x : value;
}
