import { readFileSync } from "#platform";
import { type NpyArray, readNpy } from "./read-npy.js";
import { readZip } from "./read-zip.js";

/**
 * Reads a NumPy .npz archive (numpy.savez or savez_compressed) into its arrays, keyed by the
 * names they were saved under ("x.npy" is "x"). `source` names the bytes in errors.
 */
export function readNpz(buffer: Uint8Array, source = "npz data"): Record<string, NpyArray> {
  const arrays: Record<string, NpyArray> = {};
  for (const entry of readZip(buffer, source)) {
    const key = entry.name.endsWith(".npy") ? entry.name.slice(0, -4) : entry.name;
    arrays[key] = readNpy(entry.data, `${source}:${entry.name}`);
  }
  return arrays;
}

/** readNpz on a file; errors name the file. */
export function readNpzFile(path: string): Record<string, NpyArray> {
  return readNpz(readFileSync(path), path);
}
