import type { ActivationExpression, CompiledUpdateRule } from "@nabla/core";
import type { NativeAddon } from "./native-addon.js";
import { activationBackwardProgram, activationForwardProgram, expressionKey, updateRuleProgram, type ExpressionProgramCode } from "./expression-program.js";

// The addon keeps compiled programs for the life of the process and hands out handles; these are
// the handles, one per distinct expression, so a model built many times (or a leakyRelu() made
// per layer) compiles its math once.

const handles = new Map<string, number>();

function handleOf(addon: NativeAddon, key: string, compile: (operations: readonly string[]) => ExpressionProgramCode): number {
  let handle = handles.get(key);
  if (handle === undefined) {
    const { code, constants, inputs, scalars, outputs, registers } = compile(addon.expressionOperations());
    handle = addon.compileExpression(code, constants, inputs, scalars, outputs, registers);
    handles.set(key, handle);
  }
  return handle;
}

/** Handles of an activation's forward program (z → a) and backward program (z, a, ∂L/∂a → ∂L/∂z). */
export function activationProgramHandles(addon: NativeAddon, expression: ActivationExpression): { forward: number; backward: number } {
  return {
    forward: handleOf(addon, `forward ${expressionKey(expression.forward)}`, (operations) => activationForwardProgram(expression, operations)),
    backward: handleOf(addon, `backward ${expressionKey(expression.derivative)}`, (operations) => activationBackwardProgram(expression, operations)),
  };
}

/** The handle of one step of `rule`. */
export function updateRuleProgramHandle(addon: NativeAddon, rule: CompiledUpdateRule): number {
  const key = `update ${expressionKey({ tensors: rule.tensors, scalars: rule.scalars, updates: rule.updates })}`;
  return handleOf(addon, key, (operations) => updateRuleProgram(rule, operations));
}
