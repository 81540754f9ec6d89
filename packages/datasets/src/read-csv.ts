import { readFileSync } from "#platform";
import { DatasetFormatError } from "./dataset-errors.js";

/** Options of `readCsv`. */
export interface CsvOptions {
  /** The first non-blank line names the columns (default false). */
  header?: boolean;
  /** One character between cells (default ","). */
  delimiter?: string;
  /** What to call the text in error messages (readCsvFile passes the path). */
  source?: string;
}

/** A numeric table read from CSV: row-major values [rows × cols]. */
export interface CsvMatrix {
  /** The cells, row-major [rows × cols]. */
  readonly data: Float64Array;
  /** Number of data rows (the header not counted). */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The header's names when `header` was set. */
  readonly columnNames?: readonly string[];
}

const TWO_POW_53 = 9007199254740992;
// 10^0 … 10^22 are exact doubles, the range where one division gives the correctly rounded value.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_VALUES: Record<string, number> = {
  nan: NaN,
  "+nan": NaN,
  "-nan": NaN,
  inf: Infinity,
  "+inf": Infinity,
  "-inf": -Infinity,
  infinity: Infinity,
  "+infinity": Infinity,
  "-infinity": -Infinity,
};

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * Fast path for plain decimals ("-122.23", "41"): mantissa below 2^53 and at most 22 decimals, so
 * mantissa / 10^k is one correctly rounded division, the same double Number() would give.
 * Returns undefined for anything else (exponents, long mantissas, words), which takes the slow path.
 */
function parsePlainDecimal(text: string, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      mantissa = mantissa * 10 + (code - ZERO);
      if (mantissa >= TWO_POW_53) return undefined;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === DOT && decimals < 0) {
      decimals = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || decimals > 22) return undefined;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

function parseCell(text: string, start: number, end: number): number | undefined {
  const fast = parsePlainDecimal(text, start, end);
  if (fast !== undefined) return fast;
  const cell = text.slice(start, end);
  if (DECIMAL_NUMBER.test(cell)) return Number(cell);
  return SPECIAL_VALUES[cell.toLowerCase()];
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}

function cellLocation(line: number, column: number, columnNames: readonly string[] | undefined): string {
  return `line ${line}, column ${column}${columnNames ? ` ("${columnNames[column - 1]}")` : ""}`;
}

function unquote(name: string): string {
  return name.length >= 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/**
 * Reads CSV text holding only numbers (NaN and ±inf spelled as NumPy writes them are accepted)
 * into a row-major Float64Array. Blank lines are skipped; CRLF line ends are fine. Every row must
 * have as many cells as the first; a ragged row or a cell that is not a number throws
 * DatasetFormatError naming the line and column.
 */
export function readCsv(text: string, options: CsvOptions = {}): CsvMatrix {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1) throw new RangeError(`readCsv: delimiter must be one character, got ${JSON.stringify(delimiter)}`);
  const source = options.source ?? "CSV text";
  const delimiterCode = delimiter.charCodeAt(0);
  let data = new Float64Array(1024);
  let size = 0;
  let cols = -1;
  let firstRowLine = 0;
  let columnNames: string[] | undefined;
  let lineNumber = 0;
  let lineStart = 0;
  const length = text.length;

  while (lineStart < length) {
    lineNumber++;
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = length;
    const nextLine = lineEnd + 1;
    let contentEnd = lineEnd;
    while (contentEnd > lineStart && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd === lineStart) {
      lineStart = nextLine;
      continue;
    }

    if (options.header && columnNames === undefined) {
      columnNames = text
        .slice(lineStart, contentEnd)
        .split(delimiter)
        .map((name) => unquote(name.trim()));
      cols = columnNames.length;
      firstRowLine = lineNumber;
      lineStart = nextLine;
      continue;
    }

    let cellCount = 0;
    let cellStart = lineStart;
    while (cellStart <= contentEnd) {
      let cellEnd = cellStart;
      while (cellEnd < contentEnd && text.charCodeAt(cellEnd) !== delimiterCode) cellEnd++;
      let a = cellStart;
      let b = cellEnd;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      cellCount++;
      if (cols >= 0 && cellCount > cols) break;
      if (a === b) throw new DatasetFormatError(source, cellLocation(lineNumber, cellCount, columnNames), "empty cell");
      const value = parseCell(text, a, b);
      if (value === undefined) {
        throw new DatasetFormatError(
          source,
          cellLocation(lineNumber, cellCount, columnNames),
          `cannot read ${JSON.stringify(text.slice(a, b))} as a number`,
        );
      }
      if (size === data.length) {
        const grown = new Float64Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      data[size++] = value;
      cellStart = cellEnd + 1;
    }

    if (cols < 0) {
      cols = cellCount;
      firstRowLine = lineNumber;
    } else if (cellCount !== cols) {
      let found = cellCount;
      // The loop stops at the first surplus cell; count the rest for the message.
      if (cellCount > cols) found = text.slice(lineStart, contentEnd).split(delimiter).length;
      throw new DatasetFormatError(
        source,
        `line ${lineNumber}`,
        `expected ${cols} columns (as on line ${firstRowLine}), found ${found}`,
      );
    }
    lineStart = nextLine;
  }

  const rows = cols > 0 ? size / cols : 0;
  return { data: data.slice(0, size), rows, cols: Math.max(cols, 0), ...(columnNames ? { columnNames } : {}) };
}

/** readCsv on a UTF-8 file; errors name the file. */
export function readCsvFile(path: string, options: Omit<CsvOptions, "source"> = {}): CsvMatrix {
  return readCsv(readFileSync(path, "utf8"), { ...options, source: path });
}
