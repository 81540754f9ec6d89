import fc, { type Arbitrary } from "fast-check";

/**
 * A JSON document as a tree whose objects are lists of entries, so that keys such as
 * "__proto__" and repeated keys survive until the text is written: JSON.parse then makes them
 * own properties, as it does for a spec read from a file.
 */
export type JsonTree = null | boolean | number | string | JsonTree[] | { readonly entries: readonly (readonly [string, JsonTree])[] };

/** JSON text for a tree (numbers beyond double range are written as 1e999, which parses to Infinity). */
export function jsonText(tree: JsonTree): string {
  // Iterative, so that a deeply nested tree does not overflow the stack here.
  const out: string[] = [];
  const stack: (JsonTree | { readonly raw: string })[] = [tree];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item !== null && typeof item === "object" && "raw" in item) out.push(item.raw);
    else if (Array.isArray(item)) {
      stack.push({ raw: "]" });
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i], ...(i > 0 ? [{ raw: "," }] : []));
      stack.push({ raw: "[" });
    } else if (item !== null && typeof item === "object") {
      const entries = (item as { readonly entries: readonly (readonly [string, JsonTree])[] }).entries;
      stack.push({ raw: "}" });
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push(entries[i][1], { raw: `${JSON.stringify(entries[i][0])}:` }, ...(i > 0 ? [{ raw: "," }] : []));
      }
      stack.push({ raw: "{" });
    } else if (typeof item === "number") out.push(Number.isFinite(item) ? JSON.stringify(item) : item > 0 ? "1e999" : "-1e999");
    else out.push(JSON.stringify(item));
  }
  return out.join("");
}

/** An object node from key/value pairs. */
const object = (...entries: (readonly [string, JsonTree])[]): JsonTree => ({ entries });

/** Keys that name Object.prototype's own members. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

/** Numbers a schema must reject or take at its edges: negative, zero, fractional, huge, beyond double range. */
export const EDGE_NUMBERS = [0, -0, -1, 0.5, 1, 2, 1e-320, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 1e308, Infinity, -Infinity];

/** Any JSON value, small. */
export const anyJson: Arbitrary<JsonTree> = fc.letrec<{ json: JsonTree }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.array(tie("json"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...PROTOTYPE_KEYS)), tie("json")), { maxLength: 4 })
      .map((entries) => ({ entries })),
  ),
})).json;

/** A value nested `depth` levels deep in arrays or objects, to find recursion without a bound. */
export const deeplyNested: Arbitrary<JsonTree> = fc
  .tuple(fc.integer({ min: 1, max: 20000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let tree: JsonTree = 1;
    for (let i = 0; i < depth; i++) tree = arrays ? [tree] : object(["a", tree]);
    return tree;
  });
