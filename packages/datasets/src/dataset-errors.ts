/**
 * A data file whose bytes or text are not what its format promises. `file` names the file (or
 * the text's source), `location` says where in it (a byte offset, record, line or column) and
 * `problem` what was expected there.
 */
export class DatasetFormatError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "DatasetFormatError";
  /** @param file - The file that could not be read. @param location - Where in it: a line, record or byte offset, when known. @param problem - What was wrong there. */
  constructor(readonly file: string, readonly location: string | undefined, readonly problem: string) {
    super(`${file}${location ? ` (${location})` : ""}: ${problem}`);
  }
}

/**
 * Files a loader needs that are not on disk and could not be downloaded. The message says which
 * file is missing, where it was looked for, where to put the files and why the download failed.
 */
export class DatasetNotFoundError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "DatasetNotFoundError";
  /** @param dataset - The dataset's name. @param missing - The files that were not found. @param dataDir - The folder that was searched. @param howToGet - Where to get the files. @param reason - Why they could not be fetched (download off, or failed). */
  constructor(
    readonly dataset: string,
    readonly missing: readonly string[],
    readonly dataDir: string,
    readonly howToGet: string,
    readonly reason: string,
  ) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more: ${missing.slice(1).join(", ")})` : "";
    super(
      `${dataset}: missing file ${missing[0]}${more}, looked for under the data folder ${dataDir}. ` +
        `${howToGet} The data folder is the \`dataDir\` option, else the NABLA_DATA_DIR environment variable, ` +
        `else $XDG_CACHE_HOME/nabla or ~/.cache/nabla. ` +
        `Download: ${reason}`,
    );
  }
}

/**
 * A loader asked for its data folder when neither the `dataDir` option nor NABLA_DATA_DIR names
 * one and there is no per-user cache to default to (no XDG_CACHE_HOME and no home folder).
 */
export class DataDirNotSetError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "DataDirNotSetError";
  constructor() {
    super(
      'No data folder: pass the `dataDir` option (e.g. { dataDir: "/data" }), set the NABLA_DATA_DIR environment variable ' +
        "to the folder that holds (or will hold) the datasets, or set XDG_CACHE_HOME (the default is $XDG_CACHE_HOME/nabla, " +
        "else ~/.cache/nabla, and this process has no home folder)",
    );
  }
}

/** A downloaded file whose digest differs from the published one: a corrupt or different file. */
export class ChecksumMismatchError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "ChecksumMismatchError";
  /** @param file - The file whose digest differs. @param algorithm - The digest algorithm ("sha256"). @param expected - The published digest, hex. @param actual - The file's digest, hex. */
  constructor(readonly file: string, readonly algorithm: string, readonly expected: string, readonly actual: string) {
    super(`${file}: ${algorithm} is ${actual}, expected ${expected}; the file is corrupt or not the published one`);
  }
}

/** A download that did not complete: no connection, an HTTP error, a stall or a short body. */
export class DownloadError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "DownloadError";
  /** @param url - What was being downloaded. @param reason - Why it failed. */
  constructor(readonly url: string, readonly reason: string) {
    super(`${url}: ${reason}`);
  }
}
