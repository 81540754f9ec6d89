import { describe, expect, it } from "vitest";
import { resolveDataDir } from "./data-dir.js";
import { DataDirNotSetError } from "./dataset-errors.js";

describe("resolveDataDir", () => {
  it("prefers the dataDir option over NABLA_DATA_DIR", () => {
    expect(resolveDataDir({ dataDir: "/explicit" }, { NABLA_DATA_DIR: "/from-env" })).toBe("/explicit");
  });

  it("falls back to NABLA_DATA_DIR", () => {
    expect(resolveDataDir({}, { NABLA_DATA_DIR: "/from-env" })).toBe("/from-env");
  });

  it("throws DataDirNotSetError naming both ways to set the folder when neither is given", () => {
    expect(() => resolveDataDir({}, {})).toThrow(DataDirNotSetError);
    expect(() => resolveDataDir({ dataDir: "" }, { NABLA_DATA_DIR: "" })).toThrow(/dataDir.*NABLA_DATA_DIR/);
  });
});
