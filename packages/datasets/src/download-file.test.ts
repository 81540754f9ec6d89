import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DownloadError } from "./dataset-errors.js";
import { downloadFile } from "./download-file.js";

const quiet = { write: () => true, isTTY: false };

function fakeFetch(respond: (init: RequestInit | undefined) => Promise<Response> | Response): typeof fetch {
  return ((_url: string, init?: RequestInit) => Promise.resolve().then(() => respond(init))) as typeof fetch;
}

function chunkedBody(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe("downloadFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "nabla-download-"));

  it("writes the body to the destination and reports progress", async () => {
    const lines: string[] = [];
    const destination = join(dir, "sub", "ok.bin");
    await downloadFile("https://example.test/ok.bin", destination, {
      fetch: fakeFetch(() => new Response(chunkedBody(["hello ", "world"]), { headers: { "content-length": "11" } })),
      progress: { write: (text: string) => lines.push(text), isTTY: false },
    });
    expect(readFileSync(destination, "utf8")).toBe("hello world");
    expect(existsSync(`${destination}.part`)).toBe(false);
    expect(lines[0]).toBe("Downloading https://example.test/ok.bin\n");
    expect(lines.at(-1)).toBe("ok.bin 100% 0.0 MB / 0.0 MB done\n");
  });

  it("fails with the HTTP status and leaves no file behind", async () => {
    const destination = join(dir, "missing.bin");
    const attempt = downloadFile("https://example.test/missing.bin", destination, {
      fetch: fakeFetch(() => new Response("no", { status: 404, statusText: "Not Found" })),
      progress: quiet,
    });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(attempt).rejects.toThrow("https://example.test/missing.bin: HTTP 404 Not Found");
    expect(existsSync(destination)).toBe(false);
  });

  it("names the network cause that Node's fetch hides behind 'fetch failed'", async () => {
    const offline = fakeFetch(() => {
      throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
    });
    await expect(downloadFile("https://example.test/x", join(dir, "x"), { fetch: offline, progress: quiet })).rejects.toThrow(
      "fetch failed (ENOTFOUND)",
    );
  });

  it("gives up when the server does not answer within the timeout", async () => {
    const silent = fakeFetch(
      (init) => new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    await expect(
      downloadFile("https://example.test/slow", join(dir, "slow"), { fetch: silent, timeoutMs: 20, progress: quiet }),
    ).rejects.toThrow("no response within 0.02 s");
  });

  it("gives up when the body stalls, and removes the partial file", async () => {
    const destination = join(dir, "stall.bin");
    const stalled = fakeFetch(
      (init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array([1, 2, 3]));
              init?.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
            },
          }),
        ),
    );
    await expect(
      downloadFile("https://example.test/stall", destination, { fetch: stalled, timeoutMs: 20, progress: quiet }),
    ).rejects.toThrow("no data within 0.02 s");
    expect(existsSync(`${destination}.part`)).toBe(false);
  });

  it("rejects a body shorter than the announced length", async () => {
    const short = fakeFetch(() => new Response(chunkedBody(["abc"]), { headers: { "content-length": "10" } }));
    await expect(
      downloadFile("https://example.test/short", join(dir, "short"), { fetch: short, progress: quiet }),
    ).rejects.toThrow("got 3 bytes, the server announced 10");
  });
});
