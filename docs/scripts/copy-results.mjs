// Brings the committed experiment results into the site: every results folder that exists
// (apps/bench/results, experiments/<name>/results, apps/bench/experiments/<name>/results) gives
// one page per results table (*.md) with its loss curves and parity plots shown as pictures, and
// every *.svg is copied to site/public/results/. Folders that do not exist are skipped, so the
// site builds whichever layout the results are in.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { repoRoot } from "./packages.mjs";

const site = join(repoRoot, "docs/site");
const pagesDir = join(site, "results");
const picturesDir = join(site, "public/results");

/** Results folders as [name, absolute path]; the name keeps pages from different folders apart. */
function resultsFolders() {
  const folders = [];
  const add = (name, dir) => existsSync(dir) && folders.push([name, dir]);
  add("bench", join(repoRoot, "apps/bench/results"));
  for (const parent of ["experiments", "apps/bench/experiments"]) {
    const base = join(repoRoot, parent);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      if (entry.isDirectory()) add(entry.name, join(base, entry.name, "results"));
    }
  }
  return folders;
}

function titleOf(markdown, fallback) {
  return /^#\s+(.+)$/m.exec(markdown)?.[1].trim() ?? fallback;
}

rmSync(pagesDir, { recursive: true, force: true });
rmSync(picturesDir, { recursive: true, force: true });
mkdirSync(pagesDir, { recursive: true });

const sidebar = [];
// Every picture, grouped by results folder: the reproducing guide includes this beside its text.
const gallery = [];
const index = ["# Results", "", "The results committed with the code, one page per table. Regenerated from the results folders at every site build; see [reproducing the report's tables](../guide/reproducing-the-report.md).", ""];
for (const [name, dir] of resultsFolders()) {
  const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort();
  const pictures = files.filter((f) => f.endsWith(".svg"));
  for (const picture of pictures) cpSync(join(dir, picture), join(picturesDir, name, picture));
  if (pictures.length > 0) {
    gallery.push(`### ${relative(repoRoot, dir)}`, "");
    for (const picture of pictures) gallery.push(`![${basename(picture, ".svg")}](/results/${name}/${picture})`, "");
  }
  const shown = new Set();
  for (const table of files.filter((f) => f.endsWith(".md"))) {
    const slug = `${name}-${basename(table, ".md")}`;
    let markdown = readFileSync(join(dir, table), "utf8");
    const title = titleOf(markdown, slug);
    // "[loss curve](x.svg)" in a results table becomes the picture itself, from the copied file.
    markdown = markdown.replace(/\[([^\]]+)\]\(([^)/]+\.svg)\)/g, (_all, label, file) => {
      shown.add(file);
      return `\n\n![${label}](/results/${name}/${file})\n\n`;
    });
    const source = relative(repoRoot, join(dir, table));
    writeFileSync(join(pagesDir, `${slug}.md`), `${markdown}\n\n---\n\nFrom \`${source}\` in the repository.\n`);
    sidebar.push({ text: title, link: `/results/${slug}` });
    index.push(`- [${title}](./${slug}.md) — \`${source}\``);
  }
  const unshown = pictures.filter((p) => !shown.has(p));
  if (unshown.length > 0) {
    const slug = `${name}-figures`;
    const lines = [`# Figures in ${relative(repoRoot, dir)}`, ""];
    for (const picture of unshown) lines.push(`## ${basename(picture, ".svg")}`, "", `![${picture}](/results/${name}/${picture})`, "");
    writeFileSync(join(pagesDir, `${slug}.md`), lines.join("\n"));
    sidebar.push({ text: `Figures (${name})`, link: `/results/${slug}` });
    index.push(`- [Figures in ${relative(repoRoot, dir)}](./${slug}.md)`);
  }
}
if (sidebar.length === 0) index.push("No results folder was found when this site was built.");
writeFileSync(join(pagesDir, "index.md"), `${index.join("\n")}\n`);
if (gallery.length === 0) gallery.push("No results pictures were found when this site was built.");
writeFileSync(join(pagesDir, "gallery.md"), `${gallery.join("\n")}\n`);
writeFileSync(join(pagesDir, "sidebar.json"), JSON.stringify(sidebar));
console.log(`copy-results: ${sidebar.length} results pages`);
