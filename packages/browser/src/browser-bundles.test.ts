import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// Every package a web page may import, by the specifier a user writes. esbuild picks each
// package's entry through its `exports` conditions ("browser" first), as Vite or webpack would.
const BROWSER_ENTRIES = [
  "@nabla/core",
  "@nabla/layers",
  "@nabla/activations",
  "@nabla/losses",
  "@nabla/optimizers",
  "@nabla/metrics",
  "@nabla/backend-wasm",
  "@nabla/datasets",
  "@nabla/onnx",
  "@nabla/browser",
  "@nabla/browser/train-worker",
];

/**
 * Bundles `specifier` for the browser and returns esbuild's errors as "file: message". With
 * platform "browser" a Node built-in cannot be resolved, so each import of one is an error naming
 * the importing file, unless that package's "browser" field replaces it (protobufjs maps "fs" to
 * false), as bundlers honour.
 */
async function browserBundleErrors(specifier: string): Promise<string[]> {
  try {
    await build({
      stdin: { contents: `export * from "${specifier}";`, resolveDir: import.meta.dirname },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      logLevel: "silent",
    });
    return [];
  } catch (error) {
    const { errors } = error as { errors: { text: string; location: { file: string } | null }[] };
    return errors.map(({ text, location }) => `${location?.file ?? "?"}: ${text}`);
  }
}

describe("browser bundles", () => {
  it.each(BROWSER_ENTRIES)("%s bundles for the browser without a Node built-in", async (specifier) => {
    expect(await browserBundleErrors(specifier)).toEqual([]);
  });

  it("fails on a Node built-in, naming the file that imports it", async () => {
    // The Node build of datasets, bundled for a browser as if the "browser" condition were missing.
    const errors = await browserBundleErrors("../../datasets/dist/index.js");
    expect(errors.join("\n")).toMatch(/datasets\/dist\/index\.js: Could not resolve "fs"/);
  });
});
