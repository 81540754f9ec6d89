import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneWorkingTree, linkTree, pnpmBench, REPO_ROOT, repoTurboCache } from "./repo-clone.js";

// `pnpm bench --quick` in copies of this repository: turbo must restore unchanged experiments,
// rerun exactly the edited one, and hand results to another clone through a remote cache server.
const dataDir = process.env.NABLA_DATA_DIR;
const experiments = readdirSync(join(REPO_ROOT, "experiments"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const TOKEN = "nabla-test-token";

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startRemoteCache(storage: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const bin = join(REPO_ROOT, "apps", "bench", "node_modules", ".bin", "turborepo-remote-cache");
  const server = spawn(bin, [], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), TURBO_TOKEN: TOKEN, STORAGE_PROVIDER: "local", STORAGE_PATH: storage, STORAGE_PATH_USE_TMP_FOLDER: "false", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  server.kill();
  throw new Error("turborepo-remote-cache did not start");
}

/** Each experiment's status in a `pnpm bench` output: "hit" (restored) or "miss" (trained). */
function experimentStatuses(output: string): Map<string, "hit" | "miss"> {
  const statuses = new Map<string, "hit" | "miss">();
  for (const match of output.matchAll(/@nabla-experiments\/([\w-]+):experiment(?::quick)?: cache (hit|miss)/g)) {
    statuses.set(match[1], match[2] as "hit" | "miss");
  }
  return statuses;
}

/** How turbo's run summary says the experiment was restored: "LOCAL" or "REMOTE" (undefined if it ran). */
function cacheSource(clone: string, experiment: string): string | undefined {
  const runs = join(clone, ".turbo", "runs");
  for (const file of readdirSync(runs).sort().reverse()) {
    const summary = JSON.parse(readFileSync(join(runs, file), "utf8")) as { tasks: { taskId: string; cache: { status: string; source?: string } }[] };
    const task = summary.tasks.find((t) => t.taskId === `@nabla-experiments/${experiment}#experiment:quick`);
    if (task) return task.cache.status === "HIT" ? task.cache.source : undefined;
  }
  return undefined;
}

function editExperiment(clone: string, name: string, nonce: string): void {
  const file = join(clone, "experiments", name, "experiment.json");
  const document = JSON.parse(readFileSync(file, "utf8"));
  document.description = `${document.description ?? ""} (cache test ${nonce})`;
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

describe.skipIf(!dataDir)("experiments through turbo's cache", () => {
  const work = mkdtempSync(join(tmpdir(), "nabla-experiment-cache-"));
  const cloneA = join(work, "a");
  const cloneB = join(work, "b");
  const nonce = `${Date.now()}`;
  const edited = "regression-minibatch";
  let remote: { url: string; server: ChildProcess };
  let envA: Record<string, string>;

  beforeAll(async () => {
    remote = await startRemoteCache(join(work, "remote-storage"));
    // Each clone's local cache starts with this repository's (builds included), so nothing but
    // an experiment the test changes can be missing; a unique edit makes that one new everywhere.
    linkTree(repoTurboCache(), join(work, "cache-a"));
    linkTree(repoTurboCache(), join(work, "cache-b"));
    envA = { TURBO_CACHE_DIR: join(work, "cache-a"), TURBO_API: remote.url, TURBO_TOKEN: TOKEN, TURBO_TEAM: "nabla", TURBO_RUN_SUMMARY: "true" };
    cloneWorkingTree(cloneA);
    pnpmBench(cloneA, ["--quick", "--data-dir", dataDir as string], envA);
  }, 600_000);

  afterAll(() => {
    remote?.server.kill();
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it("restores every experiment from the cache when nothing changed, without training", () => {
    const started = performance.now();
    const output = pnpmBench(cloneA, ["--quick", "--data-dir", dataDir as string], envA);
    const seconds = (performance.now() - started) / 1000;
    expect(Object.fromEntries(experimentStatuses(output))).toEqual(Object.fromEntries(experiments.map((name) => [name, "hit"])));
    expect(output).not.toMatch(/training rows/);
    expect(seconds).toBeLessThan(60);
  }, 300_000);

  it("reruns only the experiment whose file changed", () => {
    editExperiment(cloneA, edited, nonce);
    const output = pnpmBench(cloneA, ["--quick", "--data-dir", dataDir as string], envA);
    const statuses = experimentStatuses(output);
    expect(statuses.get(edited)).toBe("miss");
    expect([...statuses].filter(([name, status]) => name !== edited && status === "hit").length).toBe(experiments.length - 1);
    expect(output.match(/training rows/g)).toHaveLength(1);
  }, 300_000);

  it("hands an experiment's results to a fresh clone through the remote cache, byte for byte, without training", () => {
    cloneWorkingTree(cloneB);
    editExperiment(cloneB, edited, nonce);
    const output = pnpmBench(cloneB, [edited, "--quick", "--data-dir", dataDir as string], { ...envA, TURBO_CACHE_DIR: join(work, "cache-b") });
    expect(experimentStatuses(output).get(edited)).toBe("hit");
    expect(cacheSource(cloneB, edited)).toBe("REMOTE");
    expect(output).not.toMatch(/training rows/);
    const results = (clone: string) => join(clone, "experiments", edited, "results-quick");
    const files = readdirSync(results(cloneA)).sort();
    expect(readdirSync(results(cloneB)).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(results(cloneB), file)).equals(readFileSync(join(results(cloneA), file)))).toBe(true);
  }, 300_000);
});
