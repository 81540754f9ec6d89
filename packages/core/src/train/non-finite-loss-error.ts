/** Training produced a NaN or infinite loss; names the epoch and the first layer whose output went non-finite. */
export class NonFiniteLossError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "NonFiniteLossError";
  constructor(
    /** The 1-based epoch whose loss was not finite. */
    readonly epoch: number,
    /** The loss value (NaN or ±Infinity). */
    readonly loss: number,
    /** Index of the first layer with a non-finite output, or −1 if all outputs were finite (the loss itself overflowed). */
    readonly layerIndex: number,
    /** Registry type of that layer, when there is one. */
    readonly layerType: string | undefined,
  ) {
    super(
      `Loss became ${loss} at epoch ${epoch}: ` +
        (layerIndex >= 0
          ? `the output of layer ${layerIndex} (${layerType}) was the first to contain NaN or Infinity`
          : "every layer output was finite, so the loss computation itself overflowed") +
        ". Try a smaller learning rate or check the input data for NaN/Infinity.",
    );
  }
}
