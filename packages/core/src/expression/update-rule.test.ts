import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor.js";
import { applyUpdateRule } from "../ops.js";
import { compileUpdateRule } from "./update-rule.js";

const MOMENTUM = {
  tensors: ["param", "grad", "velocity"],
  scalars: ["lr", "mu"],
  updates: [
    { target: "velocity", value: ["add", ["mul", "mu", "velocity"], "grad"] },
    { target: "param", value: ["sub", "param", ["mul", "lr", "velocity"]] },
  ],
};

describe("compileUpdateRule", () => {
  it("runs assignments in order, each seeing what the earlier ones wrote", () => {
    const rule = compileUpdateRule(MOMENTUM);
    const [param, grad, velocity] = [[1, -2], [0.5, -1], [1, 1]].map((v) => Tensor.from(v, [1, 2], { dtype: "float64" }));
    applyUpdateRule(rule, [param, grad, velocity], [0.1, 0.9]);
    expect(velocity.toArray()).toEqual([0.9 * 1 + 0.5, 0.9 * 1 - 1]);
    expect(param.toArray()).toEqual([1 - 0.1 * 1.4, -2 - 0.1 * (0.9 * 1 - 1)]);
  });

  it("names the JSON path of an unknown target, variable or duplicate name", () => {
    expect(() => compileUpdateRule({ ...MOMENTUM, updates: [{ target: "m", value: 0 }] }, "$.optimizer")).toThrow("$.optimizer.updates[0].target");
    expect(() => compileUpdateRule({ ...MOMENTUM, updates: [{ target: "param", value: ["mul", "beta", "grad"] }] })).toThrow("$.updates[0].value[1]");
    expect(() => compileUpdateRule({ ...MOMENTUM, scalars: ["lr", "lr"] })).toThrow("$.scalars[1]");
    expect(() => compileUpdateRule({ ...MOMENTUM, scalars: ["grad"] })).toThrow("$.scalars");
  });

  it("refuses tensors and scalars that do not fit the rule", () => {
    const rule = compileUpdateRule(MOMENTUM);
    const t = () => Tensor.zeros([2], { dtype: "float64" });
    expect(() => applyUpdateRule(rule, [t(), t()], [0.1, 0.9])).toThrow(RangeError);
    expect(() => applyUpdateRule(rule, [t(), t(), t()], [0.1])).toThrow(RangeError);
    expect(() => applyUpdateRule(rule, [t(), t(), Tensor.zeros([3], { dtype: "float64" })], [0.1, 0.9])).toThrow("applyUpdateRule");
  });
});
