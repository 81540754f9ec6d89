import { describe, expect, it } from "vitest";
import { DTYPES, type DType, type FloatArray } from "./dtype.js";
import { compileUpdateRule } from "./expression/update-rule.js";
import { ADAM_UPDATE_RULE, SGD_UPDATE_RULE } from "./fused-update-rules.js";
import { Xoshiro128Generator } from "./random/xoshiro128.js";

// The loops the reference backend ran for sgdUpdate and adamUpdate before their math became update
// rules (issue #13), kept as the pin: the report's Table 1 is reproduced digit for digit with
// exactly these bits.
function handWrittenSgd(ws: FloatArray, gs: FloatArray, lr: number): void {
  for (let k = 0; k < ws.length; k++) ws[k] -= lr * gs[k];
}

function handWrittenAdam(ws: FloatArray, gs: FloatArray, ms: FloatArray, vs: FloatArray, lr: number, beta1: number, beta2: number, eps: number, step: number): void {
  const correction1 = 1 - beta1 ** step;
  const correction2 = 1 - beta2 ** step;
  for (let k = 0; k < ws.length; k++) {
    const g = gs[k];
    ms[k] = beta1 * ms[k] + (1 - beta1) * g;
    vs[k] = beta2 * vs[k] + (1 - beta2) * g * g;
    const mHat = ms[k] / correction1;
    const vHat = vs[k] / correction2;
    ws[k] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
}

const SPECIAL = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, 1e-40, 1e-20, 1e20, 1e38, 1e200, -1e300];

/** Special values, then values at every scale from 1e-30 to 1e30 and standard normals. */
function values(count: number, seed: number): number[] {
  const generator = new Xoshiro128Generator(seed);
  return [
    ...SPECIAL,
    ...Array.from({ length: count }, (_, i) => (i % 2 === 0 ? generator.standardNormal() : (generator.nextDouble() < 0.5 ? -1 : 1) * 10 ** (60 * generator.nextDouble() - 30))),
  ];
}

function arrays(dtype: DType, count: number, seeds: number[]): [FloatArray[], FloatArray[]] {
  const make = () => seeds.map((seed) => (dtype === "float64" ? Float64Array : Float32Array).from(values(count, seed)));
  return [make(), make()];
}

function mismatches(actual: FloatArray[], expected: FloatArray[]): number[][] {
  return actual.flatMap((array, q) => [...array].flatMap((v, k) => (Object.is(v, expected[q][k]) ? [] : [[q, k]])));
}

describe.each(DTYPES)("the built-in update rules in %s", (dtype) => {
  it("SGD_UPDATE_RULE gives the bits of the reference's hand-written loop, over three steps and extreme values", () => {
    const rule = compileUpdateRule(SGD_UPDATE_RULE);
    const [declared, handWritten] = arrays(dtype, 20_000, [1, 2]);
    for (const lr of [1e-3, 0.1, 3]) {
      rule.elementLoop(declared, [lr]);
      handWrittenSgd(handWritten[0], handWritten[1], lr);
    }
    expect(mismatches(declared, handWritten)).toEqual([]);
  });

  it("ADAM_UPDATE_RULE gives the bits of the reference's hand-written loop, parameters and both moments, over five steps", () => {
    const rule = compileUpdateRule(ADAM_UPDATE_RULE);
    const [declared, handWritten] = arrays(dtype, 20_000, [3, 4, 5, 6]);
    handWritten[3].forEach((v, k) => (declared[3][k] = handWritten[3][k] = Math.abs(v)));
    const [lr, beta1, beta2, eps] = [1e-3, 0.9, 0.999, 1e-8];
    for (let step = 1; step <= 5; step++) {
      rule.elementLoop(declared, [lr, beta1, beta2, eps, 1 - beta1 ** step, 1 - beta2 ** step]);
      handWrittenAdam(handWritten[0], handWritten[1], handWritten[2], handWritten[3], lr, beta1, beta2, eps, step);
    }
    expect(mismatches(declared, handWritten)).toEqual([]);
  });
});
