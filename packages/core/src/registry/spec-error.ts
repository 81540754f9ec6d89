/** What kind of mistake a SpecError reports. */
export type SpecErrorCode = "invalid-spec" | "unknown-component" | "invalid-option" | "shape-mismatch" | "parameter-limit" | "invalid-expression";

/**
 * A model or experiment document that cannot be used as written. `path` is the JSON path of
 * the offending value (e.g. `$.layers[2].options.out`); `available` lists what would have been
 * accepted when there is a finite list.
 */
export class SpecError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override name = "SpecError";
  constructor(
    /** What kind of mistake it is. */
    readonly code: SpecErrorCode,
    /** JSON path of the offending value, e.g. `$.layers[2].options.out`. */
    readonly path: string,
    /** What is wrong with it. */
    readonly problem: string,
    /** What would have been accepted, when there is a finite list. */
    readonly available: readonly string[] = [],
  ) {
    super(`${path}: ${problem}${available.length ? ` (available: ${available.join(", ")})` : ""}`);
  }
}

/** A registry lookup for a name nobody registered. */
export class UnknownComponentError extends SpecError {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override name = "UnknownComponentError";
  constructor(
    /** The component kind that was looked up ("layer", "loss", …). */
    readonly kind: string,
    /** The name that was asked for. */
    readonly requested: string,
    available: readonly string[],
    path = "$",
  ) {
    super("unknown-component", path, `unknown ${kind} "${requested}"`, available);
  }
}

/** Two different plugins claiming the same key. */
export class RegistryConflictError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override name = "RegistryConflictError";
  constructor(
    /** The contested key, e.g. "extras/gelu". */
    readonly key: string,
    /** The plugin (name@version) that registered the key first. */
    readonly existingPlugin: string,
    /** The plugin (name@version) that tried to register it again. */
    readonly newPlugin: string,
  ) {
    super(`"${key}" is already registered by plugin ${existingPlugin}; plugin ${newPlugin} cannot register it again`);
  }
}
