#!/usr/bin/env node
// Writes a CSV laid out like the housing.csv of the California Housing tutorials from StatLib's
// cal_housing.data, deterministically (the same input gives the same bytes):
//
//   node scripts/make-housing-csv.mjs <cal_housing.data> <out.csv> [--rows N] [--blanks N]
//
// The numeric columns are cal_housing.data's, renamed to snake_case. Two things are SYNTHESIZED,
// not real data: `ocean_proximity` is derived from longitude/latitude by a rough coastline rule
// (the tutorials' file has hand-assigned values; ours only has their shape: the same five labels,
// one of them rare), and `total_bedrooms` is blanked in `--blanks` rows (default 207, as in the
// tutorials' file) chosen by a fixed-seed generator, so that files exercise missing values.
// `--rows N` keeps N rows spread evenly over the file (for test fixtures).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { rows: { type: "string" }, blanks: { type: "string", default: "207" } },
  allowPositionals: true,
});
if (positionals.length !== 2) {
  process.stderr.write("usage: node scripts/make-housing-csv.mjs <cal_housing.data> <out.csv> [--rows N] [--blanks N]\n");
  process.exit(2);
}
const [inputPath, outputPath] = positionals;

const HEADER = [
  "longitude",
  "latitude",
  "housing_median_age",
  "total_rooms",
  "total_bedrooms",
  "population",
  "households",
  "median_income",
  "median_house_value",
  "ocean_proximity",
];
const TOTAL_BEDROOMS = 4;

// Points (latitude, longitude) along California's coast, south to north; between them the
// coastline is taken as straight.
const COAST = [
  [32.5, -117.1],
  [33.7, -118.3],
  [34.0, -118.8],
  [34.4, -119.7],
  [34.5, -120.5],
  [35.6, -121.2],
  [36.6, -121.9],
  [37.2, -122.4],
  [37.8, -122.5],
  [38.3, -123.1],
  [40.0, -124.1],
  [42.0, -124.3],
];

function coastLongitude(latitude) {
  if (latitude <= COAST[0][0]) return COAST[0][1];
  for (let i = 1; i < COAST.length; i++) {
    const [lat1, lon1] = COAST[i];
    const [lat0, lon0] = COAST[i - 1];
    if (latitude <= lat1) return lon0 + ((latitude - lat0) / (lat1 - lat0)) * (lon1 - lon0);
  }
  return COAST[COAST.length - 1][1];
}

/** A synthesized ocean_proximity label from the position alone (see the note at the top). */
function oceanProximity(longitude, latitude) {
  // Catalina Island, off Los Angeles.
  if (latitude < 33.5 && longitude > -118.7 && longitude < -118.2) return "ISLAND";
  // San Francisco Bay's shores.
  if (latitude > 37.35 && latitude < 38.2 && longitude > -122.55 && longitude < -121.9) return "NEAR BAY";
  const degreesInland = longitude - coastLongitude(latitude);
  if (degreesInland < 0.25) return "NEAR OCEAN";
  if (degreesInland < 0.9) return "<1H OCEAN";
  return "INLAND";
}

/** mulberry32: a small seeded generator, so the blanked rows are the same on every run. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number as the tutorials' file writes it: "41.0", "8.3252", "-122.23". */
function formatNumber(value) {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

const records = readFileSync(inputPath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => line.split(",").map(Number));
const rowCount = values.rows === undefined ? records.length : Math.min(Number(values.rows), records.length);
const stride = records.length / rowCount;
const chosen = Array.from({ length: rowCount }, (_, i) => records[Math.floor(i * stride)]);

const blankCount = Math.min(Number(values.blanks), rowCount);
const random = mulberry32(20260630);
const blanks = new Set();
while (blanks.size < blankCount) blanks.add(Math.floor(random() * rowCount));

const lines = [HEADER.join(",")];
chosen.forEach((record, r) => {
  const cells = record.map(formatNumber);
  if (blanks.has(r)) cells[TOTAL_BEDROOMS] = "";
  cells.push(oceanProximity(record[0], record[1]));
  lines.push(cells.join(","));
});
writeFileSync(outputPath, `${lines.join("\n")}\n`);
process.stderr.write(`wrote ${outputPath}: ${rowCount} rows, ${blankCount} empty total_bedrooms cells\n`);
