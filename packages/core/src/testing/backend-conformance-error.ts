/** A backend kernel whose result differs from the reference backend's by more than the suite allows. */
export class BackendConformanceError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "BackendConformanceError";
}
