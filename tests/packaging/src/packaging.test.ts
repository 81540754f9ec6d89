import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installConsumer, npmInstall } from "./install-consumer.js";
import { packPackages } from "./pack-packages.js";
import { publishablePackages } from "./publishable-packages.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const fixtures = fileURLToPath(new URL("../fixtures/consumer", import.meta.url));
const ownManifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { devDependencies: Record<string, string> };
const packages = publishablePackages(root);
const names = packages.map((pkg) => pkg.name);
const TRAINING_PACKAGES = ["@nabla/core", "@nabla/layers", "@nabla/activations", "@nabla/losses", "@nabla/optimizers"];
const platform = `${process.platform}-${process.arch}`;
const nativePrebuilt = existsSync(join(root, "packages", "backend-native", "prebuilds", platform, "nabla_native.node"));

interface TrainingRun {
  backend: string;
  tensors: string;
  first: number;
  last: number;
}

const work = mkdtempSync(join(tmpdir(), "nabla-packaging-"));
let tarballs: Map<string, string>;
const tarballsOf = (wanted: readonly string[]) => wanted.map((name) => tarballs.get(name)!);

/** Runs a consumer script in `project`; it prints the run as one JSON line on stdout. */
async function train(project: string, script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ run: TrainingRun; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: project, env: { ...process.env, ...env } });
  return { run: JSON.parse(stdout) as TrainingRun, stderr };
}

beforeAll(() => {
  const packs = join(work, "tarballs");
  mkdirSync(packs);
  tarballs = packPackages(root, packages, packs);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the publishable packages", () => {
  it("are every non-private workspace package, each a devDependency here so turbo builds it before this test", () => {
    expect(names).toEqual(expect.arrayContaining([...TRAINING_PACKAGES, "@nabla/backend-native", "@nabla/backend-wasm"]));
    const notBuiltFirst = names.filter((name) => ownManifest.devDependencies[name] !== "workspace:*");
    expect(notBuiltFirst, `add these to tests/packaging/package.json devDependencies as "workspace:*"`).toEqual([]);
  });

  it.each(names)("%s passes publint, suggestions included", async (name) => {
    const tarball = readFileSync(tarballs.get(name)!);
    const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: "suggestion", strict: true });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  // The strict profile: node10 resolution too, as TypeScript's old "moduleResolution": "node" still
  // sees it. A package with no `require` condition is ESM only by design (@nabla/browser, for
  // pages and workers): attw's esm-only profile checks it for what it promises.
  it.concurrent.each(names)("%s passes @arethetypeswrong/cli", async (name) => {
    const attw = join(root, "tests", "packaging", "node_modules", ".bin", "attw");
    const manifest = packages.find((pkg) => pkg.name === name)!.manifest;
    const profile = JSON.stringify(manifest.exports ?? {}).includes('"require"') ? [] : ["--profile", "esm-only"];
    const outcome = await promisify(execFile)(attw, [tarballs.get(name)!, "--format", "ascii", ...profile]).then(
      () => "no problems",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(outcome).toBe("no problems");
  });
});

describe("a fresh npm project with only core, layers, activations, losses and optimizers", () => {
  const project = join(work, "training-only");
  beforeAll(() => installConsumer(project, fixtures, tarballsOf(TRAINING_PACKAGES)));

  it("has exactly those five Nabla packages installed", () => {
    expect(readdirSync(join(project, "node_modules", "@nabla")).sort()).toEqual(TRAINING_PACKAGES.map((name) => name.slice("@nabla/".length)).sort());
  });

  it.each(["train.mjs", "train.cjs"])("trains a model from a JSON spec in %s, on the reference backend", async (script) => {
    const { run } = await train(project, script);
    expect(run.backend).toBe("reference");
    expect(run.last).toBeLessThan(run.first / 2);
  });

  it.each(["node16", "bundler"])("type-checks a TypeScript consumer with moduleResolution %s", (resolution) => {
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const check = spawnSync(process.execPath, [tsc, "-p", `tsconfig.${resolution}.json`], { cwd: project, encoding: "utf8" });
    expect(`${check.stdout}${check.stderr}`).toBe("");
    expect(check.status).toBe(0);
  });
});

describe("a fresh npm project with the five packages and @nabla/backend-native", () => {
  const project = join(work, "with-native");
  beforeAll(() => installConsumer(project, fixtures, tarballsOf([...TRAINING_PACKAGES, "@nabla/backend-native"])));

  it.skipIf(!nativePrebuilt)(`trains on the native backend from the ${platform} prebuild, after one import`, async () => {
    const { run } = await train(project, "train.mjs", ["@nabla/backend-native"]);
    expect(run).toMatchObject({ backend: "native", tensors: "native" });
    expect(run.last).toBeLessThan(run.first / 2);
    expect((await train(project, "train.cjs", ["@nabla/backend-native"])).run.backend).toBe("native");
  });

  it("trains on the reference backend, quietly, with NABLA_DISABLE_NATIVE=1", async () => {
    const { run, stderr } = await train(project, "train.mjs", ["@nabla/backend-native"], { NABLA_DISABLE_NATIVE: "1" });
    expect(run.backend).toBe("reference");
    expect(stderr).toBe("");
  });

  it("falls back to wasm with one line saying why when no addon fits this machine", async () => {
    npmInstall(project, tarballsOf(["@nabla/backend-wasm"]));
    rmSync(join(project, "node_modules", "@nabla", "backend-native", "prebuilds"), { recursive: true, force: true });
    const { run, stderr } = await train(project, "train.mjs", ["@nabla/backend-native", "@nabla/backend-wasm"]);
    expect(run.backend).toBe("wasm");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^@nabla\/backend-native: not used, no addon for .*prebuilds\/.*does not exist/)]);
  });
});
