import { REGISTRY_BRAND, hasBrand } from "../brand.js";
import { assertPluginShape } from "./assert-plugin-shape.js";
import type { Component, ComponentKind, ComponentOfKind, NablaPlugin } from "./components.js";
import { OptionSchemaError } from "./option-schema-error.js";
import { RegistryConflictError, UnknownComponentError } from "./spec-error.js";

const BUILTIN_NAMESPACE = "nabla";

interface Entry {
  readonly component: Component;
  readonly plugin: NablaPlugin;
}

function pluginLabel(plugin: NablaPlugin): string {
  return `${plugin.meta.name}@${plugin.meta.version}`;
}

// TypeScript already requires a Type.Object; this catches JavaScript plugins with the old tables.
function hasObjectSchema(component: Component): boolean {
  if (!("options" in component)) return true;
  const options: unknown = component.options;
  return typeof options === "object" && options !== null && Reflect.get(options, "type") === "object" && typeof Reflect.get(options, "properties") === "object";
}

// Two installed copies of one package version build equal plugins that are different objects;
// they are the same plugin, so registering the second is a no-op like registering the first twice.
function samePlugin(a: NablaPlugin, b: NablaPlugin): boolean {
  return a === b || (a.meta.name === b.meta.name && a.meta.version === b.meta.version);
}

/** The keys a plugin offers, sorted: equal for two copies of one version, different for an impostor. */
function componentKeys(plugin: NablaPlugin): string {
  return `[${plugin.components.map((c) => `${c.kind} ${plugin.namespace}/${c.name}`).sort().join(", ")}]`;
}

/** Components by kind and namespaced key, contributed by plugins. */
export class Registry {
  /** Marks registries across installed copies of core (see `isRegistry`). @internal */
  readonly [REGISTRY_BRAND] = true;
  private readonly entries = new Map<ComponentKind, Map<string, Entry>>();
  private readonly registered: NablaPlugin[] = [];

  /**
   * Adds a plugin's components. Registering the same plugin again (the same value, or an equal
   * copy: same name, version and component keys) is a no-op; a malformed plugin throws
   * InvalidPluginError, and a key another plugin holds, or other components under a registered
   * name and version, RegistryConflictError, each leaving the registry untouched.
   */
  register(plugin: NablaPlugin): this {
    assertPluginShape(plugin);
    const same = this.registered.find((p) => samePlugin(p, plugin));
    if (same) {
      // A different set of components under a taken name and version is not another copy of it.
      if (componentKeys(same) !== componentKeys(plugin)) {
        throw new RegistryConflictError(
          `plugin ${pluginLabel(plugin)}`,
          `${pluginLabel(same)} with ${componentKeys(same)}`,
          `${pluginLabel(plugin)} with ${componentKeys(plugin)}`,
        );
      }
      return this;
    }
    // Check every key before adding any, so a conflicting plugin leaves the registry untouched.
    for (const component of plugin.components) {
      const key = `${plugin.namespace}/${component.name}`;
      const existing = this.entries.get(component.kind)?.get(key);
      if (existing) throw new RegistryConflictError(`${component.kind} ${key}`, pluginLabel(existing.plugin), pluginLabel(plugin));
      if (!hasObjectSchema(component)) throw new OptionSchemaError(pluginLabel(plugin), `${component.kind} ${key}`);
    }
    for (const component of plugin.components) {
      let byKey = this.entries.get(component.kind);
      if (!byKey) this.entries.set(component.kind, (byKey = new Map()));
      byKey.set(`${plugin.namespace}/${component.name}`, { component, plugin });
    }
    this.registered.push(plugin);
    return this;
  }

  /** The full key for a name: "relu" means "nabla/relu". */
  static qualify(name: string): string {
    return name.includes("/") ? name : `${BUILTIN_NAMESPACE}/${name}`;
  }

  /** Whether a component of `kind` is registered under `name` ("relu" or "nabla/relu"). */
  has(kind: ComponentKind, name: string): boolean {
    return this.entries.get(kind)?.has(Registry.qualify(name)) ?? false;
  }

  /** The component of `kind` under `name`; throws UnknownComponentError listing the known keys. */
  get<K extends ComponentKind>(kind: K, name: string, path = "$"): ComponentOfKind<K> {
    const entry = this.entries.get(kind)?.get(Registry.qualify(name));
    if (!entry) throw new UnknownComponentError(kind, name, this.keys(kind), path);
    return entry.component as ComponentOfKind<K>;
  }

  /** Registered keys of one kind, sorted. */
  keys(kind: ComponentKind): string[] {
    return [...(this.entries.get(kind)?.keys() ?? [])].sort();
  }

  /** The plugin that contributed a component. */
  pluginOf(kind: ComponentKind, name: string): NablaPlugin | undefined {
    return this.entries.get(kind)?.get(Registry.qualify(name))?.plugin;
  }

  /** The registered plugins, in registration order. */
  plugins(): readonly NablaPlugin[] {
    return [...this.registered];
  }
}

/** Whether `value` is a Registry from any installed copy of @nabla/core (a brand, not `instanceof`). */
export function isRegistry(value: unknown): value is Registry {
  return hasBrand(value, REGISTRY_BRAND);
}

/** An isolated registry holding exactly the given plugins. */
export function createRegistry(plugins: readonly NablaPlugin[] = []): Registry {
  const registry = new Registry();
  for (const plugin of plugins) registry.register(plugin);
  return registry;
}

const DEFAULT_REGISTRY_KEY = Symbol.for("@nabla/core/default-registry");

/**
 * The process-wide registry that packages register into when imported. It lives on globalThis
 * under a shared symbol, so every copy of @nabla/core in the process sees the same one.
 */
export function getDefaultRegistry(): Registry {
  const holder = globalThis as Record<symbol, unknown>;
  const existing = holder[DEFAULT_REGISTRY_KEY];
  if (isRegistry(existing)) return existing;
  const registry = new Registry();
  holder[DEFAULT_REGISTRY_KEY] = registry;
  return registry;
}

/** Registers a plugin in the default registry (what each package's entry does on import). */
export function registerPlugin(plugin: NablaPlugin): void {
  getDefaultRegistry().register(plugin);
}
