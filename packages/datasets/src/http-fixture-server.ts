import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP server on 127.0.0.1 for download tests: its base URL, the paths asked for, and how to stop it. */
export interface HttpFixtureServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** What the server answers for one path. */
export type HttpFixtureRoute =
  | { readonly body: Uint8Array }
  /** Announces the whole body, sends the first `sentBytes` and then drops the connection, like a server dying mid-transfer. */
  | { readonly body: Uint8Array; readonly sentBytes: number };

/** Serves `routes` by path on an ephemeral port of 127.0.0.1; any other path is a 404. */
export async function startHttpFixtureServer(routes: ReadonlyMap<string, HttpFixtureRoute>): Promise<HttpFixtureServer> {
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": "application/gzip", "content-length": route.body.length });
    if (!("sentBytes" in route)) {
      response.end(route.body);
      return;
    }
    response.write(route.body.subarray(0, route.sentBytes), () => response.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
