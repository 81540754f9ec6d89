import { describe, expect, it } from "vitest";
import { benchCommand, resultsFolder, runSettingsEnv, runSettingsFromEnv } from "./run-settings.js";

describe("run settings", () => {
  it("survive the trip through turbo's environment", () => {
    const settings = { backend: "wasm", protocol: "reference" as const, seeds: 5, epochs: 3, quick: true };
    expect(runSettingsFromEnv(runSettingsEnv(settings), true)).toEqual(settings);
    expect(runSettingsFromEnv(runSettingsEnv({ backend: "native", quick: false }), false)).toEqual({ backend: "native", quick: false });
  });

  it("put a changed protocol or epoch count in its own folder so committed results are never overwritten", () => {
    expect(resultsFolder({ backend: "native", quick: false }, "nabla")).toBe("results");
    expect(resultsFolder({ backend: "native", quick: false, protocol: "nabla" }, "nabla")).toBe("results");
    expect(resultsFolder({ backend: "native", quick: true }, "nabla")).toBe("results-quick");
    expect(resultsFolder({ backend: "native", quick: false, protocol: "reference", epochs: 5 }, "nabla")).toBe("results/reference-epochs-5");
  });

  it("record the command that reproduces a run", () => {
    expect(benchCommand("regression", { backend: "native", quick: true, protocol: "reference" })).toBe("pnpm bench regression --quick --protocol reference --backend native");
  });
});
