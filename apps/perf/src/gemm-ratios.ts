import type { DType } from "@nabla/core";
import type { GemmRow } from "./gemm-bench.js";

/** Nabla's fastest backend against a peer on one product, dtype and thread count. */
export interface GemmRatio {
  shape: string;
  dtype: DType;
  threads: number | null;
  nabla: GemmRow;
  peer: GemmRow;
  /** Nabla's GFLOP/s ÷ the peer's: above 1, Nabla is faster. */
  ratio: number;
}

const isNabla = (row: GemmRow) => row.backend.startsWith("nabla/");

/** For every peer row, Nabla's fastest row of the same product, dtype and thread count in the same run. */
export function gemmRatios(rows: readonly GemmRow[]): GemmRatio[] {
  const ratios: GemmRatio[] = [];
  for (const peer of rows.filter((row) => !isNabla(row))) {
    const nabla = rows
      .filter((row) => isNabla(row) && row.shape === peer.shape && row.dtype === peer.dtype && row.threads === peer.threads)
      .sort((a, b) => b.gflops - a.gflops)[0];
    if (nabla) ratios.push({ shape: peer.shape, dtype: peer.dtype, threads: peer.threads, nabla, peer, ratio: nabla.gflops / peer.gflops });
  }
  return ratios;
}
