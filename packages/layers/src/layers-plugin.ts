import { defineLayer, type NablaPlugin } from "@nabla/core";
import { Dropout, dropoutRateSchema } from "./dropout.js";
import { Linear, linearSizesSchema } from "./linear.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** "nabla/linear" and "nabla/dropout". */
export const layersPlugin: NablaPlugin = {
  meta: { name: "@nabla/layers", version: VERSION },
  namespace: "nabla",
  components: [
    defineLayer({
      name: "linear",
      description: "Fully connected layer z = x·W + b with He-initialised W of shape [in, out], equations (1)–(4)",
      options: linearSizesSchema,
      outputShape(inputShape, options) {
        const features = inputShape[inputShape.length - 1];
        if (features !== options.in) throw new Error(`linear expects ${options.in} input features, got ${features}`);
        return [...inputShape.slice(0, -1), options.out];
      },
      // W is [in, out] and b is [1, out].
      parameterCount: (_inputShape, options) => options.in * options.out + options.out,
      create: (options, context) => new Linear(options.in, options.out, context),
      // Gemm computes x·W + b with W as [in, out] and b broadcast over the rows, as Linear does.
      exportOnnx(graph, x, { module }) {
        const [weight, bias] = module.parameters();
        const w = graph.constant(weight.value.data, weight.value.shape);
        const b = graph.constant(bias.value.data, [bias.value.size]);
        return graph.node("Gemm", [x, w, b]);
      },
    }),
    defineLayer({
      name: "dropout",
      description: "Inverted dropout: drops each element with probability p while training, identity in eval mode",
      options: dropoutRateSchema,
      outputShape: (inputShape) => inputShape,
      create: (options, context) => new Dropout(options.p, context),
      // An exported model only predicts, and dropout is the identity at inference.
      exportOnnx: (_graph, x) => x,
    }),
  ],
};
