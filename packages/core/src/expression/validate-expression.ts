import { EXPRESSION_OPERATORS, type Expression, type ExpressionOperator } from "./expression.js";
import { InvalidExpressionError } from "./invalid-expression-error.js";

const OPERATOR_NAMES: readonly string[] = Object.keys(EXPRESSION_OPERATORS);

/** Largest |n| accepted in pow(e, n): enough for any polynomial term, small enough to unroll. */
const MAX_POWER = 64;

/**
 * Checks that `value` (parsed JSON, or a literal in code) is an expression over `variables`, and
 * returns it typed. Throws InvalidExpressionError naming the JSON path below `path` of the first
 * problem: an unknown operator or variable, a wrong number of arguments, a number that is not
 * finite, or a power that is not a constant integer.
 */
export function validateExpression(value: unknown, variables: readonly string[], path = "$"): Expression {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new InvalidExpressionError(path, `numbers must be finite, got ${value}`);
    return value;
  }
  if (typeof value === "string") {
    if (!variables.includes(value)) throw new InvalidExpressionError(path, `unknown variable "${value}"`, variables);
    return value;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidExpressionError(path, "expected a number, a variable name or [operator, ...arguments]");
  }
  const [operator, ...args] = value as unknown[];
  if (typeof operator !== "string" || !Object.hasOwn(EXPRESSION_OPERATORS, operator)) {
    throw new InvalidExpressionError(`${path}[0]`, `unknown operator ${JSON.stringify(operator)}`, OPERATOR_NAMES);
  }
  const arity = EXPRESSION_OPERATORS[operator as ExpressionOperator];
  if (args.length !== arity) throw new InvalidExpressionError(path, `${operator} takes ${arity} argument${arity === 1 ? "" : "s"}, got ${args.length}`);
  if (operator === "pow") {
    const exponent = args[1];
    if (typeof exponent !== "number" || !Number.isInteger(exponent) || Math.abs(exponent) > MAX_POWER) {
      throw new InvalidExpressionError(`${path}[2]`, `pow needs a constant integer exponent in [−${MAX_POWER}, ${MAX_POWER}], got ${JSON.stringify(exponent)}`);
    }
  }
  const checked = args.map((argument, i) => validateExpression(argument, variables, `${path}[${i + 1}]`));
  return [operator as ExpressionOperator, ...checked];
}
