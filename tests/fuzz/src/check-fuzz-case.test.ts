import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFuzzCase } from "./check-fuzz-case.js";
import { FuzzInvariantError } from "./fuzz-invariant-error.js";
import type { FuzzTarget } from "./fuzz-target.js";

const bounds = { caseMs: 200, memorySlackBytes: 1024 * 1024 };

/** A target whose every case does `run`: deliberately broken ones show the harness catches each kind of bug. */
function target(run: () => void | Promise<void>, extra: Partial<FuzzTarget<number>> = {}): FuzzTarget<number> {
  return { name: "probe", input: fc.constant(0), run, inputBytes: () => 100, ...extra };
}

class DatasetFormatError extends Error {
  override readonly name = "DatasetFormatError";
}

describe("checkFuzzCase", () => {
  it("passes a case that returns or throws one of the library's typed errors", async () => {
    await expect(checkFuzzCase(target(() => {}), 0, bounds, new Map())).resolves.toBeUndefined();
    const typed = target(() => {
      throw new DatasetFormatError("bad");
    });
    await expect(checkFuzzCase(typed, 0, bounds, new Map())).resolves.toBeUndefined();
  });

  it.each([
    ["TypeError", () => new TypeError("x is undefined")],
    ["RangeError", () => new RangeError("Invalid typed array length")],
    ["plain Error", () => new Error("oops")],
    ["Error renamed to look typed", () => Object.assign(new Error("x"), { name: "DatasetFormatError" })],
  ])("fails a case that lets a %s escape", async (_, make) => {
    const broken = target(() => {
      throw make();
    });
    await expect(checkFuzzCase(broken, 0, bounds, new Map())).rejects.toThrow(/typed-errors invariant broken/);
  });

  it("fails a case that takes longer than the bound", async () => {
    const slow = target(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await expect(checkFuzzCase(slow, 0, bounds, new Map())).rejects.toThrow(/time invariant broken/);
  });

  it("fails a case that keeps more memory than its input justifies", async () => {
    const kept: Uint8Array[] = [];
    const greedy = target(() => void kept.push(new Uint8Array(4 * 1024 * 1024)));
    await expect(checkFuzzCase(greedy, 0, bounds, new Map())).rejects.toThrow(/memory invariant broken/);
  });

  it("counts a known failure instead of failing, and fails anything else", async () => {
    const seen = new Map<string, number>();
    const known = { note: "waiting on a fix", matches: (error: unknown) => error instanceof RangeError };
    const knownBroken = target(() => {
      throw new RangeError("Maximum call stack size exceeded");
    }, { knownFailures: [known] });
    await checkFuzzCase(knownBroken, 0, bounds, seen);
    expect(seen.get("waiting on a fix")).toBe(1);
    const otherBroken = target(() => {
      throw new TypeError("x");
    }, { knownFailures: [known] });
    await expect(checkFuzzCase(otherBroken, 0, bounds, seen)).rejects.toThrow(FuzzInvariantError);
  });
});
