import { registerPlugin } from "@nabla/core";
import { datasetsPlugin } from "./datasets-plugin.js";

export { datasetsPlugin } from "./datasets-plugin.js";
export { DATASETS_VERSION } from "./version.js";
export { resolveDataDir, defaultDataDir, DATA_DIR_ENV } from "./data-dir.js";
export {
  DatasetFormatError,
  DatasetNotFoundError,
  DataDirNotSetError,
  ChecksumMismatchError,
  DownloadError,
} from "./dataset-errors.js";
export { ensureDatasetFiles, DATASETS_MIRROR_ENV, type DatasetSource, type DatasetArchive, type DatasetFileOptions } from "./ensure-dataset-files.js";
export { downloadFile, type DownloadOptions } from "./download-file.js";
export { extractTarGz, parseTarHeader, type TarHeader } from "./extract-tar-gz.js";
export { fileDigest, verifyFileChecksum, type Checksum } from "./file-checksum.js";
export { createProgressBar, type ProgressAmount, type ProgressBar, type ProgressStream } from "./progress-bar.js";
export { loadCaliforniaHousing } from "./load-california-housing.js";
export {
  parseCaliforniaHousing,
  CALIFORNIA_HOUSING_FEATURE_NAMES,
  CALIFORNIA_HOUSING_SOURCE,
  type CaliforniaHousingTable,
} from "./california-housing.js";
export { loadCifar10, CIFAR10_SOURCE, type Cifar10Options } from "./cifar10.js";
export {
  readCifar10Batch,
  cifar10RecordCount,
  CIFAR10_IMAGE_BYTES,
  type Cifar10Layout,
  type Cifar10Table,
} from "./read-cifar10-batch.js";
export { readCsv, readCsvFile, type CsvOptions, type CsvMatrix } from "./read-csv.js";
export { readCsvCells, readCsvCellsFile, type CsvCellsOptions, type CsvCells } from "./read-csv-cells.js";
export { readNpy, readNpyFile, type NpyArray } from "./read-npy.js";
export { readNpz, readNpzFile } from "./read-npz.js";
export { readZip, type ZipEntry } from "./read-zip.js";
export { readCifar10Bytes } from "./read-cifar10-bytes.js";
export { writeNpy } from "./write-npy.js";
export { SUPPORTED_NPY_DTYPES, type NpyData } from "./npy-dtype.js";
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from "./train-test-split.js";
export { takeRows } from "./take-rows.js";
export { StandardScaler, fitStandardScaler } from "./standard-scaler.js";

registerPlugin(datasetsPlugin);
