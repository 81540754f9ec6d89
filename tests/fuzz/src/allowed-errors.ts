/**
 * The error classes Nabla promises to throw for bad input, by name: names, unlike `instanceof`,
 * hold across two installed copies of a package. A TypeError, RangeError or plain Error escaping
 * a reader or buildModel is a bug.
 */
export const ALLOWED_ERROR_NAMES: ReadonlySet<string> = new Set([
  // @nabla/core
  "SpecError",
  "UnknownComponentError",
  "RegistryConflictError",
  "InvalidPluginError",
  "ModelFileError",
  // @nabla/datasets
  "DatasetFormatError",
]);

/** Whether `error` is one of the library's typed errors (see ALLOWED_ERROR_NAMES). */
export function isAllowedError(error: unknown): boolean {
  return error instanceof Error && ALLOWED_ERROR_NAMES.has(error.name) && error.constructor.name === error.name;
}
