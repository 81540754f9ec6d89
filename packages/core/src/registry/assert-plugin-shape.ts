import { COMPONENT_KINDS, type NablaPlugin } from "./components.js";
import { InvalidPluginError } from "./invalid-plugin-error.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function assertName(value: unknown, path: string): void {
  if (typeof value !== "string" || value === "") throw new InvalidPluginError(path, `expected a non-empty string, got ${describe(value)}`);
}

/**
 * Checks what the registry relies on before it stores anything: a `meta` with a name and
 * version, a namespace without "/", and components that are objects with a known kind and a
 * name, no two of one kind sharing a name. Plugins arrive from JavaScript, where the types are
 * not checked, so a wrong shape is an InvalidPluginError rather than a TypeError later.
 */
export function assertPluginShape(plugin: unknown): asserts plugin is NablaPlugin {
  if (!isObject(plugin)) throw new InvalidPluginError("plugin", `expected an object, got ${describe(plugin)}`);
  if (!isObject(plugin.meta)) throw new InvalidPluginError("plugin.meta", `expected { name, version }, got ${describe(plugin.meta)}`);
  assertName(plugin.meta.name, "plugin.meta.name");
  assertName(plugin.meta.version, "plugin.meta.version");
  assertName(plugin.namespace, "plugin.namespace");
  if ((plugin.namespace as string).includes("/")) {
    throw new InvalidPluginError("plugin.namespace", `"${plugin.namespace}" contains "/", which separates the namespace from the name in keys`);
  }
  if (!Array.isArray(plugin.components)) {
    throw new InvalidPluginError("plugin.components", `expected an array, got ${describe(plugin.components)}`);
  }
  const seen = new Set<string>();
  plugin.components.forEach((component: unknown, i) => {
    const path = `plugin.components[${i}]`;
    if (!isObject(component)) throw new InvalidPluginError(path, `expected a component object, got ${describe(component)}`);
    if (!COMPONENT_KINDS.includes(component.kind as never)) {
      throw new InvalidPluginError(`${path}.kind`, `expected one of ${COMPONENT_KINDS.join(", ")}, got ${JSON.stringify(component.kind) ?? describe(component.kind)}`);
    }
    assertName(component.name, `${path}.name`);
    const key = `${component.kind} ${plugin.namespace}/${component.name}`;
    if (seen.has(key)) throw new InvalidPluginError(`${path}.name`, `the plugin names ${key} twice`);
    seen.add(key);
  });
}
