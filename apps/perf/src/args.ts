export const SECTIONS = ["gemm", "epochs", "plugins", "heap", "peers"] as const;
export type Section = (typeof SECTIONS)[number];
export const PEERS = ["tfjs", "jax", "numpy"] as const;
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
  --no-peers      skip TensorFlow.js, jax-js and NumPy
  --only LIST     run only some of: ${SECTIONS.join(",")} (comma separated)
  --peers LIST    run only some peers: ${PEERS.join(",")} (comma separated)
  --runs N        timed runs per GEMM (default 5, 3 with --quick)
  --threads LIST  thread counts for backends that take one (default: 1 and every core)
  --budget S      skip a configuration whose estimated time exceeds S seconds (default 300, 60 with --quick)
  --render FILE   measure nothing: rewrite BENCHMARKS.md from the numbers of an earlier run's perf.json

  NABLA_PYTHON    the interpreter for the NumPy peer (default: python3 on PATH)`;

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer, got "${value}"`);
  return n;
}

export function parseArgs(argv: readonly string[]): PerfArgs {
  const args: PerfArgs = { quick: false, sections: [...SECTIONS], peers: [...PEERS] };
  let peers = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--quick":
        args.quick = true;
        break;
      case "--out":
        args.outDir = value();
        break;
      case "--markdown":
        args.markdownPath = value();
        break;
      case "--no-peers":
        peers = false;
        break;
      case "--only": {
        const wanted = value().split(",");
        const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
        if (unknown.length > 0) throw new UsageError(`--only takes ${SECTIONS.join(", ")}; got ${unknown.join(", ")}`);
        args.sections = SECTIONS.filter((s) => wanted.includes(s));
        break;
      }
      case "--peers": {
        const wanted = value().split(",");
        const unknown = wanted.filter((p) => !(PEERS as readonly string[]).includes(p));
        if (unknown.length > 0) throw new UsageError(`--peers takes ${PEERS.join(", ")}; got ${unknown.join(", ")}`);
        args.peers = PEERS.filter((p) => wanted.includes(p));
        break;
      }
      case "--runs":
        args.runs = positiveInteger("--runs", value());
        break;
      case "--threads":
        args.threads = [...new Set(value().split(",").map((t) => positiveInteger("--threads", t)))];
        break;
      case "--budget":
        args.budgetSeconds = positiveInteger("--budget", value());
        break;
      case "--render":
        args.renderFrom = value();
        break;
      case "--":
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (!peers) args.sections = args.sections.filter((s) => s !== "peers");
  return args;
}
