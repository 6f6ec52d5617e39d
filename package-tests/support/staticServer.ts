import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server answers for one path: a file on disk or a text, with its content type. */
export type StaticEntry = { file: string; type: string } | { text: string; type: string };

/** A loopback HTTP server for pages and modules; `origin` is e.g. `http://localhost:40123`. */
export interface StaticServer {
  origin: string;
  /** Paths requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

/**
 * Serves a fixed map of URL paths (nothing else: 404), on `localhost` so the page is a secure context as browsers
 * define it (CompressionStream, crypto.randomUUID) and cross-origin to a Prism on 127.0.0.1.
 */
export async function startStaticServer(routes: Record<string, StaticEntry>): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    requested.push(path);
    const entry = routes[path];
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    const body = "file" in entry ? await readFile(entry.file) : entry.text;
    response.writeHead(200, { "content-type": entry.type, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
