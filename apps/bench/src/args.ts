import { parseArgs } from "node:util";
import type { ProtocolName } from "./protocol.js";

/** What `pnpm bench` was asked to do. */
export interface BenchArgs {
  /** Experiment names (their folders under experiments/); empty runs them all. */
  experiments: string[];
  quick: boolean;
  dataDir?: string;
  outDir?: string;
  protocol?: ProtocolName;
  backend?: string;
  /** Run each model with this many seeds and report mean ± sd instead of one run. */
  seeds?: number;
  /** Override the experiments' epoch count. */
  epochs?: number;
  help: boolean;
}

/** A command line `pnpm bench` cannot act on; the CLI prints it with the usage text. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The usage text of `pnpm bench`. */
export const USAGE = `usage: pnpm bench [EXPERIMENT ...] [--quick] [--data-dir DIR] [--out DIR]
                  [--protocol nabla|reference] [--backend NAME] [--seeds N] [--epochs N]

  EXPERIMENT     a folder name under experiments/ (regression, classification, ...); none runs all
  --quick        each experiment's small subset and few epochs (smoke test, CI)
  --data-dir     folder holding california_housing/ and cifar-10-batches-bin/
                 (default: the NABLA_DATA_DIR environment variable)
  --out          also copy the results and the index here
  --protocol     override the experiments' protocol: nabla (each model seeded alone) or reference
                 (the report's float64 NumPy stream shared by the models in table order)
  --backend      a registered backend (default: the fastest available)
  --seeds N      run every model with N seeds and report mean ± sd and a 95% interval
  --epochs N     override the experiments' epoch count

Each experiment is a turbo task cached by its file, the built code it uses, its data's checksums,
the backend and these settings; set TURBO_API, TURBO_TOKEN and TURBO_TEAM to share a remote cache.`;

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer, got ${value}`);
  return n;
}

/** Parses `pnpm bench`'s command line with node:util's parseArgs (both --flag value and --flag=value). */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      // pnpm may forward a "--" separator; the old hand-written parsers skipped it too.
      args: argv.filter((arg) => arg !== "--"),
      allowPositionals: true,
      options: {
        quick: { type: "boolean", default: false },
        "data-dir": { type: "string" },
        out: { type: "string" },
        protocol: { type: "string" },
        backend: { type: "string" },
        seeds: { type: "string" },
        epochs: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const protocol = values.protocol;
  if (protocol !== undefined && protocol !== "nabla" && protocol !== "reference") throw new UsageError(`--protocol must be nabla or reference, got ${protocol}`);
  return {
    experiments: [...new Set(positionals)],
    quick: values.quick,
    dataDir: values["data-dir"],
    outDir: values.out,
    protocol,
    backend: values.backend,
    seeds: positiveInteger("--seeds", values.seeds),
    epochs: positiveInteger("--epochs", values.epochs),
    help: values.help,
  };
}
