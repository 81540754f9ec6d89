import { describe, expect, it } from "vitest";
import { UsageError, parsePerfArgs } from "./args.js";

describe("parsePerfArgs", () => {
  it("runs every section and peer by default", () => {
    expect(parsePerfArgs([])).toEqual({ quick: false, sections: ["gemm", "epochs", "minibatch", "plugins", "heap", "peers"], peers: ["tfjs", "jax", "numpy", "torch"] });
  });

  it("reads --quick, --out, --no-peers and thread lists", () => {
    const args = parsePerfArgs(["--quick", "--out=/tmp/x", "--no-peers", "--threads", "1,2,2"]);
    expect(args).toMatchObject({ quick: true, outDir: "/tmp/x", sections: ["gemm", "epochs", "minibatch", "plugins", "heap"], threads: [1, 2] });
  });

  it("runs no peer at all with --no-peers, not even in the GEMM section", () => {
    expect(parsePerfArgs(["--no-peers"]).peers).toEqual([]);
    expect(parsePerfArgs(["--peers", "torch"]).peers).toEqual(["torch"]);
  });

  it("reads --render with the perf.json to rewrite BENCHMARKS.md from", () => {
    expect(parsePerfArgs(["--render", "results/perf.json", "--markdown", "/tmp/B.md"])).toMatchObject({ renderFrom: "results/perf.json", markdownPath: "/tmp/B.md" });
    expect(() => parsePerfArgs(["--render"])).toThrow(UsageError);
  });

  it("picks the mini-batch section alone with --only minibatch", () => {
    expect(parsePerfArgs(["--only", "minibatch"]).sections).toEqual(["minibatch"]);
  });

  it("rejects unknown flags and sections", () => {
    expect(() => parsePerfArgs(["--fast"])).toThrow(UsageError);
    expect(() => parsePerfArgs(["--only", "gemm,speed"])).toThrow(/speed/);
    expect(() => parsePerfArgs(["--runs", "0"])).toThrow(/positive integer/);
  });
});
