import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { DataDirNotSetError } from "./dataset-errors.js";

/** The environment variable naming the data folder when the `dataDir` option does not. */
export const DATA_DIR_ENV = "NABLA_DATA_DIR";

/**
 * The folder datasets live in when neither `dataDir` nor NABLA_DATA_DIR names one:
 * $XDG_CACHE_HOME/nabla, else ~/.cache/nabla, the per-user cache that scikit-learn, Keras and
 * torchvision users expect a library to download into. The XDG base directory spec says a
 * relative $XDG_CACHE_HOME is to be ignored. Throws DataDirNotSetError where the process has no
 * home folder to put the cache in.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  const cacheHome = env.XDG_CACHE_HOME;
  if (cacheHome && isAbsolute(cacheHome)) return join(cacheHome, "nabla");
  let homeDir: string;
  try {
    homeDir = home();
  } catch {
    homeDir = "";
  }
  if (!homeDir) throw new DataDirNotSetError();
  return join(homeDir, ".cache", "nabla");
}

/**
 * The folder that holds the datasets: the explicit `dataDir` option, else the NABLA_DATA_DIR
 * environment variable, else defaultDataDir() (an empty string counts as unset).
 */
export function resolveDataDir(options: { dataDir?: string } = {}, env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  if (options.dataDir) return options.dataDir;
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return fromEnv;
  return defaultDataDir(env, home);
}
