import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: the note is once per process, which is once per module instance.
let noteNativeUnavailable: typeof import("./note-native-unavailable.js").noteNativeUnavailable;
beforeEach(async () => {
  vi.resetModules();
  ({ noteNativeUnavailable } = await import("./note-native-unavailable.js"));
});

describe("noteNativeUnavailable", () => {
  it("says why in one line, once per process", () => {
    const lines: string[] = [];
    noteNativeUnavailable("this CPU lacks AVX2 or FMA", false, (line) => lines.push(line));
    noteNativeUnavailable("this CPU lacks AVX2 or FMA", false, (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^@nabla\/backend-native: not used, this CPU lacks AVX2 or FMA\. Using the next available backend/);
    expect(lines[0]).not.toContain("\n");
  });

  it("stays quiet when NABLA_DISABLE_NATIVE=1 turned the backend off on purpose", () => {
    const lines: string[] = [];
    noteNativeUnavailable("NABLA_DISABLE_NATIVE=1 is set", true, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });
});
