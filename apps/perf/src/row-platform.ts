import type { Backend } from "@nabla/core";
import { cpuModel } from "./machine-info.js";

/** Where a row was measured, kept on every row so that rows from different runs can be compared. */
export interface RowPlatform {
  /** The CPU, as machineInfo() names it. */
  cpuModel: string;
  /** The instruction set path the native backend's kernels ran (avx512, avx2, generic); null for every other backend and peer. */
  nativeIsa: string | null;
}

/** The platform of a row measured on `backend` (a peer system passes none). */
export function rowPlatform(backend?: Backend): RowPlatform {
  // The native backend reports its path as `isa` (see @nabla/backend-native's NativeBackend).
  const isa = (backend as (Backend & { isa?: unknown }) | undefined)?.isa;
  return { cpuModel: cpuModel(), nativeIsa: typeof isa === "string" ? isa : null };
}
