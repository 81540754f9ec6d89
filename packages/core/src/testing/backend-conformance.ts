import { afterAll, beforeAll, describe, it } from "vitest";
import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import { createReferenceBackend } from "../backend/reference-backend.js";
import { DTYPES } from "../dtype.js";
import { BUILT_IN_ACTIVATIONS } from "./conformance-activations.js";
import { CONFORMANCE_CASES } from "./conformance-cases.js";

/** Options of `describeBackendConformance`. */
export interface BackendConformanceOptions<B extends Backend> {
  /**
   * The activations with fused kernels to check, by default BUILT_IN_ACTIVATIONS: relu, silu,
   * sigmoid and tanh evaluated from their declared math, as @nabla/activations exports them.
   * JavaScript-only and expression activations are always checked as well, and so is every fused
   * kernel against FUSED_ACTIVATION_MATH itself.
   */
  activations?: readonly ActivationFunction[];
  /** Releases the backend after the suite (worker threads, memory). */
  dispose?: (backend: B) => void;
  /** Why this backend cannot run here (no addon, no WebAssembly SIMD): the suite is then skipped, with the reason in its title. */
  skip?: string;
}

/**
 * Registers vitest tests that run every conformance case on a backend from makeBackend, in
 * float32 and float64, against a fresh reference backend. makeBackend runs once, before the
 * first test; cases of optional kernels the backend lacks are skipped.
 */
export function describeBackendConformance<B extends Backend>(name: string, makeBackend: () => B, options: BackendConformanceOptions<B> = {}): void {
  const { activations = BUILT_IN_ACTIVATIONS, dispose, skip } = options;
  const title = skip ? `${name} conforms to the reference backend (skipped: ${skip})` : `${name} conforms to the reference backend`;

  describe.skipIf(skip !== undefined)(title, () => {
    const reference = createReferenceBackend();
    // Made in beforeAll: a skipped describe still runs its body to collect the tests.
    let backend!: B;
    beforeAll(() => {
      backend = makeBackend();
    });
    afterAll(() => {
      if (backend) dispose?.(backend);
    });

    describe.each(DTYPES)("in %s", (dtype) => {
      for (const conformanceCase of CONFORMANCE_CASES) {
        it(`${conformanceCase.kernel}: ${conformanceCase.name}`, (context) => {
          context.skip(backend[conformanceCase.kernel] === undefined, `${name} has no ${conformanceCase.kernel} kernel (optional)`);
          conformanceCase.run({ backend, reference, dtype, activations });
        });
      }
    });
  });
}
