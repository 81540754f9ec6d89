// Builds native/build/Release/nabla_native.node with node-gyp against the headers installed beside
// this Node binary, so nothing is downloaded. With --prebuild (the package's own build) it also
// copies the result to prebuilds/<platform>-<arch>/, the layout the loader and the published
// package use; at install (scripts/install.mjs) it runs without, where no prebuild fitted. The addon is optional: when it cannot be built (no
// compiler, no headers, not x86-64) this prints one warning and exits 0, and the package's
// backend then reports isAvailable() = false. binding.gyp lives in native/ rather than at the
// package root so that package managers do not run node-gyp on install, where a missing
// compiler would fail the whole install.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const nativeDir = join(packageDir, "native");
const prebuildDir = join(packageDir, "prebuilds", `${process.platform}-${process.arch}`);
const makePrebuild = process.argv.includes("--prebuild");
// A failed build must not leave an older prebuild to be packed as if it were this source's.
if (makePrebuild) rmSync(prebuildDir, { recursive: true, force: true });

function skip(reason) {
  console.warn(`@nabla/backend-native: native addon not built (${reason}); the native backend will be unavailable.`);
  process.exit(0);
}

if (process.env.NABLA_SKIP_NATIVE_BUILD === "1") skip("NABLA_SKIP_NATIVE_BUILD=1");
if (process.arch !== "x64") skip(`its kernels need x86-64 with AVX2, this is ${process.arch}`);

// Official Node builds ship their headers in <prefix>/include/node; node-gyp would otherwise
// try to download them.
const nodeDir = [process.env.npm_config_nodedir, resolve(dirname(process.execPath), "..")].find(
  (dir) => dir && existsSync(join(dir, "include", "node", "node_api.h")),
);
if (!nodeDir) skip("no Node headers next to this Node binary and npm_config_nodedir is not set");

let nodeGyp;
try {
  nodeGyp = createRequire(import.meta.url).resolve("node-gyp/bin/node-gyp.js");
} catch {
  nodeGyp = process.env.npm_config_node_gyp;
}
if (!nodeGyp || !existsSync(nodeGyp)) skip("node-gyp is not installed");

const result = spawnSync(process.execPath, [nodeGyp, "rebuild", `--nodedir=${nodeDir}`, `--jobs=max`], {
  cwd: nativeDir,
  stdio: ["ignore", "pipe", "pipe"],
  encoding: "utf8",
  // GCC 12 warns about its own AVX-512 headers once per inlined intrinsic, megabytes of it; past
  // the default 1 MiB spawnSync would kill the build.
  maxBuffer: 256 * 1024 * 1024,
});
if (result.status !== 0) {
  const log = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
  if (process.env.NABLA_NATIVE_BUILD_VERBOSE === "1") console.warn(log);
  skip(`node-gyp rebuild failed${result.error ? `: ${result.error.message}` : ""}; set NABLA_NATIVE_BUILD_VERBOSE=1 to see its output`);
}
const built = join(nativeDir, "build", "Release", "nabla_native.node");
if (makePrebuild) {
  mkdirSync(prebuildDir, { recursive: true });
  copyFileSync(built, join(prebuildDir, "nabla_native.node"));
  console.log(`@nabla/backend-native: built native/build/Release/nabla_native.node and prebuilds/${process.platform}-${process.arch}/nabla_native.node`);
} else {
  console.log("@nabla/backend-native: built native/build/Release/nabla_native.node");
}
