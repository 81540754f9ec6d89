import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A new npm project in `dir` with the consumer fixtures (spec.json, train.mjs, train.cjs, the
 * TypeScript files and their tsconfigs) and exactly `tarballs` installed by plain npm, as a user
 * would install the published packages; nothing else from the workspace is reachable from it.
 */
export function installConsumer(dir: string, fixtures: string, tarballs: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  cpSync(fixtures, dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "nabla-consumer", private: true, type: "module" }, null, 2)}\n`);
  npmInstall(dir, tarballs);
}

/** `npm install` of tarballs into the project in `dir`, without audit, funding or a trip to the registry it can avoid. */
export function npmInstall(dir: string, tarballs: readonly string[]): void {
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs], {
    cwd: dir,
    stdio: "pipe",
    // npm_config_* set by the pnpm running this test would otherwise steer this npm.
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("npm_"))),
  });
}
