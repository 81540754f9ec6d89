// tfjs-core's Node entry registers no gradients (the @tensorflow/tfjs union package does). Its
// ES module build has the registration as a separate file that Node cannot load directly (the
// package is not "type": "module"), so tsup bundles this one file; the gradients land in the
// registry tfjs-core keeps on globalThis, which the external tfjs-core copy reads.
import "@tensorflow/tfjs-core/dist/register_all_gradients.js";
