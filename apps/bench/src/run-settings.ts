import type { ProtocolName } from "./protocol.js";

/**
 * What `pnpm bench` decides once for every experiment of a run. It reaches each experiment's
 * turbo task through environment variables that turbo.json lists under `env`, so each one is part
 * of the task's cache key; quick runs are their own task (`experiment:quick`) with their own outputs.
 */
export interface RunSettings {
  /** The backend's registered name, resolved before turbo runs (the default is the fastest available). */
  backend: string;
  /** Overrides the experiment's own protocol. */
  protocol?: ProtocolName;
  /** Train every model with seeds 1…N and report mean ± sd. */
  seeds?: number;
  /** Overrides the experiment's epoch count. */
  epochs?: number;
  quick: boolean;
}

/** The environment variables carrying the run settings (listed under `env` in turbo.json). */
export const RUN_SETTINGS_ENV = {
  backend: "NABLA_BENCH_BACKEND",
  protocol: "NABLA_BENCH_PROTOCOL",
  seeds: "NABLA_BENCH_SEEDS",
  epochs: "NABLA_BENCH_EPOCHS",
} as const;

/** The run settings as environment variables for turbo (quick travels as the task name instead). */
export function runSettingsEnv(settings: RunSettings): Record<string, string> {
  return {
    [RUN_SETTINGS_ENV.backend]: settings.backend,
    [RUN_SETTINGS_ENV.protocol]: settings.protocol ?? "",
    [RUN_SETTINGS_ENV.seeds]: settings.seeds === undefined ? "" : String(settings.seeds),
    [RUN_SETTINGS_ENV.epochs]: settings.epochs === undefined ? "" : String(settings.epochs),
  };
}

function optionalInteger(name: string, text: string | undefined): number | undefined {
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

/** Reads the run settings an experiment task was started with. */
export function runSettingsFromEnv(env: NodeJS.ProcessEnv, quick: boolean): RunSettings {
  const backend = env[RUN_SETTINGS_ENV.backend];
  if (!backend) throw new Error(`${RUN_SETTINGS_ENV.backend} is not set: run experiments through \`pnpm bench\`, which resolves the backend first`);
  const protocol = env[RUN_SETTINGS_ENV.protocol] || undefined;
  if (protocol !== undefined && protocol !== "nabla" && protocol !== "reference") {
    throw new RangeError(`${RUN_SETTINGS_ENV.protocol} must be nabla or reference, got "${protocol}"`);
  }
  return {
    backend,
    protocol,
    seeds: optionalInteger(RUN_SETTINGS_ENV.seeds, env[RUN_SETTINGS_ENV.seeds]),
    epochs: optionalInteger(RUN_SETTINGS_ENV.epochs, env[RUN_SETTINGS_ENV.epochs]),
    quick,
  };
}

/**
 * Where a run's files go inside the experiment's folder: `results/` for the experiment as written,
 * `results-quick/` for quick runs, and a subfolder for a changed protocol or epoch count, so a
 * variant never overwrites the experiment's committed results.
 */
export function resultsFolder(settings: RunSettings, experimentProtocol: ProtocolName): string {
  const variant = [
    settings.protocol !== undefined && settings.protocol !== experimentProtocol ? settings.protocol : undefined,
    settings.epochs !== undefined ? `epochs-${settings.epochs}` : undefined,
  ].filter((part) => part !== undefined);
  const base = settings.quick ? "results-quick" : "results";
  return variant.length === 0 ? base : `${base}/${variant.join("-")}`;
}

/** The `pnpm bench` command that reproduces this experiment's run, for the results files. */
export function benchCommand(experimentName: string, settings: RunSettings): string {
  return [
    "pnpm bench",
    experimentName,
    settings.quick ? "--quick" : undefined,
    settings.protocol ? `--protocol ${settings.protocol}` : undefined,
    `--backend ${settings.backend}`,
    settings.seeds ? `--seeds ${settings.seeds}` : undefined,
    settings.epochs ? `--epochs ${settings.epochs}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(" ");
}
