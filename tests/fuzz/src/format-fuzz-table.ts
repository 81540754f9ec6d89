import type { FuzzRunResult } from "./run-fuzz-target.js";

function describeResult(result: FuzzRunResult): string {
  if (result.failure) return "FAILED";
  const known = [...result.knownFailures.values()].reduce((sum, count) => sum + count, 0);
  return known > 0 ? `passed; ${known} cases hit ${result.knownFailures.size} known failure(s)` : "passed";
}

/** The results as a Markdown table: target, cases, result, seconds (the table SECURITY.md quotes). */
export function formatFuzzTable(results: readonly FuzzRunResult[]): string {
  const rows = results.map((r) => `| ${r.target} | ${r.cases.toLocaleString("en-US")} | ${describeResult(r)} | ${r.seconds.toFixed(1)} |`);
  return ["| target | cases | result | seconds |", "| --- | ---: | --- | ---: |", ...rows].join("\n");
}
