import { describe, expect, it } from "vitest";
import { testPlugin } from "../test-plugins.js";
import { assertPluginShape } from "./assert-plugin-shape.js";
import { InvalidPluginError } from "./invalid-plugin-error.js";
import { createRegistry } from "./registry.js";

const square = testPlugin.components.find((c) => c.name === "square")!;
const plugin = (fields: Record<string, unknown>) => ({ meta: { name: "p", version: "1.0.0" }, namespace: "test", components: [square], ...fields });

describe("assertPluginShape", () => {
  it("accepts a well-formed plugin", () => {
    expect(() => assertPluginShape(testPlugin)).not.toThrow();
  });

  // Counterexamples of the fuzz harness's registry target: each threw a TypeError from inside register.
  it.each([
    ["plugin", undefined, /plugin: expected an object, got undefined/],
    ["meta", plugin({ meta: 5 }), /plugin\.meta: expected \{ name, version \}/],
    ["meta.name", plugin({ meta: { version: "1" } }), /plugin\.meta\.name: expected a non-empty string/],
    ["components", plugin({ components: "x" }), /plugin\.components: expected an array, got string/],
    ["a component", plugin({ components: [undefined] }), /plugin\.components\[0\]: expected a component object, got undefined/],
    ["a kind", plugin({ components: [{ ...square, kind: "widget" }] }), /plugin\.components\[0\]\.kind: expected one of layer, .* got "widget"/],
    ["a namespace with a slash", plugin({ namespace: "a/b" }), /plugin\.namespace: "a\/b" contains "\/"/],
  ])("refuses a malformed %s with InvalidPluginError", (_, value, message) => {
    expect(() => assertPluginShape(value)).toThrow(InvalidPluginError);
    expect(() => assertPluginShape(value)).toThrow(message);
  });

  it("refuses a plugin naming one component twice, which would silently replace the first", () => {
    expect(() => assertPluginShape(plugin({ components: [square, { ...square }] }))).toThrow(
      "plugin.components[1].name: the plugin names activation test/square twice",
    );
  });

  it("leaves the registry untouched when register refuses a malformed plugin", () => {
    const registry = createRegistry();
    expect(() => registry.register(plugin({ components: [square, null] }) as never)).toThrow(InvalidPluginError);
    expect(registry.keys("activation")).toEqual([]);
    expect(registry.plugins()).toEqual([]);
  });
});
