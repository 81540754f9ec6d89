import { describe, expect, it } from "vitest";
import { median, planEpochs } from "./timing.js";

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
