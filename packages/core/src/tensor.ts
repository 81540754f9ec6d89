import type { Backend } from "./backend/backend.js";
import { TENSOR_BRAND, hasBrand } from "./brand.js";
import type { DType, FloatArray } from "./dtype.js";
import { getDefaultBackend } from "./backend/default-backend.js";

/** Where a new tensor lives and what it holds. */
export interface TensorOptions {
  /** Element type (default "float32"). */
  dtype?: DType;
  /** The backend that allocates it (default: the default backend). */
  backend?: Backend;
}

/**
 * A dense row-major array of float32 or float64 values. The data lives wherever its backend
 * put it (a plain typed array for the reference backend, a view of WebAssembly memory for others).
 */
export class Tensor {
  /** Marks tensors across installed copies of core (see `isTensor`). @internal */
  readonly [TENSOR_BRAND] = true;
  /** Number of elements, the product of the shape. */
  readonly size: number;

  constructor(
    /** The backend whose kernels operate on this tensor. */
    readonly backend: Backend,
    /** Element type. */
    readonly dtype: DType,
    /** Dimensions, outermost first; 2-D tensors are [rows, cols]. */
    readonly shape: readonly number[],
    /** The elements in row-major order. */
    readonly data: FloatArray,
  ) {
    this.size = shapeSize(shape);
    if (data.length !== this.size) {
      throw new RangeError(`Tensor data has ${data.length} elements but shape [${shape.join(", ")}] needs ${this.size}`);
    }
  }

  /** Number of rows of a 2-D tensor (the batch dimension). */
  get rows(): number {
    return this.shape[0];
  }

  /** Number of columns of a 2-D tensor (the feature dimension). */
  get cols(): number {
    return this.shape.length > 1 ? this.shape[this.shape.length - 1] : 1;
  }

  /** A zero-filled tensor of `shape`. */
  static zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
    const backend = options.backend ?? getDefaultBackend();
    const dtype = options.dtype ?? "float32";
    return new Tensor(backend, dtype, [...shape], backend.allocate(dtype, shapeSize(shape)));
  }

  /** A tensor of `shape` holding `values` in row-major order; throws a RangeError when the counts differ. */
  static from(values: ArrayLike<number>, shape: readonly number[], options: TensorOptions = {}): Tensor {
    const tensor = Tensor.zeros(shape, options);
    if (values.length !== tensor.size) {
      throw new RangeError(`Got ${values.length} values for shape [${shape.join(", ")}] (${tensor.size} elements)`);
    }
    tensor.data.set(values);
    return tensor;
  }

  /** Element (i, j) of a 2-D tensor. */
  get(i: number, j = 0): number {
    return this.data[i * this.cols + j];
  }

  /** The elements as a plain array, in row-major order. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  /** The same values in a new tensor of another dtype or backend. */
  to(options: TensorOptions): Tensor {
    return Tensor.from(this.data, this.shape, { dtype: options.dtype ?? this.dtype, backend: options.backend ?? this.backend });
  }
}

/** Whether `value` is a Tensor from any installed copy of @nabla/core (a brand, not `instanceof`). */
export function isTensor(value: unknown): value is Tensor {
  return hasBrand(value, TENSOR_BRAND);
}

/** Number of elements of `shape`; throws a RangeError for a dimension that is not a non-negative integer. */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0) throw new RangeError(`Invalid dimension ${dim} in shape [${shape.join(", ")}]`);
    size *= dim;
  }
  return size;
}

/** Whether two shapes have the same dimensions. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

/**
 * Returns `existing` when it already has the wanted shape, dtype and backend, otherwise a new
 * zero tensor: layers keep their output buffers across epochs instead of allocating each pass.
 */
export function reuseTensor(existing: Tensor | undefined, shape: readonly number[], like: Tensor): Tensor {
  if (existing && existing.backend === like.backend && existing.dtype === like.dtype && sameShape(existing.shape, shape)) {
    return existing;
  }
  return Tensor.zeros(shape, { dtype: like.dtype, backend: like.backend });
}
