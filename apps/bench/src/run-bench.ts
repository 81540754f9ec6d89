import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getDefaultRegistry, selectBackend } from "@nabla/core";
import { UsageError, type BenchArgs } from "./args.js";
import { FileDigestCache, writeDataDigest } from "./data-digest.js";
import { loadExperiment, type Experiment } from "./load-experiment.js";
import { resultsFolder, runSettingsEnv, type RunSettings } from "./run-settings.js";
import { writeIndex } from "./write-index.js";

/** The experiments of a repository: each folder under experiments/ that holds an experiment.json, by name. */
export function findExperiments(repoRoot: string): Map<string, Experiment> {
  const root = join(repoRoot, "experiments");
  const experiments = new Map<string, Experiment>();
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(root, entry.name, "experiment.json");
    if (entry.isDirectory() && existsSync(file)) experiments.set(entry.name, loadExperiment(file));
  }
  return experiments;
}

function experimentPackageName(experimentDir: string): string {
  return (JSON.parse(readFileSync(join(experimentDir, "package.json"), "utf8")) as { name: string }).name;
}

/**
 * `pnpm bench`: settles what decides the results (backend, data checksums, settings), lets turbo
 * run or restore each chosen experiment's task one at a time, then prints the tables and writes
 * the results index (and copies everything to `--out`).
 */
export async function runBench(args: BenchArgs, repoRoot: string): Promise<number> {
  if (args.seeds && args.protocol === "reference") throw new UsageError("--seeds uses the nabla protocol: the reference protocol is one fixed stream");
  const experiments = findExperiments(repoRoot);
  for (const name of args.experiments) {
    if (!experiments.has(name)) throw new UsageError(`no experiment "${name}" (experiments: ${[...experiments.keys()].join(", ")})`);
  }
  const chosen = args.experiments.length > 0 ? args.experiments.map((name) => experiments.get(name) as Experiment) : [...experiments.values()];
  const settings: RunSettings = {
    backend: selectBackend(getDefaultRegistry(), args.backend).name,
    protocol: args.protocol,
    seeds: args.seeds,
    epochs: args.epochs,
    quick: args.quick,
  };
  const dataDir = args.dataDir ? resolve(args.dataDir) : process.env.NABLA_DATA_DIR;
  const digests = new FileDigestCache(join(repoRoot, "node_modules", ".cache", "nabla-bench", "file-digests.json"));
  for (const experiment of chosen) await writeDataDigest(experiment, dataDir, digests);
  digests.save();
  console.error(`nabla bench: backend ${settings.backend}, ${chosen.length} experiment(s): ${chosen.map((e) => e.name).join(", ")}`);

  const task = args.quick ? "experiment:quick" : "experiment";
  const filters = chosen.map((experiment) => `--filter=${experimentPackageName(join(repoRoot, "experiments", experiment.name))}`);
  // One experiment at a time keeps the timings honest; cached ones print only their hash.
  const turbo = spawnSync(join(repoRoot, "node_modules", ".bin", "turbo"), ["run", task, ...filters, "--concurrency=1", "--output-logs=new-only"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, ...runSettingsEnv(settings), ...(dataDir ? { NABLA_DATA_DIR: dataDir } : {}) },
  });
  if (turbo.status !== 0) return turbo.status ?? 1;

  const folderOf = (experiment: Experiment) => join(repoRoot, "experiments", experiment.name, resultsFolder(settings, experiment.training.protocol ?? "nabla"));
  for (const experiment of chosen) {
    const table = join(folderOf(experiment), `${experiment.name}${settings.seeds || experiment.training.seeds ? "-seeds" : ""}.md`);
    if (existsSync(table)) console.log(`\n${readFileSync(table, "utf8")}`);
  }
  const indexDir = args.outDir ? resolve(args.outDir) : join(repoRoot, resultsFolder(settings, "nabla"));
  const indexed = args.outDir ? chosen : [...experiments.values()];
  if (args.outDir) {
    for (const experiment of chosen) cpSync(folderOf(experiment), join(indexDir, experiment.name), { recursive: true });
  }
  const index = writeIndex(
    indexDir,
    indexed.filter((experiment) => existsSync(join(folderOf(experiment), `${experiment.name}.json`))).map((experiment) => ({
      experiment,
      folder: args.outDir ? join(indexDir, experiment.name) : folderOf(experiment),
    })),
  );
  console.error(`results index: ${index.markdown}, ${index.html}`);
  return 0;
}
