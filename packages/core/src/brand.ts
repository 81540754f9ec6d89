// Values are recognised by a string-keyed brand rather than `instanceof`, so that two installed
// copies of @nabla/core (or its ESM and CJS builds side by side) still accept each other's values.
export const TENSOR_BRAND = Symbol.for("@nabla/core/Tensor");
export const MODULE_BRAND = Symbol.for("@nabla/core/Module");
export const REGISTRY_BRAND = Symbol.for("@nabla/core/Registry");

export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
