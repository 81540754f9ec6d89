import { SpecError } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { describeFailure } from "./report-error.js";
import { UsageError } from "./usage-error.js";

describe("describeFailure", () => {
  it("reports a user error as one line with what and where, exit status 2", () => {
    expect(describeFailure(new UsageError("no such file", "--data x.csv"), false)).toEqual({ text: "nabla: no such file (--data x.csv)", exitCode: 2 });
  });

  it("reports a spec error with its JSON path", () => {
    const { text, exitCode } = describeFailure(new SpecError("invalid-spec", "$.layers[0].type", "unknown layer"), false);
    expect(text).toBe("nabla: $.layers[0].type: unknown layer");
    expect(exitCode).toBe(2);
  });

  it("counts a missing or unwritable file as a user error", () => {
    const error = Object.assign(new Error("ENOENT: no such file or directory, open 'out/x'"), { code: "ENOENT" });
    expect(describeFailure(error, false).exitCode).toBe(2);
  });

  it("reports anything else as exit status 1 and keeps the stack for --verbose", () => {
    const error = new TypeError("x is undefined");
    expect(describeFailure(error, false)).toEqual({ text: "nabla: unexpected TypeError: x is undefined (run with --verbose for the stack trace)", exitCode: 1 });
    const verbose = describeFailure(error, true).text.split("\n");
    expect(verbose[0]).toBe("nabla: unexpected TypeError: x is undefined");
    expect(verbose[1]).toBe("TypeError: x is undefined");
  });
});
