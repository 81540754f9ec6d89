import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isTemporaryFileName, writeFileAtomic } from "@nabla/core";

/**
 * Deletes the temporary files a killed writer left in `folder` (writeFileAtomic's, by their
 * name), so a resumed run's results folder, which turbo caches whole, holds only finished files.
 */
export function removeLeftoverTemporaryFiles(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // No folder yet: nothing was left.
  }
  for (const name of names) if (isTemporaryFileName(name)) rmSync(join(folder, name), { force: true });
}

/** Copies a results folder (subfolders included, temporary files left out), each file written atomically. */
export function copyResultsFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyResultsFolder(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile() && !isTemporaryFileName(entry.name)) writeFileAtomic(join(to, entry.name), readFileSync(join(from, entry.name)));
  }
}
