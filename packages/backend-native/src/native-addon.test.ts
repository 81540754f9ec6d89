import { FUSED_ACTIVATION_KERNELS } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { activationKernelsMismatch, loadFirstAddon, loadNativeAddon, nativeAddonCandidates } from "./native-addon.js";

const fakeAddon = (activations: readonly string[]) => ({ activationKernels: () => [...activations] });
const notFound = (path: string) => Object.assign(new Error(`Cannot find module '${path}'`), { code: "MODULE_NOT_FOUND" });

describe("nativeAddonCandidates", () => {
  it("tries a build made on this machine first, then the prebuild for the platform and architecture", () => {
    expect(nativeAddonCandidates("linux", "arm64")).toEqual(["../native/build/Release/nabla_native.node", "../prebuilds/linux-arm64/nabla_native.node"]);
  });
});

describe("loadFirstAddon", () => {
  it("takes the prebuild when there is no local build", () => {
    const prebuild = fakeAddon(FUSED_ACTIVATION_KERNELS);
    const load = (path: string) => {
      if (path.includes("prebuilds")) return prebuild;
      throw notFound(path);
    };
    expect(loadFirstAddon(nativeAddonCandidates("linux", "x64"), load).addon).toBe(prebuild);
  });

  it("says in one line why each candidate failed when none loads", () => {
    const load = (path: string) => {
      if (path.includes("prebuilds")) throw new Error("Error relocating nabla_native.node: symbol not found\nmore detail");
      throw notFound(path);
    };
    const { addon, reason, disabled } = loadFirstAddon(nativeAddonCandidates("linux", "x64"), load);
    expect(addon).toBeUndefined();
    expect(disabled).toBe(false);
    expect(reason).toMatch(/native\/build\/Release\/nabla_native\.node does not exist; .*linux-x64\/nabla_native\.node did not load: Error relocating/);
    expect(reason).not.toContain("\n");
  });

  it("refuses an addon built from another list of fused activations", () => {
    expect(loadFirstAddon(["a.node"], () => fakeAddon(["relu", "sigmoid", "silu", "tanh"])).reason).toMatch(/rebuild/);
  });
});

describe("activationKernelsMismatch", () => {
  it("accepts an addon built from @nabla/core's list of fused activations", () => {
    expect(activationKernelsMismatch([...FUSED_ACTIVATION_KERNELS])).toBeUndefined();
  });

  it("refuses an addon built from another list, whose kernel ids would mean other activations", () => {
    expect(activationKernelsMismatch(["relu", "sigmoid", "silu", "tanh"])).toMatch(/built for the fused activations \[relu, sigmoid, silu, tanh\].*rebuild/);
    expect(activationKernelsMismatch(FUSED_ACTIVATION_KERNELS.slice(0, -1))).toMatch(/rebuild/);
  });

  it.skipIf(loadNativeAddon().addon === undefined)("finds the built addon's list in step with core's", () => {
    expect(loadNativeAddon().addon!.activationKernels()).toEqual([...FUSED_ACTIVATION_KERNELS]);
  });
});
