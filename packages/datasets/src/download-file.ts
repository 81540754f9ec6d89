import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname } from "node:path";
import { DownloadError } from "./dataset-errors.js";
import { type Checksum, verifyFileChecksum } from "./file-checksum.js";
import { type ProgressStream, createProgressBar } from "./progress-bar.js";

/** How `downloadFile` fetches. */
export interface DownloadOptions {
  /** Give up when the server sends no response, or no new bytes, for this long (default 30 s). */
  timeoutMs?: number;
  /** Where the progress bar goes (default process.stderr). */
  progress?: ProgressStream;
  /** The fetch to use (default the global fetch); tests pass a fake, proxies a wrapped one. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Node's fetch says only "fetch failed"; the useful part (ENOTFOUND, ECONNREFUSED, …) is its cause. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { message?: string; code?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

/**
 * Downloads `url` to `destination` through "<destination>.part" in the same folder, renamed into
 * place only once the whole body has arrived and, when `checksum` is given, matches it; with a
 * progress bar. Throws DownloadError saying why it failed, leaving neither file behind.
 */
export async function downloadFile(url: string, destination: string, options: DownloadOptions = {}, checksum?: Checksum): Promise<void> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const stream = options.progress ?? process.stderr;
  const controller = new AbortController();
  const stall = (what: string) => () => controller.abort(new Error(`${what} within ${timeoutMs / 1000} s`));
  let timer = setTimeout(stall("no response"), timeoutMs);
  const part = `${destination}.part`;
  let fd: number | undefined;
  let bar: ReturnType<typeof createProgressBar> | undefined;
  // Set while the body streams in, so a failure there can say how far it got.
  let transfer: { received: number; total: number | undefined } | undefined;
  try {
    stream.write(`Downloading ${url}\n`);
    const response = await fetchImpl(url, { signal: controller.signal, redirect: "follow" });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    if (!response.body) throw new Error("the response has no body");
    const lengthHeader = response.headers.get("content-length");
    const total = lengthHeader ? Number(lengthHeader) : undefined;
    mkdirSync(dirname(destination), { recursive: true });
    fd = openSync(part, "w");
    bar = createProgressBar(basename(destination), total, stream);
    const reader = response.body.getReader();
    transfer = { received: 0, total };
    for (;;) {
      clearTimeout(timer);
      timer = setTimeout(stall("no data"), timeoutMs);
      const { done, value } = await reader.read();
      if (done) break;
      writeSync(fd, value);
      transfer.received += value.length;
      bar.update(transfer.received);
    }
    closeSync(fd);
    fd = undefined;
    const { received } = transfer;
    transfer = undefined;
    if (total !== undefined && received !== total) throw new Error(`got ${received} bytes, the server announced ${total}`);
    if (checksum) await verifyFileChecksum(part, checksum, destination);
    bar.finish();
    renameSync(part, destination);
  } catch (error) {
    bar?.finish("failed");
    if (fd !== undefined) closeSync(fd);
    rmSync(part, { force: true });
    const reason = describeFailure(controller.signal.aborted ? controller.signal.reason : error);
    const progress = transfer && `the transfer broke off after ${transfer.received}${transfer.total === undefined ? "" : ` of ${transfer.total}`} bytes: `;
    throw new DownloadError(url, `${progress ?? ""}${reason}`);
  } finally {
    clearTimeout(timer);
  }
}
