// The API reference, generated from the TSDoc comments of every publishable package's entry points
// into site/api as Markdown for VitePress. An exported symbol without a comment is an error, so
// the reference cannot fall behind the code.
import { join } from "node:path";
import { publishablePackages, repoRoot } from "./scripts/packages.mjs";

const packages = publishablePackages();

/** @type {Partial<import("typedoc").TypeDocOptions & import("typedoc-plugin-markdown").PluginOptions>} */
export default {
  entryPoints: packages.flatMap((pkg) => pkg.entryPoints.map((entry) => entry.source)),
  entryPointStrategy: "resolve",
  tsconfig: join(repoRoot, "docs/tsconfig.typedoc.json"),
  plugin: ["typedoc-plugin-markdown", "typedoc-vitepress-theme", "./scripts/typedoc-module-names.mjs"],
  out: "site/api",
  docsRoot: "site",
  readme: "none",
  excludePrivate: true,
  excludeInternal: true,
  // Symbols a package re-exports from a sibling (layers re-exports core's Sequential) are documented
  // where they are defined; through the sibling's dist they would appear twice.
  externalPattern: ["**/node_modules/**", "**/dist/**"],
  excludeExternals: true,
  sort: ["source-order"],
  name: "API reference",
  hidePageHeader: true,
  hideBreadcrumbs: true,
  // Comments are Markdown; a bare "<destination>" in one would read as an unclosed Vue tag.
  sanitizeComments: true,
  useCodeBlocks: true,
  // Without this list TypeDoc would only require comments in the package it runs from (@nabla/docs).
  packagesRequiringDocumentation: packages.map((pkg) => pkg.name),
  // Members of anonymous object types (a method's `{ output, activated }` result, the variants of
  // the OnnxAttribute union) are described by the comment of the declaration that owns the type.
  intentionallyNotDocumented: [
    "@nabla/core.ActivationFusing.forwardActivated.__type.activated",
    "@nabla/core.ActivationFusing.forwardActivated.__type.output",
    "@nabla/core.ActivationModule.backwardOperands.__type.below",
    "@nabla/core.ActivationModule.backwardOperands.__type.gradZ",
    "@nabla/core.ComponentOfKind.__type.kind",
    "@nabla/core.OnnxAttribute.__type.type",
    "@nabla/core.OnnxAttribute.__type.value",
    "@nabla/datasets.DatasetArchive.mirrors.__type.checksum",
    "@nabla/datasets.DatasetArchive.mirrors.__type.url",
    "@nabla/layers.Linear.forwardActivated.__type.activated",
    "@nabla/layers.Linear.forwardActivated.__type.output",
  ],
  validation: { notExported: false, invalidLink: true, notDocumented: true },
  treatWarningsAsErrors: true,
  sourceLinkTemplate: undefined,
  disableSources: true,
};
