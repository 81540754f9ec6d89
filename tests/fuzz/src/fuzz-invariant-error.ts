/** A fuzz case that broke one of the library's promises: an untyped error, a slow case, too much memory, a wrong result. */
export class FuzzInvariantError extends Error {
  override readonly name = "FuzzInvariantError";
  constructor(
    readonly target: string,
    readonly invariant: "typed-errors" | "time" | "memory" | "result",
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${target}: ${invariant} invariant broken: ${detail}`, options);
  }
}
