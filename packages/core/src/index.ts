import { corePlugin } from "./core-plugin.js";
import { registerPlugin } from "./registry/registry.js";

export type { DType, FloatArray } from "./dtype.js";
export { DTYPES, isDType } from "./dtype.js";
export { Tensor, isTensor, shapeSize, sameShape, reuseTensor, type TensorOptions } from "./tensor.js";
export type { Backend, AdamHyperparameters, ActivationAfter, ActivationBelow } from "./backend/backend.js";
export { createReferenceBackend } from "./backend/reference-backend.js";
export { getDefaultBackend, setDefaultBackend } from "./backend/default-backend.js";
export * as ops from "./ops.js";
export { ShapeMismatchError, OperandMismatchError } from "./errors.js";
export type { ActivationFunction, ActivationExpression } from "./activation-function.js";
export { FUSED_ACTIVATION_KERNELS, fusedActivationKernelId, type FusedActivationKernel } from "./fused-activation-kernels.js";
export { FUSED_ACTIVATION_MATH, fusedKernelActivation } from "./fused-activation-math.js";
export { EXPRESSION_OPERATORS, type Expression, type ExpressionOperator } from "./expression/expression.js";
export { validateExpression } from "./expression/validate-expression.js";
export { InvalidExpressionError } from "./expression/invalid-expression-error.js";
export { compileExpression } from "./expression/compile-expression.js";
export { differentiateExpression } from "./expression/differentiate-expression.js";
export { simplifyExpression } from "./expression/simplify-expression.js";
export { expressionActivation, type ActivationDeclaration } from "./expression/expression-activation.js";
export { compileUpdateRule, type UpdateRule, type UpdateAssignment, type CompiledUpdateRule } from "./expression/update-rule.js";
export { SGD_UPDATE_RULE, ADAM_UPDATE_RULE } from "./fused-update-rules.js";
export { ActivationModule } from "./activation-module.js";
export { Module, isModule, fusesActivation, type ActivationFusing, type BackwardOptions } from "./module.js";
export { Parameter } from "./parameter.js";
export { Sequential } from "./sequential.js";
export type { Loss, Targets } from "./loss.js";
export { OptimizerStateError, importOptimizerState, type Optimizer, type OptimizerState } from "./optimizer.js";
export { GeneratorStateError, type RandomGenerator, type RandomGeneratorState } from "./random/random-generator.js";
export { Xoshiro128Generator } from "./random/xoshiro128.js";
export { dropoutMask, type DropoutMask } from "./random/dropout-mask.js";
export { NumpyRandomState, type NumpyRandomStateSnapshot } from "./random/numpy-random-state.js";
export * from "./registry/components.js";
export type { OnnxAttribute, OnnxExportContext, OnnxExportHook, OnnxGraphBuilder } from "./registry/onnx-export-hook.js";
export { validateOptions, type OptionSchema, type ResolvedOptions } from "./registry/option-schema.js";
export { OptionSchemaError } from "./registry/option-schema-error.js";
export { defineActivation, defineLayer, defineLoss, defineOptimizer } from "./registry/define-component.js";
export { Registry, createRegistry, getDefaultRegistry, registerPlugin, isRegistry } from "./registry/registry.js";
export { SpecError, UnknownComponentError, RegistryConflictError, type SpecErrorCode } from "./registry/spec-error.js";
export { InvalidPluginError } from "./registry/invalid-plugin-error.js";
export { SPEC_VERSION, assertModelSpec, modelSpecSchema, componentSpecSchema, type ModelSpec, type ComponentSpec } from "./spec/model-spec.js";
export { modelSpecJsonSchema } from "./spec/model-spec-json-schema.js";
export { buildModel, type BuildModelOptions } from "./spec/build-model.js";
export { ParameterLimitError, DEFAULT_MAX_PARAMETER_BYTES } from "./spec/parameter-limit-error.js";
export { selectBackend, availableBackends } from "./backend/select-backend.js";
export { Model, type ModelParts } from "./spec/model.js";
export { fit, fitAsync, type FitOptions, type FitAsyncOptions, type AbortSignalLike, type FitResult, type EpochInfo } from "./train/fit.js";
export { FitOptionsError } from "./train/fit-options-error.js";
export { NonFiniteLossError } from "./train/non-finite-loss-error.js";
export { TrainingDataError } from "./train/training-data-error.js";
export { checkTrainingData } from "./train/check-training-data.js";
export {
  encodeSafetensors,
  decodeSafetensors,
  MAX_SAFETENSORS_HEADER_BYTES,
  type SafetensorsDType,
  type SafetensorsTensor,
  type DecodedSafetensor,
  type DecodedSafetensors,
} from "./io/safetensors.js";
export { SafetensorsEncodeError } from "./io/safetensors-encode-error.js";
export { ModelFileError, type ModelFileErrorCode } from "./io/model-file-error.js";
export {
  serializeModel,
  deserializeModel,
  inspectModelBytes,
  MODEL_FORMAT_VERSION,
  MODEL_METADATA_KEYS,
  type ModelFileInfo,
  type SerializeModelOptions,
  type DeserializeModelOptions,
} from "./io/model-file.js";
export { saveModel, loadModel, inspectModelFile } from "./io/model-path.js";
export { writeFileAtomic, isTemporaryFileName, FileAccessUnavailableError } from "./io/file-system.js";
export { encodeCheckpoint, restoreCheckpoint, type CheckpointOptions, type TrainingProgress } from "./io/checkpoint.js";
export { corePlugin } from "./core-plugin.js";
export { CORE_VERSION } from "./version.js";

registerPlugin(corePlugin);
