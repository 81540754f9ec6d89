import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CALIFORNIA_HOUSING_FEATURE_NAMES, parseCaliforniaHousing } from "./california-housing.js";
import { loadCaliforniaHousing } from "./load-california-housing.js";
import { DatasetFormatError, DatasetNotFoundError } from "./dataset-errors.js";
import { startHttpFixtureServer } from "./http-fixture-server.js";
import { buildTarGz } from "./tar-fixture.js";

// Lines 1–3 and 20,640 of StatLib's cal_housing.data.
const FIXTURE = [
  "-122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000",
  "-122.220000,37.860000,21.000000,7099.000000,1106.000000,2401.000000,1138.000000,8.301400,358500.000000",
  "-122.240000,37.850000,52.000000,1467.000000,190.000000,496.000000,177.000000,7.257400,352100.000000",
  "-121.240000,39.370000,16.000000,2785.000000,616.000000,1387.000000,530.000000,2.388600,89400.000000",
  "",
].join("\n");

// The same rows as scikit-learn 1.2's fetch_california_housing derives them (np.loadtxt, then its
// column reorder and divisions), printed with repr so every double is exact.
const SKLEARN_ROWS = [
  [8.3252, 41.0, 6.984126984126984, 1.0238095238095237, 322.0, 2.5555555555555554, 37.88, -122.23],
  [8.3014, 21.0, 6.238137082601054, 0.9718804920913884, 2401.0, 2.109841827768014, 37.86, -122.22],
  [7.2574, 52.0, 8.288135593220339, 1.073446327683616, 496.0, 2.8022598870056497, 37.85, -122.24],
  [2.3886, 16.0, 5.254716981132075, 1.1622641509433962, 1387.0, 2.616981132075472, 39.37, -121.24],
];
const SKLEARN_TARGETS = [4.526, 3.585, 3.521, 0.894];

function dataDirWith(text: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), "nabla-cal-"));
  mkdirSync(join(dataDir, "california_housing"));
  writeFileSync(join(dataDir, "california_housing", "cal_housing.data"), text);
  return dataDir;
}

describe("parseCaliforniaHousing", () => {
  it("derives scikit-learn's features and target exactly", () => {
    const table = parseCaliforniaHousing(FIXTURE);
    expect(table.rows).toBe(4);
    expect(table.cols).toBe(8);
    expect([...table.features]).toEqual(SKLEARN_ROWS.flat());
    expect([...table.targets]).toEqual(SKLEARN_TARGETS);
  });

  it("rejects a file without StatLib's 9 columns", () => {
    expect(() => parseCaliforniaHousing("1,2,3\n", "x.data")).toThrow(DatasetFormatError);
    expect(() => parseCaliforniaHousing("1,2,3\n", "x.data")).toThrow("x.data (line 1): expected 9 columns");
  });
});

describe("loadCaliforniaHousing", () => {
  it("returns one regression table with scikit-learn's feature names", async () => {
    const splits = await loadCaliforniaHousing({ dataDir: dataDirWith(FIXTURE), download: false });
    expect(splits.task).toBe("regression");
    expect(splits.test).toBeUndefined();
    expect(splits.featureNames).toEqual([
      "MedInc",
      "HouseAge",
      "AveRooms",
      "AveBedrms",
      "Population",
      "AveOccup",
      "Latitude",
      "Longitude",
    ]);
    expect(splits.train.rows).toBe(4);
    expect(splits.train.features).toBeInstanceOf(Float64Array);
    expect(splits.train.targets).toBeInstanceOf(Float64Array);
    expect(splits.train.targets[0]).toBe(4.526);
  });

  it("names the missing file when it is absent and downloads are off", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nabla-cal-"));
    const attempt = loadCaliforniaHousing({ dataDir, download: false });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(join(dataDir, "california_housing", "cal_housing.data"));
  });

  it("names the line of a corrupt row", async () => {
    const dataDir = dataDirWith(FIXTURE.replace("7099.000000", "7O99"));
    await expect(loadCaliforniaHousing({ dataDir, download: false })).rejects.toThrow(/cal_housing\.data \(line 2, column 4\)/);
  });
});

describe("loadCaliforniaHousing without dataDir or NABLA_DATA_DIR", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function stubCacheHome(): string {
    const cacheHome = mkdtempSync(join(tmpdir(), "nabla-cache-"));
    vi.stubEnv("NABLA_DATA_DIR", "");
    vi.stubEnv("XDG_CACHE_HOME", cacheHome);
    return join(cacheHome, "nabla");
  }

  it("reads the file from the per-user cache, $XDG_CACHE_HOME/nabla", async () => {
    const dataDir = stubCacheHome();
    mkdirSync(join(dataDir, "california_housing"), { recursive: true });
    writeFileSync(join(dataDir, "california_housing", "cal_housing.data"), FIXTURE);
    const { train } = await loadCaliforniaHousing({ download: false });
    expect(train.rows).toBe(4);
  });

  it("downloads into the cache from NABLA_DATASETS_MIRROR, refusing an archive that is not the published one", async () => {
    const dataDir = stubCacheHome();
    const impostor = buildTarGz([{ name: "CaliforniaHousing/cal_housing.data", data: FIXTURE }]);
    const server = await startHttpFixtureServer(new Map([["/mirror/cal_housing.tgz", { body: impostor }]]));
    vi.stubEnv("NABLA_DATASETS_MIRROR", `${server.url}mirror/`);
    try {
      const attempt = loadCaliforniaHousing({ progress: { write: () => true } });
      await expect(attempt).rejects.toThrow(DatasetNotFoundError);
      await expect(attempt).rejects.toThrow(`Download: failed: ${server.url}mirror/cal_housing.tgz: ${join(dataDir, "cal_housing.tgz")}: sha256 is`);
      expect(server.requests).toEqual(["/mirror/cal_housing.tgz"]);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(process.env.NABLA_DATA_DIR)("loadCaliforniaHousing on the real file (NABLA_DATA_DIR)", () => {
  it("matches scikit-learn's fetch_california_housing bit for bit", async () => {
    const { train, featureNames } = await loadCaliforniaHousing({ download: false });
    expect(featureNames).toEqual(CALIFORNIA_HOUSING_FEATURE_NAMES);
    expect(train.rows).toBe(20640);
    expect([...train.features.subarray(0, 8)]).toEqual(SKLEARN_ROWS[0]);
    expect([...train.features.subarray(20639 * 8)]).toEqual(SKLEARN_ROWS[3]);
    // sha256 of scikit-learn's data and target arrays (float64, C order) on the same file.
    const sha256 = (array: Float64Array | Float32Array | Uint8Array | Int32Array) =>
      createHash("sha256").update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)).digest("hex");
    expect(sha256(train.features)).toBe("c8f43774aa27b7ec034e60db31b6124e12b4a0d42b55b0c8eb1320089e2ebc37");
    expect(sha256(train.targets)).toBe("ae80bb98487c04d7383ed8aecda8e207583dfd3e66f6679fded97597c3f6c87e");
  });
});
