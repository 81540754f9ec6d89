// The entry of @nabla/core/conformance: the shared backend conformance suite. Kept apart from
// @nabla/core/testing because it imports vitest, an optional peer dependency.
export { describeBackendConformance, type BackendConformanceOptions } from "./backend-conformance.js";
export { CONFORMANCE_CASES, type BackendKernel, type ConformanceCase } from "./conformance-cases.js";
export type { ConformanceContext } from "./conformance-checks.js";
export { BUILT_IN_ACTIVATIONS, EXPRESSION_ACTIVATIONS } from "./conformance-activations.js";
export { BackendConformanceError } from "./backend-conformance-error.js";
