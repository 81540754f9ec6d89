/**
 * A model, or export options, that cannot be written as ONNX. `path` says where: the JSON path
 * of a layer in the model's spec (`$.layers[3]`) or the option at fault (`options.preprocessing.scale`);
 * `component` is the registry key of the layer or activation involved, when there is one.
 */
export class OnnxExportError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "OnnxExportError";
  constructor(
    /** The JSON path in the model's spec of what cannot be exported ("$.layers[3]"), or "$" for the model. */
    readonly path: string,
    /** What is wrong, for people. */
    readonly problem: string,
    /** The registry key of the component at `path`, when there is one. */
    readonly component?: string,
    options?: ErrorOptions,
  ) {
    super(`${path}${component ? ` (${component})` : ""}: ${problem}`, options);
  }
}
