import type { FuzzTarget } from "./fuzz-target.js";
import { cifar10BatchTarget } from "./targets/cifar10-batch-target.js";
import { csvCellsTarget } from "./targets/csv-cells-target.js";
import { csvTarget } from "./targets/csv-target.js";
import { modelFileTarget } from "./targets/model-file-target.js";
import { modelSpecTarget } from "./targets/model-spec-target.js";
import { npyTarget } from "./targets/npy-target.js";
import { npzTarget } from "./targets/npz-target.js";
import { registryTarget } from "./targets/registry-target.js";
import { safetensorsTarget } from "./targets/safetensors-target.js";
import { tarGzTarget } from "./targets/tar-gz-target.js";
import { zipTarget } from "./targets/zip-target.js";

/**
 * Every fuzz target, in the order a run takes them. A new target is one file in targets/ and
 * one line here. Each target's input type is its own; the runner only hands a target's inputs
 * back to that target, hence `any` here.
 */
export const FUZZ_TARGETS: readonly FuzzTarget<any>[] = [
  modelSpecTarget,
  registryTarget,
  csvTarget,
  csvCellsTarget,
  npyTarget,
  npzTarget,
  zipTarget,
  tarGzTarget,
  cifar10BatchTarget,
  safetensorsTarget,
  modelFileTarget,
];
