import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isTemporaryFileName } from "./file-system.js";

// The child runs the built package (dist), so this test needs `pnpm build` first (turbo's test task depends on it).
const SCRIPT = fileURLToPath(new URL("../../test/write-files-until-killed.mjs", import.meta.url));
const TRIALS = 6;

/** Starts the writer and SIGKILLs it a random 0–200 ms after its first round; resolves with the signal that ended it. */
function writeUntilKilled(folder: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, folder], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.setEncoding("utf8").once("data", () => setTimeout(() => child.kill("SIGKILL"), Math.random() * 200));
    child.on("error", reject);
    child.on("exit", (_, signal) => resolve(signal));
  });
}

describe("writeFileAtomic in a process killed with SIGKILL at a random moment", { timeout: 60_000 }, () => {
  it("leaves every file whole: the JSON parses with all its values, the SVG is closed; anything else is a recognisable temporary file", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const folder = mkdtempSync(join(tmpdir(), "nabla-atomic-kill-"));
      expect(await writeUntilKilled(folder)).toBe("SIGKILL");
      const files = readdirSync(folder);
      expect(files).toEqual(expect.arrayContaining(["results.json", "plot.svg"]));
      for (const file of files.filter((name) => !isTemporaryFileName(name))) {
        const text = readFileSync(join(folder, file), "utf8");
        if (file === "results.json") {
          const results = JSON.parse(text) as { count: number; values: number[] };
          expect(results.values).toHaveLength(results.count);
        } else {
          expect(file).toBe("plot.svg");
          expect(text).toMatch(/^<svg [^>]*><polyline points="[^"]*"\/><\/svg>\n$/);
        }
      }
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
