// Importing the packages registers the layers, activations, losses and optimizers the specs name,
// the extras plugin's among them (the plugins section times them).
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
import "nabla-plugin-extras";
