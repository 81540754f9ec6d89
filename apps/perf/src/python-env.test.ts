import { describe, expect, it } from "vitest";
import { pythonPeerEnv } from "./python-env.js";

describe("pythonPeerEnv", () => {
  it("sets the BLAS and OpenMP thread counts and drops the sandbox's OpenBLAS pinning, keeping the rest", () => {
    const env = pythonPeerEnv(2, { PATH: "/bin", OPENBLAS_CORETYPE: "Haswell", OPENBLAS_L2_SIZE: "512", OMP_NUM_THREADS: "8" });
    expect(env).toEqual({ PATH: "/bin", OPENBLAS_NUM_THREADS: "2", OMP_NUM_THREADS: "2" });
  });
});
