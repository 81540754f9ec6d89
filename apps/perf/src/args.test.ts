import { describe, expect, it } from "vitest";
import { UsageError, parseArgs } from "./args.js";

describe("parseArgs", () => {
  it("runs every section and peer by default", () => {
    expect(parseArgs([])).toEqual({ quick: false, sections: ["gemm", "epochs", "plugins", "heap", "peers"], peers: ["tfjs", "jax", "numpy"] });
  });

  it("reads --quick, --out, --no-peers and thread lists", () => {
    const args = parseArgs(["--quick", "--out=/tmp/x", "--no-peers", "--threads", "1,2,2"]);
    expect(args).toMatchObject({ quick: true, outDir: "/tmp/x", sections: ["gemm", "epochs", "plugins", "heap"], threads: [1, 2] });
  });

  it("reads --render with the perf.json to rewrite BENCHMARKS.md from", () => {
    expect(parseArgs(["--render", "results/perf.json", "--markdown", "/tmp/B.md"])).toMatchObject({ renderFrom: "results/perf.json", markdownPath: "/tmp/B.md" });
    expect(() => parseArgs(["--render"])).toThrow(/needs a value/);
  });

  it("rejects unknown flags and sections", () => {
    expect(() => parseArgs(["--fast"])).toThrow(UsageError);
    expect(() => parseArgs(["--only", "gemm,speed"])).toThrow(/speed/);
    expect(() => parseArgs(["--runs", "0"])).toThrow(/positive integer/);
  });
});
