import { describe, expect, it } from "vitest";
import { defaultDataDir, resolveDataDir } from "./data-dir.js";
import { DataDirNotSetError } from "./dataset-errors.js";

const home = () => "/home/ada";

describe("resolveDataDir", () => {
  it("prefers the dataDir option over NABLA_DATA_DIR", () => {
    expect(resolveDataDir({ dataDir: "/explicit" }, { NABLA_DATA_DIR: "/from-env" }, home)).toBe("/explicit");
  });

  it("falls back to NABLA_DATA_DIR", () => {
    expect(resolveDataDir({}, { NABLA_DATA_DIR: "/from-env" }, home)).toBe("/from-env");
  });

  it("falls back to the per-user cache when neither is given, counting empty strings as unset", () => {
    expect(resolveDataDir({ dataDir: "" }, { NABLA_DATA_DIR: "" }, home)).toBe("/home/ada/.cache/nabla");
  });
});

describe("defaultDataDir", () => {
  it("is $XDG_CACHE_HOME/nabla where XDG_CACHE_HOME is set", () => {
    expect(defaultDataDir({ XDG_CACHE_HOME: "/var/cache/ada" }, home)).toBe("/var/cache/ada/nabla");
  });

  it("is ~/.cache/nabla otherwise, ignoring a relative XDG_CACHE_HOME as the XDG spec says", () => {
    expect(defaultDataDir({}, home)).toBe("/home/ada/.cache/nabla");
    expect(defaultDataDir({ XDG_CACHE_HOME: "cache" }, home)).toBe("/home/ada/.cache/nabla");
  });

  it("throws DataDirNotSetError naming every way to set the folder where there is no home folder", () => {
    const noHome = () => {
      throw new Error("ENOENT: no such user");
    };
    expect(() => defaultDataDir({}, noHome)).toThrow(DataDirNotSetError);
    expect(() => defaultDataDir({}, () => "")).toThrow(/dataDir.*NABLA_DATA_DIR.*XDG_CACHE_HOME/);
  });
});
