import { EXPRESSION_OPERATORS, type ExpressionOperator } from "@nabla/core";

// The interpreter writes every instruction's block of results to memory and the next instruction
// reads it back; for an optimizer's few multiplications and additions per element that traffic,
// not the arithmetic, is most of the time. So an add, sub, mul or div whose operand is the only use
// of an earlier instruction's result absorbs it as that instruction's `then` (native/expression-program.h):
// one loop computes both, the intermediate value never leaving the CPU's registers. Each operation
// still rounds as the reference's does; nothing is contracted into a fused multiply-add. A store
// likewise moves into the instruction computing the value it alone reads.

/**
 * result ← operation(a, b, c), then, if set, result ← then(result, c), or then(c, result) when
 * thenReversed; with an output, result is rounded to the output's dtype and stored there too.
 */
export interface ProgramInstruction {
  readonly operation: string;
  readonly result: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly then?: "add" | "sub" | "mul" | "div";
  readonly thenReversed?: boolean;
  readonly output?: number;
}

function isSecondOperation(operation: string): operation is NonNullable<ProgramInstruction["then"]> {
  return operation === "add" || operation === "sub" || operation === "mul" || operation === "div";
}

/** How many of a, b, c an operation reads: pow's exponent and store's output are part of the instruction. */
export function registersRead(operation: string): number {
  return operation === "pow" || operation === "store" ? 1 : EXPRESSION_OPERATORS[operation as ExpressionOperator];
}

function operandsOf({ operation, a, b, c, then }: ProgramInstruction): number[] {
  return then === undefined ? [a, b, c].slice(0, registersRead(operation)) : [a, b, c].slice(0, registersRead(operation)).concat(c);
}

function useCounts(code: readonly ProgramInstruction[]): Map<number, number> {
  const uses = new Map<number, number>();
  code.forEach((instruction) => operandsOf(instruction).forEach((register) => uses.set(register, (uses.get(register) ?? 0) + 1)));
  return uses;
}

/** `code` with its arithmetic fused in pairs, then its stores fused into the instructions computing what they store. */
export function fuseProgramInstructions(code: readonly ProgramInstruction[]): ProgramInstruction[] {
  return fuseStores(fuseSecondOperations(code));
}

/** `code` with each add, sub, mul and div fused into the instruction whose result it alone reads, where it can be. */
function fuseSecondOperations(code: readonly ProgramInstruction[]): ProgramInstruction[] {
  const uses = useCounts(code);
  // The instruction computing each register, while it may still be fused into a later one.
  const fusable = new Map<number, number>();
  const fused: (ProgramInstruction | undefined)[] = [];
  for (const instruction of code) {
    const { operation, result, a, b } = instruction;
    const pick = isSecondOperation(operation)
      ? ([[a, b, false], [b, a, true]] as const).find(([operand]) => fusable.has(operand) && uses.get(operand) === 1)
      : undefined;
    if (pick && isSecondOperation(operation)) {
      const [operand, other, thenReversed] = pick;
      const at = fusable.get(operand)!;
      const first = fused[at]!;
      fused[at] = undefined;
      fusable.delete(operand);
      // The first instruction's operands were computed before it, so it may run here, where `other` is ready too.
      fused.push({ ...first, result, c: other, then: operation, thenReversed });
    } else {
      // The operands of an instruction already carrying a `then` fill a, b and c; where reads all three; store writes memory.
      if (operation !== "store" && registersRead(operation) <= 2) fusable.set(result, fused.length);
      fused.push(instruction);
    }
  }
  return fused.filter((instruction) => instruction !== undefined);
}

/** `code` with each store fused into the instruction whose result it alone reads, where it can be. */
function fuseStores(code: readonly ProgramInstruction[]): ProgramInstruction[] {
  const uses = useCounts(code);
  const computedAt = new Map<number, number>();
  const fused: (ProgramInstruction | undefined)[] = [];
  for (const instruction of code) {
    const { operation, result, a, b } = instruction;
    const at = operation === "store" && uses.get(a) === 1 ? computedAt.get(a) : undefined;
    if (at !== undefined) {
      // As for a second operation, the value's operands are ready here; the store's result register holds the rounded value.
      fused.push({ ...fused[at]!, result, output: b });
      fused[at] = undefined;
    } else {
      if (operation !== "store") computedAt.set(result, fused.length);
      fused.push(instruction);
    }
  }
  return fused.filter((instruction) => instruction !== undefined);
}
