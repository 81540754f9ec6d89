// Importing the packages registers their components in the default registry.
import "@nabla/activations";
import "@nabla/backend-wasm";
import "@nabla/datasets";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/metrics";
import "@nabla/optimizers";
