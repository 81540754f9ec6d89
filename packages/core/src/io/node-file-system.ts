import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { temporaryFileName, type FileSystemAccess } from "./file-system.js";

let temporaryCounter = 0;

/** Temporary file, fsync, rename: the sequence that makes a write all-or-nothing on POSIX file systems. */
function writeFileAtomic(path: string, contents: Uint8Array | string): void {
  const bytes = typeof contents === "string" ? new TextEncoder().encode(contents) : contents;
  // Same folder as the target, so the rename never crosses a file system (where it would copy).
  const temporary = join(dirname(path), temporaryFileName(basename(path), process.pid, temporaryCounter++));
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, "wx");
    for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never created or is already gone: nothing to clean up.
    }
    throw error;
  }
  syncFolder(dirname(path));
}

/** Makes the rename itself durable; folders cannot be opened for fsync on Windows, where rename is already durable enough. */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, "r");
    fsyncSync(descriptor);
  } catch {
    // Not supported on this platform (Windows): the file itself is already synced.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** File access on node:fs, installed by the Node entry point. */
export const nodeFileSystem: FileSystemAccess = {
  readFile: (path) => {
    const buffer = readFileSync(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  },
  writeFileAtomic,
  exists: existsSync,
};
