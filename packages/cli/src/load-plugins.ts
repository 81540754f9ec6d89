import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { registerPlugin, type NablaPlugin } from "@nabla/core";
import { UsageError } from "./usage-error.js";

function isPluginValue(value: unknown): value is NablaPlugin {
  const meta = (value as { meta?: { name?: unknown } } | null)?.meta;
  return typeof meta?.name === "string" && Array.isArray((value as { components?: unknown }).components);
}

/**
 * Imports each `--plugin` package (resolved from the working folder first, so a project's own
 * dependencies are found, then from the command's), which registers its components; plugin
 * values it exports are registered too, in case it holds another copy of @nabla/core.
 */
export async function loadPlugins(names: readonly string[]): Promise<void> {
  const fromWorkingFolder = createRequire(join(process.cwd(), "package.json"));
  for (const name of names) {
    let target = name;
    try {
      target = pathToFileURL(fromWorkingFolder.resolve(name)).href;
    } catch {
      // Not resolvable as CommonJS from here (an ESM-only package or one of ours): import by name.
    }
    let module: Record<string, unknown>;
    try {
      module = (await import(target)) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`cannot import plugin "${name}": ${(error as Error).message.split("\n")[0]}`, "--plugin");
    }
    for (const value of Object.values(module)) {
      if (isPluginValue(value)) registerPlugin(value);
    }
  }
}
