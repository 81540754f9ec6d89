/** A backend kernel whose result differs from the reference backend's by more than the suite allows. */
export class BackendConformanceError extends Error {
  override readonly name = "BackendConformanceError";
}
