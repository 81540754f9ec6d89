import { ActivationModule, type ActivationFunction } from "@nabla/core";
import { stableSigmoid } from "./stable-sigmoid.js";

// #region silu
/**
 * SiLU(z) = z σ(z) (7); SiLU'(z) = σ(z) + σ(z) z (1 − σ(z)) (8). The derivative is written as
 * σ(z)(1 + z σ(−z)), since 1 − σ(z) = σ(−z): no cancellation for large z, and σ(−z) reaches
 * exactly 0 before z could overflow the product.
 */
export const silu: ActivationFunction = {
  name: "silu",
  kernel: "silu",
  forward: (z) => z * stableSigmoid(z),
  derivative: (z) => stableSigmoid(z) * (1 + z * stableSigmoid(-z)),
};
// #endregion silu

/** A SiLU layer for building networks in code. */
export function SiLU(): ActivationModule {
  return new ActivationModule("nabla/silu", silu);
}
