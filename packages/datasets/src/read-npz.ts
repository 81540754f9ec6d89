import { readFileSync } from "#platform";
import { DatasetFormatError } from "./dataset-errors.js";
import { type NpyArray, readNpy } from "./read-npy.js";
import { readZip } from "./read-zip.js";

/**
 * Reads a NumPy .npz archive (numpy.savez or savez_compressed) into its arrays, keyed by the
 * names they were saved under ("x.npy" is "x"). The names come from the file, so they key a Map:
 * "__proto__" or "constructor" is an array's name like any other. Two entries with one name
 * throw DatasetFormatError, as does any malformed archive or array. `source` names the bytes in errors.
 */
export function readNpz(buffer: Uint8Array, source = "npz data"): Map<string, NpyArray> {
  const arrays = new Map<string, NpyArray>();
  for (const entry of readZip(buffer, source)) {
    const key = entry.name.endsWith(".npy") ? entry.name.slice(0, -4) : entry.name;
    if (arrays.has(key)) throw new DatasetFormatError(source, `entry "${entry.name}"`, `a second array named "${key}"`);
    arrays.set(key, readNpy(entry.data, `${source}:${entry.name}`));
  }
  return arrays;
}

/** readNpz on a file; errors name the file. */
export function readNpzFile(path: string): Map<string, NpyArray> {
  return readNpz(readFileSync(path), path);
}
