import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticExperiment } from "./synthetic-experiment.js";

// `nabla-bench run` (an experiment's turbo task) killed with SIGKILL while it trains its second
// model, then run again with NABLA_BENCH_RESUME=1 (what `pnpm bench --resume` sets), must write
// the results an uninterrupted run writes, under both protocols.
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const EPOCHS = 150;
const ROWS = 1200;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs the experiment task; `killWhen` is polled while it runs and SIGKILLs it once true. */
function runTask(folder: string, env: Record<string, string>, killWhen?: () => boolean): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "run", join(folder, "experiment.json")], {
      cwd: folder,
      env: { ...process.env, NABLA_BENCH_BACKEND: "reference", NABLA_BENCH_RESUME: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const poll = killWhen && setInterval(() => killWhen() && child.kill("SIGKILL"), 5);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, output });
    });
  });
}

function resultsOf(folder: string): { json: Record<string, unknown>; svgs: Map<string, string> } {
  const json = JSON.parse(readFileSync(join(folder, "resume-check.json"), "utf8"));
  const svgs = new Map(readdirSync(folder).filter((file) => file.endsWith(".svg")).map((file) => [file, readFileSync(join(folder, file), "utf8")]));
  return { json, svgs };
}

/** The results without what measures time. */
function withoutTimes(json: Record<string, unknown>): unknown {
  const { wallSeconds: _, models, ...rest } = json as { wallSeconds: number; models: Record<string, unknown>[] };
  return { ...rest, models: models.map(({ seconds: _s, secondsPerEpoch: _p, ...model }) => model) };
}

function finishedModels(resultsFile: string): number {
  try {
    return (JSON.parse(readFileSync(resultsFile, "utf8")) as { models: unknown[] }).models.length;
  } catch {
    return 0;
  }
}

describe("a killed experiment run resumed with NABLA_BENCH_RESUME=1", () => {
  const root = mkdtempSync(join(tmpdir(), "nabla-resume-"));
  const folder = writeSyntheticExperiment(root, "resume-check", { rows: ROWS, epochs: EPOCHS });
  const checkpoints = join(folder, "node_modules", ".cache", "nabla-bench", "checkpoints");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ["nabla", "results"],
    ["reference", "results/reference"],
  ])("writes the results of an uninterrupted run under the %s protocol", { timeout: 120_000 }, async (protocol, resultsFolder) => {
    const env = { NABLA_BENCH_PROTOCOL: protocol };
    const results = join(folder, resultsFolder);
    const uninterrupted = await runTask(folder, env);
    expect(uninterrupted.code, uninterrupted.output).toBe(0);
    const expected = resultsOf(results);
    rmSync(results, { recursive: true });

    // Kill it once the first model's results are written and the second has a checkpoint.
    const secondModelCheckpoint = () => readdirSync(checkpoints, { recursive: true }).some((file) => String(file).endsWith("model-1.safetensors"));
    let modelsAtKill = -1;
    const killed = await runTask(folder, env, () => {
      const models = finishedModels(join(results, "resume-check.json"));
      if (models !== 1 || !existsSync(checkpoints) || !secondModelCheckpoint()) return false;
      modelsAtKill = models;
      return true;
    });
    expect(killed.signal, killed.output).toBe("SIGKILL");
    expect(modelsAtKill).toBe(1);

    const killedState = join(root, "killed");
    cpSync(folder, killedState, { recursive: true });
    const resumeAndCompare = async (continuing: boolean) => {
      const resumed = await runTask(folder, { ...env, NABLA_BENCH_RESUME: "1" });
      expect(resumed.code, resumed.output).toBe(0);
      expect(resumed.output).toContain("ReLU w/ SGD: finished by the interrupted run, not trained again");
      expect(resumed.output.includes("SiLU w/ SGD: continuing from its checkpoint")).toBe(continuing);
      const actual = resultsOf(results);
      expect(withoutTimes(actual.json)).toEqual(withoutTimes(expected.json));
      expect(actual.svgs).toEqual(expected.svgs);
      // A complete run leaves no checkpoints behind.
      expect(readdirSync(checkpoints)).toEqual([]);
    };
    await resumeAndCompare(true);

    // Killed before the second model's first checkpoint: it starts over, from the stream as the first model left it.
    rmSync(folder, { recursive: true });
    cpSync(killedState, folder, { recursive: true });
    rmSync(killedState, { recursive: true });
    for (const file of readdirSync(checkpoints, { recursive: true })) {
      if (String(file).endsWith("model-1.safetensors")) rmSync(join(checkpoints, String(file)));
    }
    await resumeAndCompare(false);
  });
});
