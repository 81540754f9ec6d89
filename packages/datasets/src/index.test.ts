import { getDefaultRegistry } from "@nabla/core";
import { describe, expect, it } from "vitest";
import * as datasets from "./index.js";

describe("@nabla/datasets entry point", () => {
  it("registers its plugin in the default registry on import", () => {
    expect(getDefaultRegistry().pluginOf("dataset", "cifar10")).toBe(datasets.datasetsPlugin);
    expect(getDefaultRegistry().has("dataset", "nabla/california-housing")).toBe(true);
  });

  it("exports the loaders, readers and preprocessing", () => {
    for (const name of [
      "loadCaliforniaHousing",
      "loadCifar10",
      "readCifar10Batch",
      "readCsv",
      "readNpy",
      "readNpz",
      "writeNpy",
      "trainTestSplit",
      "fitStandardScaler",
      "resolveDataDir",
      "ensureDatasetFiles",
    ]) {
      expect(typeof (datasets as Record<string, unknown>)[name]).toBe("function");
    }
  });
});
