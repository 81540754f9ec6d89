// Importing the packages registers their components in the default registry. The native backend
// registers even where its addon could not be built; it then reports itself unavailable.
import "@nabla/activations";
import "@nabla/backend-native";
import "@nabla/backend-wasm";
import "@nabla/datasets";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/metrics";
import "@nabla/optimizers";
