import { describe, expect, it, vi } from "vitest";
import { ActivationModule } from "../activation-module.js";
import { moduleGradientErrors, randomTensor } from "../testing/gradient-check.js";
import { expressionActivation } from "./expression-activation.js";

describe("expressionActivation", () => {
  it("derives the derivative when none is given and keeps both expressions for backends", () => {
    const softplus = expressionActivation({ name: "softplus", forward: ["log1p", ["exp", "x"]] });
    expect(softplus.forward(0)).toBe(Math.log1p(1));
    expect(softplus.expression?.derivative).toEqual(["div", ["exp", "x"], ["add", 1, ["exp", "x"]]]);
    expect(moduleGradientErrors(new ActivationModule("softplus", softplus), randomTensor([3, 7], 1)).input).toBeLessThan(1e-6);
  });

  it("takes a derivative written over the forward value y", () => {
    const tanh = expressionActivation({ name: "tanh", forward: ["tanh", "x"], derivative: ["sub", 1, ["mul", "y", "y"]] });
    expect(tanh.derivative(0.3, Math.tanh(0.3))).toBe(1 - Math.tanh(0.3) ** 2);
    expect(moduleGradientErrors(new ActivationModule("tanh", tanh), randomTensor([3, 7], 2)).input).toBeLessThan(1e-6);
  });

  it("runs no generated code until forward or derivative is first called (a content security policy may forbid it)", () => {
    const compile = vi.spyOn(globalThis, "Function");
    try {
      const square = expressionActivation({ name: "square", forward: ["mul", "x", "x"] });
      expect(compile).not.toHaveBeenCalled();
      expect([square.forward(3), square.forward(4), square.derivative(3, 9)]).toEqual([9, 16, 6]);
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      compile.mockRestore();
    }
  });

  it("names the JSON path of a problem in either expression", () => {
    expect(() => expressionActivation({ name: "bad", forward: ["tanh", "y"] }, "$.layers[1]")).toThrow('$.layers[1].forward[1]: unknown variable "y"');
    expect(() => expressionActivation({ name: "bad", forward: "x", derivative: ["exp"] })).toThrow("$.derivative: exp takes 1 argument, got 0");
  });
});
