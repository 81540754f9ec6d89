import type { CompiledUpdateRule } from "@nabla/core";
import { emitBothDtypes, emitElementLoop, encodeKernelModule } from "./element-loop-emitter.js";
import { emitExpression } from "./expression-codegen.js";
import { F64, I32, SIMD, WasmFunctionBuilder } from "./wasm-function-builder.js";

// A WebAssembly module generated at run time for one optimizer update rule: one pass over the
// elements that loads every tensor, computes the assignments in order (each later one reading the
// values the earlier ones stored, float32 ones rounded) and stores the targets, in f64x2 for both dtypes.

// Export: update(isF64, n, tensor pointers…, scalars…), one step of the rule over n elements, in place.

const compiled = new Map<string, { module: WebAssembly.Module; bytes: Uint8Array }>();

/** The binary module for `rule`, exporting `update`. */
export function encodeUpdateRuleModule(rule: CompiledUpdateRule): Uint8Array<ArrayBuffer> {
  const tensorCount = rule.tensors.length;
  const parameters = [I32, I32, ...rule.tensors.map(() => I32), ...rule.scalars.map(() => F64)];
  const b = new WasmFunctionBuilder(parameters);
  // Scalars are splat into both lanes once, before the loop.
  const scalarLocals = rule.scalars.map((_, q) => {
    const local = b.local();
    b.get(2 + tensorCount + q).simd(SIMD.f64x2Splat).set(local);
    return local;
  });
  const pointers = rule.tensors.map((_, q) => 2 + q);
  emitBothDtypes(b, (f64) =>
    emitElementLoop(b, f64, pointers, 1, (values) => {
      const variables = new Map<string, number>([...rule.tensors.map((tensorName, q) => [tensorName, values[q]] as const), ...rule.scalars.map((scalarName, q) => [scalarName, scalarLocals[q]] as const)]);
      return rule.updates.map(({ target, value }) => {
        let result = emitExpression(b, value, variables);
        if (!f64) {
          // Later assignments read the target as stored, rounded to float32, as they do through map.
          const rounded = b.local();
          b.get(result).simd(SIMD.f32x4DemoteF64x2Zero).simd(SIMD.f64x2PromoteLowF32x4).set(rounded);
          result = rounded;
        }
        variables.set(target, result);
        return { pointer: pointers[rule.tensors.indexOf(target)], value: result };
      });
    }),
  );
  return encodeKernelModule([{ name: "update", builder: b }]);
}

/** The compiled module for `rule` and its bytes; modules are compiled once per rule and process. */
export function compileUpdateRuleModule(rule: CompiledUpdateRule): { module: WebAssembly.Module; bytes: Uint8Array } {
  const key = JSON.stringify({ tensors: rule.tensors, scalars: rule.scalars, updates: rule.updates }, (_, value: unknown) => (Object.is(value, -0) ? "-0" : value));
  let found = compiled.get(key);
  if (!found) {
    const bytes = encodeUpdateRuleModule(rule);
    found = { module: new WebAssembly.Module(bytes), bytes };
    compiled.set(key, found);
  }
  return found;
}
