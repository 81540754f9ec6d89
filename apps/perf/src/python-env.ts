/** Variables that pin OpenBLAS to a core type or cache size in this sandbox; Python peers run with OpenBLAS's own detection. */
export const OPENBLAS_PINNING_VARIABLES = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] as const;

/** The environment of a Python peer's process: its BLAS and OpenMP on `threads` threads, OpenBLAS unpinned. */
export function pythonPeerEnv(threads: number, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  for (const name of OPENBLAS_PINNING_VARIABLES) delete env[name];
  return env;
}
