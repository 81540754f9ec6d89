import { compileUpdateRule, type CompiledUpdateRule } from "@nabla/core";

/**
 * RMSprop's step as an update rule (Hinton): s ← ρ s + (1 − ρ) g², then w ← w − lr·g / (sqrt(s) + eps)
 * with the new s. Every backend runs it from this one declaration.
 */
export const RMSPROP_UPDATE: CompiledUpdateRule = compileUpdateRule({
  tensors: ["param", "grad", "meanSquare"],
  scalars: ["lr", "rho", "eps"],
  updates: [
    { target: "meanSquare", value: ["add", ["mul", "rho", "meanSquare"], ["mul", ["mul", ["sub", 1, "rho"], "grad"], "grad"]] },
    { target: "param", value: ["sub", "param", ["div", ["mul", "lr", "grad"], ["add", ["sqrt", "meanSquare"], "eps"]]] },
  ],
});
