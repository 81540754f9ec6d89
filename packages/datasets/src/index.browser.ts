// The browser entry: the parsers that read bytes or text (from fetch, a File or a Blob), the
// splitting and scaling; none of the path, download or archive code, which needs Node.
export { DATASETS_VERSION } from "./version.js";
export { DatasetFormatError } from "./dataset-errors.js";
export {
  parseCaliforniaHousing,
  CALIFORNIA_HOUSING_FEATURE_NAMES,
  CALIFORNIA_HOUSING_SOURCE,
  type CaliforniaHousingTable,
} from "./california-housing.js";
export { CIFAR10_IMAGE_BYTES, type Cifar10Layout, type Cifar10Table } from "./read-cifar10-batch.js";
export { readCifar10Bytes } from "./read-cifar10-bytes.js";
export { readCsv, type CsvOptions, type CsvMatrix } from "./read-csv.js";
export { readCsvCells, type CsvCellsOptions, type CsvCells } from "./read-csv-cells.js";
export { readNpy, type NpyArray } from "./read-npy.js";
export { readNpz } from "./read-npz.js";
export { readZip, type ZipEntry } from "./read-zip.js";
export { writeNpy } from "./write-npy.js";
export { SUPPORTED_NPY_DTYPES, type NpyData } from "./npy-dtype.js";
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from "./train-test-split.js";
export { takeRows } from "./take-rows.js";
export { StandardScaler, fitStandardScaler } from "./standard-scaler.js";
