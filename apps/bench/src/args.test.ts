import { describe, expect, it } from "vitest";
import { UsageError, parseArgs } from "./args.js";

describe("parseArgs", () => {
  it("runs both tasks by default with the nabla protocol", () => {
    expect(parseArgs([])).toEqual({ tasks: ["regression", "classification"], quick: false, protocol: "nabla" });
  });

  it("reads the documented flags, in either --flag value or --flag=value form", () => {
    expect(parseArgs(["classification", "--quick", "--data-dir", "/d", "--out=/o", "--protocol", "reference", "--backend", "wasm", "--seeds", "10"])).toEqual({
      tasks: ["classification"],
      quick: true,
      dataDir: "/d",
      outDir: "/o",
      protocol: "reference",
      backend: "wasm",
      seeds: 10,
    });
  });

  it("rejects unknown arguments, missing values and bad numbers with a UsageError", () => {
    expect(() => parseArgs(["regresion"])).toThrow(UsageError);
    expect(() => parseArgs(["--out"])).toThrow(/--out needs a value/);
    expect(() => parseArgs(["--seeds", "0"])).toThrow(/positive integer/);
    expect(() => parseArgs(["--protocol", "numpy"])).toThrow(/nabla or reference/);
  });
});
