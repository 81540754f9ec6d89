import { DTYPES, type DType, type Expression, compileExpression, compileUpdateRule, expressionActivation, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { loadNativeAddon } from "./native-addon.js";
import { createNativeBackend, supportedNativeIsas } from "./native-backend.js";
import { NATIVE_ISAS } from "./native-isa.js";

// Every expression operator of the compiled programs against the reference evaluation, on the
// inputs where implementations part ways: NaN, ±Infinity, signed zeros, subnormals, the edges
// of exp's range and erf's series. Operations that round once (arithmetic, sqrt, powers) and
// those that do not round (comparisons, min, max, where, neg, abs) must give the reference's bits;
// exp, log, log1p, tanh, sigmoid and erf a few ulps, with the reference's NaNs, infinities and
// zero signs.

const SPECIAL = [
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e-310, -1e-310, 1e-300, 1e-40, -1e-8, 0.5, -0.5, 1, -1, 2, 2.5,
  -2.5, 2.9999, 3, 3.5, -4.75, 5.999, 6, 7, 20, -20, 354, 400, -400, 709.5, 709.8, -709.5, -744, -745.2, 800, -1000, 1e30, -1e30, 1e308, -1e308,
];

const EXACT_UNARY: Expression[] = [["neg", "x"], ["abs", "x"], ["sqrt", "x"], ...[-3, -2, -1, 0, 1, 2, 3, 5].map((n): Expression => ["pow", "x", n])];
const TRANSCENDENTAL: Expression[] = [["exp", "x"], ["log", "x"], ["log1p", "x"], ["tanh", "x"], ["sigmoid", "x"], ["erf", "x"]];
const BINARY = ["add", "sub", "mul", "div", "min", "max", "lt", "le", "gt", "ge", "eq", "ne"] as const;

const ULP: Record<DType, number> = { float32: 2 ** -23, float64: 2 ** -52 };
const SMALLEST_NORMAL: Record<DType, number> = { float32: 2 ** -126, float64: 2 ** -1022 };

function tensorOf(values: readonly number[], dtype: DType, backend: ReturnType<typeof createNativeBackend>): Tensor {
  const t = Tensor.zeros([values.length], { dtype, backend });
  t.data.set(values);
  return t;
}

/** The reference's value as the dtype stores it. */
function stored(value: number, dtype: DType): number {
  return dtype === "float32" ? Math.fround(value) : value;
}

function describeValue(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

const { reason: unavailable } = loadNativeAddon();
for (const isa of NATIVE_ISAS) {
  const skip = unavailable !== undefined || !supportedNativeIsas().includes(isa);
  describe.skipIf(skip).each(DTYPES)(`the native ${isa} expression programs in %s`, (dtype) => {
    const special = SPECIAL.map((v) => stored(v, dtype));
    // Seven times over: the evaluator reads a full block of 256 elements from the input array itself
    // and copies the last, partial one, so both ways are checked (the pairs below fill six blocks).
    const inputs = Array.from({ length: 7 }, () => special).flat();

    function activate(forward: Expression): { actual: number[]; expected: number[] } {
      const backend = createNativeBackend({ isa, threads: 1 });
      const fn = expressionActivation({ name: "probe", forward, derivative: 0 });
      const out = Tensor.zeros([inputs.length], { dtype, backend });
      backend.activate(fn, tensorOf(inputs, dtype, backend), out);
      const reference = compileExpression(forward, ["x"]);
      return { actual: Array.from(out.data), expected: inputs.map((x) => stored(reference(x), dtype)) };
    }

    it.each(EXACT_UNARY.map((e) => [JSON.stringify(e), e] as const))("%s gives the reference's bits", (_, forward) => {
      const { actual, expected } = activate(forward);
      actual.forEach((value, k) => expect(describeValue(value), `x = ${describeValue(inputs[k])}`).toBe(describeValue(expected[k])));
    });

    it.each(TRANSCENDENTAL.map((e) => [JSON.stringify(e), e] as const))("%s is within a few ulps, with the reference's NaNs, infinities and zero signs", (_, forward) => {
      const { actual, expected } = activate(forward);
      actual.forEach((value, k) => {
        const where = `x = ${describeValue(inputs[k])}: ${describeValue(value)} vs ${describeValue(expected[k])}`;
        if (!Number.isFinite(expected[k]) || expected[k] === 0) return expect(describeValue(value), where).toBe(describeValue(expected[k]));
        expect(Math.abs(value - expected[k]), where).toBeLessThanOrEqual(8 * ULP[dtype] * Math.abs(expected[k]) + SMALLEST_NORMAL[dtype]);
      });
    });

    it.each(BINARY)("%s gives the reference's bits on every pair of special values, NaN and −0 included", (operator) => {
      const backend = createNativeBackend({ isa, threads: 1 });
      const rule = compileUpdateRule({ tensors: ["a", "b", "out"], updates: [{ target: "out", value: [operator, "a", "b"] }] });
      const a = special.flatMap((x) => special.map(() => x));
      const b = special.flatMap(() => special);
      const out = tensorOf(a.map(() => 0), dtype, backend);
      backend.applyUpdateRule!(rule, [tensorOf(a, dtype, backend), tensorOf(b, dtype, backend), out], []);
      const reference = compileExpression([operator, "a", "b"], ["a", "b"]);
      Array.from(out.data).forEach((value, k) => {
        expect(describeValue(value), `${describeValue(a[k])} ${operator} ${describeValue(b[k])}`).toBe(describeValue(stored(reference(a[k], b[k]), dtype)));
      });
    });

    it("where(c, a, b) takes a for every c but ±0, NaN included", () => {
      const { actual, expected } = activate(["where", "x", ["neg", "x"], 7]);
      expect(actual.map(describeValue)).toEqual(expected.map(describeValue));
    });
  });
}
