import { DTYPES } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { compileExpressionProgram } from "./expression-program.js";
import { loadNativeAddon } from "./native-addon.js";

// The evaluator reads an input straight from the caller's array where that is safe. Where an output
// shares the input's memory and a later instruction reads the input, it must read a copy taken
// before the store, as the reference evaluation would: in full blocks (read directly) and in the
// last, partial one (always copied).

const { addon } = loadNativeAddon();
const cases = (addon?.supportedIsas() ?? []).flatMap((isa) => DTYPES.flatMap((dtype) => [1, 2].map((threads) => [isa, dtype, threads] as const)));

describe.skipIf(addon === undefined)("the native expression evaluator", () => {
  it.each(cases)("reads an input stored over in place as it was before the store (%s, %s, %i threads)", (isa, dtype, threads) => {
    const operations = addon!.expressionOperations();
    // x ← 2x, then y ← x + 1 from the x read before the store (no rebinding).
    const { code, constants, inputs, scalars, outputs, registers, uniform } = compileExpressionProgram(
      ["x"],
      [],
      [
        { output: 0, value: ["mul", "x", 2] },
        { output: 1, value: ["add", "x", 1] },
      ],
      2,
      operations,
    );
    const program = addon!.compileExpression(code, constants, inputs, scalars, outputs, registers, uniform);
    const array = (values: number[]) => (dtype === "float32" ? Float32Array.from(values) : Float64Array.from(values));
    // Blocks are 256 elements: several full ones, and a partial one at the end.
    const size = 70_001;
    const before = Array.from({ length: size }, (_, k) => k - 35_000);
    const x = array(before);
    const y = array(new Array<number>(size).fill(0));
    addon!.kernels(isa).evaluateExpression(program, [x], [x, y], new Float64Array(0), threads);
    const wrong = (values: ArrayLike<number>, expected: (v: number) => number) => before.findIndex((v, k) => values[k] !== expected(v));
    expect(wrong(x, (v) => 2 * v)).toBe(-1);
    expect(wrong(y, (v) => v + 1)).toBe(-1);
  });
});
