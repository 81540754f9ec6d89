import { beforeEach, describe, expect, it, vi } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { OperandMismatchError } from "../errors.js";
import { multiply } from "../ops.js";
import type { NablaPlugin } from "../registry/components.js";
import { createRegistry, getDefaultRegistry, registerPlugin } from "../registry/registry.js";
import { buildModel } from "../spec/build-model.js";
import { testPlugin } from "../test-plugins.js";
import { Tensor } from "../tensor.js";
import { getDefaultBackend, setDefaultBackend } from "./default-backend.js";
import { createReferenceBackend } from "./reference-backend.js";

function backendPlugin(name: string, priority: number, available = true): NablaPlugin {
  return {
    meta: { name: `plugin-${name}`, version: "1.0.0" },
    namespace: "test",
    components: [{ kind: "backend", name, priority, isAvailable: () => available, create: () => ({ ...createReferenceBackend(), name }) }],
  };
}

const spec = { specVersion: 1, input: { shape: [3] }, layers: [{ type: "test/dense", options: { in: 3, out: 1 } }] };

// Each test starts from a process that has imported only @nabla/core.
beforeEach(() => {
  const holder = globalThis as Record<symbol, unknown>;
  holder[Symbol.for("@nabla/core/default-registry")] = createRegistry([corePlugin, testPlugin]);
  delete holder[Symbol.for("@nabla/core/default-backend")];
});

describe("getDefaultBackend", () => {
  it("is the reference backend when no faster backend is registered", () => {
    expect(getDefaultBackend().name).toBe("reference");
    expect(Tensor.zeros([2]).backend.name).toBe("reference");
  });

  it("is the fastest available registered backend, skipping one that cannot load, for tensors and buildModel alike", () => {
    registerPlugin(backendPlugin("wasm-like", 50));
    registerPlugin(backendPlugin("native-like", 100, false));
    expect(getDefaultBackend().name).toBe("wasm-like");
    expect(Tensor.zeros([2]).backend).toBe(getDefaultBackend());
    expect(buildModel(spec).backend).toBe(getDefaultBackend());
  });

  it("moves to a faster backend registered after the first tensor; tensors made before keep theirs", () => {
    const before = Tensor.zeros([2]);
    registerPlugin(backendPlugin("native-like", 100));
    const after = Tensor.zeros([2]);
    expect(before.backend.name).toBe("reference");
    expect(after.backend.name).toBe("native-like");
    expect(buildModel(spec).backend).toBe(after.backend);
  });

  it("refuses to mix a tensor made before that import with one made after, saying how to move it", () => {
    const before = Tensor.from([1, 2], [1, 2]);
    registerPlugin(backendPlugin("native-like", 100));
    const after = Tensor.from([3, 4], [1, 2]);
    expect(() => multiply(before, after)).toThrow(OperandMismatchError);
    expect(() => multiply(before, after)).toThrow(/reference and native-like backends; move one with tensor\.to\(\{ backend \}\)/);
    expect(multiply(before.to({ backend: after.backend }), after).toArray()).toEqual([3, 8]);
  });

  it("keeps one instance while the choice does not change, even when a slower backend registers", () => {
    const first = getDefaultBackend();
    registerPlugin(backendPlugin("slower", -1));
    expect(getDefaultBackend()).toBe(first);
  });

  it("is overridden by setDefaultBackend until that is given undefined", () => {
    registerPlugin(backendPlugin("native-like", 100));
    const chosen = { ...createReferenceBackend(), name: "chosen" };
    setDefaultBackend(chosen);
    expect(Tensor.zeros([2]).backend).toBe(chosen);
    expect(buildModel(spec).backend).toBe(chosen);
    setDefaultBackend(undefined);
    expect(getDefaultBackend().name).toBe("native-like");
  });

  it("is one choice for two copies of @nabla/core in the process", async () => {
    registerPlugin(backendPlugin("native-like", 100));
    const chosenHere = getDefaultBackend();
    vi.resetModules();
    const otherCopy = await import("./default-backend.js");
    expect(otherCopy.getDefaultBackend).not.toBe(getDefaultBackend);
    expect(otherCopy.getDefaultBackend()).toBe(chosenHere);
    const chosenThere = { ...createReferenceBackend(), name: "chosen-there" };
    otherCopy.setDefaultBackend(chosenThere);
    expect(getDefaultBackend()).toBe(chosenThere);
    expect(getDefaultRegistry().keys("backend")).toContain("test/native-like");
  });
});
