import type { DatasetLoadOptions, NablaPlugin } from "@nabla/core";
import { loadCaliforniaHousing } from "./load-california-housing.js";
import { type Cifar10Options, loadCifar10 } from "./cifar10.js";
import { DATASETS_VERSION } from "./version.js";

/** The datasets of the reference experiments, as registry components ("nabla/california-housing", "nabla/cifar10"). */
export const datasetsPlugin: NablaPlugin = {
  meta: { name: "@nabla/datasets", version: DATASETS_VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "dataset",
      name: "california-housing",
      description: "California Housing (StatLib) in scikit-learn's layout: 20,640 rows, 8 features, target in $100,000",
      task: "regression",
      load: (options: DatasetLoadOptions = {}) => loadCaliforniaHousing(options),
    },
    {
      kind: "dataset",
      name: "cifar10",
      description:
        "CIFAR-10 from the official binary files: 50,000 + 10,000 uint8 images of 3,072 pixels (hwc by default), 10 classes",
      task: "classification",
      // The loader checks layout, limitTrain and limitTest itself, whatever the caller passed.
      load: (options: DatasetLoadOptions = {}) => loadCifar10(options as Cifar10Options),
    },
  ],
};
