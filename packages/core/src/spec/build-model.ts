import { ActivationModule } from "../activation-module.js";
import type { Backend } from "../backend/backend.js";
import { getDefaultBackend } from "../backend/default-backend.js";
import { selectBackend } from "../backend/select-backend.js";
import type { DType } from "../dtype.js";
import type { Module } from "../module.js";
import type { RandomGenerator } from "../random/random-generator.js";
import type { BuildContext } from "../registry/components.js";
import { validateOptions } from "../registry/option-schema.js";
import { Registry, getDefaultRegistry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { Sequential } from "../sequential.js";
import { Model } from "./model.js";
import { assertModelSpec } from "./model-spec.js";
import { DEFAULT_MAX_PARAMETER_BYTES, ParameterLimitError } from "./parameter-limit-error.js";

/** How `buildModel` resolves and builds a spec. */
export interface BuildModelOptions {
  /** Where component names are looked up (default: the shared default registry). */
  registry?: Registry;
  /** A backend instance or a registered backend name; defaults to the default backend. */
  backend?: Backend | string;
  /** Element type of every parameter and activation (default "float32"). */
  dtype?: DType;
  /** A generator to draw from (shared across models when one stream must serve several). */
  generator?: RandomGenerator;
  /** Seed for a new generator when none is given (default 42). */
  seed?: number;
  /** Registered generator used with `seed` (default "nabla/xoshiro128"). */
  generatorType?: string;
  /** The most bytes the model's parameters may take (default 2 GiB); a spec needing more fails with a ParameterLimitError. */
  maxParameterBytes?: number;
}

const BYTES_PER_ELEMENT: Readonly<Record<DType, number>> = { float32: 4, float64: 8 };

/**
 * Resolves a JSON model spec against a registry. Every name, option and shape is checked
 * before anything is built, so a bad spec fails with a SpecError and builds nothing.
 */
export function buildModel(spec: unknown, options: BuildModelOptions = {}): Model {
  assertModelSpec(spec);
  const registry = options.registry ?? getDefaultRegistry();
  const dtype = options.dtype ?? "float32";
  const backend = resolveBackend(registry, options.backend);
  const maxParameterBytes = options.maxParameterBytes ?? DEFAULT_MAX_PARAMETER_BYTES;

  const plan: ((context: BuildContext) => Module)[] = [];
  let shape: readonly number[] = spec.input.shape;
  let parameterBytes = 0;
  spec.layers.forEach((layerSpec, i) => {
    const path = `$.layers[${i}]`;
    if (registry.has("layer", layerSpec.type)) {
      const component = registry.get("layer", layerSpec.type, `${path}.type`);
      const resolved = validateOptions(component.options, layerSpec.options, `${path}.options`);
      const inputShape = shape;
      try {
        shape = component.outputShape(shape, resolved);
      } catch (error) {
        throw new SpecError(
          "shape-mismatch",
          path,
          `layer ${i} (${layerSpec.type}) does not fit its input of shape [${shape.join(", ")}]: ${(error as Error).message}`,
        );
      }
      const layerBytes = (component.parameterCount?.(inputShape, resolved) ?? 0) * BYTES_PER_ELEMENT[dtype];
      parameterBytes += layerBytes;
      if (parameterBytes > maxParameterBytes) {
        throw new ParameterLimitError(i, layerSpec.type, layerBytes, parameterBytes, maxParameterBytes, dtype);
      }
      plan.push((context) => component.create(resolved, context));
    } else if (registry.has("activation", layerSpec.type)) {
      const component = registry.get("activation", layerSpec.type, `${path}.type`);
      const resolved = validateOptions(component.options, layerSpec.options, `${path}.options`);
      const type = Registry.qualify(layerSpec.type);
      plan.push(() => new ActivationModule(type, component.create(resolved)));
    } else {
      const known = [...registry.keys("layer"), ...registry.keys("activation")].sort();
      throw new SpecError("unknown-component", `${path}.type`, `unknown layer or activation "${layerSpec.type}"`, known);
    }
  });

  const loss = spec.loss && registry.get("loss", spec.loss.type, "$.loss.type");
  const lossOptions = loss && validateOptions(loss.options, spec.loss!.options, "$.loss.options");
  const optimizer = spec.optimizer && registry.get("optimizer", spec.optimizer.type, "$.optimizer.type");
  const optimizerOptions = optimizer && validateOptions(optimizer.options, spec.optimizer!.options, "$.optimizer.options");

  // Everything is valid: build. Only now is the random stream drawn from.
  const generator =
    options.generator ?? registry.get("generator", options.generatorType ?? "nabla/xoshiro128", "generator").create(options.seed ?? 42);
  const context: BuildContext = { backend, dtype, generator };
  const network = new Sequential(plan.map((create) => create(context)));
  return new Model(network, structuredClone(spec), backend, dtype, {
    loss: loss ? loss.create(lossOptions!, context) : undefined,
    optimizer: optimizer ? optimizer.create(network.parameters(), optimizerOptions!, context) : undefined,
    generator,
    outputShape: shape,
  });
}

/** A backend instance, a registered name, or the default backend. */
function resolveBackend(registry: Registry, backend: Backend | string | undefined): Backend {
  if (typeof backend === "object") return backend;
  return typeof backend === "string" ? selectBackend(registry, backend) : getDefaultBackend();
}
