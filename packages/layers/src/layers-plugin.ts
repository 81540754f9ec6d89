import type { NablaPlugin } from "@nabla/core";
import { Dropout } from "./dropout.js";
import { Linear } from "./linear.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** "nabla/linear" and "nabla/dropout". */
export const layersPlugin: NablaPlugin = {
  meta: { name: "@nabla/layers", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "layer",
      name: "linear",
      description: "Fully connected layer z = x·W + b with He-initialised W of shape [in, out], equations (1)–(4)",
      options: {
        in: { type: "integer", min: 1, description: "input features" },
        out: { type: "integer", min: 1, description: "output features" },
      },
      outputShape(inputShape, options) {
        const features = inputShape[inputShape.length - 1];
        if (features !== options.in) throw new Error(`linear expects ${options.in} input features, got ${features}`);
        return [...inputShape.slice(0, -1), options.out as number];
      },
      create: (options, context) => new Linear(options.in as number, options.out as number, context),
      // Gemm computes x·W + b with W as [in, out] and b broadcast over the rows, as Linear does.
      exportOnnx(graph, x, { module }) {
        const [weight, bias] = module.parameters();
        const w = graph.constant(weight.value.data, weight.value.shape);
        const b = graph.constant(bias.value.data, [bias.value.size]);
        return graph.node("Gemm", [x, w, b]);
      },
    },
    {
      kind: "layer",
      name: "dropout",
      description: "Inverted dropout: drops each element with probability p while training, identity in eval mode",
      options: {
        p: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.5, description: "drop probability, in [0, 1)" },
      },
      outputShape: (inputShape) => inputShape,
      create: (options, context) => new Dropout(options.p as number, context),
      // An exported model only predicts, and dropout is the identity at inference.
      exportOnnx: (_graph, x) => x,
    },
  ],
};
