import { describe, expect, it } from "vitest";
import { peerGemmRows } from "./peer-gemm.js";

describe("peerGemmRows", () => {
  const output = {
    seconds: { forward: [0.2, 0.1, 0.3], "weight-gradient": [0.4], "input-gradient": [] },
    library: "NumPy 2.4.6",
    blas: "scipy-openblas 0.3.31",
    dtype: "float32" as const,
    threads: 2,
  };

  it("gives one row per product timed, at the median run, counting flops as Nabla's rows do", () => {
    const rows = peerGemmRows("numpy", 50000, output);
    expect(rows.map((r) => [r.shape, r.secondsMedian, r.runs])).toEqual([
      ["X[50000×3072]·W[3072×100]", 0.2, 3],
      ["Xᵀ·G, X[50000×3072], G[50000×100]", 0.4, 1],
    ]);
    expect(rows[0].gflops).toBeCloseTo(153.6, 10);
  });

  it("names the library and its BLAS on each row, and no native instruction set", () => {
    const [first] = peerGemmRows("numpy", 50000, output);
    expect(first).toMatchObject({ backend: "numpy", blas: "NumPy 2.4.6 with scipy-openblas 0.3.31", threads: 2, dtype: "float32", nativeIsa: null });
  });
});
