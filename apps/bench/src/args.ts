export type TaskName = "regression" | "classification";
export const TASKS: readonly TaskName[] = ["regression", "classification"];
export type ProtocolName = "nabla" | "reference";

export interface BenchArgs {
  tasks: TaskName[];
  quick: boolean;
  dataDir?: string;
  outDir?: string;
  protocol: ProtocolName;
  backend?: string;
  /** Run each model with this many seeds and report mean ± sd instead of one run. */
  seeds?: number;
  /** Override the experiment's epoch count. */
  epochs?: number;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage: pnpm bench [regression|classification] [--quick] [--data-dir DIR] [--out DIR]
                  [--protocol nabla|reference] [--backend NAME] [--seeds N] [--epochs N]

  no task        run both experiments
  --quick        a small subset and few epochs (smoke test, CI)
  --data-dir     folder holding california_housing/ and cifar-10-batches-bin/
                 (default: the NABLA_DATA_DIR environment variable)
  --out          results folder (default: apps/bench/results, or apps/bench/results-quick with --quick)
  --protocol     nabla (default generator, each model seeded alone) or reference (the report's
                 float64 NumPy stream shared by the models in table order)
  --backend      a registered backend (default: the fastest available)
  --seeds N      run every model with N seeds and report mean ± sd and a 95% interval
  --epochs N     override the experiment's epoch count`;

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer, got ${value ?? "nothing"}`);
  return n;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { tasks: [], quick: false, protocol: "nabla" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "regression":
      case "classification":
        if (!args.tasks.includes(flag)) args.tasks.push(flag);
        break;
      case "--quick":
        args.quick = true;
        break;
      case "--data-dir":
        args.dataDir = value();
        break;
      case "--out":
        args.outDir = value();
        break;
      case "--protocol": {
        const protocol = value();
        if (protocol !== "nabla" && protocol !== "reference") throw new UsageError(`--protocol must be nabla or reference, got ${protocol}`);
        args.protocol = protocol;
        break;
      }
      case "--backend":
        args.backend = value();
        break;
      case "--seeds":
        args.seeds = positiveInteger("--seeds", value());
        break;
      case "--epochs":
        args.epochs = positiveInteger("--epochs", value());
        break;
      case "--":
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (args.tasks.length === 0) args.tasks = [...TASKS];
  return args;
}
