// Student-t quantiles t(0.975, df) for df = 1..30; past 30 the normal 1.96 is within 2%.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface SeedSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** 95% confidence interval for the mean (Student t). */
  low: number;
  high: number;
}

export function summarizeSeeds(values: readonly number[]): SeedSummary {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, sd: NaN, low: NaN, high: NaN };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = (T_975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { n, mean, sd, low: mean - half, high: mean + half };
}

export type Expectation = "similar" | "a-better";
export type Verdict = "holds" | "does not hold" | "not resolved";

/**
 * Whether a claim about two models survives seed noise, from the paired differences
 * (a − b, signed so that positive means a is better): "a is better" holds when the whole 95%
 * interval is above zero, "similar" holds when the interval contains zero.
 */
export function judgeClaim(expectation: Expectation, difference: SeedSummary): Verdict {
  if (Number.isNaN(difference.low)) return "not resolved";
  const containsZero = difference.low <= 0 && difference.high >= 0;
  if (expectation === "similar") return containsZero ? "holds" : "does not hold";
  if (difference.low > 0) return "holds";
  return difference.high < 0 ? "does not hold" : "not resolved";
}
