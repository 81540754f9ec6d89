import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic, type DType } from "@nabla/core";
import type { EpochRow } from "./epoch-row.js";
import type { GemmRow } from "./gemm-bench.js";
import type { HeapRow } from "./heap-bench.js";
import type { MachineInfo } from "./machine-info.js";

/** A configuration that was not timed, and why. */
export interface Skipped {
  section: "gemm" | "epochs" | "minibatch" | "heap" | "peers";
  system?: string;
  backend: string;
  dtype?: DType;
  threads?: number | null;
  /** The shape or task that was skipped. */
  what: string;
  reason: string;
}

/** Everything one `pnpm bench:perf` run measured: the shape of perf.json. */
export interface PerfReport {
  command: string;
  quick: boolean;
  machine: MachineInfo;
  gemm: GemmRow[];
  epochs: EpochRow[];
  /** Mini-batch epochs beside the full-batch epoch of the same system, backend and dtype (minibatch-tasks.ts); absent from reports of older runs. */
  minibatch?: EpochRow[];
  heap: HeapRow[];
  skipped: Skipped[];
  /** Facts a reader needs to interpret the numbers (backends missing, peers' thread counts, …). */
  notes: string[];
}

/** Writes `perf.json` into `outDir` atomically: a kill leaves the old report or the new one. */
export function writePerfJson(outDir: string, report: PerfReport): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, "perf.json");
  writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/**
 * The line after which BENCHMARKS.md holds sections that other commands measure (the browser
 * benchmark, the data-check cost): bench:perf rewrites what is above it and keeps what follows.
 */
export const OTHER_SECTIONS_MARKER = "<!-- Sections below come from other commands, each named in its section; pnpm bench:perf keeps them. -->";

/** Writes BENCHMARKS.md (or any Markdown file) atomically, keeping the sections below OTHER_SECTIONS_MARKER. */
export function writeMarkdown(file: string, markdown: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = previous.indexOf(OTHER_SECTIONS_MARKER);
  const kept = at >= 0 ? previous.slice(at) : `${OTHER_SECTIONS_MARKER}\n`;
  writeFileAtomic(file, `${markdown.trimEnd()}\n\n${kept}`);
}
