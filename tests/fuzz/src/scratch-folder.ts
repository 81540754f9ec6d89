import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary folder made on first use, for a target whose reader takes paths. */
export class ScratchFolder {
  private folder: string | undefined;

  constructor(private readonly prefix: string) {}

  /** The folder's path, creating it if needed. */
  get path(): string {
    this.folder ??= mkdtempSync(join(tmpdir(), `nabla-fuzz-${this.prefix}-`));
    return this.folder;
  }

  /** Removes the folder and everything in it; the next `path` makes a new one. */
  remove(): void {
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}
