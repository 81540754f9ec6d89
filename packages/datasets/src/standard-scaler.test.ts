import { describe, expect, it } from "vitest";
import { loadCaliforniaHousing } from "./load-california-housing.js";
import { StandardScaler, fitStandardScaler } from "./standard-scaler.js";

// 7 rows × 5 columns: ordinary values, a constant 0.1 column (whose float mean is not exactly 0.1),
// a column with a large offset, and an exact constant.
const X = [
  [8.3252, 41.0, 0.1, 1e6 + 0.5, 3],
  [8.3014, 21.0, 0.1, 1e6 + 1.5, 3],
  [7.2574, 52.0, 0.1, 1e6 - 2.25, 3],
  [5.6431, 52.0, 0.1, 1e6 + 7.0, 3],
  [3.8462, 52.0, 0.1, 1e6 + 0.125, 3],
  [4.0368, 52.0, 0.1, 1e6 - 3.0, 3],
  [-1.5, 0.0, 0.1, 1e6, 3],
];

// scikit-learn 1.2 StandardScaler().fit(X): mean_, scale_, and transform(X), printed with repr.
const SKLEARN_MEAN = [5.130014285714286, 38.57142857142857, 0.09999999999999999, 1000000.5535714285, 3.0];
const SKLEARN_SCALE = [3.203933119699942, 18.98764367279147, 1.0, 3.010292717477481, 1.0];
const SKLEARN_TRANSFORMED = [
  [0.9972697915070565, 0.12790272823854787, 1.3877787807814457e-17, -0.017796086144880704, 0.0],
  [0.9898414217156701, -0.925413857255375, 1.3877787807814457e-17, 0.31439752220227185, 0.0],
  [0.6639919233036142, 0.7072268502602054, 1.3877787807814457e-17, -0.9313285090995503, 0.0],
  [0.1601424546383058, 0.7072268502602054, 1.3877787807814457e-17, 2.141462368111611, 0.0],
  [-0.40069946461133343, 0.7072268502602054, 1.3877787807814457e-17, -0.1423686892750629, 0.0],
  [-0.34121008300468786, 0.7072268502602054, 1.3877787807814457e-17, -1.1804737153599147, 0.0],
  [-2.0693360435486263, -2.031396272023994, 1.3877787807814457e-17, -0.183892890318457, 0.0],
];

describe("fitStandardScaler", () => {
  const scaler = fitStandardScaler(Float64Array.from(X.flat()), 7, 5);

  it("gives scikit-learn's mean_ and scale_ (population std, 1 for constant columns)", () => {
    expect([...scaler.mean]).toEqual(SKLEARN_MEAN);
    expect([...scaler.scale]).toEqual(SKLEARN_SCALE);
  });

  it("transforms like scikit-learn's transform", () => {
    const out = scaler.transform(Float64Array.from(X.flat()));
    expect(out).toBeInstanceOf(Float64Array);
    expect([...out]).toEqual(SKLEARN_TRANSFORMED.flat());
    // scikit-learn: transform([[0, 100, 0.2, 1e6, 4]]).
    expect([...scaler.transform([0, 100, 0.2, 1e6, 4])]).toEqual([
      -1.6011614768646378, 3.23518665544562, 0.10000000000000002, -0.183892890318457, 1.0,
    ]);
  });

  it("fits uint8 pixels as scikit-learn does after its float64 conversion", () => {
    const pixels = fitStandardScaler(new Uint8Array([0, 255, 10, 20, 3, 3, 200, 7]), 4, 2);
    expect([...pixels.mean]).toEqual([53.25, 71.25]);
    expect([...pixels.scale]).toEqual([84.80381772066633, 106.27411491045221]);
  });

  it("writes into a given float32 output", () => {
    const out = new Float32Array(2);
    const result = new StandardScaler(new Float64Array([1, 2]), new Float64Array([2, 4])).transform([5, 2], out);
    expect(result).toBe(out);
    expect([...out]).toEqual([2, 0]);
  });

  it("rejects inputs that are not whole rows", () => {
    expect(() => fitStandardScaler(new Float64Array(5), 2, 3)).toThrow("5 values do not make 2 rows × 3 columns");
    expect(() => scaler.transform(new Float64Array(6))).toThrow("6 values are not whole rows of 5 columns");
  });
});

// scikit-learn sums along axis 0 row by row only for C-ordered arrays (a Fortran-ordered array is
// summed pairwise per column), so the reference values come from StandardScaler().fit(np.ascontiguousarray(X)),
// the layout train_test_split's output has.
describe.runIf(process.env.NABLA_DATA_DIR)("fitStandardScaler on all of California Housing (NABLA_DATA_DIR)", () => {
  it("gives scikit-learn's mean_ and scale_ exactly over 20,640 rows", async () => {
    const { train } = await loadCaliforniaHousing({ download: false });
    const scaler = fitStandardScaler(train.features, train.rows, train.cols);
    expect([...scaler.mean]).toEqual([
      3.8706710029070246, 28.639486434108527, 5.428999742190365, 1.0966751496062053, 1425.4767441860465, 3.070655159436382,
      35.6318614341087, -119.56970445736148,
    ]);
    expect([...scaler.scale]).toEqual([
      1.899775694574878, 12.585252725724594, 2.474113202333518, 0.4738993762577431, 1132.4346877576115, 10.38579795912819,
      2.13590065379748, 2.003483187746969,
    ]);
  });
});
