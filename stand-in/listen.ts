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
 * without it. The request body reaches the handler as a stream, so the handler's size limit bounds the memory a body
 * costs; a body it leaves unread is drained and dropped (closing the connection instead would reset it under a client
 * still sending, which then never reads the answer). A handler that rejects (an injected connection reset) drops the
 * connection, as a network would.
 */
export async function listen(
  handler: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<ListeningStandIn> {
  const { createServer } = await import("node:http");
  const sockets = new Set<Socket>();
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    res.on("error", () => {});
    void serve(handler, host, req, res).catch(() => req.socket.destroy());
  });
  // CONNECT never reaches the request handler: without this, Node drops the socket.
  server.on("connect", (_req, socket: Socket) => {
    socket.on("error", () => {});
    const head = `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(METHOD_REFUSED)}`;
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head}\r\nconnection: close\r\n\r\n${METHOD_REFUSED}`);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A request Node cannot parse (a bad header, a bad chunk) is answered 400 by Node; this keeps the socket's error
  // from reaching the process.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
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

/** Methods Node parses but no fetch `Request` can carry (the fetch standard forbids them); no operation has them. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(["CONNECT", "TRACE", "TRACK"]);
const METHOD_REFUSED = JSON.stringify({ message: "The stand-in serves no CONNECT, TRACE or TRACK request." });

async function serve(
  handler: (request: Request) => Promise<Response>,
  host: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  if (FORBIDDEN_METHODS.has(method)) {
    res.writeHead(405, { "content-type": "application/json" });
    res.end(METHOD_REFUSED);
    return;
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  const url = requestUrl(req, host);
  if (url === undefined) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "The request target is not a URL path." }));
    return;
  }
  const body = hasBody ? bodyStream(req) : undefined;
  const request = new Request(url, { method, headers, body: body?.stream ?? null, duplex: "half" } as RequestInit);
  const response = await handler(request);
  // A body the handler left unread (a 401 first, an operation that takes none) must not stall the connection.
  body?.drain();
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  res.writeHead(response.status, { ...outHeaders, "content-length": String(out.length) });
  res.end(out);
}

/**
 * The request's URL, on the host it was sent to (as `nextPage` links are built from it), or undefined when the
 * request target is no path (`*`, or a whole URL). The URL is the host's origin followed by the target as it was
 * sent: resolved against the host instead, a target such as `//evil.example/v1/entities` would name another host and
 * leave the path `/v1/entities`; here its path is `//evil.example/v1/entities`, which no operation has (404, as
 * `standIn.fetch` answers it).
 */
function requestUrl(req: IncomingMessage, host: string): URL | undefined {
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return undefined;
  const listened = `http://${host.includes(":") ? `[${host}]` : host}`;
  for (const base of [req.headers.host === undefined ? listened : `http://${req.headers.host}`, listened]) {
    try {
      // The origin alone: a Host header cannot add a path, a query or credentials.
      return new URL(`${new URL(base).origin}${target}`);
    } catch {
      // A Host header that is no host: the address listened on instead.
    }
  }
  return undefined;
}

/**
 * The request body as a web stream that reads only as fast as the handler does (so a large body is never held
 * whole), and that drains and drops the rest when the handler stops reading (so the answer still reaches a client
 * that is still sending).
 */
function bodyStream(req: IncomingMessage): { stream: ReadableStream<Uint8Array>; drain(): void } {
  let cancelled = false;
  const drain = () => {
    cancelled = true;
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on("data", (chunk: Buffer) => {
          if (cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (!cancelled) controller.close();
        });
        req.on("error", (error) => {
          if (!cancelled) controller.error(error);
          cancelled = true;
        });
        req.on("close", () => {
          if (!cancelled && !req.complete) controller.error(new Error("the request body broke off"));
          cancelled = true;
        });
      },
      pull() {
        req.resume();
      },
      cancel: drain,
    },
    { highWaterMark: 4 },
  );
  return { stream, drain };
}
