import type { FloatArray } from "../dtype.js";
import { HELPERS, compileBoundExpression, expressionSource } from "./compile-expression.js";
import type { Expression } from "./expression.js";
import { InvalidExpressionError } from "./invalid-expression-error.js";
import { validateExpression } from "./validate-expression.js";

/**
 * An optimizer's update as data: new values for some of its tensors (the parameter, its state),
 * each an expression over the tensors' current elements and scalar hyperparameters. Assignments
 * run in order, element by element, and each reads what the earlier ones wrote: RMSprop is
 * `s ← ρs + (1 − ρ)g²` then `param ← param − lr·g/(√s + ε)` with the new s.
 */
export interface UpdateRule {
  /** Names of the tensors, in the order ops.applyUpdateRule takes them, e.g. ["param", "grad", "meanSquare"]. */
  readonly tensors: readonly string[];
  /** Names of the scalars (learning rate, step count, …), in the order ops.applyUpdateRule takes them. */
  readonly scalars: readonly string[];
  /** The assignments, in order; `target` names one of `tensors`. */
  readonly updates: readonly UpdateAssignment[];
}

/** One assignment of an UpdateRule: target ← value, elementwise. */
export interface UpdateAssignment {
  /** The tensor this assignment writes, one of the rule's `tensors`. */
  readonly target: string;
  /** Its new value, over the rule's tensors and scalars (as the earlier assignments left them). */
  readonly value: Expression;
}

/** A validated UpdateRule with the reference evaluation of each assignment. */
export interface CompiledUpdateRule extends UpdateRule {
  /** For each assignment: given the scalars, the function of the tensors' elements it assigns. */
  readonly evaluators: readonly ((...scalars: number[]) => (...elements: number[]) => number)[];
  /**
   * The whole rule as one JavaScript loop over the tensors' arrays (in the order of `tensors`),
   * every assignment per element, each later one reading the value the earlier ones stored.
   */
  readonly elementLoop: (arrays: readonly FloatArray[], scalars: readonly number[]) => void;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function names(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new InvalidExpressionError(path, "expected an array of names");
  value.forEach((name, i) => {
    if (typeof name !== "string" || !NAME.test(name)) throw new InvalidExpressionError(`${path}[${i}]`, `expected a name like "grad", got ${JSON.stringify(name)}`);
    if (value.indexOf(name) !== i) throw new InvalidExpressionError(`${path}[${i}]`, `"${name}" is named twice`);
  });
  return value as string[];
}

/**
 * Validates an update rule (parsed JSON or a literal) and compiles its reference evaluation.
 * Throws InvalidExpressionError with the JSON path below `path` of the first problem, e.g.
 * `$.updates[1].value[2]` for an unknown variable.
 */
export function compileUpdateRule(value: unknown, path = "$"): CompiledUpdateRule {
  if (typeof value !== "object" || value === null) throw new InvalidExpressionError(path, "expected { tensors, scalars, updates }");
  const rule = value as Record<string, unknown>;
  const tensors = names(rule.tensors, `${path}.tensors`);
  const scalars = names(rule.scalars ?? [], `${path}.scalars`);
  const clash = scalars.find((name) => tensors.includes(name));
  if (clash !== undefined) throw new InvalidExpressionError(`${path}.scalars`, `"${clash}" names both a tensor and a scalar`);
  if (!Array.isArray(rule.updates) || rule.updates.length === 0) throw new InvalidExpressionError(`${path}.updates`, "expected a non-empty array of { target, value }");
  const updates = rule.updates.map((update: unknown, i): UpdateAssignment => {
    const at = `${path}.updates[${i}]`;
    if (typeof update !== "object" || update === null) throw new InvalidExpressionError(at, "expected { target, value }");
    const { target, value: expression } = update as Record<string, unknown>;
    if (typeof target !== "string" || !tensors.includes(target)) throw new InvalidExpressionError(`${at}.target`, `unknown tensor ${JSON.stringify(target)}`, tensors);
    return { target, value: validateExpression(expression, [...tensors, ...scalars], `${at}.value`) };
  });
  const evaluators = updates.map(({ value: expression }) => compileBoundExpression(expression, tensors, scalars));
  return { tensors, scalars, updates, evaluators, elementLoop: compileElementLoop(tensors, scalars, updates) };
}

/**
 * One loop doing every assignment per element: tensor q is the array a<q> and the local v<q>,
 * scalar j the parameter v<tensors + j>. A target is read back after it is stored, so float32
 * arrays round it before later assignments see it, as with one map per assignment.
 */
function compileElementLoop(tensors: readonly string[], scalars: readonly string[], updates: readonly UpdateAssignment[]): CompiledUpdateRule["elementLoop"] {
  const variables = [...tensors, ...scalars];
  const arrays = tensors.map((_, q) => `a${q}`).join(", ");
  const scalarParameters = scalars.map((_, j) => `v${tensors.length + j}`).join(", ");
  const loads = tensors.map((_, q) => `v${q} = a${q}[k]`).join(", ");
  const body = updates
    .map(({ target, value }) => {
      const q = tensors.indexOf(target);
      return `a${q}[k] = ${expressionSource(value, variables)}; v${q} = a${q}[k];`;
    })
    .join(" ");
  const loop = new Function(
    "h",
    `"use strict"; return ([${arrays}], [${scalarParameters}]) => { const n = a0.length; for (let k = 0; k < n; k++) { let ${loads}; ${body} } };`,
  )(HELPERS);
  return loop as CompiledUpdateRule["elementLoop"];
}
