import { compileUpdateRule, type CompiledUpdateRule } from "@nabla/core";

/** Heavy-ball momentum as PyTorch writes it, as an update rule: v ← μ v + g, then w ← w − lr·v with the new v. */
export const SGD_MOMENTUM_UPDATE: CompiledUpdateRule = compileUpdateRule({
  tensors: ["param", "grad", "velocity"],
  scalars: ["lr", "momentum"],
  updates: [
    { target: "velocity", value: ["add", ["mul", "momentum", "velocity"], "grad"] },
    { target: "param", value: ["sub", "param", ["mul", "lr", "velocity"]] },
  ],
});
