import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PublishablePackage } from "./publishable-packages.js";

/**
 * How to run pnpm here: the pnpm that runs this test (npm_execpath, set by `pnpm test`), else the
 * version the repository pins, through npx.
 */
function pnpmCommand(root: string): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { packageManager: string };
  return ["npx", ["--yes", packageManager]];
}

/**
 * Packs each package with `pnpm pack` into `destination` (pnpm, not npm, because it rewrites the
 * `workspace:` ranges into the versions a registry would see) and returns each package's tarball.
 */
export function packPackages(root: string, packages: readonly PublishablePackage[], destination: string): Map<string, string> {
  const [command, prefix] = pnpmCommand(root);
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    const before = new Set(readdirSync(destination));
    execFileSync(command, [...prefix, "pack", "--pack-destination", destination], { cwd: pkg.dir, stdio: "pipe" });
    const [tarball] = readdirSync(destination).filter((file) => !before.has(file));
    if (!tarball) throw new Error(`pnpm pack in ${pkg.dir} wrote no tarball to ${destination}`);
    tarballs.set(pkg.name, join(destination, tarball));
  }
  return tarballs;
}
