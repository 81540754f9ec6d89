import { describe, expect, it } from "vitest";
import { formatTextTable } from "./text-table.js";

describe("formatTextTable", () => {
  it("pads columns to their widest cell and right-aligns the numeric ones", () => {
    expect(formatTextTable(["metric", "value"], [["MSE", "0.5"], ["R²", "12.25"]], [1])).toBe(
      ["metric  value", "------  -----", "MSE       0.5", "R²      12.25"].join("\n"),
    );
  });
});
