import { describe, expect, it } from "vitest";
import { detectWasmFeatures } from "./feature-probe.js";
import { KERNELS_RELAXED_SIMD_BASE64, KERNELS_SIMD_BASE64 } from "./generated/kernels-wasm.js";
import { WasmUnsupportedError } from "./wasm-unsupported-error.js";

describe("detectWasmFeatures", () => {
  it("finds SIMD128 and shared memory in Node 20", () => {
    expect(detectWasmFeatures()).toMatchObject({ simd: true, sharedMemory: true });
  });

  it("reports relaxed SIMD exactly when the relaxed build of the kernels validates", () => {
    expect(WebAssembly.validate(Buffer.from(KERNELS_SIMD_BASE64, "base64"))).toBe(true);
    expect(detectWasmFeatures().relaxedSimd).toBe(WebAssembly.validate(Buffer.from(KERNELS_RELAXED_SIMD_BASE64, "base64")));
  });

  it("names the missing features when a runtime lacks them", () => {
    expect(new WasmUnsupportedError({ simd: false, relaxedSimd: false, sharedMemory: false }).message).toBe(
      "The wasm backend needs WebAssembly SIMD128 and shared memory, which this runtime lacks",
    );
    expect(new WasmUnsupportedError({ simd: true, relaxedSimd: false, sharedMemory: false }).message).toMatch(/needs WebAssembly shared memory,/);
  });
});
