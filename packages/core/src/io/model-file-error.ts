/** What is wrong with a model, checkpoint or safetensors file; `code` is stable, `problem` is for people. */
export type ModelFileErrorCode =
  | "truncated"
  | "header-too-large"
  | "invalid-header"
  | "invalid-metadata"
  | "unknown-dtype"
  | "invalid-shape"
  | "size-mismatch"
  | "overlapping-tensors"
  | "gap-between-tensors"
  | "out-of-bounds"
  | "not-a-nabla-model"
  | "unsupported-format-version"
  | "invalid-spec"
  | "missing-tensor"
  | "unexpected-tensor"
  | "tensor-mismatch"
  | "invalid-checkpoint"
  | "checkpoint-mismatch"
  | "unreadable";

/**
 * A file that cannot be loaded as it is. Names the file (`file`: a path, or the `source` label
 * given for bytes) and what is wrong with it, with the tensor or byte offset where there is one.
 */
export class ModelFileError extends Error {
  override readonly name = "ModelFileError";
  constructor(
    readonly code: ModelFileErrorCode,
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
