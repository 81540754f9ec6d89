import { describe, expect, it } from "vitest";
import { csvField } from "./csv-field.js";

describe("csvField", () => {
  it("leaves plain values alone and quotes those with commas, quotes or line breaks", () => {
    expect(csvField("INLAND")).toBe("INLAND");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});
