export type SpecErrorCode = "invalid-spec" | "unknown-component" | "invalid-option" | "shape-mismatch" | "invalid-expression";

/**
 * A model or experiment document that cannot be used as written. `path` is the JSON path of
 * the offending value (e.g. `$.layers[2].options.out`); `available` lists what would have been
 * accepted when there is a finite list.
 */
export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    readonly code: SpecErrorCode,
    readonly path: string,
    readonly problem: string,
    readonly available: readonly string[] = [],
  ) {
    super(`${path}: ${problem}${available.length ? ` (available: ${available.join(", ")})` : ""}`);
  }
}

/** A registry lookup for a name nobody registered. */
export class UnknownComponentError extends SpecError {
  override name = "UnknownComponentError";
  constructor(
    readonly kind: string,
    readonly requested: string,
    available: readonly string[],
    path = "$",
  ) {
    super("unknown-component", path, `unknown ${kind} "${requested}"`, available);
  }
}

/** Two different plugins claiming the same key. */
export class RegistryConflictError extends Error {
  override name = "RegistryConflictError";
  constructor(
    readonly key: string,
    readonly existingPlugin: string,
    readonly newPlugin: string,
  ) {
    super(`"${key}" is already registered by plugin ${existingPlugin}; plugin ${newPlugin} cannot register it again`);
  }
}
