import type { ActivationExpression, CompiledUpdateRule } from "@nabla/core";
import type { NativeAddon } from "./native-addon.js";
import { activationBackwardProgram, activationForwardProgram, expressionKey, updateRuleProgram, type ExpressionProgramCode } from "./expression-program.js";

// The addon keeps compiled programs for the life of the process and hands out handles; these are
// the handles, one per distinct expression, so a model built many times (or a leakyRelu() made
// per layer) compiles its math once.

const handles = new Map<string, number>();
// The same lookups by object, so a training step does not serialize its expressions again.
const activationHandles = new WeakMap<ActivationExpression, { forward: number; backward: number }>();
const ruleHandles = new WeakMap<CompiledUpdateRule, number>();

function handleOf(addon: NativeAddon, key: string, compile: (operations: readonly string[]) => ExpressionProgramCode): number {
  let handle = handles.get(key);
  if (handle === undefined) {
    const { code, constants, inputs, scalars, outputs, registers, uniform } = compile(addon.expressionOperations());
    handle = addon.compileExpression(code, constants, inputs, scalars, outputs, registers, uniform);
    handles.set(key, handle);
  }
  return handle;
}

/** Handles of an activation's forward program (z → a) and backward program (z, a, ∂L/∂a → ∂L/∂z). */
export function activationProgramHandles(addon: NativeAddon, expression: ActivationExpression): { forward: number; backward: number } {
  let found = activationHandles.get(expression);
  if (!found) {
    found = {
      forward: handleOf(addon, `forward ${expressionKey(expression.forward)}`, (operations) => activationForwardProgram(expression, operations)),
      backward: handleOf(addon, `backward ${expressionKey(expression.derivative)}`, (operations) => activationBackwardProgram(expression, operations)),
    };
    activationHandles.set(expression, found);
  }
  return found;
}

/** The handle of one step of `rule`. */
export function updateRuleProgramHandle(addon: NativeAddon, rule: CompiledUpdateRule): number {
  let handle = ruleHandles.get(rule);
  if (handle === undefined) {
    const key = `update ${expressionKey({ tensors: rule.tensors, scalars: rule.scalars, updates: rule.updates })}`;
    handle = handleOf(addon, key, (operations) => updateRuleProgram(rule, operations));
    ruleHandles.set(rule, handle);
  }
  return handle;
}
