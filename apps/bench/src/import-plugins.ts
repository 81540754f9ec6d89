import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ExperimentFileError } from "./experiment-file-error.js";

type ExportTarget = string | { [condition: string]: ExportTarget } | undefined;

// The ESM entry of a package.json: exports["."] under "import"/"default", else "module", else "main".
function esmEntry(manifest: { exports?: ExportTarget | Record<string, ExportTarget>; module?: string; main?: string }): string | undefined {
  const exportsField = manifest.exports;
  let target: ExportTarget = typeof exportsField === "object" && exportsField !== null && Object.hasOwn(exportsField, ".") ? exportsField["."] : exportsField;
  while (typeof target === "object" && target !== null) {
    target = Object.hasOwn(target, "import") ? target.import : Object.hasOwn(target, "default") ? target.default : undefined;
  }
  return target ?? manifest.module ?? manifest.main;
}

function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Imports the experiment's plugin packages as its own folder resolves them (its package.json lists
 * them), through their ESM entry, so they register into the same @nabla/core registry as the runner.
 */
export async function importPlugins(plugins: readonly string[], experimentFile: string): Promise<void> {
  for (const [i, name] of plugins.entries()) {
    const packageDir = findPackageDir(name, dirname(experimentFile));
    const entry = packageDir && esmEntry(JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")));
    if (!packageDir || !entry) {
      throw new ExperimentFileError(experimentFile, `$.plugins[${i}]`, `cannot find the package "${name}": add it to the experiment's package.json and run pnpm install`);
    }
    await import(pathToFileURL(join(packageDir, entry)).href);
  }
}
