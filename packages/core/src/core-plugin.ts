import { createReferenceBackend } from "./backend/reference-backend.js";
import type { BackendComponent, NablaPlugin } from "./registry/components.js";
import { NumpyRandomState } from "./random/numpy-random-state.js";
import { Xoshiro128Generator } from "./random/xoshiro128.js";
import { CORE_VERSION } from "./version.js";

/** "nabla/reference": the backend every process has, and the default when nothing faster is available. */
export const referenceBackendComponent: BackendComponent = {
  kind: "backend",
  name: "reference",
  description: "Plain TypeScript kernels; always available, the baseline other backends are tested against",
  priority: 0,
  isAvailable: () => true,
  create: createReferenceBackend,
};

/** What @nabla/core itself contributes: the reference backend and the random generators. */
export const corePlugin: NablaPlugin = {
  meta: { name: "@nabla/core", version: CORE_VERSION },
  namespace: "nabla",
  components: [
    referenceBackendComponent,
    {
      kind: "generator",
      name: "xoshiro128",
      description: "xoshiro128** seeded through SplitMix32: fast, 32-bit, identical on every platform",
      create: (seed) => new Xoshiro128Generator(seed),
    },
    {
      kind: "generator",
      name: "numpy",
      description: "NumPy's legacy RandomState (MT19937) stream, bit for bit: reproduces the report's runs",
      create: (seed) => new NumpyRandomState(seed),
    },
  ],
};
