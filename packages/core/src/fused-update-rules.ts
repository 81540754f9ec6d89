import type { UpdateRule } from "./expression/update-rule.js";

// The one source of the built-in optimizers' math (issue #13): what the Backend's fused
// sgdUpdate and adamUpdate kernels compute, as update rules. The reference backend runs these,
// and the conformance suite holds the wasm and native kernels to the reference. Each is written in
// the order of operations the reference always used, so its float32 and float64 results are the
// same bits as before; a test pins that.

// #region sgd
/** w ← w − α·∂L/∂w, equation (18). */
export const SGD_UPDATE_RULE: UpdateRule = {
  tensors: ["param", "grad"],
  scalars: ["lr"],
  updates: [{ target: "param", value: ["sub", "param", ["mul", "lr", "grad"]] }],
};
// #endregion sgd

// #region adam
/**
 * Adam, equations (19)–(22): the moments m and v, then the step with their bias-corrected values
 * m/(1 − β₁ᵗ) and v/(1 − β₂ᵗ). The corrections are scalars, computed once per step.
 */
export const ADAM_UPDATE_RULE: UpdateRule = {
  tensors: ["param", "grad", "m", "v"],
  scalars: ["lr", "beta1", "beta2", "eps", "correction1", "correction2"],
  updates: [
    // (19) m ← β₁m + (1 − β₁)g
    { target: "m", value: ["add", ["mul", "beta1", "m"], ["mul", ["sub", 1, "beta1"], "grad"]] },
    // (20) v ← β₂v + (1 − β₂)g²
    { target: "v", value: ["add", ["mul", "beta2", "v"], ["mul", ["mul", ["sub", 1, "beta2"], "grad"], "grad"]] },
    // (21)–(22) w ← w − α·m̂/(√v̂ + ε)
    { target: "param", value: ["sub", "param", ["div", ["mul", "lr", ["div", "m", "correction1"]], ["add", ["sqrt", ["div", "v", "correction2"]], "eps"]]] },
  ],
};
// #endregion adam
