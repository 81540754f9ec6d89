import { Type, type TObject } from "@sinclair/typebox";
import type { ActivationComponent, LayerComponent, LossComponent, OptimizerComponent } from "./components.js";
import type { OptionSchema } from "./option-schema.js";

// Each helper only adds `kind`, and an empty option schema when none is given. Its point is the
// type parameter, inferred from `options`, which types the options `create` receives.

/** The option schema of a component that takes no options. */
type NoOptions = TObject<{}>;

function optionsOrNone(options: OptionSchema | undefined): OptionSchema {
  return options ?? Type.Object({});
}

/** A layer component whose `outputShape`, `parameterCount`, `create` and `exportOnnx` receive options typed by its schema. */
export function defineLayer<S extends OptionSchema>(declaration: Omit<LayerComponent<S>, "kind">): LayerComponent<S>;
export function defineLayer(declaration: Omit<LayerComponent<NoOptions>, "kind" | "options">): LayerComponent<NoOptions>;
export function defineLayer(declaration: Omit<LayerComponent, "kind" | "options"> & { options?: OptionSchema }): LayerComponent {
  return { ...declaration, kind: "layer", options: optionsOrNone(declaration.options) };
}

/** An activation component whose `create` and `exportOnnx` receive options typed by its schema. */
export function defineActivation<S extends OptionSchema>(declaration: Omit<ActivationComponent<S>, "kind">): ActivationComponent<S>;
export function defineActivation(declaration: Omit<ActivationComponent<NoOptions>, "kind" | "options">): ActivationComponent<NoOptions>;
export function defineActivation(declaration: Omit<ActivationComponent, "kind" | "options"> & { options?: OptionSchema }): ActivationComponent {
  return { ...declaration, kind: "activation", options: optionsOrNone(declaration.options) };
}

/** A loss component whose `create` receives options typed by its schema. */
export function defineLoss<S extends OptionSchema>(declaration: Omit<LossComponent<S>, "kind">): LossComponent<S>;
export function defineLoss(declaration: Omit<LossComponent<NoOptions>, "kind" | "options">): LossComponent<NoOptions>;
export function defineLoss(declaration: Omit<LossComponent, "kind" | "options"> & { options?: OptionSchema }): LossComponent {
  return { ...declaration, kind: "loss", options: optionsOrNone(declaration.options) };
}

/** An optimizer component whose `create` receives options typed by its schema. */
export function defineOptimizer<S extends OptionSchema>(declaration: Omit<OptimizerComponent<S>, "kind">): OptimizerComponent<S>;
export function defineOptimizer(declaration: Omit<OptimizerComponent<NoOptions>, "kind" | "options">): OptimizerComponent<NoOptions>;
export function defineOptimizer(declaration: Omit<OptimizerComponent, "kind" | "options"> & { options?: OptionSchema }): OptimizerComponent {
  return { ...declaration, kind: "optimizer", options: optionsOrNone(declaration.options) };
}
