import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getDefaultRegistry, selectBackend } from "@nabla/core";
import "@nabla/activations";
import "@nabla/datasets";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/metrics";
import "@nabla/optimizers";
import { USAGE, UsageError, parseArgs } from "./args.js";
import { loadExperiment } from "./experiment.js";
import { prepareData } from "./prepare-data.js";
import { protocolSettings } from "./protocol.js";
import { runExperiment } from "./run-experiment.js";
import { writeResults } from "./write-results.js";

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(argv: string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(argv);
  const registry = getDefaultRegistry();
  const backend = selectBackend(registry, args.backend);
  const outDir = resolve(args.outDir ?? join(benchDir, args.quick ? "results-quick" : "results"));
  const dataDir = args.dataDir ? resolve(args.dataDir) : process.env.NABLA_DATA_DIR;
  const command = ["pnpm bench", ...argv].join(" ");
  console.error(`nabla bench: backend ${backend.name}, results in ${outDir}`);

  for (const task of args.tasks) {
    const experiment = loadExperiment(join(benchDir, "experiments", `${task}.json`));
    const protocol = protocolSettings(args.protocol, experiment);
    const epochs = args.epochs ?? (args.quick ? experiment.quick.epochs : experiment.epochs);
    const data = await prepareData(experiment, {
      registry,
      backend,
      dtype: protocol.dtype,
      dataDir,
      quick: args.quick,
      splitGenerator: protocol.splitGenerator,
    });
    console.error(`${task}: ${data.train.rows} training rows, ${data.test.rows} test rows, ${epochs} epochs, ${protocol.dtype}`);
    const results = runExperiment(experiment, data, {
      registry,
      backend,
      dtype: protocol.dtype,
      epochs,
      generatorFor: protocol.generatorFor(registry, experiment.seed),
    });
    const written = writeResults(outDir, experiment, {
      protocol: protocol.name,
      dtype: protocol.dtype,
      backend: backend.name,
      quick: args.quick,
      command,
      trainRows: data.train.rows,
      testRows: data.test.rows,
      generator: protocol.generator,
    }, results);
    console.log(`\n${written.table}:\n\n${readFileSync(written.table, "utf8")}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
