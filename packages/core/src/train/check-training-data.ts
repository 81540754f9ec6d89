import type { Targets } from "../loss.js";
import { allFinite } from "../ops.js";
import type { Model } from "../spec/model.js";
import { type Tensor, isTensor, shapeSize } from "../tensor.js";
import { TrainingDataError } from "./training-data-error.js";

function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

// The backend's allFinite kernel clears the common case in one fast pass; only data that fails
// it is scanned again here, to name the first bad element.
function checkFinite(argument: "x" | "y", values: Tensor): void {
  if (allFinite(values)) return;
  const data = values.data;
  const columns = values.rows > 0 ? values.size / values.rows : 1;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const row = Math.floor(k / columns);
      const column = k % columns;
      throw new TrainingDataError(argument, "non-finite", `${argument} holds ${data[k]} at row ${row}, column ${column}: training data must be finite`, {
        row,
        column,
      });
    }
  }
}

// A 1-D target tensor is accepted for a model with one output, as fit reshapes it itself.
function expectedTargetShape(rows: number, outputShape: readonly number[], given: readonly number[]): readonly number[] {
  const full = [rows, ...outputShape];
  return given.length === 1 && shapeSize(outputShape) === 1 ? [rows] : full;
}

/**
 * Checks what fit is given before the first epoch, so bad data fails with its location rather
 * than as a NaN loss epochs later: x's sample shape against the model's input, y's rows (and
 * shape, for tensor targets) against x, every value finite, and class labels within the
 * model's output width. Throws a TrainingDataError.
 */
export function checkTrainingData(model: Model, x: Tensor, y: Targets): void {
  const expectedX = [x.rows, ...model.inputShape];
  if (!sameShape(x.shape, expectedX)) {
    throw new TrainingDataError("x", "shape-mismatch", `x has shape ${formatShape(x.shape)}, but the model takes samples of shape ${formatShape(model.inputShape)}, so x must be ${formatShape(expectedX)}`, {
      shapes: { given: x.shape, expected: expectedX },
    });
  }
  const targetRows = isTensor(y) ? y.rows : y.length;
  if (targetRows !== x.rows) {
    const given = isTensor(y) ? y.shape : [y.length];
    throw new TrainingDataError("y", "shape-mismatch", `x has ${x.rows} rows but y has ${targetRows} targets`, {
      shapes: { given, expected: [x.rows, ...given.slice(1)] },
    });
  }
  checkFinite("x", x);
  if (isTensor(y)) {
    if (model.outputShape) {
      const expected = expectedTargetShape(x.rows, model.outputShape, y.shape);
      if (!sameShape(y.shape, expected)) {
        throw new TrainingDataError("y", "shape-mismatch", `y has shape ${formatShape(y.shape)}, but the model outputs ${formatShape(expected)} for x`, {
          shapes: { given: y.shape, expected },
        });
      }
    }
    checkFinite("y", y);
    return;
  }
  // Labels index the output's last axis: a classifier's output width is its class count.
  const classes = model.outputShape?.[model.outputShape.length - 1] ?? Number.POSITIVE_INFINITY;
  for (let row = 0; row < y.length; row++) {
    if (y[row] < 0 || y[row] >= classes) {
      const range = Number.isFinite(classes) ? `0..${classes - 1} (the model outputs ${classes} classes)` : "0 or more";
      throw new TrainingDataError("y", "label-out-of-range", `y has label ${y[row]} at row ${row}, outside ${range}`, { row });
    }
  }
}
