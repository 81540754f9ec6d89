import type { FloatArray, RandomGenerator } from "@nabla/core";

export interface BernoulliCall {
  length: number;
  p: number;
}

/**
 * A RandomGenerator whose draws are known in advance: normals are 0, 1, 2, … in the order
 * asked for, and Bernoulli masks repeat `keepPattern` (1 = keep). It records every fill call
 * and refuses the methods the layers should not use.
 */
export class ScriptedGenerator implements RandomGenerator {
  readonly algorithm = "test/scripted";
  /** Its masks are the scripted pattern, so Dropout must take them from fillBernoulli. */
  readonly masksFromStream = true;
  readonly bernoulliCalls: BernoulliCall[] = [];
  normalCalls = 0;
  private nextNormal = 0;

  constructor(private readonly keepPattern: readonly number[] = [1]) {}

  fillStandardNormal(out: FloatArray): void {
    this.normalCalls++;
    for (let k = 0; k < out.length; k++) out[k] = this.nextNormal++;
  }

  fillBernoulli(out: FloatArray, p: number): void {
    this.bernoulliCalls.push({ length: out.length, p });
    for (let k = 0; k < out.length; k++) out[k] = this.keepPattern[k % this.keepPattern.length];
  }

  nextUint32(): number {
    throw new Error("ScriptedGenerator: nextUint32 is not scripted");
  }
  nextDouble(): number {
    throw new Error("ScriptedGenerator: nextDouble is not scripted");
  }
  standardNormal(): number {
    throw new Error("ScriptedGenerator: standardNormal is not scripted (layers must fill whole arrays)");
  }
  fillUniform(): void {
    throw new Error("ScriptedGenerator: fillUniform is not scripted");
  }
  permutation(): Int32Array {
    throw new Error("ScriptedGenerator: permutation is not scripted");
  }
}
