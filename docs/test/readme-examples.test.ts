import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { publishablePackages, repoRoot } from "../scripts/packages.mjs";

// Every publishable package's README: what the issue asks of it, and every ```ts block in it
// type-checked against the built workspace packages. A block marked ```ts fragment is an excerpt
// (an option schema, a file of your own plugin) and is only shown, not compiled.

interface CodeBlock {
  packageName: string;
  line: number;
  code: string;
}

const packages = publishablePackages();
const readmeOf = (dir: string) => join(dir, "README.md");

function codeBlocks(packageName: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const pattern = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm;
  for (const match of markdown.matchAll(pattern)) {
    if (match[2].includes("fragment")) continue;
    blocks.push({ packageName, line: markdown.slice(0, match.index).split("\n").length, code: match[3] });
  }
  return blocks;
}

const examplesFolder = join(repoRoot, "docs/node_modules/.cache/readme-examples");

/** Type-checks the blocks as modules in a folder under docs/, where the workspace packages resolve. */
function typeCheck(blocks: CodeBlock[]): string[] {
  const folder = examplesFolder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = new Map<string, CodeBlock>();
  blocks.forEach((block, i) => {
    const file = join(folder, `${block.packageName.replace(/[@/]/g, "_")}-${i}.ts`);
    // `export {}` makes every block a module, so top-level names of two blocks never collide.
    writeFileSync(file, `${block.code}\nexport {};\n`);
    files.set(resolve(file), block);
  });
  const config = ts.readConfigFile(join(repoRoot, "tsconfig.base.json"), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  const program = ts.createProgram([...files.keys()], { ...options, noEmit: true, noUnusedLocals: false });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const block = diagnostic.file && files.get(resolve(diagnostic.file.fileName));
    if (!block || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    return `${block.packageName} line ${block.line + 1 + line}: ${message}`;
  });
}

describe("package READMEs", () => {
  it("finds the publishable packages", () => {
    expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(["@nabla/core", "@nabla/layers", "nabla-plugin-extras"]));
  });

  describe.each(packages.map((p) => [p.name, p] as const))("%s", (name, pkg) => {
    const path = readmeOf(pkg.dir);

    it("has a README with an install line, a TypeScript example and links into the site", () => {
      expect(existsSync(path), `${relative(repoRoot, path)} is missing`).toBe(true);
      const readme = readFileSync(path, "utf8");
      expect(readme, "an install line").toMatch(new RegExp(`npm install [^\\n]*${name.replace("/", "\\/")}`));
      // A command-line package may show a shell session instead; its TypeScript blocks, if any, are still checked.
      const hasShellExample = pkg.hasBin && /^```(sh|bash|shell)\n(?!npm install)/m.test(readme);
      expect(codeBlocks(name, readme).length > 0 || hasShellExample, "an example").toBe(true);
      const siteLinks = [...readme.matchAll(/\]\(([^)\s]*docs\/site\/[^)\s#]*)(#[^)\s]*)?\)/g)].map((m) => m[1]);
      expect(siteLinks.length, "a link into docs/site").toBeGreaterThan(0);
      for (const link of siteLinks) expect(existsSync(resolve(dirname(path), link)), `${link} does not exist`).toBe(true);
    });

    it("says what it registers, or that it registers nothing", () => {
      expect(readFileSync(path, "utf8")).toMatch(/regist/i);
    });
  });

  it("has TypeScript examples that type-check against the workspace packages, as do the guides", () => {
    const blocks = packages.flatMap((p) => (existsSync(readmeOf(p.dir)) ? codeBlocks(p.name, readFileSync(readmeOf(p.dir), "utf8")) : []));
    const guides = join(repoRoot, "docs/site/guide");
    for (const page of readdirSync(guides).filter((f) => f.endsWith(".md"))) {
      blocks.push(...codeBlocks(`docs/site/guide/${page}`, readFileSync(join(guides, page), "utf8")));
    }
    expect(typeCheck(blocks)).toEqual([]);
  }, 60_000);

  it("has TypeScript examples that run", () => {
    const blocks = packages.flatMap((p) => (existsSync(readmeOf(p.dir)) ? codeBlocks(p.name, readFileSync(readmeOf(p.dir), "utf8")) : []));
    const failures: string[] = [];
    blocks.forEach((block, i) => {
      const file = join(examplesFolder, `run-${i}.mjs`);
      writeFileSync(file, ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      try {
        execFileSync(process.execPath, [file], { stdio: "pipe", timeout: 30_000 });
      } catch (error) {
        failures.push(`${block.packageName} README.md line ${block.line}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
      }
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
