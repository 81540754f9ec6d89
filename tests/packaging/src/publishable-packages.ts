import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A workspace package that would be published: its name, folder and package.json. */
export interface PublishablePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Record<string, unknown>;
}

/**
 * Every package of the pnpm workspace at `root` that is not `private`, found from the folder
 * globs in pnpm-workspace.yaml, so a package added later is packed and linted without editing this.
 * The globs are the "<folder>/*" kind this workspace uses; anything else is an error, not a skip.
 */
export function publishablePackages(root: string): PublishablePackage[] {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...workspace.matchAll(/^\s*-\s*["']?([^"'\s]+)["']?\s*$/gm)].map((match) => match[1]);
  const packages: PublishablePackage[] = [];
  for (const glob of globs) {
    if (!glob.endsWith("/*") || glob.slice(0, -2).includes("*")) throw new Error(`pnpm-workspace.yaml: cannot expand the glob "${glob}"; only "<folder>/*" is supported`);
    const parent = join(root, glob.slice(0, -2));
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const manifestPath = join(parent, entry.name, "package.json");
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
      if (manifest.private === true) continue;
      packages.push({ name: String(manifest.name), dir: join(parent, entry.name), manifest });
    }
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}
