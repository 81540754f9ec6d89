import { describe, expect, it } from "vitest";
import { UsageError, parseBenchArgs } from "./args.js";

describe("parseBenchArgs", () => {
  it("runs every experiment by default, with each experiment's own protocol", () => {
    expect(parseBenchArgs([])).toEqual({ experiments: [], quick: false, help: false });
  });

  it("reads experiment names and the documented flags, in either --flag value or --flag=value form", () => {
    expect(parseBenchArgs(["classification", "--quick", "--data-dir", "/d", "--out=/o", "--protocol", "reference", "--backend", "wasm", "--seeds", "10"])).toEqual({
      experiments: ["classification"],
      quick: true,
      dataDir: "/d",
      outDir: "/o",
      protocol: "reference",
      backend: "wasm",
      seeds: 10,
      help: false,
    });
  });

  it("ignores the -- separator pnpm may forward", () => {
    expect(parseBenchArgs(["--", "regression", "--quick"])).toMatchObject({ experiments: ["regression"], quick: true });
  });

  it("rejects unknown flags, missing values and bad numbers with a UsageError", () => {
    expect(() => parseBenchArgs(["--fast"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--out"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--seeds", "0"])).toThrow(/positive integer/);
    expect(() => parseBenchArgs(["--protocol", "numpy"])).toThrow(/nabla or reference/);
  });
});
