import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type DefaultTheme } from "vitepress";

// typedoc writes the API pages and their sidebar before VitePress starts (see package.json "build").
const apiSidebarPath = fileURLToPath(new URL("../api/typedoc-sidebar.json", import.meta.url));
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarPath) ? JSON.parse(readFileSync(apiSidebarPath, "utf8")) : [];
// scripts/copy-results.mjs writes one page per results table it finds.
const resultsSidebarPath = fileURLToPath(new URL("../results/sidebar.json", import.meta.url));
const resultsSidebar: DefaultTheme.SidebarItem[] = existsSync(resultsSidebarPath) ? JSON.parse(readFileSync(resultsSidebarPath, "utf8")) : [];
// scripts/package-pages.mjs writes one page per publishable package, from its README.
const packagesSidebarPath = fileURLToPath(new URL("../packages/sidebar.json", import.meta.url));
const packagesSidebar: DefaultTheme.SidebarItem[] = existsSync(packagesSidebarPath) ? JSON.parse(readFileSync(packagesSidebarPath, "utf8")) : [];

const guides: DefaultTheme.SidebarItem = {
  text: "Guides",
  items: [
    { text: "Your first model from JSON", link: "/guide/first-model" },
    { text: "Choosing a backend", link: "/guide/choosing-a-backend" },
    { text: "Writing a plugin", link: "/guide/writing-a-plugin" },
    { text: "Reproducing the report's tables", link: "/guide/reproducing-the-report" },
    { text: "Running and sharing experiments", link: "/guide/experiments" },
    { text: "Saving, exporting and the nabla command", link: "/guide/saving-and-exporting" },
    { text: "Nabla in the browser", link: "/guide/browser" },
    { text: "Specs and files from strangers", link: "/guide/security" },
    { text: "Previewing and building this site", link: "/guide/this-site" },
  ],
};

const math: DefaultTheme.SidebarItem = {
  text: "The math beside the code",
  items: [
    { text: "Overview and notation", link: "/math/" },
    { text: "Linear: equations (1)–(4)", link: "/math/linear" },
    { text: "ReLU", link: "/math/relu" },
    { text: "SiLU", link: "/math/silu" },
    { text: "Sigmoid", link: "/math/sigmoid" },
    { text: "Tanh", link: "/math/tanh" },
    { text: "Mean squared error", link: "/math/mse" },
    { text: "Softmax cross-entropy", link: "/math/cross-entropy" },
    { text: "SGD", link: "/math/sgd" },
    { text: "Adam", link: "/math/adam" },
    { text: "Inverted dropout", link: "/math/dropout" },
  ],
};

export default defineConfig({
  title: "Nabla ∇",
  description: "A neural-network library in TypeScript with every backward pass written out",
  cleanUrls: false,
  lastUpdated: false,
  // Math is rendered to SVG by MathJax at build time: the built site loads nothing from elsewhere.
  markdown: { math: true, lineNumbers: false },
  // The local search index covers every API page, so the theme chunk is large by design.
  vite: { build: { chunkSizeWarningLimit: 4096 } },
  themeConfig: {
    nav: [
      { text: "Guides", link: "/guide/first-model" },
      { text: "Math", link: "/math/" },
      { text: "Packages", link: "/packages/" },
      { text: "Results", link: "/results/" },
      { text: "API", link: "/api/" },
    ],
    sidebar: {
      "/guide/": [guides, math],
      "/math/": [math, guides],
      "/results/": [{ text: "Results", items: [{ text: "All results", link: "/results/" }, ...resultsSidebar] }, guides],
      "/packages/": [{ text: "Packages", items: [{ text: "All packages", link: "/packages/" }, ...packagesSidebar] }, guides],
      "/api/": [{ text: "API reference", link: "/api/", items: apiSidebar }],
    },
    search: { provider: "local" },
    outline: [2, 3],
  },
});
