// Node's types for this file alone: the rest of the stand-in (and its declarations) needs no more than fetch's.
/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A stand-in served over HTTP. */
export interface ListeningStandIn {
  /** Base URL, e.g. `http://127.0.0.1:40123` (give it to the client as `baseUrl`). */
  url: string;
  /** Stops serving (open connections are closed) and resolves when the port is free. */
  close(): Promise<void>;
}

/** Where to listen. */
export interface ListenOptions {
  /** Defaults to `127.0.0.1` (loopback only). */
  host?: string;
  /** Defaults to 0: a free port the operating system picks. */
  port?: number;
}

/**
 * Serves a fetch-style handler over HTTP with Node's own server (Node, Bun and Deno have `node:http`). Only the
 * Node entry (`./node.ts`, `zuora-multi-entity/testing/node`) loads this file, so the portable `./testing` bundles
 * without it. A handler that rejects (an injected connection reset) drops the connection, as a network would.
 */
export async function listen(
  handler: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<ListeningStandIn> {
  const { createServer } = await import("node:http");
  const sockets = new Set<Socket>();
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    void serve(handler, host, req, res).catch(() => req.socket.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  host: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : null;
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? host}`);
  const response = await handler(new Request(url, { method: req.method ?? "GET", headers, body }));
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  res.writeHead(response.status, { ...outHeaders, "content-length": String(out.length) });
  res.end(out);
}
