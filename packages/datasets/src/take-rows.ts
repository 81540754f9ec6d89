import type { TabularData } from "@nabla/core";

type RowArray = TabularData["features"] | TabularData["targets"];

function allocateLike<T extends RowArray>(array: T, length: number): T {
  return new (array.constructor as new (length: number) => T)(length);
}

/** The rows of `data` at `indices`, in that order, in arrays of the same types as the input. */
export function takeRows(data: TabularData, indices: ArrayLike<number>): TabularData {
  const { cols, rows } = data;
  const features = allocateLike(data.features, indices.length * cols);
  const targets = allocateLike(data.targets, indices.length);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    if (!(Number.isInteger(row) && row >= 0 && row < rows))
      throw new RangeError(`takeRows: index ${row} at position ${i} is outside 0..${rows - 1}`);
    features.set(data.features.subarray(row * cols, (row + 1) * cols), i * cols);
    targets[i] = data.targets[row];
  }
  return { features, rows: indices.length, cols, targets };
}
