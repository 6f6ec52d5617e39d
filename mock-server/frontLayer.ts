import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { appendNewest, setNewest } from "./boundedMaps.js";
import { BadControlRequest, parseFaultPlan, parseRelease } from "./faultPlan.js";

/**
 * What Prism cannot do, done in front of it: decode gzip request bodies, gzip responses over 1000 bytes when asked
 * (as Zuora does), echo `Zuora-Track-Id`, replay the first response for a repeated `Idempotency-Key` (409 while it
 * is in progress, 422 for a key reused on another method or path), and inject faults on demand. Everything else —
 * whether a request and its answer follow the contract — stays Prism's call: every request that is not answered by a
 * fault or a replay is forwarded to Prism unchanged but for the decoding.
 *
 * Control, over HTTP so that test workers in other processes can use it:
 * - `POST /__front/faults` `{ "trackId": "...", "faults": [Fault, ...] }`: the next requests carrying that
 *   `Zuora-Track-Id` meet these faults, one each, in order.
 * - `GET /__front/log?trackId=...`: what happened to each request carrying that track id.
 * - `POST /__front/release` `{ "trackId": "..." }`: lets the requests held by a `hold` fault go on, and answers once
 *   they have been handled, so a test can look at the log without waiting for a clock.
 *
 * Never down: a body over the limit is answered 413, a body labelled gzip that is not gzip 400, a control request
 * that is not JSON or names an impossible fault 400, and any other failure 500; none of them stops the server.
 */

/** A fault to inject into one request. */
export type Fault =
  /** Answer with this status (429 and 503 carry `Retry-After: retryAfter`) without asking Prism. */
  | { kind: "status"; status: number; retryAfter?: number }
  /** Drop the connection before anything reaches Prism. */
  | { kind: "reset-before" }
  /** Let Prism answer (the operation happens), then drop the connection instead of answering. */
  | { kind: "reset-after" }
  /** Wait `delayMs` before forwarding (past the client's timeout, it gives up first). */
  | { kind: "slow"; delayMs: number }
  /**
   * Hold the request, unseen, until the test releases it (`POST /__front/release`): a request that arrives late, after
   * the client gave up on it, without the test guessing how late "late" is on a busy machine.
   */
  | { kind: "hold" }
  /** Let Prism answer, then send the answer gzipped and cut in half. */
  | { kind: "truncated-gzip" };

/** One request as the front layer handled it. */
export interface FrontRecord {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** `Content-Encoding` of the request body on the wire. */
  contentEncoding: string | undefined;
  /** The fault met, if any. */
  fault: Fault["kind"] | undefined;
  /** Prism's status, when the request reached Prism. */
  prismStatus: number | undefined;
  /** The request body as Prism received it (decoded), when it reached Prism. */
  forwardedBody: string | undefined;
  /** Answered from the idempotency store (`replayed`), refused as in progress (`in-progress`) or as misused (`mismatch`). */
  idempotency: "replayed" | "in-progress" | "mismatch" | undefined;
  /** Whether the answer went out gzipped. */
  gzipped: boolean;
}

interface Saved {
  method: string;
  path: string;
  answer: Answer | null;
}
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The running front layer. */
export interface FrontLayer {
  url: string;
  close(): Promise<void>;
}

/** Zuora compresses responses over this many bytes when asked. */
const GZIP_OVER_BYTES = 1000;
// Hop-by-hop and length headers are the front layer's own business on each leg.
const NOT_FORWARDED = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "accept-encoding",
]);

/** Where the front layer listens. */
export interface FrontLayerOptions {
  /** The loopback port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /**
   * The size a request body may reach, in bytes, as sent and once gunzipped; a larger one is answered 413. Defaults
   * to 1 MiB (1,048,576).
   */
  maxBodyBytes?: number;
  /**
   * How many records the log keeps per track id (the latest), how many track ids, and how many idempotency keys'
   * answers are saved (the newest), so a long session's memory stays bounded. Defaults to 10,000.
   */
  maxRecords?: number;
}

/** The default of {@link FrontLayerOptions.maxBodyBytes}. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The default of {@link FrontLayerOptions.maxRecords}. */
const DEFAULT_MAX_RECORDS = 10_000;

/** A request the front layer answers itself, before Prism: a status and a message. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts the front layer on 127.0.0.1, forwarding to `upstream` (Prism). A function is asked on every request, so a
 * Prism that reloads on a new port after a spec edit stays reachable through the same front layer URL.
 */
export async function startFrontLayer(
  upstream: string | (() => string),
  options: FrontLayerOptions = {},
): Promise<FrontLayer> {
  const upstreamUrl = typeof upstream === "function" ? upstream : () => upstream;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  const faults = new Map<string, Fault[]>();
  const log = new Map<string, FrontRecord[]>();
  const store = new Map<string, Saved>();
  const sockets = new Set<Socket>();
  // Requests held by a `hold` fault, per track id: `release` lets one go on, `handled` settles when it is answered.
  const held = new Map<string, { release: () => void; handled: Promise<void> }[]>();

  // Settled when the handler below has finished with a request (answered it, or found its socket gone).
  const whenHandled = new WeakMap<IncomingMessage, () => void>();

  const server = createServer((req, res) => {
    res.on("error", () => {});
    void handle(req, res)
      .catch((error: unknown) => answerFailure(req, res, error))
      .finally(() => whenHandled.get(req)?.());
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<unknown> => {
    const raw = await readBody(req, maxBodyBytes);
    const url = new URL(req.url ?? "/", "http://front");
    if (url.pathname === "/__front/faults" && req.method === "POST") {
      const { trackId, faults: list } = parseFaultPlan(raw);
      faults.set(trackId, [...(faults.get(trackId) ?? []), ...list]);
      return sendJson(res, 204, null);
    }
    if (url.pathname === "/__front/release" && req.method === "POST") {
      const { trackId } = parseRelease(raw);
      const waiting = held.get(trackId) ?? [];
      held.delete(trackId);
      for (const request of waiting) request.release();
      await Promise.all(waiting.map((request) => request.handled));
      return sendJson(res, 204, null);
    }
    if (url.pathname === "/__front/log" && req.method === "GET") {
      return sendJson(res, 200, log.get(url.searchParams.get("trackId") ?? "") ?? []);
    }

    const trackId = header(req.headers, "zuora-track-id");
    const key = header(req.headers, "idempotency-key");
    const record: FrontRecord = {
      method: req.method ?? "GET",
      path: url.pathname,
      idempotencyKey: key,
      contentEncoding: header(req.headers, "content-encoding"),
      fault: undefined,
      prismStatus: undefined,
      forwardedBody: undefined,
      idempotency: undefined,
      gzipped: false,
    };
    if (trackId !== undefined) appendNewest(log, trackId, record, maxRecords);
    const fault = trackId === undefined ? undefined : faults.get(trackId)?.shift();
    record.fault = fault?.kind;
    const reply = (answer: Answer) => send(res, req.headers, trackId, answer, record);

    if (fault?.kind === "status") return reply(faultAnswer(fault));
    if (fault?.kind === "reset-before") return req.socket.destroy();
    // Latency comes first, as on a network: the request is not seen until the delay is over.
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.kind === "hold" && trackId !== undefined) {
      let release = () => {};
      const handled = new Promise<void>((resolve) => whenHandled.set(req, resolve));
      held.set(trackId, [...(held.get(trackId) ?? []), { release: () => release(), handled }]);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    }

    let answer: Answer;
    const saved = key === undefined ? undefined : store.get(key);
    if (saved && (saved.method !== record.method || saved.path !== record.path)) {
      record.idempotency = "mismatch";
      return reply(
        jsonAnswer(422, { message: "The Idempotency-Key was already used with a different tenant, URL or method." }),
      );
    }
    if (saved?.answer === null) {
      record.idempotency = "in-progress";
      return reply(jsonAnswer(409, { message: "A request with the same Idempotency-Key is still in progress." }));
    }
    if (saved?.answer) {
      record.idempotency = "replayed";
      answer = saved.answer;
    } else {
      // Decoded before the key is taken: a body that cannot be decoded is refused without holding the key.
      const body = record.contentEncoding === "gzip" ? gunzip(raw, maxBodyBytes) : raw;
      if (key !== undefined)
        setNewest(store, key, { method: record.method, path: record.path, answer: null }, maxRecords);
      record.forwardedBody = body.toString("utf8");
      try {
        answer = await forward(upstreamUrl(), req.method ?? "GET", url.pathname + url.search, req.headers, body);
      } catch (error) {
        if (key !== undefined) store.delete(key);
        return reply(jsonAnswer(502, { success: false, reasons: [{ code: "SystemError", message: String(error) }] }));
      }
      record.prismStatus = answer.status;
      if (key !== undefined) {
        // Zuora checks credentials and its limits before idempotency, so a 401 or a 429 is not saved under the key
        // (the retry after a token refresh or a wait must reach the operation); every other answer is, success or
        // failure, as Zuora's guide says.
        if (answer.status === 401 || answer.status === 429) store.delete(key);
        else setNewest(store, key, { method: record.method, path: record.path, answer }, maxRecords);
      }
    }
    // Faults on the way back apply to a replayed answer as much as to a fresh one.
    if (fault?.kind === "reset-after") return req.socket.destroy();
    if (fault?.kind === "truncated-gzip") return sendTruncatedGzip(res, trackId, answer, record);
    return reply(answer);
  };
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The request body, up to `maxBytes`: past it, the rest is drained unread (memory stays flat) and a 413 is thrown
 * for the handler's catch to answer.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new Refused(413, `The request body is larger than ${maxBytes} bytes.`);
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData);
      chunks.length = 0;
      req.resume();
      reject(tooLarge());
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => reject(new Refused(400, "The request body broke off.")));
  });
}

/** A gzipped body, decoded up to `maxBytes` (a bomb stops there): 413 past it, 400 for what is not gzip. */
function gunzip(raw: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new Refused(413, `The request body is larger than ${maxBytes} bytes once gunzipped.`);
    }
    throw new Refused(400, "The request body is labelled Content-Encoding: gzip but is not valid gzip.");
  }
}

/** Answers a request the handler could not: its refusal (400, 413), or 500; a socket already answered is dropped. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const status = error instanceof Refused ? error.status : error instanceof BadControlRequest ? 400 : 500;
  const message = error instanceof Error && status !== 500 ? error.message : "The front layer failed.";
  sendJson(res, status, { success: false, reasons: [{ code: "FrontLayer", message }] });
}

function forward(upstream: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || NOT_FORWARDED.has(name) || name === "content-encoding") continue;
      outgoing[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    if (body.length > 0) outgoing["content-length"] = String(body.length);
    const req = httpRequest(new URL(path, upstream), { method, headers: outgoing }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const answerHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && !NOT_FORWARDED.has(name)) answerHeaders[name] = String(value);
        }
        resolve({ status: res.statusCode ?? 502, headers: answerHeaders, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function jsonAnswer(status: number, json: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: Buffer.from(JSON.stringify(json)),
  };
}

/** An injected failure that still follows the contract (the suites check every answer against the spec). */
function faultAnswer(fault: Extract<Fault, { kind: "status" }>): Answer {
  const retryAfter = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
  const requestId = { "zuora-request-id": "00000000-0000-4000-8000-00000000fa17" };
  if (fault.status === 429) return jsonAnswer(429, { message: "Too many requests" }, { ...retryAfter, ...requestId });
  return jsonAnswer(
    fault.status,
    { success: false, reasons: [{ code: "SystemError", message: `injected ${fault.status}` }] },
    { ...(fault.status === 503 ? retryAfter : {}), ...requestId },
  );
}

/** Echoes the track id (Prism would send its example), gzips when asked and worth it, and answers. */
function send(
  res: ServerResponse,
  requestHeaders: IncomingHttpHeaders,
  trackId: string | undefined,
  answer: Answer,
  record: FrontRecord,
): void {
  const headers = withTrackId(answer.headers, trackId);
  let body = answer.body;
  if (/\bgzip\b/.test(header(requestHeaders, "accept-encoding") ?? "") && body.length > GZIP_OVER_BYTES) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
    record.gzipped = true;
  }
  res.writeHead(answer.status, { ...headers, "content-length": String(body.length) });
  res.end(body);
}

function sendTruncatedGzip(
  res: ServerResponse,
  trackId: string | undefined,
  answer: Answer,
  record: FrontRecord,
): void {
  const gzipped = gzipSync(answer.body);
  record.gzipped = true;
  res.writeHead(answer.status, { ...withTrackId(answer.headers, trackId), "content-encoding": "gzip" });
  res.end(gzipped.subarray(0, Math.floor(gzipped.length / 2)));
}

function withTrackId(headers: Record<string, string>, trackId: string | undefined): Record<string, string> {
  const out = { ...headers };
  delete out["zuora-track-id"];
  if (trackId !== undefined) out["zuora-track-id"] = trackId;
  return out;
}

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  if (json === null) {
    res.writeHead(status).end();
    return;
  }
  const body = JSON.stringify(json);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}
