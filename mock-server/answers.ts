import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Answer } from "../stand-in/http/answers.js";
import { BadControlRequest } from "./faultPlan.js";
import { Refused } from "./refused.js";
import type { FrontRecord } from "./requestLog.js";

/** An answer as bytes: the upstream's, or one the front layer gives itself. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Zuora compresses responses over this many bytes when asked. */
const GZIP_OVER_BYTES = 1000;

/** A header's value, repeated values joined. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A JSON answer (the stand-in's faults and replay refusals, or the front layer's own) as bytes. */
export function wireAnswer(answer: Answer): WireAnswer {
  return { status: answer.status, headers: answer.headers, body: Buffer.from(JSON.stringify(answer.body)) };
}

/** Echoes the track id (Prism would send its example), gzips when asked and worth it, and answers. */
export function send(
  res: ServerResponse,
  requestHeaders: IncomingHttpHeaders,
  trackId: string | undefined,
  answer: WireAnswer,
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

/** The `truncated-gzip` fault: the answer gzipped and cut in half. */
export function sendTruncatedGzip(
  res: ServerResponse,
  trackId: string | undefined,
  answer: WireAnswer,
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

/** Answers with JSON, or with no body for `null`. */
export function sendJson(res: ServerResponse, status: number, json: unknown): void {
  if (json === null) {
    res.writeHead(status).end();
    return;
  }
  const body = JSON.stringify(json);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Answers a request the handler could not: its refusal (400, 413), or 500; a socket already answered is dropped. */
export function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const status = error instanceof Refused ? error.status : error instanceof BadControlRequest ? 400 : 500;
  const message = error instanceof Error && status !== 500 ? error.message : "The front layer failed.";
  sendJson(res, status, { success: false, reasons: [{ code: "FrontLayer", message }] });
}
