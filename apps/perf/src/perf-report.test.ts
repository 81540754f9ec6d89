import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OTHER_SECTIONS_MARKER, writeMarkdown } from "./perf-report.js";

describe("writeMarkdown", () => {
  it("rewrites the generated part and keeps the sections other commands wrote below the marker", () => {
    const file = join(mkdtempSync(join(tmpdir(), "perf-report-")), "BENCHMARKS.md");
    writeFileSync(file, `# Old tables\n\n${OTHER_SECTIONS_MARKER}\n\n## In the browser\n\n| a |\n`);
    writeMarkdown(file, "# New tables\n");
    expect(readFileSync(file, "utf8")).toBe(`# New tables\n\n${OTHER_SECTIONS_MARKER}\n\n## In the browser\n\n| a |\n`);
  });

  it("ends a new file with the marker, so sections can be added below it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "perf-report-")), "BENCHMARKS.md");
    writeMarkdown(file, "# Tables\n");
    expect(readFileSync(file, "utf8")).toBe(`# Tables\n\n${OTHER_SECTIONS_MARKER}\n`);
  });
});
