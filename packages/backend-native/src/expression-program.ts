import type { ActivationExpression, CompiledUpdateRule, Expression } from "@nabla/core";
import { fuseProgramInstructions, registersRead, type ProgramInstruction } from "./fuse-program-instructions.js";

// Expressions as the register programs the addon evaluates (native/expression-program.h): inputs,
// scalars and constants in the first registers, then one result register per distinct
// subexpression of an assignment, each computed once (GELU's tanh u in its derivative), and a
// store per assignment. Instructions that read no input (an optimizer's 1 − β) come first and run
// once per evaluation rather than per element; the others are fused where they can be
// (fuse-program-instructions.ts). The operations and their order are the reference evaluation's
// (compileExpression in @nabla/core); only the transcendental functions' last bits differ.

/** A program as the addon's compileExpression takes it. */
export interface ExpressionProgramCode {
  /** Eight int32 per instruction: operation, result, a, b, c, then (an operation code, or −1), then reversed (1 or 0), output (or −1). */
  readonly code: Int32Array;
  /** The constants' values, in register order after the inputs and scalars. */
  readonly constants: Float64Array;
  readonly inputs: number;
  readonly scalars: number;
  readonly outputs: number;
  readonly registers: number;
  /** How many instructions, first in `code`, read only scalars, constants and each other. */
  readonly uniform: number;
}

/** output ← value; later assignments then read the stored (rounded) value as the variable `rebinds`. */
export interface ProgramAssignment {
  readonly output: number;
  readonly value: Expression;
  readonly rebinds?: string;
}

/** −0 spelled out: JSON writes it as 0, and mul(−0, x) differs from mul(0, x) in sign. */
export function expressionKey(value: unknown): string {
  return JSON.stringify(value, (_, part: unknown) => (Object.is(part, -0) ? "-0" : part));
}

function collectConstants(e: Expression, into: Map<string, number>): void {
  if (typeof e === "number") {
    into.set(expressionKey(e), e);
  } else if (typeof e === "object") {
    // pow's exponent is part of the instruction, not a register.
    const [operator, ...args] = e;
    (operator === "pow" ? args.slice(0, 1) : args).forEach((argument) => collectConstants(argument, into));
  }
}

/**
 * Compiles assignments over `inputs` (one element of each input array) and `scalars` into a
 * program; `operations` is the addon's list of operation names, whose positions are their codes.
 */
export function compileExpressionProgram(
  inputs: readonly string[],
  scalars: readonly string[],
  assignments: readonly ProgramAssignment[],
  outputs: number,
  operations: readonly string[],
): ExpressionProgramCode {
  const codeOf = (name: string) => {
    const code = operations.indexOf(name);
    if (code < 0) throw new RangeError(`the native addon has no expression operation "${name}"; rebuild it`);
    return code;
  };
  const constantValues = new Map<string, number>();
  assignments.forEach(({ value }) => collectConstants(value, constantValues));
  const constantRegisters = new Map<string, number>();
  [...constantValues.keys()].forEach((key, j) => constantRegisters.set(key, inputs.length + scalars.length + j));
  const variables = new Map<string, number>([...inputs.map((name, q) => [name, q] as const), ...scalars.map((name, j) => [name, inputs.length + j] as const)]);

  const uniformCode: ProgramInstruction[] = [];
  const code: ProgramInstruction[] = [];
  let registers = inputs.length + scalars.length + constantValues.size;
  // Registers whose value is the same for every element: scalars, constants, and results of those.
  const uniformRegisters = new Set<number>(Array.from({ length: scalars.length + constantValues.size }, (_, j) => inputs.length + j));
  const emit = (operation: string, a: number, b = 0, c = 0) => {
    const result = registers++;
    const operands = [a, b, c].slice(0, registersRead(operation));
    const uniform = operation !== "store" && operands.every((register) => uniformRegisters.has(register));
    if (uniform) uniformRegisters.add(result);
    (uniform ? uniformCode : code).push({ operation, result, a, b, c });
    return result;
  };
  for (const { output, value, rebinds } of assignments) {
    // Shared subexpressions per assignment: a later one may read a variable this one rebinds.
    const computed = new Map<string, number>();
    const compile = (e: Expression): number => {
      if (typeof e === "number") return constantRegisters.get(expressionKey(e))!;
      if (typeof e === "string") {
        const register = variables.get(e);
        if (register === undefined) throw new RangeError(`compileExpressionProgram: unknown variable "${e}"`);
        return register;
      }
      const key = expressionKey(e);
      let register = computed.get(key);
      if (register === undefined) {
        const [operator, ...args] = e;
        register = operator === "pow" ? emit("pow", compile(args[0]), args[1] as number) : emit(operator, ...(args.map(compile) as [number, number?, number?]));
        computed.set(key, register);
      }
      return register;
    };
    const stored = emit("store", compile(value), output);
    if (rebinds !== undefined) variables.set(rebinds, stored);
  }
  const encode = ({ operation, result, a, b, c, then, thenReversed, output }: ProgramInstruction) =>
    [codeOf(operation), result, a, b, c, then === undefined ? -1 : codeOf(then), thenReversed ? 1 : 0, output ?? -1];
  return {
    code: Int32Array.from([...uniformCode, ...fuseProgramInstructions(code)].flatMap(encode)),
    constants: Float64Array.from(constantValues.values()),
    inputs: inputs.length,
    scalars: scalars.length,
    outputs,
    registers,
    uniform: uniformCode.length,
  };
}

/** The gradient flowing into an activation's output: a name no derivative can use (they read only "x" and "y"). */
const GRADIENT = "∂L/∂a";

/** a = g(z): input z as "x", output a. */
export function activationForwardProgram(expression: ActivationExpression, operations: readonly string[]): ExpressionProgramCode {
  return compileExpressionProgram(["x"], [], [{ output: 0, value: expression.forward }], 1, operations);
}

/** ∂L/∂z = ∂L/∂a · g'(z), as the reference backend multiplies: inputs z ("x"), a ("y") and ∂L/∂a, output ∂L/∂z. */
export function activationBackwardProgram(expression: ActivationExpression, operations: readonly string[]): ExpressionProgramCode {
  return compileExpressionProgram(["x", "y", GRADIENT], [], [{ output: 0, value: ["mul", GRADIENT, expression.derivative] }], 1, operations);
}

/** One step of `rule`: its tensors are both the inputs and the outputs, in the rule's order. */
export function updateRuleProgram(rule: CompiledUpdateRule, operations: readonly string[]): ExpressionProgramCode {
  const assignments = rule.updates.map(({ target, value }) => ({ output: rule.tensors.indexOf(target), value, rebinds: target }));
  return compileExpressionProgram(rule.tensors, rule.scalars, assignments, rule.tensors.length, operations);
}
