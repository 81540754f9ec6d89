/** Tensors that cannot be written as a safetensors file (a duplicate name, data of the wrong length, …). */
export class SafetensorsEncodeError extends Error {
  override readonly name = "SafetensorsEncodeError";
  constructor(
    /** The offending tensor's name, or "__metadata__" for a metadata problem. */
    readonly tensor: string,
    readonly problem: string,
  ) {
    super(`safetensors: tensor "${tensor}": ${problem}`);
  }
}
