import { describe, expect, it } from "vitest";
import { loadFirstAddon, nativeAddonCandidates } from "./native-addon.js";

const fakeAddon = (cpuSupportsKernels: boolean) => ({ cpuSupportsKernels: () => cpuSupportsKernels });
const notFound = (path: string) => Object.assign(new Error(`Cannot find module '${path}'`), { code: "MODULE_NOT_FOUND" });

describe("nativeAddonCandidates", () => {
  it("tries a build made on this machine first, then the prebuild for the platform and architecture", () => {
    expect(nativeAddonCandidates("linux", "arm64")).toEqual(["../native/build/Release/nabla_native.node", "../prebuilds/linux-arm64/nabla_native.node"]);
  });
});

describe("loadFirstAddon", () => {
  it("takes the prebuild when there is no local build", () => {
    const prebuild = fakeAddon(true);
    const load = (path: string) => {
      if (path.includes("prebuilds")) return prebuild;
      throw notFound(path);
    };
    expect(loadFirstAddon(nativeAddonCandidates("linux", "x64"), load).addon).toBe(prebuild);
  });

  it("says in one line why each candidate failed when none loads", () => {
    const load = (path: string) => {
      if (path.includes("prebuilds")) throw new Error("Error relocating nabla_native.node: symbol not found\nmore detail");
      throw notFound(path);
    };
    const { addon, reason, disabled } = loadFirstAddon(nativeAddonCandidates("linux", "x64"), load);
    expect(addon).toBeUndefined();
    expect(disabled).toBe(false);
    expect(reason).toMatch(/native\/build\/Release\/nabla_native\.node does not exist; .*linux-x64\/nabla_native\.node did not load: Error relocating/);
    expect(reason).not.toContain("\n");
  });

  it("refuses an addon that loads on a CPU without AVX2 and FMA", () => {
    expect(loadFirstAddon(["a.node"], () => fakeAddon(false)).reason).toBe("this CPU lacks AVX2 or FMA");
  });
});
