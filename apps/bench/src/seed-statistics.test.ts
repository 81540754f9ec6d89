import { describe, expect, it } from "vitest";
import { judgeClaim, summarizeSeeds } from "./seed-statistics.js";

describe("summarizeSeeds", () => {
  it("gives the mean, the sample sd and a Student-t 95% interval", () => {
    // mean 3, sd √2.5; t(0.975, 4) = 2.776 → half-width 2.776·√2.5/√5 = 1.96292
    const summary = summarizeSeeds([1, 2, 3, 4, 5]);
    expect(summary.mean).toBe(3);
    expect(summary.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(summary.high - summary.mean).toBeCloseTo(2.776 * Math.sqrt(2.5 / 5), 12);
    expect(summary.low).toBeCloseTo(3 - 2.776 * Math.sqrt(0.5), 12);
  });

  it("has no interval for a single seed", () => {
    expect(Number.isNaN(summarizeSeeds([2]).low)).toBe(true);
  });
});

describe("judgeClaim", () => {
  it("upholds 'a is better' only when the whole interval is above zero", () => {
    expect(judgeClaim("a-better", summarizeSeeds([0.2, 0.3, 0.25]))).toBe("holds");
    expect(judgeClaim("a-better", summarizeSeeds([-0.2, 0.3, 0.05]))).toBe("not resolved");
    expect(judgeClaim("a-better", summarizeSeeds([-0.2, -0.3, -0.25]))).toBe("does not hold");
  });

  it("upholds 'similar' when the interval contains zero", () => {
    expect(judgeClaim("similar", summarizeSeeds([-0.01, 0.02, 0.0]))).toBe("holds");
    expect(judgeClaim("similar", summarizeSeeds([0.1, 0.11, 0.12]))).toBe("does not hold");
  });
});
