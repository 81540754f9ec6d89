import type { EpochInfo } from "@nabla/core";
import { createProgressBar, type ProgressBar, type ProgressStream } from "@nabla/datasets";

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/**
 * Training progress on the datasets package's bar: epoch, loss and ETA, redrawn in place on a
 * terminal and written as plain lines (one per tenth of the epochs) elsewhere.
 */
export function createEpochProgress(epochs: number, stream: ProgressStream = process.stderr): { update(info: EpochInfo): void; bar: ProgressBar } {
  let last: EpochInfo | undefined;
  let firstEpoch: number | undefined;
  const bar = createProgressBar("train", epochs, stream, (done, total) => {
    if (!last) return `epoch ${done}/${total}`;
    // The ETA counts only this run's epochs, so a resumed run does not look faster than it is.
    const run = last.epoch - (firstEpoch ?? 1) + 1;
    const eta = (last.elapsed / run) * (last.epochs - last.epoch);
    return `epoch ${last.epoch}/${last.epochs}  loss ${last.loss.toPrecision(6)}  ETA ${formatSeconds(eta)}`;
  });
  return {
    update(info) {
      firstEpoch ??= info.epoch;
      last = info;
      bar.update(info.epoch);
    },
    bar,
  };
}
