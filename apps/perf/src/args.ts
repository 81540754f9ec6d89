import { parseArgs } from "node:util";

export const SECTIONS = ["gemm", "epochs", "minibatch", "plugins", "heap", "peers"] as const;
export type Section = (typeof SECTIONS)[number];
export const PEERS = ["tfjs", "jax", "numpy", "torch"] as const;
export type Peer = (typeof PEERS)[number];

export interface PerfArgs {
  quick: boolean;
  outDir?: string;
  /** Where BENCHMARKS.md goes (default: the repo root for a full run, the out folder with --quick). */
  markdownPath?: string;
  sections: Section[];
  peers: Peer[];
  /** Timed runs per GEMM (median reported). */
  runs?: number;
  /** Thread counts tried on backends that take one. */
  threads?: number[];
  /** Longest a single timed configuration may be expected to take before it is skipped, in seconds. */
  budgetSeconds?: number;
  /** A perf.json to rewrite BENCHMARKS.md from, measuring nothing. */
  renderFrom?: string;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage: pnpm bench:perf [--quick] [--out DIR] [--markdown FILE] [--no-peers] [--only LIST]
                       [--peers LIST] [--runs N] [--threads LIST] [--budget SECONDS]
       pnpm bench:perf --render PERF_JSON [--markdown FILE]

  --quick         5,000 rows instead of 50,000 for the CIFAR shapes, fewer runs and epochs
  --out DIR       where perf.json goes (default apps/perf/results, apps/perf/results-quick with --quick)
  --markdown FILE where BENCHMARKS.md goes (default: the repo root; with --quick, the out folder)
  --no-peers      skip TensorFlow.js, jax-js, NumPy and PyTorch in the epochs and GEMM sections (the
                  minibatch section still runs NumPy's mini-batch loop)
  --only LIST     run only some of: ${SECTIONS.join(",")} (comma separated)
  --peers LIST    run only some peers: ${PEERS.join(",")} (comma separated); numpy and torch
                  also time the GEMM section's products
  --runs N        timed runs per GEMM (default 5, 3 with --quick)
  --threads LIST  thread counts for backends that take one (default: 1 and every core)
  --budget S      skip a configuration whose estimated time exceeds S seconds (default 300, 60 with --quick)
  --render FILE   measure nothing: rewrite BENCHMARKS.md from the numbers of an earlier run's perf.json

  NABLA_PYTHON        the interpreter for the NumPy peer (default: python3 on PATH)
  NABLA_TORCH_PYTHON  the interpreter for the PyTorch peer (default: /usr/bin/python3)`;

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer, got "${value}"`);
  return n;
}

function listOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const wanted = text.split(",");
  const unknown = wanted.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) throw new UsageError(`${flag} takes ${allowed.join(", ")}; got ${unknown.join(", ")}`);
  return allowed.filter((item) => wanted.includes(item));
}

/** Parses `pnpm bench:perf`'s command line with node:util's parseArgs (both --flag value and --flag=value). */
export function parsePerfArgs(argv: readonly string[]): PerfArgs {
  let values;
  try {
    ({ values } = parseArgs({
      // pnpm may forward a "--" separator; the old hand-written parsers skipped it too.
      args: argv.filter((arg) => arg !== "--"),
      options: {
        quick: { type: "boolean", default: false },
        out: { type: "string" },
        markdown: { type: "string" },
        "no-peers": { type: "boolean", default: false },
        only: { type: "string" },
        peers: { type: "string" },
        runs: { type: "string" },
        threads: { type: "string" },
        budget: { type: "string" },
        render: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const args: PerfArgs = { quick: values.quick, sections: [...SECTIONS], peers: [...PEERS] };
  if (values.out !== undefined) args.outDir = values.out;
  if (values.markdown !== undefined) args.markdownPath = values.markdown;
  if (values.only !== undefined) args.sections = listOf("--only", values.only, SECTIONS);
  if (values.peers !== undefined) args.peers = listOf("--peers", values.peers, PEERS);
  if (values.runs !== undefined) args.runs = positiveInteger("--runs", values.runs);
  if (values.threads !== undefined) args.threads = [...new Set(values.threads.split(",").map((t) => positiveInteger("--threads", t)))];
  if (values.budget !== undefined) args.budgetSeconds = positiveInteger("--budget", values.budget);
  if (values.render !== undefined) args.renderFrom = values.render;
  if (values["no-peers"]) {
    args.sections = args.sections.filter((s) => s !== "peers");
    args.peers = [];
  }
  return args;
}
