import { StandardScaler } from "@nabla/datasets";
import type { DataTable } from "./data-table.js";
import { encodeFeatures, encodeTargets, findColumn, selectRows } from "./encode-rows.js";
import { expandedFeatureNames, type Preprocessing } from "./preprocessing.js";

/** Raw rows turned into the network's inputs (and targets, when asked for). */
export interface AppliedPreprocessing {
  /** Standardized features, row-major [rows × cols]. */
  features: Float64Array;
  rows: number;
  cols: number;
  /** Present when `withTargets` was set. */
  targets?: Float64Array | Int32Array;
}

/**
 * Applies a model's saved preprocessing to raw rows the way `nabla train` applied it to its own.
 * With `withTargets` (evaluate) rows with an empty cell are skipped when the model was trained
 * with `--missing drop`; without it (predict) every row gets a prediction, so an empty cell
 * without a fill value is an error naming it.
 */
export function applyPreprocessing(preprocessing: Preprocessing, table: DataTable, withTargets: boolean): AppliedPreprocessing {
  const featureColumns = preprocessing.features.map((feature) => findColumn(table, feature.name));
  const used = withTargets ? [...featureColumns, findColumn(table, preprocessing.target)] : featureColumns;
  const rows = selectRows(table, used, withTargets && preprocessing.missing === "drop");
  const hint = `the model was trained with --missing ${preprocessing.missing}, which gives this column no fill value`;
  const raw = encodeFeatures(preprocessing.features, table, rows, hint);
  const scaler = new StandardScaler(Float64Array.from(preprocessing.mean), Float64Array.from(preprocessing.scale));
  return {
    features: scaler.transform(raw, raw),
    rows: rows.length,
    cols: expandedFeatureNames(preprocessing).length,
    ...(withTargets ? { targets: encodeTargets(preprocessing, table, rows) } : {}),
  };
}
