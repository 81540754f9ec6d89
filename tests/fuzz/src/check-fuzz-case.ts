import { isAllowedError } from "./allowed-errors.js";
import { FuzzInvariantError } from "./fuzz-invariant-error.js";
import type { FuzzTarget } from "./fuzz-target.js";

/** Limits every case must stay within. */
export interface CaseBounds {
  /** Wall-clock time one case may take, in milliseconds. */
  readonly caseMs: number;
  /** New ArrayBuffer memory a case may hold beyond `bytesPerInputByte` × its input. */
  readonly memorySlackBytes: number;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}: ${String(error)}`;
  return `${error.name}: ${error.message}\n${error.stack ?? ""}`;
}

/**
 * Runs one input through a target and checks the invariants: only allowed errors escape, the
 * case finishes within `caseMs`, and the ArrayBuffer memory it leaves allocated (measured right
 * after it returns, before a collection can hide it) stays within the target's multiple of the
 * input size plus a constant. Throws FuzzInvariantError for the first one broken. A case that
 * throws one of the target's known failures passes, counted in `knownFailuresSeen`.
 */
export async function checkFuzzCase<Input>(
  target: FuzzTarget<Input>,
  input: Input,
  bounds: CaseBounds,
  knownFailuresSeen: Map<string, number>,
): Promise<void> {
  const memoryBefore = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  let escaped: unknown;
  try {
    await target.run(input);
  } catch (error) {
    escaped = error;
  }
  const elapsed = performance.now() - started;
  const grown = process.memoryUsage().arrayBuffers - memoryBefore;
  const known = target.knownFailures?.find((failure) => failure.matches(escaped));
  if (escaped !== undefined && known) {
    knownFailuresSeen.set(known.note, (knownFailuresSeen.get(known.note) ?? 0) + 1);
    return;
  }
  if (escaped instanceof FuzzInvariantError) throw escaped;
  if (escaped !== undefined && !isAllowedError(escaped)) {
    throw new FuzzInvariantError(target.name, "typed-errors", `an untyped error escaped: ${describeError(escaped)}`, { cause: escaped });
  }
  if (elapsed > bounds.caseMs) {
    throw new FuzzInvariantError(target.name, "time", `the case took ${elapsed.toFixed(0)} ms, more than ${bounds.caseMs} ms`);
  }
  const budget =
    (target.bytesPerInputByte ?? 16) * target.inputBytes(input) + (target.extraMemoryBytes ?? 0) + bounds.memorySlackBytes;
  if (grown > budget) {
    throw new FuzzInvariantError(
      target.name,
      "memory",
      `the case allocated ${grown} bytes of ArrayBuffers for a ${target.inputBytes(input)}-byte input, more than ${budget}`,
    );
  }
}
