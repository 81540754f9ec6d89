export { exportOnnx, type OnnxExportOptions } from "./export-onnx.js";
export { OnnxExportError } from "./onnx-export-error.js";
export type { OnnxPreprocessing } from "./preprocessing-nodes.js";
// The hook types live in @nabla/core, so a plugin can export without depending on this package; re-exported for users of this one.
export type { OnnxAttribute, OnnxExportContext, OnnxExportHook, OnnxGraphBuilder } from "@nabla/core";
