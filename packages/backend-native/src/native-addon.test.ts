import { FUSED_ACTIVATION_KERNELS } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { activationKernelsMismatch, loadNativeAddon } from "./native-addon.js";

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
