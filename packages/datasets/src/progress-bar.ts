/** Where progress is written: process.stderr, or anything with write() and an optional isTTY. */
export interface ProgressStream {
  /** Writes text as is (the bar redraws with "\r" on a terminal). */
  write(text: string): unknown;
  /** Whether the stream is a terminal: the bar redraws in place there and prints only the final line elsewhere. */
  readonly isTTY?: boolean;
}

/** A byte-count progress line for a download. */
export interface ProgressBar {
  /** Report how much is done so far (bytes, unless the bar was made with another `amount`). */
  update(done: number): void;
  /** Print the final state with a note ("done", "failed") and end the line. */
  finish(note?: string): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;
// Without a terminal, one line per tenth (or per 10 MB when the size is unknown) keeps logs short.
const LINE_STEPS = 10;
const UNKNOWN_TOTAL_STEP = 10 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Says how much is done, e.g. "12.0 MB / 170.5 MB" (the default) or "epoch 3/20 loss 1.52". */
export type ProgressAmount = (done: number, total: number | undefined) => string;

const byteAmount: ProgressAmount = (done, total) => (total ? `${megabytes(done)} / ${megabytes(total)}` : megabytes(done));

function describe(label: string, done: number, total: number | undefined, bar: boolean, amount: ProgressAmount): string {
  if (!total) return `${label} ${amount(done, total)}`;
  const fraction = Math.min(1, done / total);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const filled = Math.round(fraction * WIDTH);
  const drawn = bar ? ` [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]` : "";
  return `${label}${drawn} ${percent} ${amount(done, total)}`;
}

/**
 * A progress display: on a terminal one line redrawn in place (at most every 100 ms), elsewhere
 * (logs, CI) a plain line at each tenth of the total. It counts bytes unless `amount` says how to
 * describe the count (training epochs, for one).
 */
export function createProgressBar(
  label: string,
  total: number | undefined,
  stream: ProgressStream = process.stderr,
  amount: ProgressAmount = byteAmount,
): ProgressBar {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastStep = 0;
  let done = 0;
  return {
    update(bytes: number) {
      done = bytes;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        stream.write(`\r${describe(label, done, total, true, amount)}`);
        return;
      }
      const step = total ? Math.floor((done / total) * LINE_STEPS) : Math.floor(done / UNKNOWN_TOTAL_STEP);
      if (step > lastStep && (!total || done < total)) {
        lastStep = step;
        stream.write(`${describe(label, done, total, false, amount)}\n`);
      }
    },
    finish(note = "done") {
      stream.write(`${tty ? "\r" : ""}${describe(label, done, total, tty, amount)} ${note}\n`);
    },
  };
}
