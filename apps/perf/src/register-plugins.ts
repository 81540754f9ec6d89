// Importing the packages registers the layers, activations, losses and optimizers the specs name.
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
