import { describe, expect, it, vi } from "vitest";

// The snippets the math pages include, run as they are: if one stops passing, so does this test.
describe("the math pages' runnable examples", () => {
  vi.spyOn(console, "log").mockImplementation(() => {});

  it("activation gradients match finite differences", async () => {
    const { activationErrors } = await import("../examples/activation-gradient-checks.js");
    for (const error of Object.values(activationErrors)) expect(error).toBeLessThan(1e-6);
  });

  it("Linear's ∂L/∂x, ∂L/∂W and ∂L/∂b match finite differences (2)–(4)", async () => {
    const { linearErrors } = await import("../examples/linear-gradient-check.js");
    expect(Object.keys(linearErrors).sort()).toEqual(["bias", "input", "weight"]);
    for (const error of Object.values(linearErrors)) expect(error).toBeLessThan(1e-6);
  });

  it("MSE and cross-entropy gradients match finite differences (14), (17)", async () => {
    const { lossErrors } = await import("../examples/loss-gradient-checks.js");
    for (const error of Object.values(lossErrors)) expect(error).toBeLessThan(1e-6);
  });

  it("dropout's backward pass matches finite differences with a fixed mask", async () => {
    const { dropoutErrors } = await import("../examples/dropout-gradient-check.js");
    expect(dropoutErrors.input).toBeLessThan(1e-6);
  });

  it("SGD and Adam move a weight exactly as equations (18)–(22) computed by hand", async () => {
    const { optimizerDifferences } = await import("../examples/optimizer-steps.js");
    expect(optimizerDifferences.sgd).toBeLessThan(1e-15);
    expect(optimizerDifferences.adam).toBeLessThan(1e-15);
  });
});
