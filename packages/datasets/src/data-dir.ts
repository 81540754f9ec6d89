import { DataDirNotSetError } from "./dataset-errors.js";

/** The environment variable naming the data folder when no `dataDir` is given. */
export const DATA_DIR_ENV = "NABLA_DATA_DIR";

/**
 * The folder that holds the datasets: the explicit `dataDir` option, else the NABLA_DATA_DIR
 * environment variable. Throws DataDirNotSetError when neither is set (an empty string counts as unset).
 */
export function resolveDataDir(options: { dataDir?: string } = {}, env: NodeJS.ProcessEnv = process.env): string {
  if (options.dataDir) return options.dataDir;
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return fromEnv;
  throw new DataDirNotSetError();
}
