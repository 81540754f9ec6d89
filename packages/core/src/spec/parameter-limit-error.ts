import type { DType } from "../dtype.js";
import { SpecError } from "../registry/spec-error.js";

/** 2 GiB: room for 536 million float32 parameters, while staying below allocations a typical machine refuses. */
export const DEFAULT_MAX_PARAMETER_BYTES = 2 ** 31;

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes} bytes (${(bytes / 2 ** 30).toFixed(1)} GiB)` : `${bytes} bytes`;
}

/**
 * A spec whose parameters would take more memory than BuildModelOptions.maxParameterBytes
 * allows. Thrown while the spec is checked, before anything is allocated; names the layer that
 * crosses the limit and the bytes it needs.
 */
export class ParameterLimitError extends SpecError {
  override name = "ParameterLimitError";
  constructor(
    /** Index of the layer in the spec's `layers`. */
    readonly layerIndex: number,
    /** The layer's registry key, as the spec names it. */
    readonly layerType: string,
    /** Bytes the parameters of this one layer need. */
    readonly layerBytes: number,
    /** Bytes the parameters of the model up to and including this layer need. */
    readonly totalBytes: number,
    /** The limit the model was built with (BuildModelOptions.maxParameterBytes). */
    readonly limitBytes: number,
    dtype: DType,
  ) {
    super(
      "parameter-limit",
      `$.layers[${layerIndex}]`,
      `layer ${layerIndex} (${layerType}) needs ${formatBytes(layerBytes)} for its ${dtype} parameters, bringing the model to ` +
        `${formatBytes(totalBytes)}, over the limit of ${formatBytes(limitBytes)}; raise BuildModelOptions.maxParameterBytes to build it anyway`,
    );
  }
}
