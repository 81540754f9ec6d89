import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CALIFORNIA_HOUSING_SOURCE, CIFAR10_SOURCE, ensureDatasetFiles, fileDigest, type DatasetSource } from "@nabla/datasets";
import type { Experiment } from "./load-experiment.js";

// The file next to experiment.json that carries its data's checksums into turbo's cache key (a task input in turbo.json).
const DATA_DIGEST_FILE = ".data-digest.json";

// The built-in datasets by the names experiments use; a plugin's dataset has no known files.
const DATASET_SOURCES = new Map<string, DatasetSource>([
  ["california-housing", CALIFORNIA_HOUSING_SOURCE],
  ["nabla/california-housing", CALIFORNIA_HOUSING_SOURCE],
  ["cifar10", CIFAR10_SOURCE],
  ["nabla/cifar10", CIFAR10_SOURCE],
]);

interface CachedDigest {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * SHA-256 digests of files, remembered by path, size and modification time in `cacheFile`, so
 * CIFAR-10's 180 MB are read once, not on every `pnpm bench`.
 */
export class FileDigestCache {
  private readonly entries: Map<string, CachedDigest>;

  constructor(private readonly cacheFile: string) {
    let stored: Record<string, CachedDigest> = {};
    try {
      stored = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, CachedDigest>;
    } catch {
      // No cache yet, or an unreadable one: every file is hashed again.
    }
    this.entries = new Map(Object.entries(stored));
  }

  /** The file's SHA-256, hashed only when its size or modification time changed. */
  async digest(path: string): Promise<string> {
    const { size, mtimeMs } = statSync(path);
    const cached = this.entries.get(path);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.sha256;
    const sha256 = await fileDigest(path, "sha256");
    this.entries.set(path, { size, mtimeMs, sha256 });
    return sha256;
  }

  save(): void {
    mkdirSync(dirname(this.cacheFile), { recursive: true });
    writeFileSync(this.cacheFile, JSON.stringify(Object.fromEntries(this.entries)));
  }
}

/**
 * Writes the checksums of the files the experiment reads into its `.data-digest.json`, named by
 * where they sit in the data folder (or beside the experiment), never by absolute path: the same
 * data gives the same cache key on every machine. Missing built-in datasets are downloaded first.
 */
export async function writeDataDigest(experiment: Experiment, dataDir: string | undefined, cache: FileDigestCache): Promise<void> {
  const { dataset } = experiment;
  const experimentDir = dirname(experiment.file);
  const files: { file: string; sha256: string }[] = [];
  if ("file" in dataset) {
    const path = resolve(experimentDir, dataset.file);
    files.push({ file: dataset.file, sha256: await cache.digest(path) });
  } else {
    const source = DATASET_SOURCES.get(dataset.name);
    if (source) {
      const paths = await ensureDatasetFiles(source, { dataDir });
      for (const [i, path] of paths.entries()) files.push({ file: source.files[i], sha256: await cache.digest(path) });
    }
  }
  writeFileSync(join(experimentDir, DATA_DIGEST_FILE), `${JSON.stringify({ dataset: "file" in dataset ? dataset.file : dataset.name, files }, null, 2)}\n`);
}
