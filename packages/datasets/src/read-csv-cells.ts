import { readFileSync } from "#platform";
import { DatasetFormatError } from "./dataset-errors.js";

/** Options of readCsvCells. */
export interface CsvCellsOptions {
  /** One character between cells (default ","). */
  delimiter?: string;
  /** What to call the text in error messages (readCsvCellsFile passes the path). */
  source?: string;
}

/** A CSV file as text cells: the header's column names and one array of cells per data row. */
export interface CsvCells {
  /** The header row's cells. */
  readonly columnNames: readonly string[];
  /** Every other row's cells, as text. */
  readonly rows: readonly (readonly string[])[];
  /** The 1-based line on which each row starts, for messages that point into the file. */
  readonly rowLines: readonly number[];
}

const BYTE_ORDER_MARK = "\uFEFF";
const QUOTE = '"';

/**
 * Reads CSV text as RFC 4180 describes it, the first record naming the columns: quoted cells
 * may hold delimiters, line breaks and doubled quotes; CRLF and LF line ends, a leading
 * byte-order mark and blank lines are accepted. Cells stay text (typing is the caller's idea);
 * unquoted cells are trimmed of spaces and tabs. A ragged row or an unclosed quote throws
 * DatasetFormatError naming the line.
 */
export function readCsvCells(text: string, options: CsvCellsOptions = {}): CsvCells {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError(`readCsvCells: delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const source = options.source ?? "CSV text";
  const records: string[][] = [];
  const recordLines: number[] = [];
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
  const length = text.length;

  const endRecord = (): void => {
    // A line with nothing on it is a blank line, not a record with one empty cell.
    if (!(record.length === 1 && record[0] === "")) {
      records.push(record);
      recordLines.push(recordLine);
    }
    record = [];
  };

  while (i <= length) {
    if (record.length === 0) recordLine = line;
    let cell: string;
    let start = i;
    while (start < length && (text[start] === " " || text[start] === "\t")) start++;
    if (text[start] === QUOTE) {
      const quoteLine = line;
      let value = "";
      let j = start + 1;
      for (;;) {
        const close = text.indexOf(QUOTE, j);
        if (close < 0) throw new DatasetFormatError(source, `line ${quoteLine}`, "a quoted cell is never closed");
        const piece = text.slice(j, close);
        line += countLineBreaks(piece);
        value += piece;
        if (text[close + 1] === QUOTE) {
          value += QUOTE;
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      while (j < length && (text[j] === " " || text[j] === "\t")) j++;
      if (j < length && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") {
        throw new DatasetFormatError(source, `line ${line}`, `unexpected ${JSON.stringify(text[j])} after a quoted cell`);
      }
      cell = value;
      i = j;
    } else {
      let j = i;
      while (j < length && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") j++;
      cell = text.slice(i, j).trim();
      i = j;
    }
    record.push(cell);
    if (i >= length) {
      endRecord();
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    endRecord();
  }

  if (records.length === 0) throw new DatasetFormatError(source, undefined, "no header line: the file is empty");
  const [columnNames, ...rows] = records;
  const [headerLine, ...rowLines] = recordLines;
  rows.forEach((row, r) => {
    if (row.length !== columnNames.length) {
      throw new DatasetFormatError(
        source,
        `line ${rowLines[r]}`,
        `expected ${columnNames.length} cells (as in the header on line ${headerLine}), found ${row.length}`,
      );
    }
  });
  return { columnNames, rows, rowLines };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === "\n" || (text[k] === "\r" && text[k + 1] !== "\n")) count++;
  }
  return count;
}

/** readCsvCells on a UTF-8 file; errors name the file. */
export function readCsvCellsFile(path: string, options: Omit<CsvCellsOptions, "source"> = {}): CsvCells {
  return readCsvCells(readFileSync(path, "utf8"), { ...options, source: path });
}
