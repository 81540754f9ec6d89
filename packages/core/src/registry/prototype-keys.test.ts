import { describe, expect, it } from "vitest";
import { assertNoPrototypeKeys } from "./prototype-keys.js";
import { SpecError } from "./spec-error.js";

function errorOf(value: unknown): SpecError {
  try {
    assertNoPrototypeKeys(value, "$", "invalid-spec");
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected a SpecError");
}

describe("assertNoPrototypeKeys", () => {
  it("rejects an own __proto__ key, as JSON.parse creates it, naming its path", () => {
    const parsed: unknown = JSON.parse('{"layers": [{"options": {"in": 2, "__proto__": {"x": 1}}}]}');
    const error = errorOf(parsed);
    expect(error.path).toBe("$.layers[0].options.__proto__");
    expect(error.code).toBe("invalid-spec");
  });

  it("rejects constructor and prototype keys at any depth", () => {
    expect(errorOf({ a: { constructor: 1 } }).path).toBe("$.a.constructor");
    expect(errorOf([{ prototype: {} }]).path).toBe("$[0].prototype");
  });

  it("rejects an object whose prototype an object literal's __proto__ key replaced", () => {
    const error = errorOf({ options: { in: 2, __proto__: { x: 1 } } });
    expect(error.path).toBe("$.options");
    expect(error.problem).toMatch(/prototype was replaced/);
  });

  it("rejects a document that contains itself instead of overflowing the stack", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorOf(cyclic).path).toBe("$.self");
  });

  it("accepts plain JSON, null-prototype objects and repeated (non-cyclic) references", () => {
    const shared = { a: 1 };
    expect(() => assertNoPrototypeKeys({ x: [shared, shared], y: Object.create(null) }, "$", "invalid-spec")).not.toThrow();
  });
});
