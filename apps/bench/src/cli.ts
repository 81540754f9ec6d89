import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getDefaultRegistry, selectBackend } from "@nabla/core";
import "./register-plugins.js";
import { USAGE, UsageError, parseArgs } from "./args.js";
import { runTask, type TaskRun } from "./run-task.js";
import { writeResults } from "./write-results.js";
import { writeSeedResults } from "./write-seed-results.js";

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

  if (args.seeds && args.protocol === "reference") throw new UsageError("--seeds uses the nabla protocol: the reference protocol is one fixed stream");
  for (const task of args.tasks) {
    const seeds = args.seeds ? Array.from({ length: args.seeds }, (_, i) => i + 1) : undefined;
    const write = (run: TaskRun) =>
      writeResults(
        outDir,
        run.experiment,
        {
          protocol: run.protocol.name,
          dtype: run.protocol.dtype,
          backend: backend.name,
          quick: args.quick,
          command,
          trainRows: run.trainRows,
          testRows: run.testRows,
          generator: run.protocol.generator,
          wallSeconds: run.wallSeconds,
        },
        run.runs[0],
      );
    const run = await runTask(task, {
      benchDir,
      registry,
      backend,
      protocol: args.protocol,
      quick: args.quick,
      dataDir,
      epochs: args.epochs,
      seeds,
      onModelDone: seeds ? undefined : write,
    });
    if (seeds) {
      const table = writeSeedResults(outDir, run.experiment, registry, {
        command,
        protocol: run.protocol.name,
        dtype: run.protocol.dtype,
        backend: backend.name,
        generator: run.protocol.generator,
        epochs: run.runs[0][0].epochs,
        trainRows: run.trainRows,
        testRows: run.testRows,
      }, seeds, run.runs);
      console.log(`\n${table}:\n\n${readFileSync(table, "utf8")}`);
      continue;
    }
    const written = write(run);
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
