import { SpecError, type SpecErrorCode } from "./spec-error.js";

// Keys that reach an object's prototype when assigned or read with `object[key]`: as keys of a
// user's document they are never options, only a way to change what every object inherits.
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function isPlainPrototype(prototype: unknown): boolean {
  return prototype === Object.prototype || prototype === null;
}

/**
 * Walks a JSON-like document and throws a SpecError naming the path of the first key that
 * would touch a prototype (`__proto__`, `constructor`, `prototype`) or the first object whose
 * prototype is not Object.prototype. JSON.parse gives `"__proto__"` as an own key; an object
 * literal `{ "__proto__": … }` sets the prototype instead: both are rejected.
 */
export function assertNoPrototypeKeys(value: unknown, path: string, code: SpecErrorCode, ancestors = new Set<object>()): void {
  if (typeof value !== "object" || value === null) return;
  if (ancestors.has(value)) throw new SpecError(code, path, "the document refers to itself: a JSON document is a tree");
  ancestors.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoPrototypeKeys(item, `${path}[${i}]`, code, ancestors));
  } else {
    if (!isPlainPrototype(Object.getPrototypeOf(value))) {
      throw new SpecError(code, path, 'expected a plain object, but its prototype was replaced (an object literal\'s "__proto__" key does that)');
    }
    for (const [key, item] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key)) throw new SpecError(code, `${path}.${key}`, `"${key}" is not allowed as a key: it names an object's prototype`);
      assertNoPrototypeKeys(item, `${path}.${key}`, code, ancestors);
    }
  }
  ancestors.delete(value);
}
