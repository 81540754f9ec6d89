import { createReferenceBackend } from "../backend/reference-backend.js";
import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import type { Registry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { buildModel } from "../spec/build-model.js";
import { ParameterLimitError } from "../spec/parameter-limit-error.js";
import type { ModelSpec } from "../spec/model-spec.js";
import { ModelFileError } from "./model-file-error.js";

/**
 * How many times a file's size building its model may allocate: parameters, their gradients
 * and an optimizer's per-parameter state (Adam's two moments) come to about 4× the
 * parameters, which the file holds; the rest is headroom for plugin optimizers.
 */
const BUILD_BYTES_PER_FILE_BYTE = 8;
const BUILD_BYTES_SLACK = 1 << 16;

class AllocationBudgetExceeded extends Error {}

/**
 * Builds `spec` once on a reference backend that refuses to allocate past a budget set by the
 * file's size, so a file whose spec names layers far larger than its tensors fails here, having
 * allocated little, instead of allocating them for real before its tensors are compared.
 */
export function assertSpecFitsFile(spec: ModelSpec, dtype: DType, registry: Registry | undefined, fileBytes: number, source: string): void {
  const budget = BUILD_BYTES_PER_FILE_BYTE * fileBytes + BUILD_BYTES_SLACK;
  const reference = createReferenceBackend();
  let allocated = 0;
  const counting: Backend = {
    ...reference,
    allocate(elementType, length) {
      allocated += length * (elementType === "float32" ? 4 : 8);
      if (allocated > budget) throw new AllocationBudgetExceeded();
      return reference.allocate(elementType, length);
    },
  };
  try {
    // The file holds every parameter, so they cannot need more bytes than it has: layers that
    // report parameterCount are refused before anything is allocated, the rest by the budget.
    buildModel(spec, { registry, backend: counting, dtype, maxParameterBytes: fileBytes });
  } catch (error) {
    if (error instanceof ParameterLimitError) {
      throw new ModelFileError(
        "invalid-spec",
        source,
        `layer ${error.layerIndex} (${error.layerType}) of the model in nabla.spec needs ${error.totalBytes} bytes of parameters with the layers before it, more than the file's ${fileBytes}: its layers are larger than the tensors the file can hold`,
      );
    }
    if (error instanceof AllocationBudgetExceeded) {
      throw new ModelFileError(
        "invalid-spec",
        source,
        `building the model in nabla.spec needs more than ${budget} bytes, ${BUILD_BYTES_PER_FILE_BYTE}× the file's ${fileBytes}: its layers are larger than the tensors the file can hold`,
      );
    }
    if (error instanceof SpecError) throw new ModelFileError("invalid-spec", source, `the model spec in nabla.spec is invalid: ${error.message}`);
    throw error;
  }
}
