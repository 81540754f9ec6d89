import type { Arbitrary } from "fast-check";

/**
 * A failure already found, whose fix belongs to code this harness does not own: cases that
 * throw such an error are counted, not failed, so the rest of the target keeps being fuzzed.
 * Each names the regression test (marked `it.fails`) that will tell when it is fixed.
 */
export interface KnownFailure {
  /** Where the regression test is and what is wrong. */
  readonly note: string;
  matches(error: unknown): boolean;
}

/**
 * One thing to fuzz: how to draw an input, how to feed it to the library, and how much memory
 * that may take. Adding a target is one file that exports one of these and a line in fuzz-targets.ts.
 */
export interface FuzzTarget<Input = unknown> {
  /** Short name, used to pick the target (`FUZZ_TARGET`) and in the table. */
  readonly name: string;
  readonly input: Arbitrary<Input>;
  /**
   * Feeds one input to the library. Returning normally or throwing an allowed error passes;
   * it may throw a FuzzInvariantError itself when a result breaks a target-specific promise.
   */
  run(input: Input): void | Promise<void>;
  /** The input's size in bytes, which the memory bound scales with. */
  inputBytes(input: Input): number;
  /** How many bytes of new ArrayBuffer memory one input may justify per input byte (default 16). */
  readonly bytesPerInputByte?: number;
  /** Failures found and waiting for a fix elsewhere (see KnownFailure). */
  readonly knownFailures?: readonly KnownFailure[];
  /** Releases what the cases left behind (scratch files), after the last case. */
  dispose?(): void;
  /** How a failing input is printed (default fast-check's stringify); JSON targets print their text. */
  describe?(input: Input): string;
  /** Memory a case may take whatever its size, e.g. the parameters a small spec may ask for (default 0). */
  readonly extraMemoryBytes?: number;
}
