/** The exit status of a user error: a bad flag, a missing file, a spec or data that does not fit. */
export const USAGE_EXIT_CODE = 2;
/** The exit status of anything else (a bug, or a failure the user could not have prevented). */
export const FAILURE_EXIT_CODE = 1;

// Matched by name, not instanceof, so errors from another installed copy of a package count too.
const USER_ERROR_NAMES = new Set([
  "UsageError",
  "ColumnNotFoundError",
  "MissingCellError",
  "TextColumnError",
  "UnseenCategoryError",
  "SpecError",
  "UnknownComponentError",
  "DatasetFormatError",
  "DatasetNotFoundError",
  "DataDirNotSetError",
  "ModelFileError",
]);
const USER_FILE_ERROR_CODES = new Set(["ENOENT", "EACCES", "EISDIR", "ENOTDIR", "EEXIST", "EROFS"]);

/** What the command prints for an error (one line unless `verbose`) and the status it exits with. */
export function describeFailure(error: unknown, verbose: boolean): { text: string; exitCode: number } {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  const isUserError = USER_ERROR_NAMES.has(err.name) || (typeof code === "string" && USER_FILE_ERROR_CODES.has(code));
  const firstLine = err.message.split("\n")[0];
  const line = isUserError ? `nabla: ${firstLine}` : `nabla: unexpected ${err.name}: ${firstLine}${verbose ? "" : " (run with --verbose for the stack trace)"}`;
  return {
    text: verbose && err.stack ? `${line}\n${err.stack}` : line,
    exitCode: isUserError ? USAGE_EXIT_CODE : FAILURE_EXIT_CODE,
  };
}
