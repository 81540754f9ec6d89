// One site page per publishable package, from its README (the same text npm shows), with the
// README's links into docs/site turned into site links, links to another package's README into
// that package's page, and links to other repository files (which the site does not serve) into
// plain text; plus an index of all of them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { publishablePackages, repoRoot } from "./packages.mjs";

const pagesDir = join(repoRoot, "docs/site/packages");
rmSync(pagesDir, { recursive: true, force: true });
mkdirSync(pagesDir, { recursive: true });

const slugOf = (name) => name.replace(/^@/, "").replace(/\//g, "-");
const index = ["# Packages", "", "Every publishable package, with the README npm shows for it.", "", "| package | what it is for |", "| --- | --- |"];
const sidebar = [];
const packages = publishablePackages();
const pageOfReadme = new Map(packages.map((pkg) => [join(pkg.dir, "README.md"), `./${slugOf(pkg.name)}.md`]));

/** A README link that is neither a site page, nor absolute, nor an anchor: a package page, or its text. */
function siteLink(readmePath, text, target) {
  if (/^([a-z]+:|\/|#)/i.test(target)) return `[${text}](${target})`;
  const [path, hash = ""] = target.split("#");
  const file = resolve(dirname(readmePath), path);
  const page = pageOfReadme.get(file);
  if (page) return `[${text}](${page}${hash ? `#${hash}` : ""})`;
  const fromRoot = relative(repoRoot, file);
  return text.includes(path) ? text : `${text} (\`${fromRoot}\`)`;
}

for (const pkg of packages) {
  const readmePath = join(pkg.dir, "README.md");
  const slug = slugOf(pkg.name);
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : `# ${pkg.name}\n\n${pkg.description}\n`;
  // Links are rewritten outside code blocks only, where `f[i](x)` is code, not a link.
  const page = readme
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\]\((?:\.\.\/)+docs\/site\/([^)]*?)\.md(#[^)]*)?\)/g, (_all, path, hash = "") => `](/${path}${hash})`)
            .replace(/(?<!!)\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_all, text, target) => siteLink(readmePath, text, target)),
    )
    .join("");
  const source = relative(repoRoot, readmePath);
  // A package with only a command (no entry points) has no API reference page.
  const apiLink = pkg.entryPoints.length > 0 ? ` [API reference](/api/${pkg.name}/).` : "";
  writeFileSync(join(pagesDir, `${slug}.md`), `${page}\n\n---\n\nFrom \`${source}\`.${apiLink}\n`);
  index.push(`| [\`${pkg.name}\`](./${slug}.md) | ${pkg.description} |`);
  sidebar.push({ text: pkg.name, link: `/packages/${slug}` });
}
writeFileSync(join(pagesDir, "index.md"), `${index.join("\n")}\n`);
writeFileSync(join(pagesDir, "sidebar.json"), JSON.stringify(sidebar));
console.log(`package-pages: ${sidebar.length} packages`);
