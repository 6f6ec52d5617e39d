import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { faultAnswer } from "../stand-in/http/faults.js";
import { IdempotencyStore, replayKey } from "../stand-in/http/idempotency.js";
import { answerFailure, header, send, sendTruncatedGzip, type WireAnswer, wireAnswer } from "./answers.js";
import { answerControl } from "./control.js";
import { FaultQueue, faultName } from "./faultPlan.js";
import { Holds } from "./holds.js";
import { gunzip, readBody } from "./requestBody.js";
import { RequestLog } from "./requestLog.js";
import { forward } from "./upstream.js";

export type { FaultName, FrontFault } from "./faultPlan.js";
export type { FrontRecord } from "./requestLog.js";

/**
 * What Prism cannot do, done in front of it: decode gzip request bodies, gzip responses over 1000 bytes when asked
 * (as Zuora does), echo `Zuora-Track-Id`, replay by `Idempotency-Key` (the stand-in's rule, imported, for a mock that
 * does not replay), and inject faults on demand (the stand-in's format, and three of its own). Everything else —
 * whether a request and its answer follow the contract — stays Prism's call: every request that is not answered by a
 * fault or a replay is forwarded to Prism unchanged but for the decoding. Its control endpoints (`/__front/...`) are
 * described in `./control.ts`.
 *
 * Never down: a body over the limit is answered 413, a body labelled gzip that is not gzip 400, a control request
 * that is not JSON or names an impossible fault 400, and any other failure 500; none of them stops the server.
 */

/** The running front layer. */
export interface FrontLayer {
  url: string;
  close(): Promise<void>;
}

/** Where the front layer listens, and what it does. */
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
  /**
   * Whether the front layer replays by `Idempotency-Key` itself, by the stand-in's rule: for an upstream that does
   * not (Prism's mock). Set it to false in front of the stand-in, which replays on its own, so that a request meets
   * one replay store on its way. Defaults to true.
   */
  replay?: boolean;
}

/** The default of {@link FrontLayerOptions.maxBodyBytes}. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The default of {@link FrontLayerOptions.maxRecords}. */
const DEFAULT_MAX_RECORDS = 10_000;

/** What the handler learns while it handles a request: the function to call once it is done with it. */
interface Handling {
  handled?: () => void;
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
  const replays = options.replay ?? true;
  const controlled = { faults: new FaultQueue(), log: new RequestLog(maxRecords), holds: new Holds() };
  const store = new IdempotencyStore<WireAnswer>(maxRecords);
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse, handling: Handling): Promise<unknown> => {
    const raw = await readBody(req, maxBodyBytes);
    const url = new URL(req.url ?? "/", "http://front");
    if (await answerControl(req.method, url, raw, res, controlled)) return;

    const trackId = header(req.headers, "zuora-track-id");
    const record = controlled.log.add(trackId, {
      method: req.method ?? "GET",
      path: url.pathname,
      idempotencyKey: header(req.headers, "idempotency-key"),
      contentEncoding: header(req.headers, "content-encoding"),
      fault: undefined,
      prismStatus: undefined,
      forwardedBody: undefined,
      idempotency: undefined,
      gzipped: false,
    });
    const fault = controlled.faults.take(trackId);
    record.fault = fault === undefined ? undefined : faultName(fault);
    const reply = (answer: WireAnswer) => send(res, req.headers, trackId, answer, record);

    if (typeof fault === "object" && "status" in fault) return reply(wireAnswer(faultAnswer(fault)));
    if (fault === "reset-before") return req.socket.destroy();
    // Latency comes first, as on a network: the request is not seen until the delay is over.
    if (typeof fault === "object") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault === "hold" && trackId !== undefined) handling.handled = await controlled.holds.hold(trackId);

    // Decoded before the key is taken: a body that cannot be decoded is refused without holding the key.
    const body = record.contentEncoding === "gzip" ? gunzip(raw, maxBodyBytes) : raw;
    const key = replays ? replayKey(record.method, record.idempotencyKey) : undefined;
    const replay = key === undefined ? undefined : store.begin(key, record.method, record.path);
    record.idempotency = replay?.idempotency;
    if (replay && replay.idempotency !== "replayed") return reply(wireAnswer(replay));
    let answer: WireAnswer;
    if (replay) {
      answer = replay;
    } else {
      record.forwardedBody = body.toString("utf8");
      try {
        answer = await forward(upstreamUrl(), record.method, url.pathname + url.search, req.headers, body);
      } catch (error) {
        if (key !== undefined) store.save(key, undefined);
        return reply(
          wireAnswer({
            status: 502,
            headers: { "content-type": "application/json" },
            body: { success: false, reasons: [{ code: "SystemError", message: String(error) }] },
          }),
        );
      }
      record.prismStatus = answer.status;
      if (key !== undefined) store.save(key, answer);
    }
    // Faults on the way back apply to a replayed answer as much as to a fresh one.
    if (fault === "reset-after") return req.socket.destroy();
    if (fault === "truncated-gzip") return sendTruncatedGzip(res, trackId, answer, record);
    return reply(answer);
  };

  const server = createServer((req, res) => {
    res.on("error", () => {});
    const handling: Handling = {};
    void handle(req, res, handling)
      .catch((error: unknown) => answerFailure(req, res, error))
      .finally(() => handling.handled?.());
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });
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
