import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/packages.mjs";

// The math pages include code with VitePress's `<<< @/path#region` syntax. A moved file or a
// renamed region would otherwise show up only as a missing or wrong snippet on the built page.
const siteRoot = join(repoRoot, "docs/site");
const written = readdirSync(siteRoot, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
  .map((entry) => join(entry.parentPath, entry.name))
  .filter((path) => !/[/\\](api|results|packages)[/\\]/.test(path.slice(siteRoot.length)));

const includes = written.flatMap((page) =>
  [...readFileSync(page, "utf8").matchAll(/^<<< @\/([^#{\s]+)(?:#([\w-]+))?/gm)].map((m) => ({
    page: page.slice(siteRoot.length + 1),
    file: resolve(siteRoot, m[1]),
    region: m[2],
  })),
);

describe("code included into the site", () => {
  it("is included somewhere", () => {
    expect(includes.length).toBeGreaterThan(20);
  });

  it.each(includes.map((include) => [`${include.page} → ${include.file.slice(repoRoot.length + 1)}${include.region ? `#${include.region}` : ""}`, include] as const))(
    "%s exists",
    (_title, { file, region }) => {
      expect(existsSync(file), `${file} is missing`).toBe(true);
      if (!region) return;
      const source = readFileSync(file, "utf8");
      expect(source).toMatch(new RegExp(`#region ${region}\\b`));
      expect(source).toMatch(new RegExp(`#endregion ${region}\\b`));
    },
  );
});
