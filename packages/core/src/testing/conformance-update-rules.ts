import { compileUpdateRule, type CompiledUpdateRule } from "../expression/update-rule.js";
import { ADAM_UPDATE_RULE } from "../fused-update-rules.js";

// Optimizer update rules the conformance suite runs through a backend's applyUpdateRule kernel:
// together they read several tensors and scalars, write more than one tensor in order, and use
// sqrt, division, where and the comparisons an optimizer may need.

/** RMSprop: the new mean square feeds the parameter step. */
const RMSPROP = compileUpdateRule({
  tensors: ["param", "grad", "meanSquare"],
  scalars: ["lr", "rho", "eps"],
  updates: [
    { target: "meanSquare", value: ["add", ["mul", "rho", "meanSquare"], ["mul", ["mul", ["sub", 1, "rho"], "grad"], "grad"]] },
    { target: "param", value: ["sub", "param", ["div", ["mul", "lr", "grad"], ["add", ["sqrt", "meanSquare"], "eps"]]] },
  ],
});

/** The built-in Adam's rule, its bias corrections passed in as scalars. */
const ADAM = compileUpdateRule(ADAM_UPDATE_RULE);

/** Lion-like: a sign step from an interpolated momentum, then the momentum update. */
const SIGN_MOMENTUM = compileUpdateRule({
  tensors: ["param", "grad", "momentum"],
  scalars: ["lr", "beta"],
  updates: [
    { target: "param", value: ["sub", "param", ["mul", "lr", ["sub", ["gt", ["add", "momentum", "grad"], 0], ["lt", ["add", "momentum", "grad"], 0]]]] },
    { target: "momentum", value: ["where", ["ge", ["abs", "grad"], 1e30], "momentum", ["add", ["mul", "beta", "momentum"], ["mul", ["sub", 1, "beta"], "grad"]]] },
  ],
});

/** Each rule with the scalars of one step. */
export const CONFORMANCE_UPDATE_RULES: readonly { readonly name: string; readonly rule: CompiledUpdateRule; readonly scalars: readonly number[] }[] = [
  { name: "rmsprop", rule: RMSPROP, scalars: [1e-2, 0.9, 1e-8] },
  { name: "adam", rule: ADAM, scalars: [1e-3, 0.9, 0.999, 1e-8, 1 - 0.9 ** 3, 1 - 0.999 ** 3] },
  { name: "sign momentum", rule: SIGN_MOMENTUM, scalars: [1e-3, 0.9] },
];
