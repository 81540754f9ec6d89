import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { Tensor, buildModel, corePlugin, createRegistry, fit, getDefaultRegistry, selectBackend, type Backend } from "@nabla/core";
import { backendNativePlugin } from "@nabla/backend-native";
import "./register-plugins.js";

const registry = getDefaultRegistry();
const nativeBuilt = registry.get("backend", "native").isAvailable();
const spec = JSON.parse(readFileSync(new URL("../../../experiments/classification/experiment.json", import.meta.url), "utf8")).models[2].spec;

/** Final loss of a few full-batch epochs of the Tanh/Adam CIFAR MLP on fixed synthetic data. */
function trainOn(backend: Backend): number[] {
  const rows = 64;
  const values = Array.from({ length: rows * 3072 }, (_, k) => Math.sin(k * 0.37) + Math.cos(k * 0.011));
  const x = Tensor.from(values, [rows, 3072], { backend, dtype: "float64" });
  const y = Int32Array.from({ length: rows }, (_, i) => (i * 7) % 10);
  const model = buildModel(spec, { registry, backend, dtype: "float64", seed: 3 });
  return fit(model, x, y, { epochs: 5 }).lossHistory;
}

describe("backend fallback", () => {
  afterEach(() => {
    delete process.env.NABLA_DISABLE_NATIVE;
  });

  it.skipIf(!nativeBuilt)("uses native by default, wasm when native is disabled, with the same numbers within tolerance", () => {
    const native = selectBackend(registry);
    expect(native.name).toBe("native");
    process.env.NABLA_DISABLE_NATIVE = "1";
    const fallback = selectBackend(registry);
    expect(fallback.name).toBe("wasm");
    const [nativeLosses, wasmLosses] = [trainOn(native), trainOn(fallback)];
    nativeLosses.forEach((loss, epoch) => expect(Math.abs(loss - wasmLosses[epoch]) / loss).toBeLessThan(1e-10));
  });

  it("falls back to the reference backend where native is disabled and wasm is not installed", () => {
    process.env.NABLA_DISABLE_NATIVE = "1";
    expect(selectBackend(createRegistry([corePlugin, backendNativePlugin])).name).toBe("reference");
  });
});
