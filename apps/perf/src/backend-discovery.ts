import { availableBackends, getDefaultRegistry, selectBackend, type Backend } from "@nabla/core";

/** Backends whose packages also export a factory that takes `{ threads }`. */
const THREADED_FACTORIES: Record<string, { packageName: string; exportName: string }> = {
  "nabla/native": { packageName: "@nabla/backend-native", exportName: "createNativeBackend" },
  "nabla/wasm": { packageName: "@nabla/backend-wasm", exportName: "createWasmBackend" },
};

type ThreadedFactory = (options: { threads: number }) => Backend;

/** A backend instance the bench owns for a while; `release` stops any threads it started. */
export interface BackendInstance {
  backend: Backend;
  /** Threads its kernels use, or null when the backend does not say. */
  threads: number | null;
  release(): void;
}

export interface DiscoveredBackend {
  key: string;
  /** Whether `create` honours a thread count. */
  threaded: boolean;
  create(threads?: number): BackendInstance;
}

export interface BackendDiscovery {
  backends: DiscoveredBackend[];
  /** Why an optional backend package is missing or unavailable. */
  notes: string[];
}

function stopWorkers(backend: Backend): void {
  const disposable = backend as Backend & { dispose?: () => void };
  if (typeof disposable.dispose === "function") disposable.dispose();
}

/**
 * Imports the optional backend packages (each registers itself in core's default registry on
 * import) and lists every backend the registry reports available here. A package that is not
 * installed or not built is noted and skipped: the reference backend always remains.
 */
export async function discoverBackends(): Promise<BackendDiscovery> {
  const registry = getDefaultRegistry();
  const notes: string[] = [];
  const factories = new Map<string, ThreadedFactory>();
  for (const [key, { packageName, exportName }] of Object.entries(THREADED_FACTORIES)) {
    try {
      // A variable specifier keeps TypeScript and the bundler from requiring the package to exist.
      const specifier: string = packageName;
      const loaded = (await import(specifier)) as Record<string, unknown>;
      const factory = loaded[exportName];
      if (typeof factory === "function") factories.set(key, factory as ThreadedFactory);
    } catch (error) {
      notes.push(`${key}: ${packageName} could not be loaded (${(error as Error).message.split("\n")[0]})`);
    }
  }
  const available = availableBackends(registry);
  for (const key of registry.keys("backend")) {
    if (!available.includes(key)) notes.push(`${key}: registered but not available on this machine`);
  }
  const backends = available.map((key): DiscoveredBackend => {
    const factory = factories.get(key);
    if (factory) {
      return {
        key,
        threaded: true,
        create: (threads) => {
          if (threads === undefined) throw new RangeError(`${key} takes a thread count`);
          const backend = factory({ threads });
          return { backend, threads, release: () => stopWorkers(backend) };
        },
      };
    }
    return {
      key,
      threaded: false,
      // The registry's instance may be shared with other callers, so it is never disposed here.
      create: () => ({ backend: selectBackend(registry, key), threads: key === "nabla/reference" ? 1 : null, release: () => {} }),
    };
  });
  return { backends, notes };
}
