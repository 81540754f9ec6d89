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
 * The entries are the kinds this workspace uses, "<folder>/*" and a plain "<folder>"; anything
 * else is an error, not a skip.
 */
export function publishablePackages(root: string): PublishablePackage[] {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...workspace.matchAll(/^\s*-\s*["']?([^"'\s]+)["']?\s*$/gm)].map((match) => match[1]);
  const packages: PublishablePackage[] = [];
  for (const glob of globs) {
    const folder = glob.endsWith("/*") ? glob.slice(0, -2) : glob;
    if (folder.includes("*")) throw new Error(`pnpm-workspace.yaml: cannot expand the glob "${glob}"; only "<folder>/*" and "<folder>" are supported`);
    const parent = join(root, folder);
    if (!existsSync(parent)) continue;
    const dirs = glob.endsWith("/*")
      ? readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(parent, entry.name))
      : [parent];
    for (const dir of dirs) {
      const manifestPath = join(dir, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
      if (manifest.private === true) continue;
      packages.push({ name: String(manifest.name), dir, manifest });
    }
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}
