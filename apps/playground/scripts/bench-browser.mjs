// `pnpm bench:browser`: bundles bench/run-bench.ts for Node (it imports the same measure-wasm.ts the
// browser page runs) and runs it.
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const appDir = resolve(fileURLToPath(import.meta.url), "../..");
// Inside the app's node_modules, so the bundle resolves playwright-core and @nabla/* from there.
const outfile = join(appDir, "node_modules", ".cache", "bench-browser", "run-bench.mjs");
await build({ entryPoints: [join(appDir, "bench/run-bench.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "error" });
const { runBench } = await import(pathToFileURL(outfile).href);
await runBench(appDir);
