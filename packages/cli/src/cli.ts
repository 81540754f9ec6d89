import { registerOptionalBackends } from "./register-components.js";
import { EVALUATE_USAGE, runEvaluateCommand } from "./evaluate-command.js";
import { EXPORT_USAGE, runExportCommand } from "./export-command.js";
import { INSPECT_USAGE, runInspectCommand } from "./inspect-command.js";
import { PREDICT_USAGE, runPredictCommand } from "./predict-command.js";
import { describeFailure, USAGE_EXIT_CODE } from "./report-error.js";
import { TRAIN_USAGE, runTrainCommand } from "./train-command.js";
import { UsageError } from "./usage-error.js";

const COMMANDS = new Map<string, (args: string[]) => Promise<number>>([
  ["train", runTrainCommand],
  ["evaluate", runEvaluateCommand],
  ["predict", runPredictCommand],
  ["export", runExportCommand],
  ["inspect", runInspectCommand],
]);

const USAGE = [
  "usage:",
  ...[TRAIN_USAGE, EVALUATE_USAGE, PREDICT_USAGE, EXPORT_USAGE, INSPECT_USAGE].map((line) => `  ${line}`),
  "every command takes --plugin PACKAGE (repeatable: import a package of spec components first), --quiet and --verbose",
].join("\n");

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? USAGE_EXIT_CODE : 0;
  }
  const command = COMMANDS.get(name);
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${[...COMMANDS.keys()].join(", ")})`);
  await registerOptionalBackends();
  return command(args);
}

// `nabla predict … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const { text, exitCode } = describeFailure(error, argv.includes("--verbose"));
    process.stderr.write(`${text}\n`);
    process.exitCode = exitCode;
  },
);
