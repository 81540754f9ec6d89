/** Asked for the native backend where its addon cannot run; says why (not built, CPU, disabled). */
export class NativeBackendUnavailableError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "NativeBackendUnavailableError";
  /** @param reason - Why the addon cannot be used here (not built, CPU without AVX2/FMA, disabled by NABLA_DISABLE_NATIVE). */
  constructor(readonly reason: string) {
    super(`The native backend is unavailable: ${reason}`);
  }
}
