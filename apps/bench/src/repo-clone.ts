import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

// Helpers for the tests that run `pnpm bench` in copies of this repository (experiment-cache.test.ts).

/** This repository's root. */
export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), "..", "..", "..");

/** The pnpm that runs this process (npm_execpath under `pnpm test`), else the pinned one through npx. */
export function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) ? [process.execPath, execPath] : ["npx", "--yes", "pnpm@9.15.9"];
}

/**
 * Copies the working tree (tracked files and untracked ones git does not ignore; no node_modules,
 * builds or results-quick) to `dest` and installs it from the warm pnpm store: a fresh clone that
 * also carries uncommitted work.
 */
export function cloneWorkingTree(dest: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT }).toString().split("\0");
  for (const file of files) {
    if (file === "" || !existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(dest, file));
  }
  const [command, ...args] = pnpmCommand();
  const install = spawnSync(command, [...args, "install", "--frozen-lockfile", "--prefer-offline"], { cwd: dest, encoding: "utf8", env: cleanEnv({}) });
  if (install.status !== 0) throw new Error(`pnpm install in ${dest} failed:\n${install.stdout}\n${install.stderr}`);
}

/** Where this repository's turbo cache lives: `.turbo/cache` of the main worktree (git worktrees share it). */
export function repoTurboCache(): string {
  const commonDir = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: REPO_ROOT }).toString().trim();
  return join(dirname(commonDir), ".turbo", "cache");
}

/** Hard-links every file of `from` into `to` (a cheap copy that new entries never write through). */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (!statSync(source).isFile()) continue;
    try {
      linkSync(source, join(to, name));
    } catch {
      copyFileSync(source, join(to, name));
    }
  }
}

/** The environment for a nested pnpm/turbo: this one without the variables of the turbo task running the tests. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TURBO_") && !name.startsWith("NABLA_BENCH_")));
  return { ...env, TURBO_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs `pnpm bench ARGS` in a clone and returns its combined output (throws on failure). */
export function pnpmBench(cwd: string, args: readonly string[], env: Record<string, string>): string {
  const [command, ...pnpmArgs] = pnpmCommand();
  const run = spawnSync(command, [...pnpmArgs, "bench", ...args], { cwd, encoding: "utf8", env: cleanEnv(env) });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`pnpm bench ${args.join(" ")} failed in ${cwd}:\n${output}`);
  return output;
}
