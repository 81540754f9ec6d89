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
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "ModelFileError";
  constructor(
    /** What kind of problem it is; stable, for programs. */
    readonly code: ModelFileErrorCode,
    /** The file (or the `source` given for bytes). */
    readonly file: string,
    /** What is wrong and where (the byte offset or tensor), for people. */
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
