import { parseArgs } from "node:util";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import "./register-plugins.js";
import { USAGE, UsageError, parseBenchArgs } from "./args.js";
import { experimentJsonSchema } from "./experiment-json-schema.js";
import { runBench } from "./run-bench.js";
import { runExperimentTask } from "./run-experiment-task.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

// `nabla-bench run FILE [--quick]` is an experiment package's turbo task; `nabla-bench schema`
// prints the JSON Schema; anything else is `pnpm bench`.
async function main(argv: string[]): Promise<number> {
  if (argv[0] === "run") {
    const { values, positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: { quick: { type: "boolean", default: false } } });
    if (positionals.length !== 1) throw new UsageError("usage: nabla-bench run EXPERIMENT_FILE [--quick]");
    await runExperimentTask(resolve(positionals[0]), values.quick);
    return 0;
  }
  if (argv[0] === "schema") {
    process.stdout.write(experimentJsonSchema());
    return 0;
  }
  const args = parseBenchArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  return runBench(args, repoRoot);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
