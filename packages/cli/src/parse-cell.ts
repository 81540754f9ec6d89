const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a raw cell is empty: "" in a CSV, NaN in a NumPy array. */
export function isMissingCell(cell: string | number): boolean {
  return typeof cell === "number" ? Number.isNaN(cell) : cell === "";
}

/** A cell's number, or undefined when it is text that is not a decimal number. */
export function parseNumberCell(cell: string | number): number | undefined {
  if (typeof cell === "number") return cell;
  return DECIMAL_NUMBER.test(cell) ? Number(cell) : undefined;
}

/** A cell as a category or class label: text as written, numbers in JavaScript's shortest form. */
export function cellText(cell: string | number): string {
  return typeof cell === "number" ? String(cell) : cell;
}
