/**
 * File access for the path-taking functions (saveModel, loadModel, checkpoints). Core's browser
 * entry leaves it unset; the Node entry (index.node.ts) installs one built on node:fs, so the
 * math and the byte formats never import a Node module.
 */
export interface FileSystemAccess {
  readFile(path: string): Uint8Array;
  /** Replaces `path` all at once: readers see the old file or the new one, never a part. */
  writeFileAtomic(path: string, bytes: Uint8Array | string): void;
  exists(path: string): boolean;
}

/** A function that needs files called where none are available (a browser, a worker). */
export class FileAccessUnavailableError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "FileAccessUnavailableError";
  constructor(
    /** The function that needed a file path ("saveModel", "loadModel", …). */
    readonly operation: string,
  ) {
    super(
      `${operation} reads or writes a file path, which needs Node.js (the "node" export of @nabla/core). ` +
        "In a browser, use serializeModel/deserializeModel on bytes instead.",
    );
  }
}

let installed: FileSystemAccess | undefined;

/** Called once by the Node entry point. */
export function installFileSystem(access: FileSystemAccess): void {
  installed = access;
}

/** The installed file access, or a FileAccessUnavailableError naming `operation`. */
export function fileSystemFor(operation: string): FileSystemAccess {
  if (!installed) throw new FileAccessUnavailableError(operation);
  return installed;
}

/**
 * Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to disk
 * (fsync), then renamed over `path`, so a crash or kill leaves the old file or the new one,
 * never a torn one. The temporary file is removed if anything fails. Needs Node.js.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  fileSystemFor("writeFileAtomic").writeFileAtomic(path, bytes);
}
