// Checks every internal link and image of the built site (docs/site/.vitepress/dist) with
// linkinator, which serves the folder itself and crawls it from the home page. External links are
// skipped: the check must not depend on the network, and the built site loads nothing from outside.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import { repoRoot } from "./packages.mjs";

const dist = join(repoRoot, "docs/site/.vitepress/dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`check-links: no built site in ${dist}; run pnpm docs:build first`);
  process.exit(1);
}

const checker = new LinkChecker();
const result = await checker.check({
  path: dist,
  recurse: true,
  concurrency: 8,
  // A local file read can fail transiently under load (status 0); retry before calling it broken.
  retryErrors: true,
  retryErrorsCount: 3,
  retryErrorsJitter: 100,
  // Anything not served from the local folder is external: XML namespaces in SVG, MathJax's and
  // the README's references to other sites.
  linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
});

const broken = result.links.filter((link) => link.state === "BROKEN");
const checked = result.links.filter((link) => link.state === "OK").length;
for (const link of broken) {
  console.error(`broken: ${link.url} (status ${link.status}) on ${link.parent}`, JSON.stringify(link.failureDetails ?? []).slice(0, 300));
}
console.log(`check-links: ${checked} internal links and images OK, ${broken.length} broken`);
process.exit(broken.length === 0 ? 0 : 1);
