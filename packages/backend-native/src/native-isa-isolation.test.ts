import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isNativeBackendAvailable } from "./native-backend.js";

// The addon path as the process loaded it, wherever the package keeps it.
function loadedAddonPath(): string | undefined {
  const report = process.report.getReport() as unknown as { sharedObjects: string[] };
  return report.sharedObjects.find((path) => path.endsWith("nabla_native.node"));
}

const objdumpFound = spawnSync("objdump", ["--version"]).status === 0;

// Every function outside nabla::avx2 and nabla::avx512 runs on CPUs without AVX: the addon's own
// code, the generic kernels, and the library code the linker keeps one copy of for all three
// paths (see native/binding.gyp and native/scratch-array.h). None may hold a VEX or EVEX
// instruction (their mnemonics start with v), a YMM or ZMM register, or an AVX-512 mask.
describe.skipIf(!isNativeBackendAvailable() || !objdumpFound)("the built addon", () => {
  it("keeps every AVX instruction inside the avx2 and avx512 namespaces", { timeout: 60_000 }, () => {
    const path = loadedAddonPath();
    expect(path).toBeDefined();
    const { stdout } = spawnSync("objdump", ["-d", "-C", "--no-show-raw-insn", path!], { encoding: "utf8", maxBuffer: 1 << 30 });
    const offenders = new Set<string>();
    let fn = "";
    for (const line of stdout.split("\n")) {
      const header = /^[0-9a-f]+ <(.*)>:$/.exec(line);
      if (header) {
        fn = header[1];
        continue;
      }
      const instruction = /^\s+[0-9a-f]+:\s+(\S+)\s*(.*)$/.exec(line);
      // objdump leaves names it cannot demangle (lambdas within lambdas) mangled: N5nabla4avx2 is nabla::avx2.
      if (!instruction || /nabla::avx(2|512)::|5nabla(4avx2|6avx512)/.test(fn)) continue;
      const [, mnemonic, operands] = instruction;
      if ((mnemonic.startsWith("v") && mnemonic !== "verr" && mnemonic !== "verw") || /%[yz]mm|%k[0-7]\b/.test(operands)) offenders.add(fn);
    }
    // The AVX kernels were found by name, so the scan read the symbols and judged the rest.
    expect(stdout).toContain("nabla::avx512::");
    expect([...offenders]).toEqual([]);
  });
});
