import type { MetricColumn } from "./experiment-schema.js";

export interface TableModel {
  name: string;
  metrics: Record<string, number>;
  reported: Record<string, number>;
}

function format(value: number | undefined, column: MetricColumn): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return (column.percent ? value * 100 : value).toFixed(column.digits);
}

function formatDifference(ours: number, reported: number | undefined, column: MetricColumn): string {
  if (reported === undefined) return "—";
  const scale = column.percent ? 100 : 1;
  const difference = (ours - reported) * scale;
  const text = difference.toFixed(column.digits);
  return Number(text) === 0 ? text.replace("-", "") : difference > 0 ? `+${text}` : text;
}

/**
 * The report's table layout (metrics down, models across) with, for every model, Nabla's
 * number, the report's, and the difference between them.
 */
export function resultsTable(columns: readonly MetricColumn[], models: readonly TableModel[]): string {
  const header = ["Metric", ...models.flatMap((m) => [`${m.name}`, "report", "Δ"])];
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const column of columns) {
    const cells = models.flatMap((m) => [
      format(m.metrics[column.key], column),
      format(m.reported[column.key], column),
      formatDifference(m.metrics[column.key], m.reported[column.key], column),
    ]);
    lines.push(`| ${column.label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
