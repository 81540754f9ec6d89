import { Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { exportOnnx } from "./index.js";
import { decodeModelProto } from "./onnx-proto.js";
import { randomModel, relativeDifference } from "../test/compare-predictions.js";
import { REGRESSION_MODELS } from "../test/report-models.js";
import { runOnnxModel } from "../test/run-onnx-model.js";

// Raw rows as a CSV would give them, with missing cells, and what training learnt from the data.
const RAW_ROWS = [
  [8.3, 41, 6.98, 1.02, 322, 2.55, 37.88, -122.23],
  [Number.NaN, 21, 6.24, 0.97, 2401, Number.NaN, 37.86, -122.22],
  [7.26, Number.NaN, 8.29, 1.07, 496, 2.8, Number.NaN, -122.24],
];
const MEAN = [3.87, 28.64, 5.43, 1.1, 1425.48, 3.07, 35.63, -119.57];
const SCALE = [1.9, 12.59, 2.47, 0.47, 1132.43, 10.39, 2.14, 2.0];
const FILL = [3.53, 29, 5.23, 1.05, 1166, 2.82, 34.26, -118.49];

function standardized(rows: number[][], fill: readonly (number | null)[]): number[] {
  return rows.flatMap((row) => row.map((x, i) => ((Number.isNaN(x) ? (fill[i] ?? x) : x) - MEAN[i]) / SCALE[i]));
}

describe("preprocessing nodes", () => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`make the graph on raw rows with missing cells give what Nabla gives on filled, standardized rows (${dtype})`, async () => {
      const model = randomModel(REGRESSION_MODELS.ReLU, dtype);
      const bytes = exportOnnx(model, { preprocessing: { mean: MEAN, scale: SCALE, fill: FILL } });
      const raw = RAW_ROWS.flat();
      const { data } = await runOnnxModel(bytes, dtype === "float32" ? Float32Array.from(raw) : Float64Array.from(raw), [3, 8]);
      const expected = model.predict(Tensor.from(standardized(RAW_ROWS, FILL), [3, 8], { dtype })).data;
      expect(relativeDifference(data, expected)).toBeLessThanOrEqual(dtype === "float32" ? 1e-5 : 1e-12);
    });
  }

  it("leave a feature's missing cells missing where its fill value is null", async () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    const fill = FILL.map((value, i) => (i === 0 ? null : value));
    const bytes = exportOnnx(model, { preprocessing: { mean: MEAN, scale: SCALE, fill } });
    const { data } = await runOnnxModel(bytes, Float32Array.from(RAW_ROWS.flat()), [3, 8]);
    expect(Number.isNaN(data[1])).toBe(true);
    const expected = model.predict(Tensor.from(standardized([RAW_ROWS[0], RAW_ROWS[2]], fill), [2, 8])).data;
    expect(relativeDifference([data[0], data[2]], expected)).toBeLessThanOrEqual(1e-5);
  });

  it("are Sub and Div alone without fill values, Where(IsNaN) first with them", () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    const opTypes = (fill?: number[]) =>
      decodeModelProto(exportOnnx(model, { preprocessing: { mean: MEAN, scale: SCALE, fill } }))
        .graph.node.slice(0, fill ? 4 : 2)
        .map((node) => node.op_type);
    expect(opTypes()).toEqual(["Sub", "Div"]);
    expect(opTypes(FILL)).toEqual(["IsNaN", "Where", "Sub", "Div"]);
  });

  it("reject values that do not fit the model's features, naming the option at fault", () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    const attempt = (preprocessing: { mean: number[]; scale: number[]; fill?: (number | null)[] }) => () => exportOnnx(model, { preprocessing });
    expect(attempt({ mean: MEAN.slice(1), scale: SCALE })).toThrow(/^options\.preprocessing\.mean: expected one value per input feature \(8\), got 7$/);
    expect(attempt({ mean: MEAN, scale: SCALE, fill: [1] })).toThrow(/^options\.preprocessing\.fill: expected one value per input feature/);
    expect(attempt({ mean: MEAN, scale: SCALE.map((s, i) => (i === 2 ? 0 : s)) })).toThrow(/^options\.preprocessing\.scale\[2\]: expected a finite, non-zero number, got 0$/);
    expect(attempt({ mean: MEAN.map((m, i) => (i === 5 ? Number.NaN : m)), scale: SCALE })).toThrow(/^options\.preprocessing\.mean\[5\]/);
  });
});
