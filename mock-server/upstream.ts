import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { WireAnswer } from "./answers.js";

// Hop-by-hop and length headers are the front layer's own business on each leg.
const NOT_FORWARDED = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "accept-encoding",
]);

/**
 * Sends the request on to the upstream (Prism, or the stand-in behind it) with its body decoded, and reads the whole
 * answer. Rejects when the upstream cannot be reached or drops the connection.
 */
export function forward(
  upstream: string,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<WireAnswer> {
  return new Promise<WireAnswer>((resolve, reject) => {
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
