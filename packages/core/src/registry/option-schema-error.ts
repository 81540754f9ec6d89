/**
 * A plugin component whose `options` is not an object schema (TypeBox's `Type.Object`), such
 * as the `{ lr: { type: "number", min: 0 } }` tables of plugins written before option schemas
 * were TypeBox declarations. Names the plugin and the component's key.
 */
export class OptionSchemaError extends TypeError {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "OptionSchemaError";
  constructor(
    /** The plugin's `meta.name`. */
    readonly plugin: string,
    /** The component's registry key. */
    readonly key: string,
  ) {
    super(`plugin ${plugin}: the options of ${key} must be an object schema declared with TypeBox's Type.Object (see the plugin guide)`);
  }
}
