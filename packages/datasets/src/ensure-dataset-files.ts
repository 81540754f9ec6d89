import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { resolveDataDir } from "./data-dir.js";
import { DatasetNotFoundError, DownloadError } from "./dataset-errors.js";
import { type DownloadOptions, downloadFile } from "./download-file.js";
import { extractTarGz } from "./extract-tar-gz.js";
import type { Checksum } from "./file-checksum.js";

/** Where a dataset's files can be downloaded from: a .tar.gz archive, with mirrors. */
export interface DatasetArchive {
  /** Tried in order until one downloads and matches its checksum. */
  readonly mirrors: readonly { readonly url: string; readonly checksum: Checksum }[];
  /** The archive's name in the data folder while it is downloaded and unpacked (removed afterwards). */
  readonly fileName: string;
  /** Where an archive entry goes, relative to the data folder; undefined leaves it out. */
  entryPath(entryName: string): string | undefined;
}

/** The files a loader reads and how to get them. */
export interface DatasetSource {
  /** Human name for messages, e.g. "CIFAR-10". */
  readonly title: string;
  /** Files the loader reads, relative to the data folder. */
  readonly files: readonly string[];
  /** Which part of the unpacked archive goes where in the data folder, for the "put the files here" message. */
  readonly layout: string;
  /** Where the files come from when they must be downloaded. */
  readonly archive: DatasetArchive;
}

/** The environment variable naming a mirror of the dataset archives when the `mirror` option does not. */
export const DATASETS_MIRROR_ENV = "NABLA_DATASETS_MIRROR";

/** How a loader finds its files: the data folder, and whether (and how) to download missing ones. */
export interface DatasetFileOptions extends DownloadOptions {
  /**
   * Folder holding the datasets; defaults to the NABLA_DATA_DIR environment variable, else
   * $XDG_CACHE_HOME/nabla, else ~/.cache/nabla.
   */
  dataDir?: string;
  /**
   * Base URL of a mirror serving each archive under its file name (e.g. "http://10.0.0.5/nabla/"
   * serves "http://10.0.0.5/nabla/cal_housing.tgz"), used instead of the official sources and
   * checked against the same published checksum. Defaults to NABLA_DATASETS_MIRROR.
   */
  mirror?: string;
  /** Download missing files from the official source (default true). */
  download?: boolean;
}

function missingFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => !existsSync(path));
}

/** The archive's sources: the mirror the options or the environment name, else the official ones. */
function archiveSources(archive: DatasetArchive, options: DatasetFileOptions): DatasetArchive["mirrors"] {
  const mirror = options.mirror || process.env[DATASETS_MIRROR_ENV];
  if (!mirror) return archive.mirrors;
  const url = new URL(archive.fileName, mirror.endsWith("/") ? mirror : `${mirror}/`).href;
  // Every official source publishes the same archive, so the first one's checksum is the archive's.
  return [{ url, checksum: archive.mirrors[0].checksum }];
}

/** Fetches, verifies and unpacks the archive from the first source that works; returns why each failed. */
async function downloadArchive(source: DatasetSource, dataDir: string, options: DatasetFileOptions): Promise<string[]> {
  const failures: string[] = [];
  const archivePath = join(dataDir, source.archive.fileName);
  for (const { url, checksum } of archiveSources(source.archive, options)) {
    try {
      await downloadFile(url, archivePath, options, checksum);
      await extractTarGz(archivePath, (entry) => {
        const relative = source.archive.entryPath(entry);
        return relative === undefined ? undefined : join(dataDir, relative);
      });
      return [];
    } catch (error) {
      failures.push(error instanceof DownloadError ? error.message : `${url}: ${(error as Error).message}`);
    } finally {
      rmSync(archivePath, { force: true });
    }
  }
  return failures;
}

/**
 * The absolute paths of a dataset's files, in the order of `source.files`. Missing files are
 * downloaded from the official archive unless `download` is false; when they still cannot be
 * had, throws DatasetNotFoundError saying which file is missing, where it was looked for, where
 * to put the files and why the download failed.
 */
export async function ensureDatasetFiles(source: DatasetSource, options: DatasetFileOptions = {}): Promise<string[]> {
  const dataDir = resolveDataDir(options);
  const paths = source.files.map((file) => join(dataDir, file));
  if (missingFiles(paths).length === 0) return paths;

  const howToGet = `Get ${archiveSources(source.archive, options)[0].url}, unpack it and put ${source.layout} in ${dataDir}.`;
  if (options.download === false) {
    throw new DatasetNotFoundError(source.title, missingFiles(paths), dataDir, howToGet, "not attempted (download: false).");
  }
  const failures = await downloadArchive(source, dataDir, options);
  const stillMissing = missingFiles(paths);
  if (stillMissing.length === 0) return paths;
  const reason = failures.length > 0 ? `failed: ${failures.join("; ")}.` : "the archive did not contain these files.";
  throw new DatasetNotFoundError(source.title, stillMissing, dataDir, howToGet, reason);
}
