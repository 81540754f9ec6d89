/**
 * A value passed to `register` that is not a plugin: `path` says where in it the problem is
 * (e.g. `plugin.components[2].kind`) and `problem` what was expected there.
 */
export class InvalidPluginError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "InvalidPluginError";
  constructor(
    /** Where in the value the problem is, e.g. `plugin.components[2].kind`. */
    readonly path: string,
    /** What was expected there. */
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
