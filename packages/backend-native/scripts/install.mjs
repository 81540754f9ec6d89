// npm's install step for @nabla/backend-native. A prebuild that loads here is used as it is; where
// none fits (another platform, architecture or libc) the addon is compiled from source when a
// compiler is present (scripts/build-addon.mjs); otherwise one warning and the backend reports
// itself unavailable, so Nabla falls back to wasm or the reference backend. Never fails the install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const platform = `${process.platform}-${process.arch}`;
const prebuild = join(packageDir, "prebuilds", platform, "nabla_native.node");

function prebuildLoads() {
  try {
    createRequire(import.meta.url)(prebuild);
    return true;
  } catch {
    return false;
  }
}

// A source checkout (the monorepo) compiles in the package's own build, not on every `pnpm install`.
const sourceCheckout = existsSync(join(packageDir, "src"));
if (!sourceCheckout && process.env.NABLA_SKIP_NATIVE_BUILD !== "1" && !prebuildLoads()) {
  console.warn(`@nabla/backend-native: no prebuild loads on ${platform}; compiling the addon from source`);
  spawnSync(process.execPath, [join(packageDir, "scripts", "build-addon.mjs")], { stdio: "inherit" });
}
