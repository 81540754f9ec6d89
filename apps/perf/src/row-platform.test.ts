import { createReferenceBackend } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { machineInfo } from "./machine-info.js";
import { rowPlatform } from "./row-platform.js";

describe("rowPlatform", () => {
  it("records the machine's CPU and the native backend's instruction set path", () => {
    const native = { ...createReferenceBackend(), name: "native", isa: "avx2" };
    expect(rowPlatform(native)).toEqual({ cpuModel: machineInfo().cpuModel, nativeIsa: "avx2" });
  });

  it("has no path for other backends and for peers", () => {
    expect(rowPlatform(createReferenceBackend()).nativeIsa).toBeNull();
    expect(rowPlatform().nativeIsa).toBeNull();
  });
});
