import { SpecError } from "../registry/spec-error.js";

/** The model spec format this version of core reads and writes. */
export const SPEC_VERSION = 1;

/** A registry component by name, with its options. */
export interface ComponentSpec {
  /** A registry key ("nabla/linear"); Nabla's own components may omit "nabla/". */
  type: string;
  /** The component's options, validated against its schema (defaults fill the rest). */
  options?: Record<string, unknown>;
}

/**
 * A model as a JSON document: the per-sample input shape, the layers in order (layers and
 * activations by registry name), and optionally the loss and optimizer to train it with.
 */
export interface ModelSpec {
  /** Always `SPEC_VERSION` (1). */
  specVersion: typeof SPEC_VERSION;
  /** The shape of one sample ([8] for eight features). */
  input: {
    /** Dimensions of one sample, without the batch dimension. */
    shape: number[];
  };
  /** Layers and activations, in order. */
  layers: ComponentSpec[];
  /** The loss to train with. */
  loss?: ComponentSpec;
  /** The optimizer to train with. */
  optimizer?: ComponentSpec;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new SpecError("invalid-spec", `${path}.${key}`, `unexpected field "${key}"`, allowed);
  }
}

function checkComponentSpec(value: unknown, path: string): asserts value is ComponentSpec {
  if (!isPlainObject(value)) throw new SpecError("invalid-spec", path, `expected an object like {"type": "…"}, got ${JSON.stringify(value)}`);
  checkKeys(value, ["type", "options"], path);
  if (typeof value.type !== "string" || value.type.length === 0) {
    throw new SpecError("invalid-spec", `${path}.type`, `expected a component name, got ${JSON.stringify(value.type)}`);
  }
  if (value.options !== undefined && !isPlainObject(value.options)) {
    throw new SpecError("invalid-spec", `${path}.options`, `expected an object, got ${JSON.stringify(value.options)}`);
  }
}

/** Checks the document's structure (not its names or options, which need a registry). */
export function assertModelSpec(value: unknown): asserts value is ModelSpec {
  if (!isPlainObject(value)) throw new SpecError("invalid-spec", "$", "a model spec must be a JSON object");
  checkKeys(value, ["specVersion", "input", "layers", "loss", "optimizer"], "$");
  if (value.specVersion !== SPEC_VERSION) {
    throw new SpecError("invalid-spec", "$.specVersion", `unsupported specVersion ${JSON.stringify(value.specVersion)}`, [String(SPEC_VERSION)]);
  }
  const input = value.input;
  if (!isPlainObject(input)) throw new SpecError("invalid-spec", "$.input", 'expected {"shape": [features]}');
  checkKeys(input, ["shape"], "$.input");
  const shape = input.shape;
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new SpecError("invalid-spec", "$.input.shape", `expected a non-empty array of positive integers, got ${JSON.stringify(shape)}`);
  }
  if (!Array.isArray(value.layers) || value.layers.length === 0) {
    throw new SpecError("invalid-spec", "$.layers", "expected a non-empty array of layers");
  }
  value.layers.forEach((layer, i) => checkComponentSpec(layer, `$.layers[${i}]`));
  if (value.loss !== undefined) checkComponentSpec(value.loss, "$.loss");
  if (value.optimizer !== undefined) checkComponentSpec(value.optimizer, "$.optimizer");
}
