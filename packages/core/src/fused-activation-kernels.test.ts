import { describe, expect, it } from "vitest";
import { FUSED_ACTIVATION_KERNELS, fusedActivationKernelId } from "./fused-activation-kernels.js";

describe("fusedActivationKernelId", () => {
  it("numbers the fused kernels in the order of FUSED_ACTIVATION_KERNELS", () => {
    expect(FUSED_ACTIVATION_KERNELS.map((name) => fusedActivationKernelId(name))).toEqual([0, 1, 2, 3]);
  });

  it("has no id for a missing kernel or an unknown name, including Object.prototype's keys", () => {
    expect(fusedActivationKernelId(undefined)).toBeUndefined();
    expect(fusedActivationKernelId("softsign")).toBeUndefined();
    expect(fusedActivationKernelId("toString")).toBeUndefined();
  });
});
