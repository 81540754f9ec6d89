/** Element types a tensor can hold. */
export type DType = "float32" | "float64";

/** The contiguous storage behind a tensor of either dtype. */
export type FloatArray = Float32Array | Float64Array;

/** Both dtypes, for tests and loops that cover each. */
export const DTYPES: readonly DType[] = ["float32", "float64"];

/** Whether `value` names a dtype ("float32" or "float64"). */
export function isDType(value: unknown): value is DType {
  return value === "float32" || value === "float64";
}
