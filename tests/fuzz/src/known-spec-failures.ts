import type { KnownFailure } from "./fuzz-target.js";
import { FuzzInvariantError } from "./fuzz-invariant-error.js";

// Spec validation is being rewritten on TypeBox (feat-schema); these wait for that rewrite.

/** A deeply nested value in a spec overflows the stack in JSON.stringify while its SpecError message is written. */
export const DEEP_SPEC_STACK_OVERFLOW: KnownFailure = {
  note: "packages/core/src/spec/untrusted-spec.test.ts: a deeply nested value overflows the stack in JSON.stringify while the SpecError message is written (spec validation, feat-schema)",
  matches: (error) => error instanceof RangeError && error.message.includes("Maximum call stack size exceeded"),
};

/** validateOptions tests `key in schema`, so option keys that Object.prototype has pass as declared. */
export const PROTOTYPE_OPTION_KEYS_ACCEPTED: KnownFailure = {
  note: "packages/core/src/spec/untrusted-spec.test.ts: validateOptions accepts option keys that Object.prototype has (__proto__, constructor, toString) because it tests `key in schema` (option validation, feat-schema)",
  matches: (error) =>
    error instanceof FuzzInvariantError && /accepted option "(__proto__|constructor|prototype|toString|valueOf|hasOwnProperty)"/.test(error.message),
};
