import { describe, expect, it } from "vitest";
import { interleavedRounds, median, planEpochs } from "./timing.js";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("planEpochs", () => {
  const wanted = { warmup: 1, epochs: 5 };

  it("keeps the wanted plan when all its epochs fit the budget", () => {
    expect(planEpochs(10, 60, wanted)).toEqual(wanted);
  });

  it("drops the warm-up and times fewer epochs when the plan would overrun", () => {
    expect(planEpochs(100, 300, wanted)).toEqual({ warmup: 0, epochs: 3 });
    expect(planEpochs(190, 300, wanted)).toEqual({ warmup: 0, epochs: 1 });
  });

  it("keeps a required warm-up for systems that compile on their first step", () => {
    expect(planEpochs(100, 300, wanted, 1)).toEqual({ warmup: 1, epochs: 2 });
    expect(planEpochs(200, 300, wanted, 1)).toBeNull();
  });

  it("skips a configuration whose single epoch exceeds the budget", () => {
    expect(planEpochs(400, 300, wanted)).toBeNull();
  });
});

describe("interleavedRounds", () => {
  const plan = { warmup: 1, epochs: 5 };

  it("takes the most rounds whose warm-ups and shares of the epochs fit the budget", () => {
    // 3 rounds of 1 + 2 epochs: 9 epochs of 1 s.
    expect(interleavedRounds(1, 60, plan, 3)).toBe(3);
    // 9 × 5 s is over 40 s; 2 rounds of 1 + 3 epochs, 40 s, fit.
    expect(interleavedRounds(5, 40, plan, 3)).toBe(2);
  });

  it("falls back to one round when a second would overrun, and never splits finer than an epoch a round", () => {
    expect(interleavedRounds(7, 40, plan, 3)).toBe(1);
    expect(interleavedRounds(1, 60, { warmup: 0, epochs: 2 }, 3)).toBe(2);
    expect(interleavedRounds(1, 60, plan, 1)).toBe(1);
  });
});
