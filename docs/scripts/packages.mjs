// The publishable packages of the workspace, found rather than listed, so a new package is
// documented and its README checked from the day it lands: every package.json under packages/
// and examples/ without "private": true, with the source file behind each subpath export.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PACKAGE_FOLDERS = ["packages", "examples"];

/**
 * @typedef {{ subpath: string, source: string }} EntryPoint  subpath "." or "./testing"; source absolute
 * @typedef {{ name: string, dir: string, description: string, hasBin: boolean, entryPoints: EntryPoint[] }} PublishablePackage
 */

/** @returns {PublishablePackage[]} */
export function publishablePackages() {
  const found = [];
  for (const folder of PACKAGE_FOLDERS) {
    const base = join(repoRoot, folder);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const dir = join(base, entry.name);
      const manifestPath = join(dir, "package.json");
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (manifest.private) continue;
      found.push({
        name: manifest.name,
        dir,
        description: manifest.description ?? "",
        hasBin: manifest.bin !== undefined,
        entryPoints: entryPointsOf(dir, manifest),
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

// tsup names each bundle after its entry key ("testing/index" → dist/testing/index.d.ts), so the
// exports map's type paths lead back to the source files through tsup.config.ts.
function entryPointsOf(dir, manifest) {
  const bundles = tsupEntries(dir);
  const entryPoints = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? { ".": manifest.types })) {
    const types = typesPathOf(target);
    if (!types) continue;
    const bundle = types.replace(/^\.\/dist\//, "").replace(/\.d\.c?ts$/, "");
    const source = bundles.get(bundle);
    if (!source) throw new Error(`${manifest.name}: no tsup entry builds ${types} (export "${subpath}")`);
    entryPoints.push({ subpath, source: join(dir, source) });
  }
  return entryPoints;
}

function typesPathOf(target) {
  if (typeof target === "string") return target.endsWith(".d.ts") ? target : undefined;
  if (!target || typeof target !== "object") return undefined;
  if (typeof target.types === "string") return target.types;
  return typesPathOf(target.import) ?? typesPathOf(target.default);
}

function tsupEntries(dir) {
  const bundles = new Map();
  const configPath = join(dir, "tsup.config.ts");
  if (!existsSync(configPath)) return bundles;
  const config = readFileSync(configPath, "utf8");
  const entry = /entry:\s*(\[[^\]]*\]|\{[^}]*\})/.exec(config)?.[1] ?? "";
  if (entry.startsWith("[")) {
    for (const [, source] of entry.matchAll(/"([^"]+)"/g)) bundles.set(source.replace(/^src\//, "").replace(/\.ts$/, ""), source);
  } else {
    for (const [, key, source] of entry.matchAll(/"?([\w/.-]+)"?\s*:\s*"([^"]+)"/g)) bundles.set(key, source);
  }
  return bundles;
}
