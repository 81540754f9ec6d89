import type { TabularData } from "@nabla/core";
import { DatasetFormatError } from "./dataset-errors.js";
import type { DatasetSource } from "./ensure-dataset-files.js";
import { readCsv } from "./read-csv.js";

/** scikit-learn's fetch_california_housing feature order. */
export const CALIFORNIA_HOUSING_FEATURE_NAMES: readonly string[] = [
  "MedInc",
  "HouseAge",
  "AveRooms",
  "AveBedrms",
  "Population",
  "AveOccup",
  "Latitude",
  "Longitude",
];

const DATA_FILE = "california_housing/cal_housing.data";
// The sha256 scikit-learn publishes for its figshare copy of Torgo's archive (the same cal_housing.tgz).
const ARCHIVE_SHA256 = "aaa5c9a6afe2225cc2aed2723682ae403280c4a3695a2ddda4ffb5d8215ea681";

/** Where the California Housing file comes from (StatLib's archive, as scikit-learn fetches it) and where it goes. */
export const CALIFORNIA_HOUSING_SOURCE: DatasetSource = {
  title: "California Housing",
  files: [DATA_FILE],
  layout: "its file CaliforniaHousing/cal_housing.data as california_housing/cal_housing.data",
  archive: {
    mirrors: [
      {
        url: "https://www.dcc.fc.up.pt/~ltorgo/Regression/cal_housing.tgz",
        checksum: { algorithm: "sha256", hex: ARCHIVE_SHA256 },
      },
      { url: "https://ndownloader.figshare.com/files/5976036", checksum: { algorithm: "sha256", hex: ARCHIVE_SHA256 } },
    ],
    fileName: "cal_housing.tgz",
    entryPath: (entry) =>
      entry.startsWith("CaliforniaHousing/cal_housing.")
        ? `california_housing/${entry.slice("CaliforniaHousing/".length)}`
        : undefined,
  },
};

// StatLib column order of cal_housing.data.
const LONGITUDE = 0;
const LATITUDE = 1;
const HOUSING_MEDIAN_AGE = 2;
const TOTAL_ROOMS = 3;
const TOTAL_BEDROOMS = 4;
const POPULATION = 5;
const HOUSEHOLDS = 6;
const MEDIAN_INCOME = 7;
const MEDIAN_HOUSE_VALUE = 8;
const FILE_COLUMNS = 9;

/** California Housing as a table: float64 features [rows × 8] and float64 targets. */
export interface CaliforniaHousingTable extends TabularData {
  /** The eight features of each district, in CALIFORNIA_HOUSING_FEATURE_NAMES order. */
  readonly features: Float64Array;
  readonly targets: Float64Array;
}

/**
 * Turns StatLib's cal_housing.data text into scikit-learn's layout: MedInc, HouseAge,
 * AveRooms = totalRooms/households, AveBedrms = totalBedrooms/households, Population,
 * AveOccup = population/households, Latitude, Longitude; target = medianHouseValue / 100,000.
 */
export function parseCaliforniaHousing(text: string, source = "cal_housing.data"): CaliforniaHousingTable {
  const table = readCsv(text, { source });
  if (table.cols !== FILE_COLUMNS) {
    throw new DatasetFormatError(
      source,
      "line 1",
      `expected ${FILE_COLUMNS} columns (longitude … medianHouseValue), found ${table.cols}`,
    );
  }
  const { data, rows } = table;
  const cols = CALIFORNIA_HOUSING_FEATURE_NAMES.length;
  const features = new Float64Array(rows * cols);
  const targets = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = r * FILE_COLUMNS;
    const out = r * cols;
    const households = data[row + HOUSEHOLDS];
    features[out] = data[row + MEDIAN_INCOME];
    features[out + 1] = data[row + HOUSING_MEDIAN_AGE];
    features[out + 2] = data[row + TOTAL_ROOMS] / households;
    features[out + 3] = data[row + TOTAL_BEDROOMS] / households;
    features[out + 4] = data[row + POPULATION];
    features[out + 5] = data[row + POPULATION] / households;
    features[out + 6] = data[row + LATITUDE];
    features[out + 7] = data[row + LONGITUDE];
    targets[r] = data[row + MEDIAN_HOUSE_VALUE] / 100000;
  }
  return { features, rows, cols, targets };
}
