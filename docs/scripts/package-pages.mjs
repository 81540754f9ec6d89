// One site page per publishable package, from its README (the same text npm shows), with the
// README's links into docs/site turned into site links; plus an index of all of them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { publishablePackages, repoRoot } from "./packages.mjs";

const pagesDir = join(repoRoot, "docs/site/packages");
rmSync(pagesDir, { recursive: true, force: true });
mkdirSync(pagesDir, { recursive: true });

const slugOf = (name) => name.replace(/^@/, "").replace(/\//g, "-");
const index = ["# Packages", "", "Every publishable package, with the README npm shows for it.", "", "| package | what it is for |", "| --- | --- |"];
const sidebar = [];
for (const pkg of publishablePackages()) {
  const readmePath = join(pkg.dir, "README.md");
  const slug = slugOf(pkg.name);
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : `# ${pkg.name}\n\n${pkg.description}\n`;
  const page = readme.replace(/\]\((?:\.\.\/)+docs\/site\/([^)]*?)\.md(#[^)]*)?\)/g, (_all, path, hash = "") => `](/${path}${hash})`);
  const source = relative(repoRoot, readmePath);
  writeFileSync(join(pagesDir, `${slug}.md`), `${page}\n\n---\n\nFrom \`${source}\`. [API reference](/api/${pkg.name}/).\n`);
  index.push(`| [\`${pkg.name}\`](./${slug}.md) | ${pkg.description} |`);
  sidebar.push({ text: pkg.name, link: `/packages/${slug}` });
}
writeFileSync(join(pagesDir, "index.md"), `${index.join("\n")}\n`);
writeFileSync(join(pagesDir, "sidebar.json"), JSON.stringify(sidebar));
console.log(`package-pages: ${sidebar.length} packages`);
