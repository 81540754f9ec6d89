// Writes public/data/california-housing.f32: the 20,640 × 9 California Housing table (8 features in
// scikit-learn's order, then the target in $100,000) as little-endian float32, 743 KB, read by the
// page with one fetch. Made from the data dir at build time so no dataset file is committed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCaliforniaHousing } from "@nabla/datasets";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = process.env.NABLA_DATA_DIR ?? resolve(appDir, "../../../shared/data");
const source = join(dataDir, "california_housing", "cal_housing.data");
const target = join(appDir, "public", "data", "california-housing.f32");

if (!existsSync(source)) {
  console.error(
    `playground: California Housing not found at ${source}.\n` +
      "Set NABLA_DATA_DIR to the folder holding california_housing/cal_housing.data (e.g. run `nabla` or the bench once to download it).",
  );
  process.exit(1);
}
const table = parseCaliforniaHousing(readFileSync(source, "utf8"), source);
const columns = table.cols + 1;
const out = new Float32Array(table.rows * columns);
for (let r = 0; r < table.rows; r++) {
  out.set(table.features.subarray(r * table.cols, (r + 1) * table.cols), r * columns);
  out[r * columns + table.cols] = table.targets[r];
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, new Uint8Array(out.buffer));
console.log(`playground: wrote ${target} (${table.rows} rows × ${columns} float32, ${out.byteLength} bytes)`);
