/** An allocation that would take the backend's WebAssembly memory past its maximum size. */
export class WasmMemoryExhaustedError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "WasmMemoryExhaustedError";
  /** @param requestedBytes - The allocation that failed. @param usedBytes - Bytes in use at the time. @param maximumBytes - The memory's maximum size. */
  constructor(
    readonly requestedBytes: number,
    readonly usedBytes: number,
    readonly maximumBytes: number,
  ) {
    super(
      `The wasm backend cannot allocate ${requestedBytes} bytes: ${usedBytes} of its ${maximumBytes}-byte memory are in use ` +
        `or fragmented (createWasmBackend({ maximumMemoryBytes }) raises the limit, up to 4 GiB)`,
    );
  }
}
