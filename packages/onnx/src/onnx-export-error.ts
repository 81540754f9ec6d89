/**
 * A model, or export options, that cannot be written as ONNX. `path` says where: the JSON path
 * of a layer in the model's spec (`$.layers[3]`) or the option at fault (`options.preprocessing.scale`);
 * `component` is the registry key of the layer or activation involved, when there is one.
 */
export class OnnxExportError extends Error {
  override readonly name = "OnnxExportError";
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly component?: string,
    options?: ErrorOptions,
  ) {
    super(`${path}${component ? ` (${component})` : ""}: ${problem}`, options);
  }
}
