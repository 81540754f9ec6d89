/**
 * A value passed to `register` that is not a plugin: `path` says where in it the problem is
 * (e.g. `plugin.components[2].kind`) and `problem` what was expected there.
 */
export class InvalidPluginError extends Error {
  override readonly name = "InvalidPluginError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
