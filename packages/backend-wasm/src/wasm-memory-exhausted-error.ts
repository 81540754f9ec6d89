/** An allocation that would take the backend's WebAssembly memory past its maximum size. */
export class WasmMemoryExhaustedError extends Error {
  override readonly name = "WasmMemoryExhaustedError";
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
