/** Asked for the native backend where its addon cannot run; says why (not built, CPU, disabled). */
export class NativeBackendUnavailableError extends Error {
  override readonly name = "NativeBackendUnavailableError";
  constructor(readonly reason: string) {
    super(`The native backend is unavailable: ${reason}`);
  }
}
