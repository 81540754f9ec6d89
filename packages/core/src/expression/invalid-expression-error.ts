import { SpecError } from "../registry/spec-error.js";

/**
 * An expression that cannot be compiled as written: an unknown operator or variable, a wrong
 * number of arguments, a non-finite number. `path` is the JSON path of the offending value, e.g.
 * `$.forward[2][1]`; `available` lists what would have been accepted there.
 */
export class InvalidExpressionError extends SpecError {
  override name = "InvalidExpressionError";
  constructor(path: string, problem: string, available: readonly string[] = []) {
    super("invalid-expression", path, problem, available);
  }
}
