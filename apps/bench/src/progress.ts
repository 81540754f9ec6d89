import type { EpochInfo } from "@nabla/core";

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

const BAR_WIDTH = 24;

/**
 * Reports training progress for one model: a redrawn bar (epoch, loss, elapsed, ETA) on a
 * terminal, and plain log lines at every tenth of the run otherwise (CI logs stay readable).
 */
export function createProgressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): {
  update(info: EpochInfo): void;
  done(): void;
} {
  const interactive = stream.isTTY === true;
  let lastDraw = 0;
  let lastLoggedTenth = -1;
  let last: EpochInfo | undefined;

  const line = (info: EpochInfo) => {
    const eta = (info.elapsed / info.epoch) * (info.epochs - info.epoch);
    return `epoch ${String(info.epoch).padStart(String(info.epochs).length)}/${info.epochs}  loss ${info.loss.toPrecision(6)}  elapsed ${formatSeconds(info.elapsed)}  ETA ${formatSeconds(eta)}`;
  };

  return {
    update(info) {
      last = info;
      if (interactive) {
        const now = Date.now();
        if (now - lastDraw < 100 && info.epoch !== info.epochs) return;
        lastDraw = now;
        const filled = Math.round((info.epoch / info.epochs) * BAR_WIDTH);
        stream.write(`\r\x1b[K${label} [${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${line(info)}`);
        return;
      }
      const tenth = Math.floor((info.epoch / info.epochs) * 10);
      if (info.epoch === 1 || tenth > lastLoggedTenth) {
        lastLoggedTenth = tenth;
        stream.write(`${label}: ${line(info)}\n`);
      }
    },
    done() {
      if (interactive && last) stream.write("\n");
    },
  };
}
