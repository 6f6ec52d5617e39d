import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach } from "vitest";

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  /** The request-target exactly as it arrived on the request line (path and query, still percent-encoded). */
  target: string;
  headers: IncomingHttpHeaders;
  /** The bytes on the wire. */
  raw: Buffer;
  /** The body after undoing `Content-Encoding: gzip`, as text. */
  text: string;
}

/** An answer: a status, headers and a JSON (or text) body; `reset` drops the connection instead. */
export type Answer =
  | {
      status?: number;
      headers?: Record<string, string>;
      json?: unknown;
      text?: string;
      gzip?: boolean;
      /** Send the gzipped body cut in half (as a connection dropped mid-body would). */
      truncated?: boolean;
      /** Send the headers and half the body, then nothing more (a server that stalls mid-body). */
      stalled?: boolean;
    }
  | "reset"
  | "hang";

/** Decides the answer to a request; `n` counts requests to the same path, from 1. */
export type Handler = (request: ReceivedRequest, n: number) => Answer | Promise<Answer>;

/** The default answers: a token for /oauth/token, Zuora's reference responses for the two operations. */
export const defaultHandler: Handler = (request) => {
  if (request.path === "/oauth/token") {
    return { json: { access_token: "token-1", token_type: "bearer", expires_in: 3599, scope: "entity.x", jti: "j" } };
  }
  if (request.path === "/v1/entity-connections") return { json: { id: "conn-1", success: true } };
  return {
    json: {
      id: "8a80825556ff28a4015709096c5d6f5d",
      name: "Acme-Asia",
      status: "Unprovisioned",
      success: true,
    },
  };
};

/** A real HTTP server on 127.0.0.1 that records every request and answers with `handler`. */
export interface LoopbackServer {
  url: string;
  requests: ReceivedRequest[];
  /** Requests to one path. */
  to(path: string): ReceivedRequest[];
  handler: Handler;
  /** Connections still open with an answer the server never finished ("hang", stalled): the client must close them. */
  unfinished(): number;
  close(): Promise<void>;
}

/** Starts a {@link LoopbackServer} on a port the OS picks. */
export async function startLoopbackServer(handler: Handler = defaultHandler): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const pending = new Set<ServerResponse>();
  const state: LoopbackServer = {
    url: "",
    requests,
    to: (path) => requests.filter((r) => r.path === path),
    handler,
    unfinished: () => pending.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    pending.add(res);
    const done = () => pending.delete(res);
    res.on("finish", done);
    res.on("close", done);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const gzipped = req.headers["content-encoding"] === "gzip";
      const received: ReceivedRequest = {
        method: req.method ?? "",
        path: (req.url ?? "").split("?")[0] ?? "",
        target: req.url ?? "",
        headers: req.headers,
        raw,
        text: (gzipped ? gunzipSync(raw) : raw).toString("utf8"),
      };
      requests.push(received);
      const n = requests.filter((r) => r.path === received.path).length;
      const answer = await state.handler(received, n);
      send(res, req.socket, answer);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/**
 * A {@link LoopbackServer} for each test of the calling file (or `describe` block), answering with `handler`: started
 * before each test and closed after it. The object returned stands for the running test's server, so a test reads
 * `server.requests` and sets `server.handler` as on the server itself.
 */
export function useLoopbackServer(handler: Handler = defaultHandler): LoopbackServer {
  let current: LoopbackServer | undefined;
  beforeEach(async () => {
    current = await startLoopbackServer(handler);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const live = (): LoopbackServer => {
    if (!current) throw new Error("useLoopbackServer's server runs only while a test does");
    return current;
  };
  return {
    get url() {
      return live().url;
    },
    get requests() {
      return live().requests;
    },
    to: (path) => live().to(path),
    get handler() {
      return live().handler;
    },
    set handler(next) {
      live().handler = next;
    },
    unfinished: () => live().unfinished(),
    close: () => live().close(),
  };
}

/** A loopback port nobody listens on (bound by the OS, then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function send(res: ServerResponse, socket: Socket, answer: Answer): void {
  if (answer === "reset") {
    socket.destroy();
    return;
  }
  if (answer === "hang") return;
  const headers: Record<string, string> = { "content-type": "application/json", ...answer.headers };
  let body: Buffer = Buffer.from(answer.text ?? JSON.stringify(answer.json ?? {}));
  if (answer.gzip || answer.truncated) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  if (answer.stalled) {
    res.writeHead(answer.status ?? 200, { ...headers, "content-length": String(body.length) });
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    return;
  }
  if (answer.truncated) {
    res.writeHead(answer.status ?? 200, headers);
    res.end(body.subarray(0, Math.floor(body.length / 2)));
    return;
  }
  res.writeHead(answer.status ?? 200, { ...headers, "content-length": String(body.length) });
  res.end(body);
}
