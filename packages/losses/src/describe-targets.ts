import { isTensor } from "@nabla/core";

/** A short description of whatever was passed as targets, for error messages. */
export function describeTargets(targets: unknown): string {
  if (isTensor(targets)) return `a ${targets.dtype} Tensor of shape [${targets.shape.join(", ")}]`;
  if (targets instanceof Int32Array) return `an Int32Array of ${targets.length} labels`;
  if (ArrayBuffer.isView(targets)) return `a ${targets.constructor.name}`;
  return targets === null ? "null" : typeof targets;
}
