import { Parameter, SpecError, Tensor, createRegistry, getDefaultRegistry, validateOptions } from "@nabla/core";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { Adam } from "./adam.js";
import { optimizersPlugin } from "./optimizers-plugin.js";
import { SGD } from "./sgd.js";

const registry = createRegistry([optimizersPlugin]);
const context = {} as never;

describe("optimizersPlugin", () => {
  it("resolves sgd and adam in a fresh registry", () => {
    expect(registry.keys("optimizer")).toEqual(["nabla/adam", "nabla/sgd"]);
  });

  it("creates SGD and Adam with the options' defaults filled in", () => {
    const sgd = registry.get("optimizer", "sgd");
    expect(sgd.create([], validateOptions(sgd.options, undefined, "$"), context)).toMatchObject({ lr: 1e-3 });
    expect(sgd.create([], validateOptions(sgd.options, undefined, "$"), context)).toBeInstanceOf(SGD);
    const adam = registry.get("optimizer", "nabla/adam");
    const created = adam.create([], validateOptions(adam.options, { lr: 0.01 }, "$"), context);
    expect(created).toBeInstanceOf(Adam);
    expect(created).toMatchObject({ lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  });

  it("hands the given parameters to the optimizer", () => {
    const parameters = [new Parameter("w", Tensor.zeros([2, 2]))];
    expect(registry.get("optimizer", "adam").create(parameters, { lr: 1, beta1: 0, beta2: 0, eps: 1 }, context).parameters).toEqual(parameters);
  });

  it("rejects lr ≤ 0, betas outside [0, 1) and eps ≤ 0 at validation, naming the option", () => {
    const sgd = registry.get("optimizer", "sgd");
    const adam = registry.get("optimizer", "adam");
    expect(() => validateOptions(sgd.options, { lr: 0 }, "$.optimizer.options")).toThrow("$.optimizer.options.lr");
    expect(() => validateOptions(adam.options, { beta1: 1 }, "$.optimizer.options")).toThrow(SpecError);
    expect(() => validateOptions(adam.options, { beta2: 1 }, "$.optimizer.options")).toThrow("$.optimizer.options.beta2");
    expect(() => validateOptions(adam.options, { eps: 0 }, "$.optimizer.options")).toThrow("$.optimizer.options.eps");
    expect(() => validateOptions(adam.options, { beta1: 0, beta2: 0.9999 }, "$")).not.toThrow();
  });

  it("declares the package's name and version", () => {
    expect(optimizersPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import", async () => {
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("optimizer", "adam")).toBe(optimizersPlugin);
  });
});
