/**
 * A native backend setting that cannot be used: a thread count or instruction set given as an
 * option or through NABLA_NATIVE_THREADS / NABLA_NATIVE_ISA. It is a RangeError, as before it had
 * a name of its own; `setting` says which value was wrong and where it came from.
 */
export class NativeBackendOptionError extends RangeError {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "NativeBackendOptionError";

  constructor(
    /** Where the value came from, e.g. `NABLA_NATIVE_ISA="sse4"` or `threads: 0`. */
    readonly setting: string,
    message: string,
  ) {
    super(`createNativeBackend: ${message}`);
  }
}
