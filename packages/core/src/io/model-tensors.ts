import type { DType } from "../dtype.js";
import type { Parameter } from "../parameter.js";
import type { Model } from "../spec/model.js";
import type { SafetensorsDType } from "./safetensors.js";

/** The safetensors element type that holds a Nabla dtype. */
export function safetensorsDType(dtype: DType): SafetensorsDType {
  return dtype === "float32" ? "F32" : "F64";
}

/**
 * The model's parameters by file name, `layers.<i>.<parameter>`, where i counts the spec's
 * layers with activations included, as the indices of a PyTorch nn.Sequential do.
 */
export function namedParameters(model: Model): Map<string, Parameter> {
  const named = new Map<string, Parameter>();
  model.network.modules.forEach((module, i) => {
    for (const parameter of module.parameters()) named.set(`layers.${i}.${parameter.name}`, parameter);
  });
  return named;
}
