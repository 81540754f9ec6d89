/** Tensors that cannot be written as a safetensors file (a duplicate name, data of the wrong length, …). */
export class SafetensorsEncodeError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "SafetensorsEncodeError";
  constructor(
    /** The offending tensor's name, or "__metadata__" for a metadata problem. */
    readonly tensor: string,
    /** What is wrong, for people. */
    readonly problem: string,
  ) {
    super(`safetensors: tensor "${tensor}": ${problem}`);
  }
}
